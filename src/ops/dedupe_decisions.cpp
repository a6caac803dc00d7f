// The reviewer's decisions file (contract, `dedupe`, --decisions; Perwali Balikpapan
// 3/2025 Pasal 8 ayat (2)): pairs judged `same` are then one person, pairs judged either
// way are not proposed again next year. Boundary: a line "6471...0002,6471...0001,same"
// matches the review pair (…0001, …0002); a line with an empty `keputusan` is skipped.
#include "jamsos/ops/dedupe_decisions.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <optional>

#include "jamsos/core/errors.hpp"
#include "jamsos/core/i18n.hpp"
#include "jamsos/core/nik.hpp"
#include "jamsos/core/text.hpp"

namespace jamsos {

namespace {

std::optional<bool> parse_verdict(std::string_view text) {
  const std::string t = to_lower_ascii(trim(text));
  if (t == "same" || t == "sama") return true;
  if (t == "different" || t == "beda" || t == "berbeda") return false;
  return std::nullopt;
}

}  // namespace

Decisions Decisions::load(const std::string& path, const csv::ReaderOptions& options) {
  csv::MultiReader in({path}, options);
  const std::string& name = in.source(0).display_name();
  csv::require_columns(in.header(), {"nik_a", "nik_b", "keputusan"}, name);
  const auto col_a = static_cast<std::size_t>(in.column("nik_a"));
  const auto col_b = static_cast<std::size_t>(in.column("nik_b"));
  const auto col_k = static_cast<std::size_t>(in.column("keputusan"));

  struct Read {
    Entry entry;
    std::size_t line;
  };
  std::vector<Read> read;
  csv::Record r;
  while (in.next(r)) {
    csv::stop_on_faulty_record(in, r);
    const std::string_view answer = trim(r.fields[col_k]);
    if (answer.empty()) continue;  // not judged yet
    const auto verdict = parse_verdict(answer);
    if (!verdict)
      throw DataError(fmt::format(trf("{}: keputusan '{}' tidak dikenal; tulis same (orang yang sama) atau different "
                                      "(orang berbeda), atau kosongkan bila belum diputus.",
                                      "{}: unknown keputusan '{}'; write same (one person) or different (two people), "
                                      "or leave it empty while undecided."),
                                  in.location(r), answer));
    const auto a = nik_key(r.fields[col_a]), b = nik_key(r.fields[col_b]);
    if (!a || !b)
      throw DataError(fmt::format(trf("{}: nik_a dan nik_b harus 16 digit (tertulis '{}' dan '{}'); di spreadsheet, "
                                      "format kolomnya sebagai teks.",
                                      "{}: nik_a and nik_b must be 16 digits (found '{}' and '{}'); in a spreadsheet, "
                                      "format those columns as text."),
                                  in.location(r), mask_nik(r.fields[col_a]), mask_nik(r.fields[col_b])));
    read.push_back({{std::min(*a, *b), std::max(*a, *b), *verdict}, r.line});
  }

  std::stable_sort(read.begin(), read.end(), [](const Read& x, const Read& y) {
    return x.entry.lo != y.entry.lo ? x.entry.lo < y.entry.lo : x.entry.hi < y.entry.hi;
  });
  Decisions d;
  for (std::size_t i = 0; i < read.size(); ++i) {
    const Entry& e = read[i].entry;
    if (!d.m_entries.empty() && d.m_entries.back().lo == e.lo && d.m_entries.back().hi == e.hi) {
      if (d.m_entries.back().same != e.same)
        throw DataError(fmt::format(trf("{}: pasangan {} dan {} diputus 'same' dan 'different' (baris {} dan {}); "
                                        "hapus salah satunya.",
                                        "{}: the pair {} and {} is judged both 'same' and 'different' (lines {} and "
                                        "{}); delete one of them."),
                                    name, mask_nik(fmt::format("{:016}", e.lo)), mask_nik(fmt::format("{:016}", e.hi)),
                                    read[i - 1].line, read[i].line));
      continue;  // the same answer twice
    }
    d.m_entries.push_back(e);
  }
  return d;
}

Decisions::Verdict Decisions::find(std::uint64_t nik_a, std::uint64_t nik_b) const {
  const std::uint64_t lo = std::min(nik_a, nik_b), hi = std::max(nik_a, nik_b);
  const auto it = std::lower_bound(m_entries.begin(), m_entries.end(), std::make_pair(lo, hi),
                                   [](const Entry& e, const std::pair<std::uint64_t, std::uint64_t>& k) {
                                     return e.lo != k.first ? e.lo < k.first : e.hi < k.second;
                                   });
  if (it == m_entries.end() || it->lo != lo || it->hi != hi) return Verdict::none;
  return it->same ? Verdict::same : Verdict::different;
}

std::vector<std::pair<std::uint64_t, std::uint64_t>> Decisions::same_pairs() const {
  std::vector<std::pair<std::uint64_t, std::uint64_t>> out;
  for (const auto& e : m_entries)
    if (e.same) out.emplace_back(e.lo, e.hi);
  return out;
}

}  // namespace jamsos
