#pragma once
// The distinct candidate NIKs of `jamsos dedupe` (Perwali Balikpapan 3/2025 Pasal 8 ayat (2)),
// as 64-bit keys (nik_key), and how the rosters' millions of NIKs are looked up in them.
//
// Pass 1 collects (NIK, row) pairs; sort_nik_rows() orders them with a radix sort (stable:
// the rows of one NIK stay in input order), which streams through memory where inserting
// into a hash table costs a cache miss per row. The distinct keys, sorted, are the index:
// a NIK's number is its rank. A roster NIK is first checked against a blocked Bloom filter
// of 16 bits per candidate (2 MB for a million: it stays in the cache; about 1% of the
// NIKs that are not candidates pass it), and only what passes is searched: a binary search
// over every 64th key (128 KB), then within that block of 64. A key found returns the
// number the caller gave it (dedupe numbers NIKs in order of first appearance, so that the
// second pass reads its per-NIK arrays nearly in order).
// Boundary: key 0 ("0000000000000000") is never a candidate (dedupe treats it as no NIK)
// and is never found.
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

#include "jamsos/core/nik.hpp"

namespace jamsos {

// nik_key for a cell read millions of times: a cell of exactly 16 digits (nearly every one)
// is read eight digits at a time; anything else goes to nik_key (trimming included).
// False when the cell is not a 16-digit NIK.
inline bool read_nik_key(std::string_view cell, std::uint64_t& key) {
  if (sixteen_digit_key(cell, key)) return true;
  const auto parsed = nik_key(cell);
  key = parsed.value_or(0);
  return parsed.has_value();
}

// A row of pass 1 that has a NIK.
struct NikRow {
  std::uint64_t nik = 0;
  std::uint32_t row = 0;
  std::int32_t proposed = 0;  // tanggal_usulan as a day number
};

// Sorts by NIK, keeping input order within a NIK (LSD radix sort, 11 bits a pass; a pass
// whose digit is the same for every key is skipped).
void sort_nik_rows(std::vector<NikRow>& rows);

class NikIndex {
public:
  static constexpr std::uint32_t kNone = UINT32_MAX;

  // `keys`: sorted, distinct, none 0; numbers[i]: what finding keys[i] returns.
  void assign(std::vector<std::uint64_t> keys, std::vector<std::uint32_t> numbers);
  // The key's number, or kNone.
  std::uint32_t find(std::uint64_t key) const;
  // out[i] = find(keys[i]) for n keys; the filter words of the batch are prefetched first.
  void find_many(const std::uint64_t* keys, std::size_t n, std::uint32_t* out) const;

  std::size_t size() const { return m_keys.size(); }
  std::size_t memory_bytes() const;

private:
  static std::uint64_t mix(std::uint64_t key) {  // splitmix64's finaliser
    key += 0x9E3779B97F4A7C15ULL;
    key = (key ^ (key >> 30)) * 0xBF58476D1CE4E5B9ULL;
    key = (key ^ (key >> 27)) * 0x94D049BB133111EBULL;
    return key ^ (key >> 31);
  }
  static std::uint64_t bits(std::uint64_t h) {  // three bits of a filter word
    return std::uint64_t{1} << (h & 63) | std::uint64_t{1} << (h >> 6 & 63) | std::uint64_t{1} << (h >> 12 & 63);
  }
  std::size_t word(std::uint64_t h) const { return static_cast<std::size_t>(h >> m_shift); }
  std::uint32_t search(std::uint64_t key) const;

  std::vector<std::uint64_t> m_keys;    // sorted
  std::vector<std::uint32_t> m_numbers;  // of m_keys[i]
  std::vector<std::uint64_t> m_sample;  // m_keys[64 i]
  std::vector<std::uint64_t> m_filter;  // blocked Bloom filter, one word per key
  unsigned m_shift = 63;
};

}  // namespace jamsos
