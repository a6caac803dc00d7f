// `jamsos terminate`: flags -> run_terminate. The rules live in src/ops/terminate*.cpp.
#include <fmt/core.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "audit.hpp"
#include "command.hpp"
#include "jamsos/core/errors.hpp"
#include "jamsos/core/i18n.hpp"
#include "jamsos/core/profile.hpp"
#include "jamsos/ops/terminate.hpp"
#include "terminal_progress.hpp"

namespace jamsos::cli {

namespace {

struct TerminateArgs {
  CommonOptions common;
  std::vector<std::string> roster;
  std::string month;
  std::string events;
  std::string output{"-"};
  std::string ended;
  std::string unmatched;
};

std::string shown(const std::string& path) { return path == "-" ? "stdout" : path; }

// Rows may not be dropped, and two outputs in one file would lose one of them: both are
// settled before anything is opened.
void check_usage(const TerminateArgs& a) {
  if (a.ended.empty())
    throw UsageError(tr(
        "terminate perlu --ended FILE untuk peserta yang berhenti (tidak ada baris yang dibuang)",
        "terminate needs --ended FILE for the participants who leave (no row is dropped)"));
  if (!a.events.empty() && a.unmatched.empty())
    throw UsageError(tr(
        "--events perlu --unmatched FILE untuk kejadian yang tidak cocok (tidak ada yang dibuang)",
        "--events needs --unmatched FILE for the events that match nobody (nothing is dropped)"));
  const bool roster_stdin =
      a.roster.empty() || std::find(a.roster.begin(), a.roster.end(), "-") != a.roster.end();
  if (a.events == "-" && roster_stdin)
    throw UsageError(tr("daftar peserta dan --events tidak bisa keduanya dari stdin",
                        "the roster and --events cannot both come from stdin"));
  require_distinct_outputs({a.output, a.ended, a.unmatched});
}

void print_summary(const TerminateCounts& c, const TerminateArgs& a, const Profile& profile) {
  fmt::print(stderr,
             trf("jamsos terminate {}: {} peserta dibaca; {} tetap, {} berhenti\n",
                 "jamsos terminate {}: {} participants read; {} stay, {} ended\n"),
             a.month, c.roster_rows, c.kept, c.ended);
  fmt::print(stderr, trf("  tetap -> {}; berhenti -> {}\n", "  stay -> {}; ended -> {}\n"),
             shown(a.output), shown(a.ended));
  if (c.ended > 0) {
    std::string reasons;
    for (std::size_t r = 0; r < end_reason_count; ++r)
      if (c.ended_by[r] > 0)
        reasons += fmt::format("{}{} {}", reasons.empty() ? "" : ", ",
                               end_reason_code(static_cast<EndReason>(r)), c.ended_by[r]);
    std::string articles;
    const std::size_t by_age = c.ended_by[static_cast<std::size_t>(EndReason::usia)];
    // Cite only the articles that ended somebody: Pasal 10 for events, the cap for usia.
    for (const auto& [rule, used] : {std::pair{&profile.termination_rule, c.ended > by_age},
                                     std::pair{&profile.premium_cap_rule, by_age > 0}})
      if (used && rule->enabled && !rule->article.empty())
        articles += (articles.empty() ? "" : "; ") + rule->article;
    fmt::print(stderr, "  alasan_berhenti: {}{}\n", reasons,
               articles.empty() ? "" : " (" + articles + ")");
  }
  if (a.events.empty()) {
    fmt::print(stderr, trf("  tanpa --events: hanya batas usia yang diterapkan\n",
                           "  no --events: only the age cap was applied\n"));
    return;
  }
  fmt::print(stderr,
             trf("  kejadian: {} dibaca; {} cocok, {} tidak cocok -> {}",
                 "  events: {} read; {} matched, {} unmatched -> {}"),
             c.events, c.events_matched, c.events_unmatched, shown(a.unmatched));
  std::string problems;
  for (std::size_t p = 0; p < event_problem_count; ++p)
    if (c.unmatched_by[p] > 0)
      problems += fmt::format("{}{} {}", problems.empty() ? "" : ", ",
                              event_problem_code(static_cast<EventProblem>(p)), c.unmatched_by[p]);
  fmt::print(stderr, "{}\n", problems.empty() ? "" : " (" + problems + ")");
  // They are matched, so they appear in no output: the next run needs them again.
  if (c.events_later > 0)
    fmt::print(stderr,
               trf("  {} kejadian bertanggal {} atau sesudahnya: pesertanya tetap bulan ini; "
                   "masukkan lagi ke berkas kejadian untuk bulan sesudah tanggalnya\n",
                   "  {} events dated {} or later: their participants stay this month; put them "
                   "again in the events file for the month after their date\n"),
               c.events_later, a.month);
}

int run(const TerminateArgs& a) {
  check_usage(a);
  TerminateOptions options;
  const auto month = parse_month(a.month);
  if (!month)
    throw UsageError(fmt::format(trf("--month '{}' bukan bulan; tulis YYYY-MM, mis. 2026-03",
                                     "--month '{}' is not a month; write YYYY-MM, e.g. 2026-03"),
                                 a.month));
  options.month = *month;
  const Profile profile = load_profile(a.common.profile);
  audit::profile(profile);

  // Outputs first: a folder that cannot take them fails (73) before any work.
  csv::Output main_file(a.output);
  audit::output(main_file, "main");
  csv::Output ended_file(a.ended);
  audit::output(ended_file, "ended");
  std::unique_ptr<csv::Output> unmatched_file;
  if (!a.unmatched.empty()) {
    unmatched_file = std::make_unique<csv::Output>(a.unmatched);
    audit::output(*unmatched_file, "unmatched");
  }

  const csv::ReaderOptions ropts = reader_options(a.common);
  std::unique_ptr<csv::MultiReader> events;
  if (!a.events.empty())
    events = std::make_unique<csv::MultiReader>(std::vector<std::string>{a.events},
                                                audit::reading(ropts, {a.events}, "events"));
  csv::MultiReader roster(a.roster.empty() ? std::vector<std::string>{"-"} : a.roster,
                          audit::reading(ropts, a.roster, "roster"));

  const csv::WriterOptions wopts = writer_options(a.common);
  csv::Writer main_out(main_file, wopts);
  csv::Writer ended_out(ended_file, wopts);
  std::unique_ptr<csv::Writer> unmatched_out;
  if (unmatched_file) unmatched_out = std::make_unique<csv::Writer>(*unmatched_file, wopts);

  TerminalProgress bar;
  const TerminateCounts counts =
      run_terminate(roster, events.get(), {main_out, ended_out, unmatched_out.get()}, profile,
                    options, want_progress(a.common) ? &bar : nullptr);
  audit::rows("read", counts.roster_rows);
  audit::rows("main", counts.kept);
  audit::rows("ended", counts.ended);
  if (events) audit::rows("events", counts.events);
  if (unmatched_file) audit::rows("unmatched", counts.events_unmatched);
  // Side files first: a pipe reading stdout sees the roster end only when all is in place.
  if (unmatched_file) unmatched_file->commit();
  ended_file.commit();
  main_file.commit();
  if (!a.common.quiet) print_summary(counts, a, profile);
  return 0;
}

}  // namespace

void add_terminate(CLI::App& sub, Runner& runner) {
  auto args = std::make_shared<TerminateArgs>();
  sub.add_option("roster", args->roster,
                 tr("daftar peserta bulan lalu (CSV); '-' atau kosong = stdin",
                    "last month's roster (CSV); '-' or none = stdin"));
  sub.add_option("--month", args->month,
                 tr("bulan daftar yang dibuat, YYYY-MM", "month of the roster to produce, YYYY-MM"))
      ->required();
  sub.add_option("--events", args->events,
                 tr("kejadian (nik, alasan, tanggal): meninggal, pindah, mampu_mandiri, "
                    "pekerja_formal atau a-d (Pasal 10)",
                    "events (nik, alasan, tanggal): meninggal, pindah, mampu_mandiri, "
                    "pekerja_formal or a-d (Pasal 10)"));
  sub.add_option("-o,--output", args->output, tr("daftar peserta bulan ini", "this month's roster"))
      ->capture_default_str();
  sub.add_option("--ended", args->ended,
                 tr("peserta yang berhenti, dengan alasan_berhenti dan iuran_terakhir (wajib)",
                    "participants who leave, with alasan_berhenti and iuran_terakhir (required)"));
  sub.add_option("--unmatched", args->unmatched,
                 tr("kejadian yang tidak cocok, dengan masalah dan asal (wajib dengan --events)",
                    "events that match nobody or cannot be read, with masalah and asal (required "
                    "with --events)"));
  add_common_options(sub, args->common);
  sub.footer(
      tr("Contoh:\n"
         "  jamsos terminate peserta_2026-02.csv --events kejadian_2026-03.csv --month 2026-03 \\\n"
         "      --ended berhenti_2026-03.csv --unmatched tak_cocok_2026-03.csv -o "
         "peserta_2026-03.csv\n"
         "  jamsos terminate keputusan_2026.csv --month 2026-01 --ended berhenti_2026-01.csv -o "
         "peserta_2026-01.csv\n"
         "Kejadian bulan E: iuran bulan E masih dibayar; peserta keluar pada --month sesudah E.\n"
         "Kode keluar: 0 selesai, 2 salah pakai, 65 data salah (NIK ganda: jalankan jamsos "
         "dedupe), 66 berkas\n"
         "tak terbuka, 73 keluaran tak bisa dibuat, 74 galat I/O, 78 profil salah.",
         "Examples:\n"
         "  jamsos terminate peserta_2026-02.csv --events kejadian_2026-03.csv --month 2026-03 \\\n"
         "      --ended berhenti_2026-03.csv --unmatched tak_cocok_2026-03.csv -o "
         "peserta_2026-03.csv\n"
         "  jamsos terminate keputusan_2026.csv --month 2026-01 --ended berhenti_2026-01.csv -o "
         "peserta_2026-01.csv\n"
         "An event in month E: E's premium is still paid; the participant leaves from the --month "
         "after E.\n"
         "Exit codes: 0 done, 2 bad usage, 65 bad data (duplicate NIK: run jamsos dedupe), 66 "
         "input cannot be\n"
         "opened, 73 output cannot be created, 74 I/O error, 78 bad profile."));
  sub.callback([args, &runner] { runner = [args] { return run(*args); }; });
}

}  // namespace jamsos::cli
