// Likely the same person under two NIKs (Perwali Balikpapan 3/2025 Pasal 8 ayat (2):
// BPJS Ketenagakerjaan checks that nobody is registered twice; contract, `dedupe`).
// Worked boundary: "H. Moch. Rizky Ramadhan, S.Pd." and "Muhammad Rizki Ramadan" born the
// same day normalise to the same "muhamad rizki ramadan" (pair, score 0.95); "Muhammad
// Rizki" and "Muhammad Rizal" born the same day do not pair (rizki/rizal: two edits), and a
// father and son both "Ahmad Yani" never pair: their birth dates differ.
#include "jamsos/ops/name_match.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <iterator>

#include "jamsos/core/i18n.hpp"

namespace jamsos {

namespace {

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

template <std::size_t N>
bool in(std::string_view word, const std::string_view (&list)[N]) {
  return std::find(std::begin(list), std::end(list), word) != std::end(list);
}

// Written before the name: Haji/Hajjah, academic and religious titles, forms of address.
constexpr std::string_view kTitles[] = {
    "h",   "hj",     "haji",    "hajah",   "hajjah",  "hajja", "drs",    "dra",        "dr",   "ir",
    "prof", "kh",    "ust",     "ustad",   "ustadz",  "ustaz", "ustadzah", "ustazah",  "ny",   "nn",
    "tn",  "sdr",    "sdri",    "bpk",     "bapak",   "ibu",   "alm",    "almh",       "almarhum", "almarhumah",
    "raden"};

// Written after the name with dots ("S.Pd.", "A.Md.Kep"): Indonesian degrees and diplomas.
constexpr std::string_view kDegrees[] = {
    "spd",  "spdi",  "se",    "sei",   "sh",   "shi",  "st",   "skom", "ssos",   "sag",    "sip",  "ssi",
    "skep", "sfarm", "sked",  "sikom", "shut", "sp",   "spt",  "spsi", "sak",    "skes",   "sth",  "sthi",
    "sap",  "sstp",  "ssy",   "sgz",   "sds",  "ssn",  "sa",   "mpd",  "mpdi",   "msi",    "mm",   "mt",
    "mh",   "mkes",  "mag",   "mkom",  "map",  "mba",  "msc",  "ma",   "ms",     "amd",    "amdkep", "amdkeb",
    "ama",  "ampd",  "apt",   "ners",  "bsc",  "ba",   "phd",  "lc",   "mkn"};
// The same written without dots at the end of a name ("Budi Santoso SE"): only those that
// are no Indonesian name word ("Ma", "Sa" and "Ba" are).
constexpr std::string_view kDegreesPlain[] = {
    "spd",  "spdi", "se",   "sh",   "st",   "skom", "ssos", "sag",  "ssi",  "skep", "sfarm", "sked", "sikom",
    "shut", "spt",  "spsi", "sak",  "skes", "sth",  "sthi", "sap",  "sstp", "mpd",  "mpdi",  "msi",  "mm",
    "mt",   "mh",   "mkes", "mkom", "mba",  "msc",  "amd",  "amdkep", "amdkeb", "ampd", "phd", "bsc"};

// Spellings of Muhammad, and its abbreviations anywhere in the name.
constexpr std::string_view kMuhammad[] = {
    "muhammad", "muhamad", "muhammat", "muhamat", "mohammad", "mohamad", "mohammed", "mohamed",
    "muhammed", "muhamed",  "mochammad", "mochamad", "muchammad", "muchamad", "mukhammad", "mukhamad",
    "moch",     "moh",      "muh",      "mhd",       "mohd",      "muhd",      "much",      "mch"};

constexpr std::string_view kBin[] = {"bin", "binti", "bt", "bte", "binte"};

// One Latin-1 letter from the UTF-8 pair C3 xx (U+00C0..U+00FF), as its ASCII base letter
// (0 for the signs among them: multiplication, division, thorn).
char latin1_base(unsigned char second) {
  static constexpr std::string_view map =
      "aaaaaaaceeeeiiiidnooooo ouuuuy s"   // C0..DF
      "aaaaaaaceeeeiiiidnooooo ouuuuy y";  // E0..FF
  static_assert(map.size() == 64);
  if (second < 0x80 || second > 0xBF) return 0;
  const char c = map[second - 0x80u];
  return c == ' ' ? '\0' : c;
}

// Lower-case letters, dots kept (degrees are recognised by them), apostrophes dropped
// (Ma'ruf = Maruf), everything else a space. Text after the first comma is degrees.
std::string to_ascii_words(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  for (std::size_t i = 0; i < name.size(); ++i) {
    const auto c = static_cast<unsigned char>(name[i]);
    if (c >= 'A' && c <= 'Z') out.push_back(static_cast<char>(c - 'A' + 'a'));
    else if (c >= 'a' && c <= 'z') out.push_back(static_cast<char>(c));
    else if (c == '.') out.push_back('.');
    else if (c == '\'' || c == '`') continue;
    else if (c == 0xE2 && i + 2 < name.size() && static_cast<unsigned char>(name[i + 1]) == 0x80 &&
             (static_cast<unsigned char>(name[i + 2]) == 0x98 || static_cast<unsigned char>(name[i + 2]) == 0x99)) {
      i += 2;  // ‘ ’ typed for an apostrophe
    } else if (c == 0xC3 && i + 1 < name.size()) {
      const char base = latin1_base(static_cast<unsigned char>(name[++i]));
      out.push_back(base != 0 ? base : ' ');
    } else if (c == ',') {
      if (out.find_first_not_of(" .") != std::string::npos) break;
      out.push_back(' ');
    } else {
      out.push_back(' ');
    }
  }
  return out;
}

struct Word {
  std::string letters;
  bool degree = false;  // a degree if it ends the name: "S.Pd." (kDegrees), "SE" (kDegreesPlain)
};

std::vector<Word> split_words(const std::string& text) {
  std::vector<Word> words;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    std::size_t end = i;
    while (end < text.size() && text[end] != ' ') ++end;
    const std::string_view raw(text.data() + i, end - i);
    i = end;
    if (raw.empty()) continue;
    std::string letters;
    for (char c : raw)
      if (c != '.') letters.push_back(c);
    if (letters.empty()) continue;
    if (raw.find('.') != std::string_view::npos && in(letters, kDegrees)) {
      words.push_back({letters, true});  // "S.Pd." stays one word
      continue;
    }
    // "H.M.Yusuf" is three words.
    std::size_t start = 0;
    while (start <= raw.size()) {
      std::size_t dot = raw.find('.', start);
      if (dot == std::string_view::npos) dot = raw.size();
      if (dot > start) {
        const std::string_view piece = raw.substr(start, dot - start);
        words.push_back({std::string(piece), in(piece, kDegreesPlain)});
      }
      start = dot + 1;
    }
  }
  return words;
}

// Old spelling and spelling variants: oe=u, dj=j, tj=c, sj=sy=sh=s (Sjamsoeddin = Syamsudin
// = Samsudin), nj=ny, ch=kh=h, dh=d, th=t, ph=f, gh=g, q=k, x=ks; in a word of the old
// spelling j=y (Soerjo = Suryo); y=i; a doubled letter once; a final h after a vowel
// dropped (Aminah = Amina).
std::string fold(std::string_view w) {
  const bool old_spelling = w.find("oe") != std::string_view::npos || w.find("dj") != std::string_view::npos ||
                            w.find("tj") != std::string_view::npos || w.find("sj") != std::string_view::npos;
  std::string s;
  s.reserve(w.size() + 1);
  for (std::size_t i = 0; i < w.size(); ++i) {
    const char c = w[i];
    const char next = i + 1 < w.size() ? w[i + 1] : '\0';
    if (c == 'o' && next == 'e') s.push_back('u'), ++i;
    else if (c == 'd' && next == 'j') s.push_back('j'), ++i;
    else if (c == 't' && next == 'j') s.push_back('c'), ++i;
    else if (c == 's' && (next == 'j' || next == 'y' || next == 'h')) s.push_back('s'), ++i;
    else if (c == 'n' && next == 'j') s.push_back('n'), s.push_back('i'), ++i;
    else if ((c == 'c' || c == 'k') && next == 'h') s.push_back('h'), ++i;
    else if ((c == 'd' || c == 't' || c == 'g') && next == 'h') s.push_back(c), ++i;
    else if (c == 'p' && next == 'h') s.push_back('f'), ++i;
    else if (c == 'q') s.push_back('k');
    else if (c == 'x') s.append("ks");
    else if (c == 'y' || (c == 'j' && old_spelling)) s.push_back('i');
    else s.push_back(c);
  }
  s.erase(std::unique(s.begin(), s.end()), s.end());
  if (s.size() >= 3 && s.back() == 'h' && is_vowel(s[s.size() - 2])) s.pop_back();
  return s;
}

// The words of a normalised name, without allocating: compare_names runs millions of
// times in a large review. A name of more than kMaxWords words keeps its first ones.
constexpr std::size_t kMaxWords = 12;
struct Words {
  // Offsets, not string_views: an array of 12 views is zeroed on every call (a fifth of the
  // function's time in a large review), these arrays are left as they are past n.
  const char* text = nullptr;
  std::array<std::uint32_t, kMaxWords> start, size;
  std::size_t n = 0;
  std::string_view w(std::size_t k) const { return std::string_view(text + start[k], size[k]); }
};

Words split_tokens(std::string_view normal) {
  // A byte loop: names are a few short words, for which a memchr call per word cost more
  // than the search.
  Words words;
  words.text = normal.data();
  const std::size_t end = std::min<std::size_t>(normal.size(), UINT32_MAX);
  std::size_t i = 0;
  while (i < end && words.n < kMaxWords) {
    std::size_t space = i;
    while (space < end && normal[space] != ' ') ++space;
    if (space > i) {
      words.start[words.n] = static_cast<std::uint32_t>(i);
      words.size[words.n++] = static_cast<std::uint32_t>(space - i);
    }
    i = space + 1;
  }
  return words;
}

// The words run together into `buffer` ("nur hasana" -> "nurhasana").
std::string_view joined(const Words& words, std::array<char, 128>& buffer) {
  std::size_t n = 0;
  for (std::size_t k = 0; k < words.n; ++k)
    for (const char c : words.w(k))
      if (n < buffer.size()) buffer[n++] = c;
  return std::string_view(buffer.data(), n);
}

bool look_alike(char a, char b) {
  static constexpr std::string_view pairs[] = {"ie", "uo", "fp", "fv", "pv", "vw", "ck", "sz", "dt", "bp"};
  for (const auto p : pairs)
    if ((a == p[0] && b == p[1]) || (a == p[1] && b == p[0])) return true;
  return false;
}

constexpr int kSpellingBoundLong = 2;   // words of 5+ letters: one edit
constexpr int kSpellingBoundShort = 1;  // words of 3-4 letters: one look-alike letter

double word_similarity(std::string_view a, std::string_view b, bool& spelling, bool& initial) {
  spelling = initial = false;
  if (a == b) return 1.0;
  if ((a.size() == 1 && b.size() > 1 && b[0] == a[0]) || (b.size() == 1 && a.size() > 1 && a[0] == b[0])) {
    initial = true;
    return 0.8;
  }
  const std::size_t shorter = std::min(a.size(), b.size());
  const int bound = shorter >= 5 ? kSpellingBoundLong : shorter >= 3 ? kSpellingBoundShort : 0;
  if (bound == 0) return 0.0;
  const int d = spelling_distance(a, b, bound);
  if (d > bound) return 0.0;
  spelling = true;
  return 1.0 - 0.075 * d;
}

std::uint64_t hash_key(char tag, std::string_view text) {
  std::uint64_t h = 1469598103934665603ULL ^ static_cast<unsigned char>(tag);
  for (char c : text) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
  return h;
}

std::string digit_list(std::uint16_t positions) {
  std::vector<std::string> digits;
  for (int i = 0; i < 16; ++i)
    if (positions & (1u << i)) digits.push_back(std::to_string(i + 1));
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i)
    out += (i == 0 ? "" : i + 1 == digits.size() ? tr(" dan ", " and ") : ", ") + digits[i];
  return out;
}

}  // namespace

