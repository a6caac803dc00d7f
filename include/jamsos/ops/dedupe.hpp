#pragma once
// `jamsos dedupe`: one person is proposed once (Perwali Balikpapan 3/2025 Pasal 8 ayat (2):
// before the list goes to the mayor, BPJS Ketenagakerjaan checks that no candidate is
// already registered). Every input row ends in exactly one place:
//   - a NIK found in an --against roster: every row with it to the duplicates,
//     alasan=already_registered, duplikat_dari=ROSTER:LINE (its first line there);
//   - a NIK on several rows: the latest tanggal_usulan stays (empty or unreadable counts as
//     oldest, ties go to the first in input order); the others to the duplicates,
//     alasan=duplicate_nik, duplikat_dari = the kept row's `asal` (or its FILE:LINE);
//   - two NIKs a reviewer judged `same` in --decisions: the latest-proposed one stays, the
//     other goes to the duplicates, alasan=duplicate_person (a member already registered
//     makes every other member a duplicate_person of it);
//   - every other row to the main output, in input order and with every column.
// Likely-same-person pairs among the rows that stay (name_match.hpp) are listed in the
// review file, both rows staying; pairs a reviewer already judged are not listed again.
//
// Memory holds compact keys per row (NIK as 8 bytes, dates, the `asal` text, the folded
// name when reviewing), never whole rows: pass 1 reads the keys, the rosters are streamed
// against a sorted vector of candidate NIKs, pass 2 re-reads the input (or an unlinked
// spool of it when it is a pipe) and routes each row. docs/ARCHITECTURE.md, "dedupe".
#include <cstddef>
#include <string>
#include <vector>

#include "jamsos/csv/reader.hpp"
#include "jamsos/csv/writer.hpp"
#include "jamsos/ops/progress.hpp"

namespace jamsos {

struct DedupeOptions {
  std::vector<std::string> against;  // --against: rosters with a `nik` column
  std::string decisions;             // --decisions: nik_a, nik_b, keputusan; empty = none
  csv::ReaderOptions reader;         // to open the rosters, the decisions and the input again
};

struct DedupeCounts {
  std::size_t rows = 0;                // input rows
  std::size_t kept = 0;                // to the main output
  std::size_t duplicate_nik = 0;
  std::size_t already_registered = 0;
  std::size_t duplicate_person = 0;
  std::size_t review_pairs = 0;        // listed in the review file
  std::size_t decided_pairs = 0;       // found again but already judged in --decisions: not listed
  std::size_t comparisons = 0;         // row pairs scored for the review (blocking keeps it far below n^2/2)
  std::size_t rows_without_nik = 0;    // NIK not 16 digits: kept, but never matched by NIK
  std::size_t roster_rows = 0;         // rows read from the --against rosters
  std::size_t roster_without_nik = 0;  // roster rows whose `nik` is not 16 digits (skipped)

  std::size_t duplicates() const { return duplicate_nik + already_registered + duplicate_person; }
};

// Columns added to the duplicates: `alasan`, `duplikat_dari`.
const std::vector<std::string>& dedupe_added_columns();
// Columns of the review file: nik_a, nik_b, nama_a, nama_b, tanggal_lahir, asal_a, asal_b,
// skor, bukti, and an empty `keputusan` for the reviewer to fill in: the filled-in file is
// a --decisions file for the next run.
const std::vector<std::string>& review_columns();

// Runs the whole command on `in` (opened by the caller: every input is open before work
// starts). Opens the rosters and the decisions first, so a missing one (66) or one
// without its columns (65) stops the run before the input is read. `review` is null when
// no review file was asked for: then no pairs are searched for, and `nama` and
// `tanggal_lahir` are not needed. A faulty record anywhere stops the run (65, FILE:LINE).
DedupeCounts run_dedupe(csv::MultiReader& in, const DedupeOptions& options, csv::Writer& main_out,
                        csv::Writer& duplicates, csv::Writer* review, Progress* progress);

}  // namespace jamsos
