// Pasal 11 ayat (3) (Perwali Balikpapan 3/2025): the status of each NIK in the monthly
// reconciliation, in the contract's order, and its words.
//
// Worked boundary (premium Rp 16.800): billed twice at Rp 16.800 while expected is
// `duplicate_in_invoice` (billed 33600, selisih 16800), not `amount_mismatch`, and its
// Rp 16.800 is payable once; billed once at Rp 8.400 is `amount_mismatch` (selisih -8400)
// and still payable at Rp 16.800, the expected amount (contract, "Payable").
#include <fmt/core.h>

#include "jamsos/core/i18n.hpp"
#include "jamsos/ops/reconcile.hpp"

namespace jamsos {

const char* status_code(ReconcileStatus s) {
  switch (s) {
    case ReconcileStatus::match:
      return "match";
    case ReconcileStatus::amount_mismatch:
      return "amount_mismatch";
    case ReconcileStatus::duplicate_in_invoice:
      return "duplicate_in_invoice";
    case ReconcileStatus::not_expected:
      return "not_expected";
    case ReconcileStatus::missing_in_invoice:
      return "missing_in_invoice";
    case ReconcileStatus::wrong_period:
      return "wrong_period";
  }
  return "?";
}

const char* status_words(ReconcileStatus s) {
  switch (s) {
    case ReconcileStatus::match:
      return tr("Sesuai", "Match");
    case ReconcileStatus::amount_mismatch:
      return tr("Jumlah berbeda", "Amount differs");
    case ReconcileStatus::duplicate_in_invoice:
      return tr("Tagihan ganda", "Billed twice");
    case ReconcileStatus::not_expected:
      return tr("Bukan peserta aktif", "Not an active participant");
    case ReconcileStatus::missing_in_invoice:
      return tr("Tidak ditagih", "Not billed");
    case ReconcileStatus::wrong_period:
      return tr("Periode lain", "Other period");
  }
  return "?";
}

ReconcileStatus decide_status(bool expected, std::uint32_t billed_lines, Sen billed, Sen premium) {
  if (billed_lines > 1) return ReconcileStatus::duplicate_in_invoice;
  if (billed_lines == 1 && !expected) return ReconcileStatus::not_expected;
  if (billed_lines == 0) return ReconcileStatus::missing_in_invoice;
  return billed == premium ? ReconcileStatus::match : ReconcileStatus::amount_mismatch;
}

namespace {

// Why a NIK billed for M is not expected: what the roster says about it.
std::string not_expected_reason(const ReconcileRow& row, const Profile& profile) {
  const auto cite = [](const RuleRef& rule) {
    return rule.enabled ? fmt::format(" ({})", rule.article) : std::string();
  };
  switch (row.roster) {
    case RosterState::ended:
      return fmt::format(
          trf("di daftar peserta, iuran terakhir {}{}", "on the roster, last premium month {}{}"),
          format_month(*row.roster_bound), cite(profile.premium_cap_rule));
    case RosterState::not_started:
      return fmt::format(
          trf("di daftar peserta, iuran mulai {}{}", "on the roster, premiums start {}{}"),
          format_month(*row.roster_bound), cite(profile.coverage_start_rule));
    case RosterState::absent:
    case RosterState::active:
      break;
  }
  return tr("tidak ada di daftar peserta", "not on the roster");
}

}  // namespace

std::string reconcile_note(const ReconcileRow& row, Month month, const Profile& profile) {
  switch (row.status) {
    case ReconcileStatus::match:
      return {};
    case ReconcileStatus::amount_mismatch:
      return fmt::format(trf("ditagih {}, seharusnya {}", "billed {}, expected {}"),
                         format_rupiah(row.billed.value_or(0)),
                         format_rupiah(row.expected.value_or(0)));
    case ReconcileStatus::duplicate_in_invoice: {
      std::string note = fmt::format(trf("{} baris tagihan untuk {}", "{} invoice lines for {}"),
                                     row.billed_lines, format_month(month));
      note += row.expected ? std::string(tr("; dibayar sekali", "; paid once"))
                           : "; " + not_expected_reason(row, profile);
      return note;
    }
    case ReconcileStatus::not_expected:
      return not_expected_reason(row, profile);
    case ReconcileStatus::missing_in_invoice:
      return fmt::format(trf("tidak ada di tagihan {}", "not on the invoice for {}"),
                         format_month(month));
    case ReconcileStatus::wrong_period:
      return fmt::format(trf("tagihan periode {}, bukan {}", "billed for {}, not {}"),
                         format_month(row.period), format_month(month));
  }
  return {};
}

const std::vector<std::string>& reconcile_columns() {
  static const std::vector<std::string> columns{
      "nik",           "nama",    "status",  "iuran_seharusnya",
      "iuran_tagihan", "selisih", "periode", "keterangan"};
  return columns;
}

std::size_t ReconcileSummary::row_count() const {
  std::size_t n = 0;
  for (const std::size_t r : rows) n += r;
  return n;
}

std::size_t ReconcileSummary::difference_count() const {
  return row_count() - rows[static_cast<std::size_t>(ReconcileStatus::match)];
}

Sen ReconcileSummary::net_difference() const {
  Sen total = 0;
  for (const Sen d : difference_sum) total += d;
  return total;
}

}  // namespace jamsos
