// `jamsos consolidate`: flags -> consolidate(). The ranking, pricing and selection live in
// src/ops/consolidate*.cpp.
#include <fmt/core.h>

#include <charconv>
#include <filesystem>
#include <memory>
#include <optional>

#include "audit.hpp"
#include "command.hpp"
#include "jamsos/core/errors.hpp"
#include "jamsos/core/i18n.hpp"
#include "jamsos/core/money.hpp"
#include "jamsos/core/profile.hpp"
#include "jamsos/ops/consolidate.hpp"
#include "terminal_progress.hpp"

namespace jamsos::cli {

namespace {

struct ConsolidateArgs {
  CommonOptions common;
  std::vector<std::string> inputs;
  std::string output{"-"};
  std::string waitlist;
  std::string summary;
  int year = 0;
  std::string quota;
  std::string budget;
  int forecast = 0;
};

std::string shown(const std::string& path) { return path == "-" ? "stdout" : path; }

void print_summary(const ConsolidateResult& r, const ConsolidateArgs& a,
                   const ConsolidateOptions& o) {
  fmt::print(
      stderr,
      trf("jamsos consolidate {}: {} calon dibaca; {} masuk keputusan, {} daftar tunggu\n",
          "jamsos consolidate {}: {} candidates read; {} on the decree list, {} on the waitlist\n"),
      a.year, r.rows_in, r.decreed, r.waitlisted());
  fmt::print(stderr,
             trf("  keputusan -> {}: {} orang, iuran {} {}\n",
                 "  decree list -> {}: {} people, premiums {} {}\n"),
             shown(a.output), r.decreed, a.year, format_rupiah(r.premium_total));
  if (!a.waitlist.empty()) {
    fmt::print(stderr, trf("  daftar tunggu -> {}: ", "  waitlist -> {}: "), shown(a.waitlist));
    std::string reasons;
    const std::pair<const char*, std::size_t> counts[] = {
        {wait_reason_code(WaitReason::ages_out_before_start), r.ages_out_before_start},
        {wait_reason_code(WaitReason::over_quota), r.over_quota},
        {wait_reason_code(WaitReason::over_budget), r.over_budget}};
    for (const auto& [code, n] : counts)
      if (n > 0) reasons += fmt::format("{}{} {}", reasons.empty() ? "" : ", ", code, n);
    fmt::print(stderr, "{}\n", reasons.empty() ? tr("kosong", "empty") : reasons);
  }
  if (o.budget)
    fmt::print(stderr,
               trf("  anggaran {}: terpakai {}, sisa {}\n", "  budget {}: used {}, left {}\n"),
               format_rupiah(*o.budget), format_rupiah(r.premium_total),
               format_rupiah(*o.budget - r.premium_total));
  if (o.quota)
    fmt::print(stderr, trf("  kuota {}: terisi {}\n", "  quota {}: filled {}\n"), *o.quota,
               r.decreed);

  // The summary's totals in Rupiah: per agency and occupation with --summary, the total always.
  const auto premiums = [&a](const SummaryLine& line) {
    std::string text = format_rupiah(line.premiums[0]);
    for (std::size_t k = 1; k < line.premiums.size(); ++k)
      text += fmt::format("; {} {}", a.year + static_cast<int>(k), format_rupiah(line.premiums[k]));
    return text;
  };
  if (!a.summary.empty()) {
    fmt::print(stderr, trf("  ringkasan -> {}:\n", "  summary -> {}:\n"), shown(a.summary));
    for (const auto& line : r.summary)
      fmt::print(stderr, "    {} {}: {} {}, {} {}\n", summary_group_code(line.group), line.name,
                 line.count, tr("orang", line.count == 1 ? "person" : "people"), a.year,
                 premiums(line));
  } else if (a.forecast > 0) {
    fmt::print(stderr, trf("  perkiraan iuran: {} {}\n", "  premium forecast: {} {}\n"), a.year,
               premiums(r.summary.back()));
  }
}

ConsolidateOptions parse_options(const ConsolidateArgs& a) {
  ConsolidateOptions o;
  o.year = a.year;
  o.forecast_years = a.forecast;
  if (!a.quota.empty()) {
    std::size_t n = 0;
    const char* end = a.quota.data() + a.quota.size();
    const auto [ptr, ec] = std::from_chars(a.quota.data(), end, n);
    if (ec != std::errc() || ptr != end)
      throw UsageError(fmt::format(trf("--quota '{}' bukan bilangan bulat 0 atau lebih",
                                       "--quota '{}' is not a whole number of 0 or more"),
                                   a.quota));
    o.quota = n;
  }
  if (!a.budget.empty()) {
    o.budget = parse_money(a.budget);
    if (!o.budget || *o.budget < 0)
      throw UsageError(fmt::format(
          trf("--budget '{}' bukan jumlah uang; tulis misalnya 3000000000 atau Rp 3.000.000.000",
              "--budget '{}' is not an amount; write e.g. 3000000000 or Rp 3.000.000.000"),
          a.budget));
  }
  // Contract, "Common rules": nothing is dropped silently; stop before reading anything.
  if ((o.quota || o.budget) && a.waitlist.empty())
    throw UsageError(
        tr("--quota dan --budget memerlukan --waitlist FILE untuk calon yang tidak masuk",
           "--quota and --budget need --waitlist FILE for the candidates who do not fit"));
  // Two outputs on one stream or one file would mix or overwrite each other.
  require_distinct_outputs({a.output, a.waitlist, a.summary});
  return o;
}

int run(const ConsolidateArgs& a) {
  const ConsolidateOptions options = parse_options(a);
  const Profile profile = load_profile(a.common.profile);
  audit::profile(profile);

  // Outputs first: a folder that cannot take them fails (73) before any work.
  csv::Output main_file(a.output);
  audit::output(main_file, "main");
  std::unique_ptr<csv::Output> waitlist_file, summary_file;
  if (!a.waitlist.empty()) {
    waitlist_file = std::make_unique<csv::Output>(a.waitlist);
    audit::output(*waitlist_file, "waitlist");
  }
  if (!a.summary.empty()) {
    summary_file = std::make_unique<csv::Output>(a.summary);
    audit::output(*summary_file, "summary");
  }

  csv::MultiReader in(a.inputs.empty() ? std::vector<std::string>{"-"} : a.inputs,
                      audit::reading(reader_options(a.common), a.inputs, "input"));
  const csv::WriterOptions w = writer_options(a.common);
  csv::Writer main_out(main_file, w);
  std::unique_ptr<csv::Writer> waitlist_out, summary_out;
  if (waitlist_file) waitlist_out = std::make_unique<csv::Writer>(*waitlist_file, w);
  if (summary_file) summary_out = std::make_unique<csv::Writer>(*summary_file, w);

  TerminalProgress bar;
  const ConsolidateResult result = consolidate(
      in, profile, options, ConsolidateOutputs{main_out, waitlist_out.get(), summary_out.get()},
      want_progress(a.common) ? &bar : nullptr);
  audit::rows("read", result.rows_in);
  audit::rows("main", result.decreed);
  if (waitlist_file) audit::rows("waitlist", result.waitlisted());
  if (summary_file) audit::rows("summary", result.summary.size());
  if (summary_file) summary_file->commit();
  if (waitlist_file) waitlist_file->commit();
  main_file.commit();
  if (!a.common.quiet) print_summary(result, a, options);
  return 0;
}

}  // namespace

void add_consolidate(CLI::App& sub, Runner& runner) {
  auto args = std::make_shared<ConsolidateArgs>();
  sub.add_option(
      "files", args->inputs,
      tr("calon layak tanpa ganda (keluaran validate | dedupe); '-' atau kosong = stdin",
         "eligible, de-duplicated candidates (validate | dedupe output); '-' or none = stdin"));
  sub.add_option("--year", args->year,
                 tr("tahun kepesertaan Y: iuran mulai Y-01 (Pasal 8 ayat (6))",
                    "coverage year Y: premiums from Y-01 (Pasal 8 ayat (6))"))
      ->required()
      ->check(CLI::Range(1900, 9999));
  sub.add_option("--quota", args->quota, tr("ambil N calon pertama", "take the first N candidates"))
      ->type_name("N");
  sub.add_option("--budget", args->budget,
                 tr("anggaran iuran setahun, mis. 3000000000 atau \"Rp 3.000.000.000\"",
                    "the year's premium budget, e.g. 3000000000 or \"Rp 3.000.000.000\""))
      ->type_name("RP");
  sub.add_option("--forecast", args->forecast,
                 tr("tambahkan iuran K tahun berikutnya ke ringkasan (berkurang karena batas usia)",
                    "add the premiums of the K following years to the summary (less the age-outs)"))
      ->check(CLI::Range(1, 50));
  sub.add_option("-o,--output", args->output, tr("daftar keputusan", "the decree list"))
      ->capture_default_str();
  sub.add_option("--waitlist", args->waitlist,
                 tr("daftar tunggu: calon yang tidak masuk, dengan alasan",
                    "waitlist: the candidates left out, with alasan"));
  sub.add_option("--summary", args->summary,
                 tr("ringkasan per penanggung jawab dan per pekerjaan",
                    "summary per responsible agency and per occupation"));
  add_common_options(sub, args->common);
  // The command lines are the same in both languages; only the words around them differ.
  static constexpr const char* examples =
      "  jamsos consolidate --year 2026 --budget \"Rp 3.000.000.000\" layak.csv --waitlist tunggu.csv \\\n"
      "     --summary ringkasan.csv -o keputusan_2026.csv\n"
      "  jamsos validate --rejects ditolak.csv usulan_*.csv | jamsos dedupe --duplicates ganda.csv \\\n"
      "   | jamsos consolidate --year 2026 --quota 7100 --waitlist tunggu.csv -o keputusan_2026.csv\n"
      "  jamsos consolidate --year 2026 --waitlist tunggu.csv --summary ringkasan.csv --forecast 5 \\\n"
      "     --excel -o keputusan.csv layak.csv\n";
  sub.footer(fmt::format(
      trf("Contoh:\n{}"
          "Urutan: prioritas, FM sebelum OTM, penghasilan terendah, tanggal_usulan terawal, nik.\n"
          "Kode keluar: 0 selesai, 2 salah pakai, 65 data salah (NIK ganda: jalankan dedupe; status bukan\n"
          "eligible: jalankan validate), 66 berkas tak terbuka, 73 keluaran tak bisa dibuat, 74 galat I/O,\n"
          "78 profil salah.",
          "Examples:\n{}"
          "Order: prioritas, FM before OTM, lowest penghasilan, earliest tanggal_usulan, nik.\n"
          "Exit codes: 0 done, 2 bad usage, 65 bad data (repeated NIK: run dedupe; status not eligible:\n"
          "run validate), 66 input cannot be opened, 73 output cannot be created, 74 I/O error,\n"
          "78 bad profile."),
      examples));
  sub.callback([args, &runner] { runner = [args] { return run(*args); }; });
}

}  // namespace jamsos::cli
