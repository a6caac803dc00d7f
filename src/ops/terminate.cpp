// jamsos terminate: this month's roster after the exits of Pasal 10 (events) and
// Pasal 11 ayat (6) (premiums until 64 years 11 months).
//
// Worked boundary (balikpapan-2025, --month 2026-03): a participant born 1961-03-15 has
// akhir_iuran 2026-02 and goes to --ended with alasan_berhenti=usia,
// iuran_terakhir=2026-02; for --month 2026-02 they stay. A death dated 2026-03-31 keeps
// its participant in the 2026-03 roster (March's premium is paid) and ends them in 2026-04.
//
// The pipeline: load the events (small) -> stream the roster once, each row to exactly
// one output -> check that no NIK appeared twice -> list the events that matched nobody.
#include "jamsos/ops/terminate.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "jamsos/core/errors.hpp"
#include "jamsos/core/i18n.hpp"
#include "jamsos/core/nik.hpp"
#include "jamsos/core/text.hpp"
#include "jamsos/ops/premium_cap.hpp"
#include "jamsos/ops/terminate_events.hpp"

namespace jamsos {
namespace {

std::uint64_t roster_nik(const csv::MultiReader& in, const csv::Record& rec, std::size_t col) {
  if (const auto key = nik_key(trim(rec.fields[col]))) return *key;
  throw DataError(fmt::format(
      trf("{}: NIK '{}' bukan 16 digit; daftar peserta hanya boleh berisi NIK yang sah. "
          "Perbaiki baris ini (di spreadsheet, format kolom nik sebagai teks).",
          "{}: NIK '{}' is not 16 digits; a roster holds valid NIKs only. Fix this row (in a "
          "spreadsheet, format the nik column as text)."),
      in.location(rec), mask_nik(trim(rec.fields[col]))));
}

// One row per NIK (contract: 65 for a duplicate NIK where uniqueness is required). A
// sorted vector of 16-byte entries: a third of the memory of a hash set at 1M rows.
struct SeenNik {
  std::uint64_t nik;
  std::uint32_t source;
  std::uint32_t line;
  bool operator<(const SeenNik& o) const {
    return nik != o.nik ? nik < o.nik : source != o.source ? source < o.source : line < o.line;
  }
};

void require_unique(const csv::MultiReader& in, std::vector<SeenNik>& seen) {
  std::sort(seen.begin(), seen.end());
  const auto dup = std::adjacent_find(
      seen.begin(), seen.end(), [](const SeenNik& a, const SeenNik& b) { return a.nik == b.nik; });
  if (dup == seen.end()) return;
  const auto where = [&in](const SeenNik& s) {
    return fmt::format("{}:{}", in.source(s.source).display_name(), s.line);
  };
  throw DataError(fmt::format(
      trf("{}: NIK {} sudah ada di {}; daftar peserta harus satu baris per NIK. Jalankan jamsos "
          "dedupe dulu.",
          "{}: NIK {} already appears at {}; a roster holds one row per NIK. Run jamsos dedupe "
          "first."),
      where(dup[1]), mask_nik(fmt::format("{:016}", dup->nik)), where(dup[0])));
}

void write_unmatched(EventBook* book, csv::Writer& out, TerminateCounts& counts) {
  const std::vector<std::string> no_events_header{"nik", "alasan", "tanggal"};
  const csv::Layout layout(book ? book->header() : no_events_header, {"masalah", "asal"});
  out.write_row(layout.header());
  if (!book) return;
  std::vector<std::string> row;
  for (std::size_t i = 0; i < book->size(); ++i) {
    const auto problem = book->problem(i);
    if (!problem) continue;
    layout.start_row(book->fields(i), row);
    row[layout.added_index(0)] = event_problem_code(*problem);
    row[layout.added_index(1)] = book->location(i);
    out.write_row(row);
    ++counts.events_unmatched;
    ++counts.unmatched_by[static_cast<std::size_t>(*problem)];
  }
}

}  // namespace

TerminateCounts run_terminate(csv::MultiReader& roster, csv::MultiReader* events,
                              const TerminateOutputs& out, const Profile& profile,
                              const TerminateOptions& options, Progress* progress) {
  TerminateCounts counts;
  // 1. The events first: whether one decides a participant needs them all at hand.
  if (events && !out.unmatched)
    throw UsageError(tr("kejadian yang tidak cocok perlu --unmatched FILE",
                        "unmatched events need --unmatched FILE"));
  std::optional<EventBook> book;
  if (events) book.emplace(*events);
  counts.events = book ? book->size() : 0;

  // 2. Columns and output headers.
  for (std::size_t s = 0; s < roster.source_count(); ++s)
    csv::require_columns(roster.source(s).header(), {"nik"}, roster.source(s).display_name());
  const auto nik_col = static_cast<std::size_t>(roster.column("nik"));
  const PremiumCap cap(roster, profile);
  const csv::Layout ended_layout(roster.header(), {"alasan_berhenti", "iuran_terakhir"});
  out.roster.write_row(roster.header());
  out.ended.write_row(ended_layout.header());

  // 3. The roster, streamed: each row to exactly one output, unchanged if it stays.
  std::vector<SeenNik> seen;
  csv::Record rec;
  std::vector<std::string> row;
  while (roster.next(rec)) {
    csv::stop_on_faulty_record(roster, rec);
    ++counts.roster_rows;
    const std::uint64_t nik = roster_nik(roster, rec, nik_col);
    seen.push_back(
        {nik, static_cast<std::uint32_t>(rec.source), static_cast<std::uint32_t>(rec.line)});
    const EventEnd* event = book ? book->claim(nik) : nullptr;
    const std::optional<Month> last = cap.last_month(roster, rec);
    const auto exit =
        decide_exit(options.month, last, event ? std::optional<EventEnd>(*event) : std::nullopt);
    if (!exit) {
      out.roster.write_row(rec.fields);
      ++counts.kept;
      // Its month is M or later; unless the age cap comes first, a later run applies it.
      if (event && !(last && *last < month_of(event->date))) ++counts.events_later;
    } else {
      ended_layout.start_row(rec.fields, row);
      row[ended_layout.added_index(0)] = end_reason_code(exit->reason);
      row[ended_layout.added_index(1)] = format_month(exit->last_month);
      out.ended.write_row(row);
      ++counts.ended;
      ++counts.ended_by[static_cast<std::size_t>(exit->reason)];
    }
    if (progress && counts.roster_rows % 4096 == 0)
      progress->update(roster.bytes_read(), roster.total_bytes());
  }
  if (progress) progress->finish();
  require_unique(roster, seen);

  // 4. Events that matched nobody or cannot be read; known only now.
  if (out.unmatched) write_unmatched(book ? &*book : nullptr, *out.unmatched, counts);
  counts.events_matched = counts.events - counts.events_unmatched;
  return counts;
}

}  // namespace jamsos
