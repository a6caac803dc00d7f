// The pieces that make `jamsos dedupe --against` fast (dedupe_index.hpp, dedupe_against.hpp):
// the eight-digits-at-a-time NIK reader against nik_key, the stable radix sort, the index
// (filter + search) against a plain set, and the rosters read on their own thread while the
// candidates are still being read, with the parked NIKs bounded.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "../csv/csv_test_util.hpp"
#include "jamsos/core/nik.hpp"
#include "jamsos/ops/dedupe_against.hpp"
#include "jamsos/core/text.hpp"
#include "jamsos/ops/dedupe_index.hpp"

using namespace jamsos;
using csv::test::TempDir;

// Both readers use the eight-digits-at-a-time path: checked against a digit loop.
TEST_CASE("dedupe::read_nik_key and nik_key agree with a digit loop", "[dedupe]") {
  const auto reference = [](std::string_view cell) -> std::optional<std::uint64_t> {
    cell = trim(cell);
    if (cell.size() != 16) return std::nullopt;
    std::uint64_t key = 0;
    for (const char c : cell) {
      if (c < '0' || c > '9') return std::nullopt;
      key = key * 10 + static_cast<std::uint64_t>(c - '0');
    }
    return key;
  };
  const auto same = [&](const std::string& cell) {
    std::uint64_t key = 12345;
    const bool ok = read_nik_key(cell, key);
    const auto expected = reference(cell);
    CHECK(ok == expected.has_value());
    CHECK(key == expected.value_or(0));
    CHECK(nik_key(cell) == expected);
  };
  SECTION("sixteen digits, and every near miss") {
    same("6471015505800001");
    same("0000000000000000");
    same("9999999999999999");
    same(" 6471015505800001");   // trimmed by nik_key
    same("6471015505800001 ");
    same("647101550580000");     // 15 digits
    same("64710155058000011");   // 17
    same("6.47101E+15");
    same("");
    for (const char c : {'/', ':', 'a', ' ', '\x80', '\xff', '\0'})
      for (std::size_t at = 0; at < 16; ++at) {
        std::string s = "6471015505800001";
        s[at] = c;
        same(s);
      }
  }
  SECTION("random digits and bytes") {
    std::mt19937_64 rng(7);
    for (int i = 0; i < 20000; ++i) {
      std::string s(16, '0');
      for (auto& c : s) c = static_cast<char>('0' + rng() % 10);
      if (i % 3 == 0) s[rng() % 16] = static_cast<char>(rng() % 256);
      same(s);
    }
  }
}

TEST_CASE("dedupe::sort_nik_rows is a stable sort by NIK", "[dedupe]") {
  std::mt19937_64 rng(3);
  for (const std::size_t n : {0u, 1u, 2u, 100u, 5000u}) {
    std::vector<NikRow> rows;
    for (std::uint32_t i = 0; i < n; ++i) {
      // few distinct values, spread over every 11-bit digit, so ties are many
      const std::uint64_t nik = (rng() % 50) * 123456789012345ULL + 6471000000000000ULL;
      rows.push_back({nik, i, static_cast<std::int32_t>(rng() % 10)});
    }
    auto expected = rows;
    std::stable_sort(expected.begin(), expected.end(), [](const NikRow& a, const NikRow& b) { return a.nik < b.nik; });
    sort_nik_rows(rows);
    REQUIRE(rows.size() == expected.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
      CHECK(rows[i].nik == expected[i].nik);
      CHECK(rows[i].row == expected[i].row);
    }
  }
  SECTION("keys that differ only in their top bits") {
    std::vector<NikRow> rows = {{9000000000000000ULL, 0, 0}, {1000000000000000ULL, 1, 0}, {9000000000000000ULL, 2, 0}};
    sort_nik_rows(rows);
    CHECK(rows[0].row == 1);
    CHECK(rows[1].row == 0);
    CHECK(rows[2].row == 2);
  }
}

