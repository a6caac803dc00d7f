// Placeholder until `jamsos terminate` lands (see the open issue); prints what is missing.
#include "command.hpp"
#include "jamsos/core/errors.hpp"

namespace jamsos::cli {

void add_terminate(CLI::App& sub, Runner& run) {
  sub.callback([&run] {
    run = [] () -> int { throw UsageError("jamsos terminate: belum tersedia / not yet available"); };
  });
}

}  // namespace jamsos::cli
