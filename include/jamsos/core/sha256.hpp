#pragma once
// SHA-256 (FIPS 180-4) for the processing record (--audit, UU 27/2022 Pasal 31): every input
// and output of a run is named by its digest, so an auditor can tell which file was processed
// and which was produced. Our own small implementation, no library (Debian's are not among
// the project's dependencies); checked against the FIPS 180-4 examples and `sha256sum`.
//
// Worked example: sha256_hex("abc") ==
//   "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad".
// Streaming: update() any number of times with pieces of any size, then digest(); the pieces'
// boundaries do not matter (update("a"), update("bc") gives the same digest as "abc").
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace jamsos {

class Sha256 {
public:
  using Digest = std::array<std::uint8_t, 32>;

  Sha256() { reset(); }
  void reset();
  void update(std::string_view bytes);
  // The digest of everything given since the last reset(); the object starts over after it.
  Digest digest();
  std::uint64_t size() const { return m_size; }  // bytes given since the last reset()

private:
  std::array<std::uint32_t, 8> m_state{};
  std::array<std::uint8_t, 64> m_block{};
  std::size_t m_fill = 0;    // bytes waiting in m_block
  std::uint64_t m_size = 0;  // bytes given in all
};

// 64 lower-case hex digits, as `sha256sum` prints them.
std::string to_hex(const Sha256::Digest& digest);
std::string sha256_hex(std::string_view bytes);

// The x86 SHA extensions are used when the CPU has them. Tests call this with false to check
// the portable code on such a CPU too; returns whether the extensions are in use now.
bool sha256_hardware(bool allowed = true);

}  // namespace jamsos
