// Fuzzes parse_profile (profile.hpp): any TOML text, well-formed or not. The documented
// answer to a bad profile is ConfigError (78) naming FILE:LINE; any other exception, a
// crash or a hang is a bug.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "jamsos/core/errors.hpp"
#include "jamsos/core/profile.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    (void)jamsos::parse_profile(text, "fuzz.toml");
  } catch (const jamsos::ConfigError&) {
  }
  return 0;
}
