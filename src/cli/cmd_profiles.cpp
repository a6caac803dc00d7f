// Placeholder until `jamsos profiles` lands (see the open issue); prints what is missing.
#include "command.hpp"
#include "jamsos/core/errors.hpp"

namespace jamsos::cli {

void add_profiles(CLI::App& sub, Runner& run) {
  sub.callback([&run] {
    run = [] () -> int { throw UsageError("jamsos profiles: belum tersedia / not yet available"); };
  });
}

}  // namespace jamsos::cli
