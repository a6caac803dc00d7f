#pragma once
// Finding likely-same-person pairs for `jamsos dedupe --review` without comparing every
// row with every other (docs/ARCHITECTURE.md, "dedupe"). The rule needs the same birth
// date (name_match.hpp), so rows are first grouped by birth date; inside a group only rows
// that share a blocking key are compared:
//   - a name key (name_block_keys): a word's first three letters, last three, or first and
//     last letter, so that two spellings one edit apart still meet;
//   - a NIK key: the 16 digits are dealt into four groups of four (digits 1,5,9,13 /
//     2,6,10,14 / 3,7,11,15 / 4,8,12,16) and a key keeps two groups, for each of the six
//     choices. NIKs at most two digits apart touch at most two groups, so they share the
//     key of the other two: every such pair is found. Dealing the digits out puts a serial
//     digit in every key, so the digits a birth-date block shares (region, DDMMYY) never
//     make one huge bucket. NIK-key candidates are only scored when their NIKs are within
//     two digits; the check is a few nanoseconds.
// Boundary: 2,000 people born the same day with unrelated names and NIKs from different
// districts cost a few thousand comparisons, not the 2 million of every pair.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "jamsos/ops/dedupe_decisions.hpp"
#include "jamsos/ops/name_match.hpp"

namespace jamsos {

struct ReviewPair {
  std::uint32_t a = 0, b = 0;  // row numbers, a < b (input order)
  PairScore score;
};

struct BlockStats {
  std::size_t comparisons = 0;  // pairs scored (name_match's score_pair)
  std::size_t decided = 0;      // proposed pairs left out: already judged in the decisions
};

// One birth-date group: `people[i]` is row `rows[i]`, rows ascending. Appends the pairs to
// propose to `out`, ordered by (a, b) within the group.
void review_block(const std::vector<PersonKey>& people, const std::vector<std::uint32_t>& rows,
                  const Decisions& decisions, std::vector<ReviewPair>& out, BlockStats& stats);

// The six blocking keys of a NIK key (see above); appended to `out`.
void nik_block_keys(std::uint64_t nik, std::vector<std::uint64_t>& out);

}  // namespace jamsos
