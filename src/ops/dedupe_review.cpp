// Candidate pairs for the review list of `jamsos dedupe` (Perwali Balikpapan 3/2025 Pasal 8
// ayat (2)): blocked by birth date, then by name and NIK keys (dedupe_review.hpp).
// Boundary: 6471015505800001 and 6471015505800007 (one digit apart, same birth date) share
// the key of digit groups 1 and 2 (digits 1,5,9,13 and 2,6,10,14), so they are compared
// even with unrelated names.
#include "jamsos/ops/dedupe_review.hpp"

#include <algorithm>
#include <utility>

namespace jamsos {

void nik_block_keys(std::uint64_t nik, std::vector<std::uint64_t>& out) {
  // Digit k (0-based from the left) goes to group k % 4.
  std::uint64_t group[4] = {0, 0, 0, 0};
  for (int k = 15; k >= 0; --k, nik /= 10) group[k % 4] = group[k % 4] * 10 + nik % 10;
  for (int x = 0; x < 4; ++x)
    for (int y = x + 1; y < 4; ++y) {
      const std::uint64_t h = (static_cast<std::uint64_t>(x * 4 + y) << 56) ^ (group[x] * 100000) ^ group[y];
      out.push_back(h * 0x9e3779b97f4a7c15ULL);
    }
}

namespace {

using Entries = std::vector<std::pair<std::uint64_t, std::uint32_t>>;

// Calls f(i, j), i < j, for every two people sharing a key of `entries` (sorted).
template <typename F>
void for_each_sharing(const Entries& entries, F f) {
  for (std::size_t s = 0; s < entries.size();) {
    std::size_t e = s + 1;
    while (e < entries.size() && entries[e].first == entries[s].first) ++e;
    for (std::size_t x = s; x < e; ++x)
      for (std::size_t y = x + 1; y < e; ++y) f(entries[x].second, entries[y].second);
    s = e;
  }
}

}  // namespace

void review_block(const std::vector<PersonKey>& people, const std::vector<std::uint32_t>& rows,
                  const Decisions& decisions, std::vector<ReviewPair>& out, BlockStats& stats) {
  const std::size_t n = people.size();
  if (n < 2) return;

  // (key, person) for every key of every person; equal keys side by side after sorting.
  Entries by_name, by_nik;
  std::vector<std::uint64_t> keys;
  for (std::size_t i = 0; i < n; ++i) {
    const auto who = static_cast<std::uint32_t>(i);
    keys.clear();
    name_block_keys(people[i].name, keys);
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    for (const auto k : keys) by_name.emplace_back(k, who);
    if (people[i].nik == 0) continue;
    keys.clear();
    nik_block_keys(people[i].nik, keys);
    for (const auto k : keys) by_nik.emplace_back(k, who);
  }
  std::sort(by_name.begin(), by_name.end());
  std::sort(by_nik.begin(), by_nik.end());

  // Pairs sharing a name key, or a NIK key with NIKs really within two digits; each once.
  std::vector<std::uint64_t> pairs;
  const auto pack = [](std::uint32_t i, std::uint32_t j) { return static_cast<std::uint64_t>(i) << 32 | j; };
  for_each_sharing(by_name, [&](std::uint32_t i, std::uint32_t j) { pairs.push_back(pack(i, j)); });
  for_each_sharing(by_nik, [&](std::uint32_t i, std::uint32_t j) {
    if (people[i].nik != people[j].nik && nik_distance(people[i].nik, people[j].nik).digits <= 2)
      pairs.push_back(pack(i, j));
  });
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());

  for (const auto packed : pairs) {
    const auto i = static_cast<std::size_t>(packed >> 32), j = static_cast<std::size_t>(packed & 0xffffffffu);
    ++stats.comparisons;
    const PairScore score = score_pair(people[i], people[j]);
    if (!score.proposed) continue;
    if (people[i].nik != 0 && people[j].nik != 0 &&
        decisions.find(people[i].nik, people[j].nik) != Decisions::Verdict::none) {
      ++stats.decided;
      continue;
    }
    out.push_back({rows[i], rows[j], score});
  }
}

}  // namespace jamsos
