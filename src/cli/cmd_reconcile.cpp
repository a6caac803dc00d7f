// Placeholder until `jamsos reconcile` lands (see the open issue); prints what is missing.
#include "command.hpp"
#include "jamsos/core/errors.hpp"

namespace jamsos::cli {

void add_reconcile(CLI::App& sub, Runner& run) {
  sub.callback([&run] {
    run = [] () -> int { throw UsageError("jamsos reconcile: belum tersedia / not yet available"); };
  });
}

}  // namespace jamsos::cli
