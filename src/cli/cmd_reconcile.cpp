// `jamsos reconcile`: flags -> run_reconcile and the berita acara. The matching lives in
// src/ops/reconcile.cpp, the minutes in src/ops/report_*.cpp.
#include <fmt/core.h>

#include <memory>
#include <optional>

#include "audit.hpp"
#include "command.hpp"
#include "jamsos/core/errors.hpp"
#include "jamsos/core/i18n.hpp"
#include "jamsos/core/profile.hpp"
#include "jamsos/ops/reconcile.hpp"
#include "jamsos/ops/report.hpp"
#include "terminal_progress.hpp"

namespace jamsos::cli {

namespace {

struct ReconcileArgs {
  CommonOptions common;
  std::string roster;
  std::string invoice;
  std::string month;
  std::string output{"-"};
  std::string report;
  bool fail_on_diff = false;
  std::string place;
  std::string date;
  std::string signer_city;
  std::string signer_bpjs;
};

void print_summary(const ReconcileSummary& s, const ReconcileArgs& a) {
  const auto count = [&s](ReconcileStatus st) { return s.rows[static_cast<std::size_t>(st)]; };
  fmt::print(
      stderr,
      trf("jamsos reconcile {}: {} peserta aktif ({}), {} NIK ditagih ({}); {} sesuai, {} selisih; "
          "dibayar {} untuk {} peserta\n",
          "jamsos reconcile {}: {} active participants ({}), {} NIKs billed ({}); {} match, {} "
          "differ; payable {} for {} participants\n"),
      format_month(s.month), s.expected_count, format_rupiah(s.expected_total), s.billed_niks,
      format_rupiah(s.billed_total), count(ReconcileStatus::match), s.difference_count(),
      format_rupiah(s.payable_total), s.payable_count);
  fmt::print(stderr, trf("  selisih -> {} ({} baris)", "  differences -> {} ({} rows)"),
             a.output == "-" ? "stdout" : a.output, s.row_count());
  if (!a.report.empty())
    fmt::print(stderr, trf("; berita acara -> {}", "; minutes -> {}"), a.report);
  fmt::print(stderr, "\n");
  // For scripts and cron: fixed keys, the same in every language, money in plain Rupiah.
  std::string line =
      fmt::format("reconcile month={} expected={} expected_total={} billed={} billed_total={}",
                  format_month(s.month), s.expected_count, format_money_plain(s.expected_total),
                  s.billed_niks, format_money_plain(s.billed_total));
  for (std::size_t i = 0; i < reconcile_status_count; ++i)
    line += fmt::format(" {}={}", status_code(static_cast<ReconcileStatus>(i)), s.rows[i]);
  line += fmt::format(" payable={} payable_total={}\n", s.payable_count,
                      format_money_plain(s.payable_total));
  fmt::print(stderr, "{}", line);
}

int run(const ReconcileArgs& a) {
  const std::optional<Month> month = parse_month(a.month);
  if (!month)
    throw UsageError(fmt::format(trf("--month '{}' bukan bulan; tulis YYYY-MM, mis. 2026-03",
                                     "--month '{}' is not a month; write YYYY-MM, e.g. 2026-03"),
                                 a.month));
  if (a.roster == "-" && a.invoice == "-")
    throw UsageError(tr("hanya satu dari --roster dan --invoice yang boleh dibaca dari stdin ('-')",
                        "only one of --roster and --invoice can be read from stdin ('-')"));
  std::optional<ReportFormat> format;
  if (!a.report.empty()) {
    format = report_format_for(a.report);
    if (!format)
      throw UsageError(
          fmt::format(trf("--report '{}': akhiri nama berkas dengan .html (untuk dicetak) atau .md",
                          "--report '{}': end the file name in .html (to print) or .md"),
                      a.report));
    require_distinct_outputs({a.output, a.report});
  }
  ReportInfo info;
  if (a.date.empty()) {
    info.date = today();
  } else if (const auto d = parse_date(a.date)) {
    info.date = *d;
  } else {
    throw UsageError(fmt::format(trf("--date '{}' bukan tanggal; tulis YYYY-MM-DD",
                                     "--date '{}' is not a date; write YYYY-MM-DD"),
                                 a.date));
  }
  const Profile profile = load_profile(a.common.profile);
  audit::profile(profile);
  info.place = !a.place.empty()         ? a.place
               : !profile.place.empty() ? profile.place
                                        : profile.region_name;
  info.signer_city = a.signer_city;
  info.signer_bpjs = a.signer_bpjs;
  info.roster_file = a.roster;
  info.invoice_file = a.invoice;

  // Outputs first: a folder that cannot take them fails (73) before any work.
  csv::Output main_file(a.output);
  audit::output(main_file, "main");
  std::unique_ptr<csv::Output> report_file;
  if (format) {
    report_file = std::make_unique<csv::Output>(a.report);
    audit::output(*report_file, "report");
  }

  csv::MultiReader roster({a.roster}, audit::reading(reader_options(a.common), {a.roster}, "roster"));
  csv::MultiReader invoice({a.invoice}, audit::reading(reader_options(a.common), {a.invoice}, "invoice"));
  csv::Writer main_out(main_file, writer_options(a.common));

  TerminalProgress bar;
  std::vector<ReconcileRow> differences;
  const ReconcileSummary summary =
      run_reconcile(roster, invoice, profile, ReconcileOptions{*month}, main_out,
                    format ? &differences : nullptr, want_progress(a.common) ? &bar : nullptr);
  audit::rows("read", summary.roster_rows);
  audit::rows("invoice", summary.invoice_lines);
  audit::rows("main", summary.row_count());
  if (report_file) {
    write_berita_acara(*format, summary, differences, profile, info,
                       [&report_file](std::string_view text) { report_file->write(text); });
    report_file->commit();
  }
  main_file.commit();
  if (!a.common.quiet) print_summary(summary, a);
  // Contract: with --fail-on-diff, exit 1 when any row is not `match`, after every output is
  // written.
  return a.fail_on_diff && summary.difference_count() > 0 ? static_cast<int>(ExitCode::differences)
                                                          : 0;
}

}  // namespace

void add_reconcile(CLI::App& sub, Runner& runner) {
  auto args = std::make_shared<ReconcileArgs>();
  sub.add_option("--roster", args->roster,
                 tr("daftar peserta bulan itu (keluaran jamsos terminate); '-' = stdin",
                    "the month's roster (jamsos terminate's output); '-' = stdin"))
      ->required();
  sub.add_option("--invoice", args->invoice,
                 tr("tagihan BPJS Ketenagakerjaan: kolom nik, iuran; nama, periode bila ada",
                    "BPJS Ketenagakerjaan's invoice: columns nik, iuran; nama, periode if present"))
      ->required();
  sub.add_option("--month", args->month,
                 tr("bulan yang direkonsiliasi, YYYY-MM", "the month reconciled, YYYY-MM"))
      ->required();
  sub.add_option("-o,--output", args->output,
                 tr("daftar selisih, satu baris per NIK (CSV)",
                    "the difference list, one row per NIK (CSV)"))
      ->capture_default_str();
  sub.add_option("--report", args->report,
                 tr("berita acara rekonsiliasi: FILE.html (cetak A4) atau FILE.md",
                    "the reconciliation minutes: FILE.html (prints on A4) or FILE.md"));
  sub.add_flag("--fail-on-diff", args->fail_on_diff,
               tr("kode keluar 1 bila ada baris yang tidak match (untuk cron)",
                  "exit 1 when any row is not match (for cron)"));
  sub.add_option("--place", args->place,
                 tr("tempat penandatanganan berita acara (bawaan: dari profil)",
                    "where the minutes are signed (default: from the profile)"));
  sub.add_option("--date", args->date,
                 tr("tanggal berita acara, YYYY-MM-DD (bawaan: hari ini)",
                    "date of the minutes, YYYY-MM-DD (default: today)"));
  sub.add_option("--signer-city", args->signer_city,
                 tr("nama penanda tangan Pemerintah Daerah (bawaan: baris kosong)",
                    "name of the city's signatory (default: a blank line)"));
  sub.add_option("--signer-bpjs", args->signer_bpjs,
                 tr("nama penanda tangan BPJS Ketenagakerjaan (bawaan: baris kosong)",
                    "name of BPJS Ketenagakerjaan's signatory (default: a blank line)"));
  add_common_options(sub, args->common);
  sub.footer(
      tr("Contoh:\n"
         "  jamsos reconcile --roster peserta_2026-03.csv --invoice tagihan_2026-03.csv --month "
         "2026-03 \\\n"
         "     -o selisih_2026-03.csv --report berita_acara_2026-03.html\n"
         "  jamsos reconcile --roster peserta.csv --invoice tagihan.csv --month 2026-03 "
         "--fail-on-diff -q -o selisih.csv\n"
         "  jamsos reconcile --roster peserta.csv --invoice tagihan.csv --month 2026-03 --report "
         "ba.md \\\n"
         "     --place Balikpapan --date 2026-04-06 --signer-city 'Nama Kepala Dinas'\n"
         "Status: match, amount_mismatch, duplicate_in_invoice, not_expected, missing_in_invoice, "
         "wrong_period.\n"
         "Kode keluar: 0 selesai (selisih adalah hasil), 1 ada selisih dengan --fail-on-diff, 2 "
         "salah pakai,\n"
         "65 data salah, 66 berkas tak terbuka, 73 keluaran tak bisa dibuat, 74 galat I/O, 78 "
         "profil salah.",
         "Examples:\n"
         "  jamsos reconcile --roster peserta_2026-03.csv --invoice tagihan_2026-03.csv --month "
         "2026-03 \\\n"
         "     -o selisih_2026-03.csv --report berita_acara_2026-03.html\n"
         "  jamsos reconcile --roster peserta.csv --invoice tagihan.csv --month 2026-03 "
         "--fail-on-diff -q -o selisih.csv\n"
         "  jamsos reconcile --roster peserta.csv --invoice tagihan.csv --month 2026-03 --report "
         "ba.md --lang en \\\n"
         "     --place Balikpapan --date 2026-04-06 --signer-city 'Head of agency name'\n"
         "Status: match, amount_mismatch, duplicate_in_invoice, not_expected, missing_in_invoice, "
         "wrong_period.\n"
         "Exit codes: 0 done (differences are results), 1 differences with --fail-on-diff, 2 bad "
         "usage,\n"
         "65 bad data, 66 input cannot be opened, 73 output cannot be created, 74 I/O error, 78 "
         "bad profile."));
  sub.callback([args, &runner] { runner = [args] { return run(*args); }; });
}

}  // namespace jamsos::cli
