#pragma once
// A progress bar on stderr for long runs in a terminal; silent for the first second so
// that small files print nothing extra.
#include <chrono>

#include "jamsos/ops/progress.hpp"

namespace jamsos::cli {

class TerminalProgress : public Progress {
public:
  void update(std::uint64_t bytes_done, std::uint64_t bytes_total) override;
  void finish() override;

private:
  using Clock = std::chrono::steady_clock;
  Clock::time_point m_start = Clock::now();
  Clock::time_point m_last{};
  bool m_drawn = false;
};

}  // namespace jamsos::cli
