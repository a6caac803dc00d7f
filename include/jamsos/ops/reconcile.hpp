#pragma once
// jamsos reconcile: the city's roster against BPJS Ketenagakerjaan's invoice for one
// month (contract, "jamsos reconcile"; Perwali Balikpapan 3/2025 Pasal 11 ayat (3)-(5):
// every month both sides reconcile the number of participants and the premium, the
// result goes into minutes, and the city pays what the minutes say).
//
// Worked boundary (balikpapan-2025, --month 2026-03, premium Rp 16.800): a participant
// born 1961-03-15 has akhir_iuran 2026-02; if BPJS still bills March the row is
// `not_expected` (selisih 16800) and nothing of it is payable. For --month 2026-02 the
// same bill is a `match`: the month in which 64 years 11 months is reached is paid.
#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "jamsos/core/dates.hpp"
#include "jamsos/core/money.hpp"
#include "jamsos/core/profile.hpp"
#include "jamsos/csv/reader.hpp"
#include "jamsos/csv/writer.hpp"
#include "jamsos/ops/progress.hpp"

namespace jamsos {

// One per diff row, decided in this order (contract): wrong_period lines first, then per
// NIK duplicate_in_invoice, not_expected, missing_in_invoice, amount_mismatch, match.
enum class ReconcileStatus : std::uint8_t {
  match,
  amount_mismatch,
  duplicate_in_invoice,
  not_expected,
  missing_in_invoice,
  wrong_period,
};
inline constexpr std::size_t reconcile_status_count = 6;

// The `status` code, the same in every language: "match", "amount_mismatch", ...
const char* status_code(ReconcileStatus s);
// The status in words, in the run's language: "Sesuai" / "Matches", ...
const char* status_words(ReconcileStatus s);

// The status of one NIK billed for M `billed_lines` times (their sum `billed`), with
// `expected` telling whether it is an active participant in M at `premium`. Not for
// wrong_period lines, which are decided per line. Never called with neither side.
ReconcileStatus decide_status(bool expected, std::uint32_t billed_lines, Sen billed, Sen premium);

// What the roster says about a NIK that is not expected in M (for keterangan).
enum class RosterState : std::uint8_t {
  absent,       // not on the roster
  active,       // mulai_iuran <= M <= akhir_iuran
  not_started,  // mulai_iuran after M (Pasal 8 ayat (6): next year's decree)
  ended,        // akhir_iuran before M (Pasal 11 ayat (6))
};

// One row of the diff.
struct ReconcileRow {
  std::string nik;   // 16 digits, unmasked (CSV keeps it; reports mask it)
  std::string nama;  // the roster's, else the invoice's first line's
  ReconcileStatus status = ReconcileStatus::match;
  std::optional<Sen> expected;  // iuran_seharusnya: empty unless an active participant
  std::optional<Sen> billed;  // iuran_tagihan: empty unless billed (for M; wrong_period: that line)
  Sen difference = 0;         // selisih = billed - expected, an empty side counting 0
  Month period;               // M, or the invoice line's periode for wrong_period
  std::uint32_t billed_lines = 0;  // invoice lines behind `billed`
  RosterState roster = RosterState::absent;
  std::optional<Month> roster_bound;  // mulai_iuran (not_started) or akhir_iuran (ended)
};

struct ReconcileSummary {
  Month month;
  Sen premium = 0;  // per participant for M (profile, all components)
  std::size_t roster_rows = 0;
  std::size_t expected_count = 0;  // active participants in M
  Sen expected_total = 0;
  std::size_t invoice_lines = 0;  // every line of the invoice
  std::size_t billed_lines = 0;   // lines for M (periode empty or M)
  std::size_t billed_niks = 0;    // distinct NIKs billed for M
  Sen billed_total = 0;           // sum of the lines for M
  std::size_t wrong_period_lines = 0;
  Sen wrong_period_total = 0;
  std::array<std::size_t, reconcile_status_count> rows{};    // by status
  std::array<Sen, reconcile_status_count> expected_sum{};    // iuran_seharusnya by status
  std::array<Sen, reconcile_status_count> billed_sum{};      // iuran_tagihan by status
  std::array<Sen, reconcile_status_count> difference_sum{};  // selisih by status
  // Pasal 11 ayat (4): what the city pays = the expected amount of every NIK both
  // expected and billed for M (match, amount_mismatch, duplicate_in_invoice once).
  std::size_t payable_count = 0;
  Sen payable_total = 0;

  std::size_t row_count() const;
  std::size_t difference_count() const;  // rows that are not `match`
  // Sum of every selisih = everything billed (all periods) - everything expected.
  Sen net_difference() const;
};

struct ReconcileOptions {
  Month month;  // M
};

// Reads the whole roster (one row per NIK, 65 otherwise), then streams the invoice, then
// calls `on_row` for every diff row in the contract's order: expected NIKs in roster
// order, then NIKs billed but not expected in invoice order (first line), then the
// wrong_period lines in invoice order. Throws DataError (65) for a faulty record, a
// missing column, an unreadable NIK / month / amount, naming FILE:LINE and what to do;
// ConfigError (78) when the profile has no premium for M.
ReconcileSummary reconcile(csv::MultiReader& roster, csv::MultiReader& invoice,
                           const Profile& profile, const ReconcileOptions& options,
                           const std::function<void(const ReconcileRow&)>& on_row,
                           Progress* progress = nullptr);

// The diff's columns: the contract's six, then `periode` and `keterangan`.
const std::vector<std::string>& reconcile_columns();
// keterangan: the row in words with the article where one applies, in the run's
// language; empty for `match`. `month` is M.
std::string reconcile_note(const ReconcileRow& row, Month month, const Profile& profile);

// reconcile() writing the diff to `out` (header included). When `differences` is not
// null, every row that is not `match` is also kept there (for the berita acara).
ReconcileSummary run_reconcile(csv::MultiReader& roster, csv::MultiReader& invoice,
                               const Profile& profile, const ReconcileOptions& options,
                               csv::Writer& out, std::vector<ReconcileRow>* differences,
                               Progress* progress);

}  // namespace jamsos
