// jamsos terminate: this month's roster after the exits of Pasal 10 (events) and
// Pasal 11 ayat (6) (premiums until 64 years 11 months).
//
// Worked boundary (balikpapan-2025, --month 2026-03): a participant born 1961-03-15 has
// akhir_iuran 2026-02 and goes to --ended with alasan_berhenti=usia,
// iuran_terakhir=2026-02; for --month 2026-02 they stay. A death dated 2026-03-31 keeps
// its participant in the 2026-03 roster (March's premium is paid) and ends them in 2026-04.
//
// The pipeline: load the events (small) -> stream the roster once, each row to exactly
// one output (on an OrderedPipeline: parsed on one thread, judged and encoded on the others,
// written in input order) -> check that no NIK appeared twice -> list the events that
// matched nobody.
#include "jamsos/ops/terminate.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "jamsos/core/errors.hpp"
#include "jamsos/core/i18n.hpp"
#include "jamsos/core/nik.hpp"
#include "jamsos/core/ordered_pipeline.hpp"
#include "jamsos/core/radix_sort.hpp"
#include "jamsos/core/text.hpp"
#include "jamsos/csv/record_batch.hpp"
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
};

void require_unique(const csv::MultiReader& in, std::vector<SeenNik>& seen) {
  // Stable by NIK over rows kept in input order: the same order as sorting by (nik, source,
  // line), so the first repeat named is the same.
  radix_sort_by_nik(seen);
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

// Rows per batch: a batch stays in L2 between parsing and judging; more rows than validate's
// 256 since a roster row costs little to judge, and every batch costs two wake-ups.
constexpr std::size_t kBatchRows = 1024;

// A batch of roster rows and what the workers made of them.
struct RosterBatch : csv::RecordBatch {
  std::string roster_bytes, ended_bytes;  // encoded rows for -o and --ended
  std::vector<SeenNik> seen;
  std::vector<std::size_t> found;  // EventBook positions matched, marked in input order
  TerminateCounts counts;          // kept, ended, ended_by, events_later of this batch
  std::string month;               // scratch for iuran_terakhir

  void clear_results() {
    roster_bytes.clear(), ended_bytes.clear(), seen.clear(), found.clear();
    counts = TerminateCounts{};
  }
};

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

  // 3. The roster, streamed: each row to exactly one output, unchanged if it stays. One
  // thread parses, workers judge and encode a batch's rows, this thread writes the batches in
  // input order and records the matches (the same bytes as one thread: JAMSOS_THREADS=1).
  std::vector<SeenNik> seen;
  seen.reserve(static_cast<std::size_t>(roster.total_bytes() / 64));  // ~100-byte rows: rarely grows
  const std::vector<int> ended_sources = ended_layout.column_sources();
  const csv::RowEncoder roster_encoder = out.roster.encoder();
  const csv::RowEncoder ended_encoder = out.ended.encoder();
  const auto fill = [&](RosterBatch& b) { return b.fill(roster, kBatchRows); };
  const auto work = [&](RosterBatch& b, unsigned) {
    b.clear_results();
    for (std::size_t i = 0; i < b.size; ++i) {
      const csv::Record& rec = b.records[i];
      csv::stop_on_faulty_record(roster, rec);
      const std::uint64_t nik = roster_nik(roster, rec, nik_col);
      b.seen.push_back({nik, static_cast<std::uint32_t>(rec.source), static_cast<std::uint32_t>(rec.line)});
      const std::size_t found = book ? book->find(nik) : EventBook::npos;
      if (found != EventBook::npos) b.found.push_back(found);
      const EventEnd* event = found != EventBook::npos ? book->earliest(found) : nullptr;
      const std::optional<Month> last = cap.last_month(roster, rec);
      const auto exit =
          decide_exit(options.month, last, event ? std::optional<EventEnd>(*event) : std::nullopt);
      if (!exit) {
        roster_encoder.row(b.roster_bytes, rec.fields);
        ++b.counts.kept;
        // Its month is M or later; unless the age cap comes first, a later run applies it.
        if (event && !(last && *last < month_of(event->date))) ++b.counts.events_later;
      } else {
        b.month = format_month(exit->last_month);
        const std::string_view added[] = {end_reason_code(exit->reason), b.month};
        ended_encoder.layout_row(b.ended_bytes, ended_sources, rec.fields, added);
        ++b.counts.ended;
        ++b.counts.ended_by[static_cast<std::size_t>(exit->reason)];
      }
    }
  };
  const auto emit = [&](RosterBatch& b) {
    if (b.counts.kept > 0) out.roster.write_encoded(b.roster_bytes, b.counts.kept);
    if (b.counts.ended > 0) out.ended.write_encoded(b.ended_bytes, b.counts.ended);
    for (const std::size_t found : b.found) book->mark(found);
    seen.insert(seen.end(), b.seen.begin(), b.seen.end());
    counts.roster_rows += b.size;
    counts.kept += b.counts.kept;
    counts.ended += b.counts.ended;
    counts.events_later += b.counts.events_later;
    for (std::size_t r = 0; r < counts.ended_by.size(); ++r) counts.ended_by[r] += b.counts.ended_by[r];
    if (progress) progress->update(b.bytes_read, b.total_bytes);
  };
  OrderedPipeline<RosterBatch>::run(pipeline_workers(), fill, work, emit);
  if (progress) progress->finish();
  require_unique(roster, seen);

  // 4. Events that matched nobody or cannot be read; known only now.
  if (out.unmatched) write_unmatched(book ? &*book : nullptr, *out.unmatched, counts);
  counts.events_matched = counts.events - counts.events_unmatched;
  return counts;
}

}  // namespace jamsos