std::string normalize_person_name(std::string_view name) {
  std::vector<Word> words = split_words(to_ascii_words(name));

  // Degrees after the name ("Budi Santoso S.Pd", "Budi Santoso SE"); never the first word.
  while (words.size() > 1 && words.back().degree) words.pop_back();
  // bin/binti: the father's name stays, the word goes.
  for (std::size_t i = 1; i < words.size();)
    if (in(words[i].letters, kBin)) words.erase(words.begin() + static_cast<std::ptrdiff_t>(i));
    else ++i;
  // Titles before the name: "Dr. Ir. H. Budi" = "Budi"; a title alone is kept as the name.
  while (words.size() > 1 && in(words.front().letters, kTitles)) words.erase(words.begin());

  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::string_view w = words[i].letters;
    const bool first_of_several = i == 0 && words.size() > 1;
    if (in(w, kMuhammad) || (first_of_several && w == "m")) w = "muhammad";
    else if (w == "abd") w = "abdul";
    else if (first_of_several && w == "st") w = "siti";
    const std::string folded = fold(w);
    if (folded.empty()) continue;
    if (!out.empty()) out.push_back(' ');
    out += folded;
  }
  return out;
}

namespace {

// spelling_distance for bound <= 2, the review's case (millions of word pairs), without the
// table: within two half-edits the only ways are none, one or two look-alike letters, one
// letter replaced, one inserted or deleted, or two neighbours swapped.
int spelling_distance_small(std::string_view a, std::string_view b, int bound) {
  const int over = bound + 1;
  if (a.size() == b.size()) {
    std::size_t first = a.size(), second = a.size(), mismatches = 0;
    for (std::size_t i = 0; i < a.size(); ++i)
      if (a[i] != b[i]) {
        if (++mismatches > 2) return over;
        (mismatches == 1 ? first : second) = i;
      }
    int d = 0;
    if (mismatches >= 1) d += look_alike(a[first], b[first]) ? 1 : 2;
    if (mismatches == 2) {
      d += look_alike(a[second], b[second]) ? 1 : 2;
      if (second == first + 1 && a[first] == b[second] && a[second] == b[first]) d = std::min(d, 2);
    }
    return d <= bound ? d : over;
  }
  if (bound < 2) return over;
  const std::string_view longer = a.size() > b.size() ? a : b, shorter = a.size() > b.size() ? b : a;
  if (longer.size() != shorter.size() + 1) return over;
  std::size_t i = 0;
  while (i < shorter.size() && shorter[i] == longer[i]) ++i;
  return longer.substr(i + 1) == shorter.substr(i) ? 2 : over;
}

}  // namespace

