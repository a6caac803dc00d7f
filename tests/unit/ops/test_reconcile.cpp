// reconcile() on small CSV files: every status, duplicate invoice lines, a participant
// aging out in M, the contract's row order, NIK conservation, and the errors that stop.
#include <algorithm>
#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <vector>

#include "../csv/csv_test_util.hpp"
#include "jamsos/core/errors.hpp"
#include "jamsos/core/profile.hpp"
#include "jamsos/csv/output_file.hpp"
#include "jamsos/csv/reader.hpp"
#include "jamsos/csv/writer.hpp"
#include "jamsos/ops/reconcile.hpp"

using namespace jamsos;
using jamsos::csv::test::TempDir;

namespace {

constexpr Sen premium = rupiah(16'800);  // balikpapan-2025: JKK Rp 10.000 + JKM Rp 6.800

struct Run {
  ReconcileSummary summary;
  std::vector<ReconcileRow> rows;

  const ReconcileRow& row(const std::string& nik) const {
    const auto it =
        std::find_if(rows.begin(), rows.end(), [&](const ReconcileRow& r) { return r.nik == nik; });
    REQUIRE(it != rows.end());
    return *it;
  }
  std::vector<std::string> niks() const {
    std::vector<std::string> out;
    for (const auto& r : rows) out.push_back(r.nik);
    return out;
  }
  std::vector<std::string> statuses() const {
    std::vector<std::string> out;
    for (const auto& r : rows) out.push_back(status_code(r.status));
    return out;
  }
};

Run reconcile_text(const std::string& roster_text, const std::string& invoice_text,
                   const std::string& month, const Profile& profile) {
  TempDir dir;
  csv::MultiReader roster({dir.file("peserta.csv", roster_text)}, {});
  csv::MultiReader invoice({dir.file("tagihan.csv", invoice_text)}, {});
  Run run;
  run.summary = reconcile(roster, invoice, profile, ReconcileOptions{*parse_month(month)},
                          [&run](const ReconcileRow& r) { run.rows.push_back(r); });
  return run;
}

Run reconcile_text(const std::string& roster_text, const std::string& invoice_text,
                   const std::string& month) {
  return reconcile_text(roster_text, invoice_text, month, load_profile("balikpapan-2025"));
}

// The message of the DataError / ConfigError a run stops with.
template <typename E>
std::string stop_message(const std::string& roster_text, const std::string& invoice_text,
                         const std::string& month = "2026-03") {
  try {
    reconcile_text(roster_text, invoice_text, month);
  } catch (const E& e) {
    return e.what();
  }
  FAIL("the run did not stop");
  return {};
}

const std::string kRosterHeader = "nik,nama,tanggal_lahir,mulai_iuran,akhir_iuran\n";
const std::string kAni = "6471014101800001,Ani,1980-01-01,2026-01,2045-12\n";
const std::string kBudi = "6471010202800002,Budi,1980-02-02,2026-01,2045-12\n";
const std::string kCici = "6471014303800003,Cici,1980-03-03,2026-01,2045-12\n";
const std::string kInvoiceHeader = "nik,nama,periode,iuran\n";

}  // namespace

TEST_CASE("reconcile::decide_status", "[reconcile]") {
  SECTION("expected, billed once at the premium: match") {
    CHECK(decide_status(true, 1, premium, premium) == ReconcileStatus::match);
  }
  SECTION("expected, billed once at another amount: amount_mismatch") {
    CHECK(decide_status(true, 1, rupiah(8'400), premium) == ReconcileStatus::amount_mismatch);
  }
  SECTION("billed twice comes before every other check") {
    CHECK(decide_status(true, 2, 2 * premium, premium) == ReconcileStatus::duplicate_in_invoice);
    CHECK(decide_status(false, 2, 2 * premium, premium) == ReconcileStatus::duplicate_in_invoice);
    // Two lines that add up to the premium are still a duplicate, not a match.
    CHECK(decide_status(true, 2, premium, premium) == ReconcileStatus::duplicate_in_invoice);
  }
  SECTION("billed once, not expected: not_expected") {
    CHECK(decide_status(false, 1, premium, premium) == ReconcileStatus::not_expected);
  }
  SECTION("expected, not billed: missing_in_invoice") {
    CHECK(decide_status(true, 0, 0, premium) == ReconcileStatus::missing_in_invoice);
  }
}

TEST_CASE("reconcile::every status on one roster and invoice", "[reconcile]") {
  const std::string roster =
      kRosterHeader + kAni + kBudi + kCici +
      "6471010404800004,Dedi,1980-04-04,2026-01,2045-12\n"   // missing_in_invoice
      "6471015503610005,Eko,1961-03-15,2026-01,2026-02\n"    // aged out before March
      "6471010606800006,Fani,1980-06-06,2027-01,2046-12\n";  // next year's decree
  const std::string invoice = kInvoiceHeader +
                              "6471014101800001,Ani,2026-03,16800\n"   // match
                              "6471010202800002,Budi,2026-03,8.400\n"  // amount_mismatch
                              "6471014303800003,Cici,2026-03,16800\n"  // duplicate_in_invoice
                              "6471014303800003,Cici,,Rp 16.800\n"     // (empty periode = M)
                              "6471015503610005,Eko,2026-03,16800\n"   // not_expected: ended
                              "6471010606800006,Fani,2026-03,16800\n"  // not_expected: not started
                              "6471019909900009,Gita,2026-03,16800\n"  // not_expected: absent
                              "6471014101800001,Ani,2026-02,16800\n";  // wrong_period
  const Run run = reconcile_text(roster, invoice, "2026-03");

  SECTION("one status per row, in the contract's order") {
    CHECK(run.statuses() == std::vector<std::string>{"match", "amount_mismatch",
                                                     "duplicate_in_invoice", "missing_in_invoice",
                                                     "not_expected", "not_expected", "not_expected",
                                                     "wrong_period"});
  }
  SECTION("match: both sides Rp 16.800, selisih 0") {
    const auto& r = run.row("6471014101800001");
    CHECK(r.expected == premium);
    CHECK(r.billed == premium);
    CHECK(r.difference == 0);
    CHECK(r.nama == "Ani");
  }
  SECTION("amount_mismatch: billed Rp 8.400, selisih -8400") {
    const auto& r = run.row("6471010202800002");
    CHECK(r.status == ReconcileStatus::amount_mismatch);
    CHECK(r.billed == rupiah(8'400));
    CHECK(r.difference == -rupiah(8'400));
  }
  SECTION("duplicate_in_invoice: billed is the sum of both lines") {
    const auto& r = run.row("6471014303800003");
    CHECK(r.status == ReconcileStatus::duplicate_in_invoice);
    CHECK(r.billed == 2 * premium);
    CHECK(r.billed_lines == 2);
    CHECK(r.difference == premium);
  }
  SECTION("missing_in_invoice: nothing billed, selisih minus the premium") {
    const auto& r = run.row("6471010404800004");
    CHECK(r.status == ReconcileStatus::missing_in_invoice);
    CHECK_FALSE(r.billed.has_value());
    CHECK(r.difference == -premium);
  }
  SECTION("not_expected: no expected amount, selisih the billed amount, the roster's reason kept") {
    const auto& eko = run.row("6471015503610005");
    CHECK(eko.status == ReconcileStatus::not_expected);
    CHECK_FALSE(eko.expected.has_value());
    CHECK(eko.difference == premium);
    CHECK(eko.roster == RosterState::ended);
    CHECK(format_month(*eko.roster_bound) == "2026-02");
    CHECK(run.row("6471010606800006").roster == RosterState::not_started);
    CHECK(run.row("6471019909900009").roster == RosterState::absent);
    CHECK(run.row("6471019909900009").nama == "Gita");  // from the invoice: not on the roster
  }
  SECTION("wrong_period: its own row, the line's periode, empty expected amount") {
    const ReconcileRow& r = run.rows.back();
    CHECK(r.status == ReconcileStatus::wrong_period);
    CHECK(r.nik == "6471014101800001");
    CHECK(format_month(r.period) == "2026-02");
    CHECK_FALSE(r.expected.has_value());
    CHECK(r.difference == premium);
  }
  SECTION("the summary counts both sides and the payable amount") {
    const ReconcileSummary& s = run.summary;
    CHECK(s.roster_rows == 6);
    CHECK(s.expected_count == 4);
    CHECK(s.expected_total == 4 * premium);
    CHECK(s.invoice_lines == 8);
    CHECK(s.billed_lines == 7);
    CHECK(s.billed_niks == 6);
    CHECK(s.billed_total == 6 * premium + rupiah(8'400));
    CHECK(s.wrong_period_lines == 1);
    CHECK(s.wrong_period_total == premium);
    // Ani, Budi (at the expected amount) and Cici (once): Pasal 11 ayat (4).
    CHECK(s.payable_count == 3);
    CHECK(s.payable_total == 3 * premium);
    CHECK(s.row_count() == 8);
    CHECK(s.difference_count() == 7);
  }
}

TEST_CASE("reconcile::duplicate invoice lines", "[reconcile]") {
  const std::string roster = kRosterHeader + kAni + kBudi;
  SECTION("an expected NIK billed three times is one row, paid once") {
    const Run run = reconcile_text(
        roster,
        kInvoiceHeader +
            "6471014101800001,Ani,2026-03,16800\n6471010202800002,Budi,2026-03,16800\n"
            "6471014101800001,Ani,2026-03,16800\n6471014101800001,Ani,2026-03,16800\n",
        "2026-03");
    REQUIRE(run.rows.size() == 2);
    CHECK(run.rows[0].status == ReconcileStatus::duplicate_in_invoice);
    CHECK(run.rows[0].billed == 3 * premium);
    CHECK(run.rows[0].billed_lines == 3);
    CHECK(run.rows[0].expected == premium);
    CHECK(run.summary.payable_count == 2);
    CHECK(run.summary.payable_total == 2 * premium);
    CHECK(run.summary.billed_niks == 2);
  }
  SECTION("a NIK not on the roster billed twice is duplicate_in_invoice and not payable") {
    const Run run = reconcile_text(
        roster,
        kInvoiceHeader +
            "6471019909900009,Gita,2026-03,16800\n6471014101800001,Ani,2026-03,16800\n"
            "6471019909900009,Gita,2026-03,16800\n",
        "2026-03");
    CHECK(run.statuses() ==
          std::vector<std::string>{"match", "missing_in_invoice", "duplicate_in_invoice"});
    CHECK_FALSE(run.rows[2].expected.has_value());
    CHECK(run.rows[2].difference == 2 * premium);
    CHECK(run.summary.payable_count == 1);
  }
  SECTION("a second line for another period is wrong_period, not a duplicate") {
    const Run run = reconcile_text(
        roster,
        kInvoiceHeader +
            "6471014101800001,Ani,2026-03,16800\n6471014101800001,Ani,2026-02,16800\n"
            "6471010202800002,Budi,2026-03,16800\n",
        "2026-03");
    CHECK(run.statuses() == std::vector<std::string>{"match", "match", "wrong_period"});
  }
  SECTION("a line billed in advance for a later period is wrong_period too") {
    const Run run = reconcile_text(
        roster,
        kInvoiceHeader +
            "6471014101800001,Ani,2026-04,16800\n6471014101800001,Ani,2026-03,16800\n"
            "6471010202800002,Budi,2026-03,16800\n",
        "2026-03");
    CHECK(run.statuses() == std::vector<std::string>{"match", "match", "wrong_period"});
    CHECK(format_month(run.rows[2].period) == "2026-04");
  }
  SECTION("billed only for another period: missing for M, plus the wrong_period row") {
    const Run run =
        reconcile_text(roster, kInvoiceHeader + "6471014101800001,Ani,2026-02,16800\n", "2026-03");
    CHECK(run.statuses() ==
          std::vector<std::string>{"missing_in_invoice", "missing_in_invoice", "wrong_period"});
    CHECK(run.summary.payable_count == 0);
    CHECK(run.summary.billed_niks == 0);
  }
}

TEST_CASE("reconcile::participant aging out in M", "[reconcile]") {
  // Born 1961-03-15: 64 years 11 months in February 2026 (Pasal 11 ayat (6)).
  const std::string eko_bill = kInvoiceHeader + "6471015503610005,Eko,,16800\n";
  SECTION("akhir_iuran computed from tanggal_lahir: February is still paid") {
    const std::string roster =
        "nik,nama,tanggal_lahir,mulai_iuran\n6471015503610005,Eko,1961-03-15,2026-01\n";
    const Run feb = reconcile_text(roster, eko_bill, "2026-02");
    CHECK(feb.statuses() == std::vector<std::string>{"match"});
    CHECK(feb.summary.payable_total == premium);
    SECTION("and March is not: the bill is not_expected, nothing payable") {
      const Run mar = reconcile_text(roster, eko_bill, "2026-03");
      CHECK(mar.statuses() == std::vector<std::string>{"not_expected"});
      CHECK(mar.rows[0].roster == RosterState::ended);
      CHECK(format_month(*mar.rows[0].roster_bound) == "2026-02");
      CHECK(mar.summary.expected_count == 0);
      CHECK(mar.summary.payable_total == 0);
    }
  }
  SECTION("the akhir_iuran column wins over tanggal_lahir") {
    const std::string roster = kRosterHeader + "6471015503610005,Eko,1961-03-15,2026-01,2026-03\n";
    CHECK(reconcile_text(roster, eko_bill, "2026-03").statuses() ==
          std::vector<std::string>{"match"});
    CHECK(reconcile_text(roster, eko_bill, "2026-04").statuses() ==
          std::vector<std::string>{"not_expected"});
  }
  SECTION("an empty akhir_iuran under a capped profile is computed from tanggal_lahir") {
    // Pasal 11 ayat (6) wins over a blanked cell: as jamsos terminate reads it (PremiumCap).
    const std::string roster = kRosterHeader + "6471015503610005,Eko,1961-03-15,2026-01,\n";
    CHECK(reconcile_text(roster, eko_bill, "2026-02").statuses() ==
          std::vector<std::string>{"match"});
    CHECK(reconcile_text(roster, eko_bill, "2026-03").statuses() ==
          std::vector<std::string>{"not_expected"});
  }
  SECTION("an empty akhir_iuran is no cap where the profile has none (balangan-2024)") {
    const std::string roster = kRosterHeader + "6471015503610005,Eko,1961-03-15,2026-01,\n";
    CHECK(reconcile_text(roster, eko_bill, "2030-12", load_profile("balangan-2024")).statuses() ==
          std::vector<std::string>{"match"});
  }
  SECTION("an unbilled participant who aged out is not listed at all") {
    const std::string roster =
        kRosterHeader + kAni + "6471015503610005,Eko,1961-03-15,2026-01,2026-02\n";
    const Run run =
        reconcile_text(roster, kInvoiceHeader + "6471014101800001,Ani,2026-03,16800\n", "2026-03");
    CHECK(run.niks() == std::vector<std::string>{"6471014101800001"});
    CHECK(run.summary.roster_rows == 2);
  }
  SECTION("the first premium month is mulai_iuran") {
    const std::string roster = kRosterHeader + "6471010606800006,Fani,1980-06-06,2026-03,2046-12\n";
    const std::string bill = kInvoiceHeader + "6471010606800006,Fani,,16800\n";
    CHECK(reconcile_text(roster, bill, "2026-02").statuses() ==
          std::vector<std::string>{"not_expected"});
    CHECK(reconcile_text(roster, bill, "2026-03").statuses() == std::vector<std::string>{"match"});
  }
}

TEST_CASE("reconcile::row order", "[reconcile]") {
  // Roster order for the expected, then the unexpected by their first invoice line, then
  // the wrong-period lines in invoice order; the invoice's own order does not matter.
  const std::string roster =
      kRosterHeader + kCici + kAni + kBudi + "6471015503610005,Eko,1961-03-15,2026-01,2026-02\n";
  const std::string invoice = kInvoiceHeader +
                              "6471019909900009,Gita,2026-01,16800\n"
                              "6471019808900008,Hadi,2026-03,16800\n"
                              "6471010202800002,Budi,2026-03,16800\n"
                              "6471015503610005,Eko,2026-03,16800\n"
                              "6471019909900009,Gita,2026-03,16800\n"
                              "6471014101800001,Ani,2026-02,16800\n"
                              "6471014101800001,Ani,2026-03,16800\n"
                              "6471019808900008,Hadi,2026-03,16800\n";
  const Run run = reconcile_text(roster, invoice, "2026-03");
  CHECK(run.niks() == std::vector<std::string>{"6471014303800003", "6471014101800001",
                                               "6471010202800002", "6471019808900008",
                                               "6471015503610005", "6471019909900009",
                                               "6471019909900009", "6471014101800001"});
  CHECK(run.statuses() == std::vector<std::string>{"missing_in_invoice", "match", "match",
                                                   "duplicate_in_invoice", "not_expected",
                                                   "not_expected", "wrong_period", "wrong_period"});
  SECTION("the same inputs give the same rows every time") {
    CHECK(reconcile_text(roster, invoice, "2026-03").niks() == run.niks());
  }
}

TEST_CASE("reconcile::conservation", "[reconcile]") {
  const std::string roster =
      kRosterHeader + kAni + kBudi + kCici + "6471015503610005,Eko,1961-03-15,2026-01,2026-02\n";
  const std::string invoice = kInvoiceHeader +
                              "6471014101800001,Ani,2026-03,16800\n"
                              "6471014101800001,Ani,2026-03,16800\n"
                              "6471019909900009,Gita,2026-03,10000\n"
                              "6471010202800002,Budi,2025-12,16800\n"
                              "6471015503610005,Eko,2026-03,16800\n";
  const Run run = reconcile_text(roster, invoice, "2026-03");
  SECTION("every active roster NIK and every billed NIK appears in the diff") {
    const std::vector<std::string> niks = run.niks();
    const std::set<std::string> listed(niks.begin(), niks.end());
    for (const char* nik : {"6471014101800001", "6471010202800002", "6471014303800003",
                            "6471019909900009", "6471015503610005"})
      CHECK(listed.count(nik) == 1);
    CHECK(listed.size() == 5);
  }
  SECTION("one row per NIK for M plus one per wrong-period line") {
    CHECK(run.rows.size() == 5 + 1);
  }
  SECTION("the selisih column adds up to everything billed minus everything expected") {
    Sen sum = 0;
    for (const auto& r : run.rows) sum += r.difference;
    const Sen billed_all = 4 * premium + rupiah(10'000);
    CHECK(sum == billed_all - 3 * premium);
    CHECK(run.summary.net_difference() == sum);
  }
}

TEST_CASE("reconcile::inputs as exported", "[reconcile]") {
  SECTION("semicolons, Indonesian amounts, a periode written as a date, extra columns") {
    const Run run = reconcile_text(
        kRosterHeader + kAni + kBudi,
        "No;NIK;Nama Peserta;Periode;Iuran\n1;6471014101800001;Ani;01/03/2026;Rp 16.800,00\n"
        "2;6471010202800002;Budi;2026-03-01;16.800\n",
        "2026-03");
    CHECK(run.statuses() == std::vector<std::string>{"match", "match"});
  }
  SECTION("an invoice without periode or nama columns bills M") {
    const Run run =
        reconcile_text(kRosterHeader + kAni, "nik,iuran\n6471014101800001,16800\n", "2026-03");
    CHECK(run.statuses() == std::vector<std::string>{"match"});
  }
  SECTION("a roster name left empty is taken from the invoice") {
    const Run run = reconcile_text(
        kRosterHeader + "6471014101800001,,1980-01-01,2026-01,2045-12\n",
        kInvoiceHeader + "6471014101800001,Ani dari BPJS,2026-03,16800\n", "2026-03");
    CHECK(run.rows[0].nama == "Ani dari BPJS");
  }
  SECTION(
      "balangan-2024 has no age cap: a roster without akhir_iuran or tanggal_lahir is accepted") {
    const Run run = reconcile_text("nik,nama,mulai_iuran\n6311014101400001,Ani,2024-01\n",
                                   "nik,iuran\n6311014101400001,16800\n", "2030-03",
                                   load_profile("balangan-2024"));
    CHECK(run.statuses() == std::vector<std::string>{"match"});
  }
}

TEST_CASE("reconcile::errors stop the run", "[reconcile]") {
  const std::string invoice = kInvoiceHeader + "6471014101800001,Ani,2026-03,16800\n";
  SECTION("a NIK twice on the roster: 65, both lines named, dedupe suggested") {
    const std::string msg = stop_message<DataError>(kRosterHeader + kAni + kBudi + kAni, invoice);
    CHECK_THAT(msg, Catch::Contains("peserta.csv:4") && Catch::Contains("peserta.csv:2") &&
                        Catch::Contains("jamsos dedupe") && Catch::Contains("647101******0001"));
    CHECK_THAT(msg, !Catch::Contains("6471014101800001"));
  }
  SECTION("a required column missing: 65 naming it") {
    CHECK_THAT(
        stop_message<DataError>("nik,nama,akhir_iuran\n6471014101800001,Ani,2045-12\n", invoice),
        Catch::Contains("mulai_iuran"));
    CHECK_THAT(stop_message<DataError>(kRosterHeader + kAni, "nik,nama\n6471014101800001,Ani\n"),
               Catch::Contains("iuran"));
    CHECK_THAT(
        stop_message<DataError>("nik,nama,mulai_iuran\n6471014101800001,Ani,2026-01\n", invoice),
        Catch::Contains("akhir_iuran") && Catch::Contains("tanggal_lahir"));
  }
  SECTION("an amount that is not money: 65 at its line") {
    CHECK_THAT(stop_message<DataError>(kRosterHeader + kAni,
                                       kInvoiceHeader + "6471014101800001,Ani,2026-03,16,800\n"),
               Catch::Contains("tagihan.csv:2"));
    CHECK_THAT(
        stop_message<DataError>(kRosterHeader + kAni,
                                kInvoiceHeader + "6471014101800001,Ani,2026-03,enam belas ribu\n"),
        Catch::Contains("tagihan.csv:2") && Catch::Contains("iuran"));
    CHECK_THAT(stop_message<DataError>(kRosterHeader + kAni,
                                       kInvoiceHeader + "6471014101800001,Ani,2026-03,\n"),
               Catch::Contains("tagihan.csv:2"));
  }
  SECTION("a periode that cannot be read: 65") {
    CHECK_THAT(stop_message<DataError>(kRosterHeader + kAni,
                                       kInvoiceHeader + "6471014101800001,Ani,Maret 2026,16800\n"),
               Catch::Contains("tagihan.csv:2") && Catch::Contains("periode"));
  }
  SECTION("a NIK that is not 16 digits: 65, masked, spreadsheet damage explained") {
    const std::string msg = stop_message<DataError>(
        kRosterHeader + kAni, kInvoiceHeader + "6.47101E+15,Ani,2026-03,16800\n");
    CHECK_THAT(msg, Catch::Contains("tagihan.csv:2") && Catch::Contains("teks"));
  }
  SECTION("empty or unreadable mulai_iuran / akhir_iuran: 65") {
    CHECK_THAT(stop_message<DataError>(kRosterHeader + "6471014101800001,Ani,1980-01-01,,2045-12\n",
                                       invoice),
               Catch::Contains("peserta.csv:2") && Catch::Contains("mulai_iuran"));
    CHECK_THAT(stop_message<DataError>(
                   kRosterHeader + "6471014101800001,Ani,1980-01-01,2026-01,Des 2045\n", invoice),
               Catch::Contains("peserta.csv:2") && Catch::Contains("akhir_iuran"));
  }
  SECTION("a record with the wrong number of fields: 65") {
    CHECK_THAT(stop_message<DataError>(kRosterHeader + kAni,
                                       kInvoiceHeader + "6471014101800001,Ani,2026-03\n"),
               Catch::Contains("tagihan.csv:2"));
  }
  SECTION("no premium in force for M: 78") {
    std::string toml = profile_text("balikpapan-2025");
    for (std::size_t at = toml.find("from = \"2025-01\""); at != std::string::npos;
         at = toml.find("from = \"2025-01\""))
      toml.replace(at, 16, "from = \"2027-01\"");
    const Profile late = parse_profile(toml, "late.toml");
    TempDir dir;
    csv::MultiReader roster({dir.file("peserta.csv", kRosterHeader + kAni)}, {});
    csv::MultiReader bill({dir.file("tagihan.csv", invoice)}, {});
    CHECK_THROWS_AS(reconcile(roster, bill, late, ReconcileOptions{*parse_month("2026-03")},
                              [](const ReconcileRow&) {}),
                    ConfigError);
  }
}

TEST_CASE("reconcile::run_reconcile writes the diff CSV", "[reconcile]") {
  TempDir dir;
  csv::MultiReader roster({dir.file("peserta.csv", kRosterHeader + kAni + kBudi)}, {});
  csv::MultiReader invoice(
      {dir.file("tagihan.csv", kInvoiceHeader + "6471014101800001,Ani,2026-03,16800\n"
                                                "6471010202800002,Budi,2026-03,16800.50\n")},
      {});
  csv::Output file(dir.at("selisih.csv"));
  csv::Writer out(file, {});
  std::vector<ReconcileRow> differences;
  const ReconcileSummary s =
      run_reconcile(roster, invoice, load_profile("balikpapan-2025"),
                    ReconcileOptions{*parse_month("2026-03")}, out, &differences, nullptr);
  file.commit();
  CHECK(csv::test::slurp(dir.at("selisih.csv")) ==
        "nik,nama,status,iuran_seharusnya,iuran_tagihan,selisih,periode,keterangan\n"
        "6471014101800001,Ani,match,16800,16800,0,2026-03,\n"
        "6471010202800002,Budi,amount_mismatch,16800,16800.50,0.50,2026-03,\"ditagih Rp 16.800,50, "
        "seharusnya Rp 16.800\"\n");
  REQUIRE(differences.size() == 1);
  CHECK(differences[0].nik == "6471010202800002");
  CHECK(s.row_count() == 2);
}
