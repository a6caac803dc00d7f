// Placeholder until `jamsos consolidate` lands (see the open issue); prints what is missing.
#include "command.hpp"
#include "jamsos/core/errors.hpp"

namespace jamsos::cli {

void add_consolidate(CLI::App& sub, Runner& run) {
  sub.callback([&run] {
    run = [] () -> int { throw UsageError("jamsos consolidate: belum tersedia / not yet available"); };
  });
}

}  // namespace jamsos::cli
