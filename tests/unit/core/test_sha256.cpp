// SHA-256 of src/core/sha256.cpp against the FIPS 180-4 examples (and the NIST long-message
// vector), piece boundaries, the portable code against the SHA extensions, and `sha256sum`.
#include <catch2/catch.hpp>

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <cstdint>
#include <fstream>
#include <random>
#include <string>

#include "jamsos/core/sha256.hpp"

using namespace jamsos;

namespace {

// Runs the test body once with the SHA extensions (where the CPU has them), once without.
struct BothImplementations {
  explicit BothImplementations(bool hardware) { sha256_hardware(hardware); }
  ~BothImplementations() { sha256_hardware(true); }
};

std::string digest_in_pieces(const std::string& bytes, std::size_t piece) {
  Sha256 h;
  for (std::size_t at = 0; at < bytes.size(); at += piece) h.update(std::string_view(bytes).substr(at, piece));
  return to_hex(h.digest());
}

}  // namespace

TEST_CASE("sha256: FIPS 180-4 examples", "[sha256]") {
  const bool hardware = GENERATE(true, false);
  BothImplementations implementation(hardware);
  INFO("SHA extensions allowed: " << hardware);
  SECTION("empty") { CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"); }
  SECTION("one block: abc") {
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }
  SECTION("two blocks: 448 bits, the padding does not fit the first") {
    CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  }
  SECTION("896 bits") {
    CHECK(sha256_hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrs"
                     "mnopqrstnopqrstu") == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
  }
  SECTION("one million times 'a'") {
    const std::string a(1000000, 'a');
    CHECK(sha256_hex(a) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    CHECK(digest_in_pieces(a, 1) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    CHECK(digest_in_pieces(a, 1000) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  }
  SECTION("lengths around the block and padding edges, in pieces of every size") {
    // 55 bytes: the length still fits; 56: it does not; 63, 64, 65: the block edge.
    for (const std::size_t n : {55u, 56u, 57u, 63u, 64u, 65u, 119u, 120u, 127u, 128u, 129u}) {
      std::string bytes;
      for (std::size_t i = 0; i < n; ++i) bytes.push_back(static_cast<char>('a' + i % 26));
      const std::string whole = sha256_hex(bytes);
      for (std::size_t piece = 1; piece <= n; ++piece) {
        INFO(n << " bytes in pieces of " << piece);
        REQUIRE(digest_in_pieces(bytes, piece) == whole);
      }
    }
  }
}

TEST_CASE("sha256: the SHA extensions and the portable code agree", "[sha256]") {
  std::mt19937_64 rng(20260306);
  for (int round = 0; round < 50; ++round) {
    std::string bytes(rng() % 5000, '\0');
    for (auto& c : bytes) c = static_cast<char>(rng());
    sha256_hardware(true);
    const std::string fast = digest_in_pieces(bytes, 1 + rng() % 300);
    sha256_hardware(false);
    const std::string portable = digest_in_pieces(bytes, 1 + rng() % 300);
    sha256_hardware(true);
    INFO(bytes.size() << " bytes");
    REQUIRE(fast == portable);
  }
}

TEST_CASE("sha256: the same digest as sha256sum on a file", "[sha256]") {
  if (::system("command -v sha256sum >/dev/null 2>&1") != 0) {
    WARN("sha256sum is not installed; not compared");
    return;
  }
  char path[] = "/tmp/jamsos-sha256-XXXXXX";
  const int fd = ::mkstemp(path);
  REQUIRE(fd >= 0);
  ::close(fd);
  std::string bytes;
  std::mt19937 rng(7);
  for (int i = 0; i < 300000; ++i) bytes.push_back(static_cast<char>(rng()));
  std::ofstream(path, std::ios::binary) << bytes;
  std::string printed;
  if (FILE* p = ::popen((std::string("sha256sum ") + path).c_str(), "r")) {
    char line[256];
    if (std::fgets(line, sizeof line, p)) printed = line;
    ::pclose(p);
  }
  ::unlink(path);
  REQUIRE(printed.size() > 64);
  CHECK(sha256_hex(bytes) == printed.substr(0, 64));
  Sha256 h;
  h.update(bytes);
  CHECK(h.size() == bytes.size());
  CHECK(to_hex(h.digest()) == printed.substr(0, 64));
  CHECK(h.size() == 0);  // starts over after digest()
}