int spelling_distance(std::string_view a, std::string_view b, int bound) {
  const int over = bound + 1;
  const auto la = static_cast<int>(a.size()), lb = static_cast<int>(b.size());
  if (std::abs(la - lb) * 2 > bound) return over;
  if (bound <= 2) return spelling_distance_small(a, b, bound);
  // Optimal string alignment in half-edits. An insertion or deletion costs 2, so cells
  // further than bound/2 from the diagonal exceed the bound: only the band is computed.
  constexpr int kStack = 64;
  std::array<int, kStack> rows_stack[3];
  std::vector<int> rows_heap[3];
  int* row[3];
  for (int k = 0; k < 3; ++k) {
    if (lb < kStack) {
      row[k] = rows_stack[k].data();
    } else {
      rows_heap[k].resize(static_cast<std::size_t>(lb) + 1);
      row[k] = rows_heap[k].data();
    }
  }
  int* prev2 = row[0];
  int* prev = row[1];
  int* cur = row[2];
  const int band = bound / 2;
  for (int j = 0; j <= lb; ++j) prev[j] = j <= band ? 2 * j : over;
  for (int i = 1; i <= la; ++i) {
    const int from = std::max(1, i - band), to = std::min(lb, i + band);
    cur[from - 1] = from - 1 == 0 && i <= band ? 2 * i : over;
    if (to < lb) cur[to + 1] = over;
    int row_min = over;
    for (int j = from; j <= to; ++j) {
      const char ca = a[static_cast<std::size_t>(i - 1)], cb = b[static_cast<std::size_t>(j - 1)];
      const int sub = ca == cb ? 0 : look_alike(ca, cb) ? 1 : 2;
      int v = std::min({prev[j] + 2, cur[j - 1] + 2, prev[j - 1] + sub});
      if (i > 1 && j > 1 && ca == b[static_cast<std::size_t>(j - 2)] && a[static_cast<std::size_t>(i - 2)] == cb)
        v = std::min(v, prev2[j - 2] + 2);
      cur[j] = std::min(v, over);
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > bound) return over;
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return std::min(prev[lb], over);
}

NameComparison compare_names(std::string_view normal_a, std::string_view normal_b) {
  NameComparison r;
  const Words ta = split_tokens(normal_a);
  if (normal_a == normal_b) {  // the common case in a review: spare the second split and the join
    if (ta.n == 0) return r;
    r.words = r.matched = static_cast<int>(ta.n);
    r.equal = true;
    r.score = 1.0;
    return r;
  }
  const Words tb = split_tokens(normal_b);
  if (ta.n == 0 || tb.n == 0) return r;
  r.words = static_cast<int>(std::max(ta.n, tb.n));
  std::array<char, 128> buffer_a, buffer_b;
  const std::string_view ja = joined(ta, buffer_a), jb = joined(tb, buffer_b);
  if (ja == jb) {
    r.equal = true;
    r.score = 1.0;
    r.matched = static_cast<int>(std::min(ta.n, tb.n));
    return r;
  }

  // Greedy assignment, best pair first: names have a handful of words.
  struct Cell {
    double sim;
    std::uint8_t i, j;
    bool spelling, initial;
  };
  std::array<Cell, kMaxWords * kMaxWords> cells;
  std::size_t n_cells = 0;
  for (std::size_t i = 0; i < ta.n; ++i)
    for (std::size_t j = 0; j < tb.n; ++j) {
      Cell c{0, static_cast<std::uint8_t>(i), static_cast<std::uint8_t>(j), false, false};
      c.sim = word_similarity(ta.w(i), tb.w(j), c.spelling, c.initial);
      if (c.sim > 0) cells[n_cells++] = c;
    }
  std::stable_sort(cells.begin(), cells.begin() + static_cast<std::ptrdiff_t>(n_cells),
                   [](const Cell& x, const Cell& y) { return x.sim > y.sim; });
  std::array<bool, kMaxWords> used_a{}, used_b{};
  double sum = 0;
  int exact = 0;
  for (std::size_t k = 0; k < n_cells; ++k) {
    const Cell& c = cells[k];
    if (used_a[c.i] || used_b[c.j]) continue;
    used_a[c.i] = used_b[c.j] = true;
    sum += c.sim;
    ++r.matched;
    r.spelling += c.spelling ? 1 : 0;
    r.initials += c.initial ? 1 : 0;
    exact += c.spelling || c.initial ? 0 : 1;
  }
  r.score = 2.0 * sum / static_cast<double>(ta.n + tb.n);
  if (ta.n == tb.n && exact == static_cast<int>(ta.n)) {
    r.reordered = true;  // every word equal, yet the names differ: the order does
    r.score = 0.95;
  }

  // "Abdurrahman" = "Abdul Rahman": split differently, the whole names one edit apart. With
  // as many words on both sides the words themselves decide (Rina/Rini Marlina: sisters).
  if (ta.n != tb.n && ja.size() >= 8 && jb.size() >= 8) {
    const int d = spelling_distance(ja, jb, kSpellingBoundLong);
    const double whole = 1.0 - 0.05 * d;
    if (d <= kSpellingBoundLong && whole > r.score) {
      r = NameComparison{};
      r.words = static_cast<int>(std::max(ta.n, tb.n));
      r.matched = static_cast<int>(std::min(ta.n, tb.n));
      r.spelling = 1;
      r.score = whole;
    }
  }
  return r;
}

NikDistance nik_distance(std::uint64_t a, std::uint64_t b) {
  NikDistance d;
  for (int i = 15; i >= 0; --i, a /= 10, b /= 10)
    if (a % 10 != b % 10) {
      ++d.digits;
      d.positions = static_cast<std::uint16_t>(d.positions | (1u << i));
    }
  return d;
}

PairScore score_pair(const PersonKey& a, const PersonKey& b) {
  PairScore p;
  if (!a.has_birth || !b.has_birth || a.birth != b.birth) return p;  // the review rule needs the same birth date
  p.name = compare_names(a.name, b.name);
  if (a.nik != 0 && b.nik != 0) p.nik = nik_distance(a.nik, b.nik);
  p.sex_differs = a.sex != 0 && b.sex != 0 && a.sex != b.sex;
  const bool name_match = p.name.score >= kNameMatchThreshold;
  const bool nik_near = p.nik.digits == 1 || p.nik.digits == 2;
  const double n = (name_match ? 0.95 : 0.475) * p.name.score;
  const double k = p.nik.digits == 1 ? 0.4 : p.nik.digits == 2 ? 0.3 : 0.0;
  p.score = 1.0 - (1.0 - n) * (1.0 - k);
  if (p.sex_differs) p.score *= 0.5;
  p.proposed = name_match || nik_near;
  return p;
}

std::string describe_pair(const PairScore& p) {
  std::vector<std::string> parts;
  parts.emplace_back(tr("tanggal lahir sama", "same birth date"));
  const NameComparison& n = p.name;
  if (n.equal) {
    parts.emplace_back(tr("nama sama setelah normalisasi", "same name once normalised"));
  } else if (n.reordered) {
    parts.emplace_back(tr("nama sama, urutan kata berbeda", "same words in another order"));
  } else if (n.words == 0) {
    parts.emplace_back(tr("nama kosong", "a name is empty"));
  } else {
    std::string detail;
    if (n.spelling > 0)
      detail += fmt::format(n.spelling == 1 ? trf("{} kata beda ejaan", "{} word spelt differently")
                                            : trf("{} kata beda ejaan", "{} words spelt differently"),
                            n.spelling);
    if (n.initials > 0)
      detail += (detail.empty() ? "" : ", ") +
                fmt::format(n.initials == 1 ? trf("{} inisial", "{} initial") : trf("{} inisial", "{} initials"), n.initials);
    if (n.matched < n.words)
      detail += (detail.empty() ? "" : ", ") +
                fmt::format(trf("{} dari {} kata cocok", "{} of {} words match"), n.matched, n.words);
    parts.push_back(fmt::format(n.score >= kNameMatchThreshold ? trf("nama mirip (skor nama {:.2f}{}{})",
                                                                     "similar names (name score {:.2f}{}{})")
                                                               : trf("nama berbeda (skor nama {:.2f}{}{})",
                                                                     "names differ (name score {:.2f}{}{})"),
                                n.score, detail.empty() ? "" : ": ", detail));
  }
  if (p.nik.digits == 1 || p.nik.digits == 2)
    parts.push_back(fmt::format(p.nik.digits == 1 ? trf("NIK beda 1 digit (digit ke-{})", "NIKs 1 digit apart (digit {})")
                                                  : trf("NIK beda 2 digit (digit ke-{})", "NIKs 2 digits apart (digits {})"),
                                digit_list(p.nik.positions)));
  if (p.sex_differs) parts.emplace_back(tr("jenis kelamin berbeda", "recorded sexes differ"));
  std::string out;
  for (const auto& s : parts) out += (out.empty() ? "" : "; ") + s;
  return out;
}

void name_block_keys(std::string_view normal, std::vector<std::uint64_t>& out) {
  const Words words = split_tokens(normal);
  for (std::size_t k = 0; k < words.n; ++k) {
    const std::string_view t = words.w(k);
    if (t.size() == 1) continue;
    if (t.size() == 2) {
      out.push_back(hash_key('w', t));
      continue;
    }
    out.push_back(hash_key('p', t.substr(0, 3)));
    out.push_back(hash_key('s', t.substr(t.size() - 3)));
    const char ends[2] = {t.front(), t.back()};
    out.push_back(hash_key('e', std::string_view(ends, 2)));
  }
}

}  // namespace jamsos