TEST_CASE("dedupe::NikIndex finds exactly its keys", "[dedupe]") {
  std::mt19937_64 rng(11);
  std::set<std::uint64_t> set;
  while (set.size() < 30000) set.insert(6471000000000000ULL + rng() % 100000000000ULL);
  std::vector<std::uint64_t> keys(set.begin(), set.end());
  std::vector<std::uint32_t> numbers(keys.size());
  for (std::size_t i = 0; i < numbers.size(); ++i) numbers[i] = static_cast<std::uint32_t>(numbers.size() - i);  // any
  NikIndex index;
  index.assign(keys, numbers);
  for (std::size_t i = 0; i < keys.size(); i += 7) CHECK(index.find(keys[i]) == numbers[i]);

  std::vector<std::uint64_t> probes;
  for (int i = 0; i < 100000; ++i)
    probes.push_back(i % 10 == 0 ? keys[rng() % keys.size()] : 6471000000000000ULL + rng() % 100000000000ULL);
  probes.push_back(0);
  probes.push_back(keys.front() - 1);
  probes.push_back(keys.back() + 1);
  std::vector<std::uint32_t> found(probes.size());
  index.find_many(probes.data(), probes.size(), found.data());
  std::size_t wrong = 0;
  for (std::size_t i = 0; i < probes.size(); ++i) {
    const auto it = std::lower_bound(keys.begin(), keys.end(), probes[i]);
    const std::uint32_t expected =
        it != keys.end() && *it == probes[i] ? numbers[static_cast<std::size_t>(it - keys.begin())] : NikIndex::kNone;
    wrong += found[i] != expected || index.find(probes[i]) != expected;
  }
  CHECK(wrong == 0);

  NikIndex empty;
  CHECK(empty.find(6471015505800001ULL) == NikIndex::kNone);
  empty.find_many(probes.data(), 3, found.data());
  CHECK(found[0] == NikIndex::kNone);
}

TEST_CASE("dedupe::Rosters read while the candidates are read, parked NIKs bounded", "[dedupe]") {
  TempDir dir;
  // 1,000 roster rows; NIK 6471010000000007 on lines 9 and 900, a blank NIK, a 15-digit one.
  std::string roster = "nama,nik\n";
  for (int i = 0; i < 1000; ++i) {
    const std::uint64_t nik = i == 898 ? 6471010000000007ULL : 6471010000000000ULL + static_cast<std::uint64_t>(i);
    roster += "x," + (i == 500 ? std::string() : i == 501 ? std::string("647101000000050") : std::to_string(nik)) + "\n";
  }
  const std::string path = dir.file("bpjs.csv", roster);
  const std::vector<std::uint64_t> candidates = {6471010000000007ULL, 6471010000000999ULL, 6471019999999999ULL};
  const auto check = [&](Rosters& rosters) {
    NikIndex index;
    index.assign(candidates, {0, 1, 2});
    std::vector<std::uint64_t> hits;
    rosters.finish(index, hits);
    REQUIRE(hits.size() == 3);
    CHECK(rosters.location(hits[0]) == path + ":9");  // line 9 (row 7), not line 900
    CHECK(rosters.location(hits[1]) == path + ":1001");
    CHECK(hits[2] == 0);
    CHECK(rosters.rows() == 1000);
    CHECK(rosters.rows_without_nik() == 2);
  };
  SECTION("one thread: read in finish()") {
    Rosters rosters({path}, {});
    rosters.start(false);
    check(rosters);
  }
  SECTION("a thread of its own, waiting once 50 rows are parked") {
    Rosters rosters({path}, {});
    rosters.limit_parked(50, 10);
    rosters.start(true);
    for (int i = 0; i < 2000 && rosters.parked_peak() < 50; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    CHECK(rosters.parked_peak() >= 50);
    CHECK(rosters.parked_peak() <= 60);  // waits after the chunk that reached the limit
    check(rosters);
  }
  SECTION("cancelled while waiting") {
    Rosters rosters({path}, {});
    rosters.limit_parked(50, 10);
    rosters.start(true);
    rosters.cancel();
  }
}
