#include "terminal_progress.hpp"

#include <fmt/core.h>

#include <cstdio>

namespace jamsos::cli {

void TerminalProgress::update(std::uint64_t done, std::uint64_t total) {
  const auto now = Clock::now();
  if (now - m_start < std::chrono::seconds(1) || now - m_last < std::chrono::milliseconds(200)) return;
  m_last = now;
  m_drawn = true;
  const double mb = static_cast<double>(done) / 1e6;
  if (total > 0) {
    const double frac = static_cast<double>(done) / static_cast<double>(total);
    const int width = 30;
    const int filled = static_cast<int>(frac * width);
    fmt::print(stderr, "\r[{:=<{}}{:<{}}] {:3.0f}% {:.0f} MB", "", filled, "", width - filled, frac * 100, mb);
  } else {
    fmt::print(stderr, "\r{:.0f} MB", mb);
  }
  (void)std::fflush(stderr);  // a progress bar that cannot be flushed is not worth failing for
}

void TerminalProgress::finish() {
  if (m_drawn) fmt::print(stderr, "\r\033[K");
}

}  // namespace jamsos::cli
