#pragma once
// Sorting millions of NIK-keyed records (dedupe's NIK groups, terminate's one-row-per-NIK
// check): an LSD radix sort on the 64-bit `nik` member, 11 bits a pass, stable, so records
// with one NIK stay in the order they were given (input order). A pass whose digit is the
// same in every key is skipped: NIKs are below 10^16 (54 bits) and share their region, so
// four or five passes do. It streams through memory where std::sort's comparisons jump
// about: 1M 16-byte records take ~15 ms instead of ~70 (terminate, measured).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace jamsos {

template <typename Record>
void radix_sort_by_nik(std::vector<Record>& rows) {
  constexpr unsigned kDigitBits = 11;
  constexpr std::size_t kBuckets = std::size_t{1} << kDigitBits;
  if (rows.size() < 2) return;
  std::uint64_t all_or = 0, all_and = ~std::uint64_t{0};
  for (const auto& r : rows) all_or |= r.nik, all_and &= r.nik;
  const std::uint64_t varying = all_or ^ all_and;  // bits that differ somewhere
  std::vector<Record> other(rows.size());
  std::vector<std::size_t> start(kBuckets);
  for (unsigned shift = 0; shift < 64; shift += kDigitBits) {
    if (((varying >> shift) & (kBuckets - 1)) == 0) continue;  // the same digit everywhere
    std::fill(start.begin(), start.end(), 0);
    for (const auto& r : rows) ++start[r.nik >> shift & (kBuckets - 1)];
    std::size_t sum = 0;
    for (auto& s : start) sum += std::exchange(s, sum);
    for (const auto& r : rows) other[start[r.nik >> shift & (kBuckets - 1)]++] = r;
    rows.swap(other);
  }
}

}  // namespace jamsos
