#pragma once
// Likely the same person under two NIKs (contract, `dedupe`; Pasal 8 ayat (2): one person
// is proposed once). Two rows are a pair to review when they share a birth date and
// either their names match once normalised, or their NIKs are one or two digits apart.
//
// Normalising an Indonesian name (normalize_person_name):
//   "Hj. Siti Aminah, S.Pd."  -> "siti amina"     titles and degrees dropped, case and
//   "SITI AMINAH"             -> "siti amina"     punctuation ignored, final h after a vowel
//   "M. Rizky Ramadhan"       -> "muhamad rizki ramadan"   M./Moh./Mochammad = Muhammad,
//   "Moch. Rizki Ramadan"     -> "muhamad rizki ramadan"   y=i, dh=d, doubled letters once
//   "Djoko Soesanto"          -> "joko susanto"   old spelling: dj=j, oe=u, tj=c, ch=kh=h
// Boundary: a father and son both "Ahmad Yani" with different birth dates are never a pair,
// however equal the names; "Muhammad Rizki" and "Muhammad Rizal" born the same day are not
// either (rizki/rizal are two edits apart), while "Abdul Rahman"/"Abdul Rahmat" are (name score 0.93).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace jamsos {

// The folded name: lower-case ASCII tokens separated by one space; empty if no letters.
std::string normalize_person_name(std::string_view name);

// How two normalised names compare (compare_names).
struct NameComparison {
  double score = 0;          // 0..1: 2 * sum of token similarities / (tokens_a + tokens_b)
  bool equal = false;        // identical once normalised (spaces ignored: "nur hasanah" = "nurhasanah")
  bool reordered = false;    // the same words in another order
  int spelling = 0;          // words that match only as spelling variants (one letter or so apart)
  int initials = 0;          // words that match only as an initial ("a" ~ "abdul")
  int matched = 0;           // words of the shorter name matched
  int words = 0;             // words in the longer name
};

// Names score at least this to be a pair on their own (with the same birth date).
constexpr double kNameMatchThreshold = 0.85;

NameComparison compare_names(std::string_view normal_a, std::string_view normal_b);

// Weighted edit distance in half-edits (2 = one letter inserted, deleted, swapped with its
// neighbour or replaced; 1 = replaced by a look-alike sound: i/e, u/o, f/p/v, v/w, c/k, s/z,
// d/t, b/p). Returns a value above `bound` as soon as the distance must exceed it.
int spelling_distance(std::string_view a, std::string_view b, int bound);

// Digits in which two NIK keys (jamsos::nik_key) differ, and where (bit i = digit i+1).
struct NikDistance {
  int digits = 0;
  std::uint16_t positions = 0;
};
NikDistance nik_distance(std::uint64_t a, std::uint64_t b);

// What a row brings to the comparison.
struct PersonKey {
  std::uint64_t nik = 0;       // nik_key, 0 when the NIK is not 16 digits
  std::int32_t birth = 0;      // days since 1970-01-01; only compared when has_birth
  bool has_birth = false;
  std::string_view name;       // normalize_person_name
  char sex = 0;                // 'L', 'P' or 0 when unknown
};

struct PairScore {
  bool proposed = false;       // a pair for the review list
  double score = 0;            // 0..1
  NameComparison name;
  NikDistance nik;             // digits == 0 when either NIK is unknown
  bool sex_differs = false;
};

// The review rule: same birth date, and names at kNameMatchThreshold or NIKs 1-2 digits
// apart. Score = 1 - (1 - n)(1 - k), halved when the recorded sexes differ, where
// n = 0.95 * name score (half that below the threshold) and k = 0.4 for a NIK one digit
// apart, 0.3 for two. Exact same name: 0.95; one letter apart in one of two words: 0.88;
// NIK one digit apart and nothing else in common: 0.40; both: 0.97.
PairScore score_pair(const PersonKey& a, const PersonKey& b);

// The evidence in words, in the run's language: "tanggal lahir sama; nama sama setelah
// normalisasi; NIK beda 1 digit (digit ke-16)".
std::string describe_pair(const PairScore& pair);

// Blocking keys of a normalised name, hashed: rows are only compared when they share a
// birth date and one of these. Per word of 3+ letters: its first three letters, its last
// three, and its first and last letter together, so that two spellings one edit apart
// (the spelling allowance of compare_names) still share a key; a 2-letter word whole;
// initials none (an initial alone never makes a match). Appended to `out`.
void name_block_keys(std::string_view normal, std::vector<std::uint64_t>& out);

}  // namespace jamsos
