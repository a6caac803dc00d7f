#pragma once
// The reviewer's answers for `jamsos dedupe --decisions FILE` (contract, `dedupe`): CSV
// with `nik_a`, `nik_b`, `keputusan`. A pair judged `same` is one person (the second NIK
// goes to the duplicates as duplicate_person); a pair judged either way is not proposed
// for review again. The order of the two NIKs does not matter: (a,b) = (b,a).
//
// Accepted answers, any case: `same` / `sama`, `different` / `beda` / `berbeda`. An empty
// `keputusan` is a pair not yet judged (the review file itself, partly filled in, is a valid
// decisions file). Anything else, a NIK that is not 16 digits beside an answer, or one pair
// judged both ways stops the run (65) naming FILE:LINE.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "jamsos/csv/reader.hpp"

namespace jamsos {

class Decisions {
public:
  enum class Verdict { none, same, different };

  Decisions() = default;  // no decisions
  // Reads the whole file (it is small: one line per judged pair). Errors as above;
  // a missing file is 66, a missing column 65.
  static Decisions load(const std::string& path, const csv::ReaderOptions& options);

  Verdict find(std::uint64_t nik_a, std::uint64_t nik_b) const;
  // Every pair judged `same`, the smaller NIK key first.
  std::vector<std::pair<std::uint64_t, std::uint64_t>> same_pairs() const;
  std::size_t size() const { return m_entries.size(); }

private:
  struct Entry {
    std::uint64_t lo = 0, hi = 0;
    bool same = false;
  };
  std::vector<Entry> m_entries;  // sorted by (lo, hi), one per pair
};

}  // namespace jamsos
