#pragma once
// Long runs report how far they are; the CLI draws a bar on a terminal, tests pass null.
#include <cstdint>

namespace jamsos {

class Progress {
public:
  virtual ~Progress() = default;
  // Called often (every few thousand rows); implementations throttle themselves.
  virtual void update(std::uint64_t bytes_done, std::uint64_t bytes_total) = 0;
  virtual void finish() = 0;
};

}  // namespace jamsos
