// The candidate NIK index of `jamsos dedupe` (dedupe_index.hpp). Boundary: a NIK that
// passes the filter but is not a candidate (about 1 in 100 of the roster's) costs one
// search, and still returns kNone.
#include "jamsos/ops/dedupe_index.hpp"

#include <algorithm>
#include <utility>

#include "jamsos/core/radix_sort.hpp"

namespace jamsos {

namespace {
constexpr std::size_t kBlock = 64;  // keys per sample
constexpr std::size_t kBatch = 32;  // filter words prefetched ahead of their check
}  // namespace

void sort_nik_rows(std::vector<NikRow>& rows) { radix_sort_by_nik(rows); }

void NikIndex::assign(std::vector<std::uint64_t> keys, std::vector<std::uint32_t> numbers) {
  m_keys = std::move(keys);
  m_numbers = std::move(numbers);
  m_sample.clear();
  for (std::size_t i = 0; i < m_keys.size(); i += kBlock) m_sample.push_back(m_keys[i]);
  // 16 bits (a quarter of a word) per key, at least 64 words.
  std::size_t words = 64;
  while (words * 4 < m_keys.size()) words *= 2;
  m_filter.assign(words, 0);
  m_shift = 64 - static_cast<unsigned>(std::countr_zero(words));
  for (const std::uint64_t key : m_keys) {
    const std::uint64_t h = mix(key);
    m_filter[word(h)] |= bits(h);
  }
}

std::size_t NikIndex::memory_bytes() const {
  return (m_keys.capacity() + m_sample.capacity() + m_filter.capacity()) * sizeof(std::uint64_t) +
         m_numbers.capacity() * sizeof(std::uint32_t);
}

std::uint32_t NikIndex::search(std::uint64_t key) const {
  // The last sample not above the key, then the key within that block.
  const auto s = std::upper_bound(m_sample.begin(), m_sample.end(), key);
  if (s == m_sample.begin()) return kNone;
  const std::size_t from = static_cast<std::size_t>(s - m_sample.begin() - 1) * kBlock;
  const auto first = m_keys.begin() + static_cast<std::ptrdiff_t>(from);
  const auto last = m_keys.begin() + static_cast<std::ptrdiff_t>(std::min(from + kBlock, m_keys.size()));
  const auto it = std::lower_bound(first, last, key);
  return it != last && *it == key ? m_numbers[static_cast<std::size_t>(it - m_keys.begin())] : kNone;
}

std::uint32_t NikIndex::find(std::uint64_t key) const {
  if (key == 0 || m_keys.empty()) return kNone;
  const std::uint64_t h = mix(key), b = bits(h);
  if ((m_filter[word(h)] & b) != b) return kNone;
  return search(key);
}

void NikIndex::find_many(const std::uint64_t* keys, std::size_t n, std::uint32_t* out) const {
  if (m_keys.empty()) {
    std::fill(out, out + n, kNone);
    return;
  }
  std::uint64_t hashes[kBatch];
  for (std::size_t start = 0; start < n; start += kBatch) {
    const std::size_t m = std::min(kBatch, n - start);
    for (std::size_t i = 0; i < m; ++i) {
      hashes[i] = mix(keys[start + i]);
      __builtin_prefetch(&m_filter[word(hashes[i])]);
    }
    for (std::size_t i = 0; i < m; ++i) {
      const std::uint64_t key = keys[start + i], b = bits(hashes[i]);
      out[start + i] = key != 0 && (m_filter[word(hashes[i])] & b) == b ? search(key) : kNone;
    }
  }
}

}  // namespace jamsos
