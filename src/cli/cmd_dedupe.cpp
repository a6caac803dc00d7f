// `jamsos dedupe`: flags -> run_dedupe. The logic lives in src/ops/dedupe*.cpp.
#include <fmt/core.h>

#include <memory>

#include "audit.hpp"
#include "command.hpp"
#include "jamsos/core/errors.hpp"
#include "jamsos/core/i18n.hpp"
#include "jamsos/core/profile.hpp"
#include "jamsos/ops/dedupe.hpp"
#include "terminal_progress.hpp"

namespace jamsos::cli {

namespace {

struct DedupeArgs {
  CommonOptions common;
  std::vector<std::string> inputs;
  std::string output{"-"};
  std::string duplicates;
  std::string review;
  std::vector<std::string> against;
  std::string decisions;
};

std::string shown(const std::string& path) { return path == "-" ? "stdout" : path; }

void print_summary(const DedupeCounts& c, const DedupeArgs& a) {
  fmt::print(stderr,
             trf("jamsos dedupe: {} baris dibaca; {} tetap, {} ganda (duplicate_nik {}, already_registered {}, "
                 "duplicate_person {})\n",
                 "jamsos dedupe: {} rows read; {} kept, {} duplicates (duplicate_nik {}, already_registered {}, "
                 "duplicate_person {})\n"),
             c.rows, c.kept, c.duplicates(), c.duplicate_nik, c.already_registered, c.duplicate_person);
  fmt::print(stderr, trf("  tetap -> {}; ganda -> {}\n", "  kept -> {}; duplicates -> {}\n"), shown(a.output),
             shown(a.duplicates));
  if (!a.review.empty()) {
    fmt::print(stderr, trf("  pasangan mirip untuk diperiksa: {} -> {}", "  likely-same pairs to review: {} -> {}"),
               c.review_pairs, shown(a.review));
    if (c.decided_pairs > 0)
      fmt::print(stderr, trf(" ({} pasangan sudah diputus, tidak diulang)", " ({} pairs already judged, not repeated)"),
                 c.decided_pairs);
    fmt::print(stderr, "\n");
  }
  if (!a.against.empty()) {
    fmt::print(stderr, trf("  daftar pembanding: {} baris dibaca", "  rosters: {} rows read"), c.roster_rows);
    if (c.roster_without_nik > 0)
      fmt::print(stderr, trf("; {} baris tanpa NIK 16 digit dilewati", "; {} rows without a 16-digit NIK skipped"),
                 c.roster_without_nik);
    fmt::print(stderr, "\n");
  }
  if (c.rows_without_nik > 0)
    fmt::print(stderr,
               trf("  peringatan: {} baris tanpa NIK 16 digit tidak dicek ganda NIK; jalankan jamsos validate dulu\n",
                   "  warning: {} rows without a 16-digit NIK were not checked for duplicate NIKs; run jamsos validate "
                   "first\n"),
               c.rows_without_nik);
}

void check_paths(const DedupeArgs& a) {
  // Rows may not be dropped: without a place for the duplicates, stop before reading (contract).
  if (a.duplicates.empty())
    throw UsageError(tr("dedupe perlu --duplicates FILE: baris ganda tidak boleh hilang begitu saja",
                        "dedupe needs --duplicates FILE: duplicate rows may not be dropped silently"));
  // Two outputs into one file (or both to stdout) would lose one of them.
  require_distinct_outputs({a.output, a.duplicates, a.review});
  // stdin can be read once, by one of them.
  std::size_t stdin_users = a.inputs.empty() ? 1 : 0;
  for (const auto& p : a.inputs) stdin_users += p == "-" ? 1 : 0;
  for (const auto& p : a.against) stdin_users += p == "-" ? 1 : 0;
  stdin_users += a.decisions == "-" ? 1 : 0;
  if (stdin_users > 1)
    throw UsageError(tr("stdin ('-' atau tanpa berkas masukan) hanya bisa dibaca sekali; sebutkan nama berkasnya",
                        "stdin ('-' or no input file) can be read only once; name the files instead"));
}

int run(const DedupeArgs& a) {
  check_paths(a);
  // dedupe has no profile rules; a wrong --profile still fails (78) as everywhere
  audit::profile(load_profile(a.common.profile));

  // Outputs first: a folder that cannot take them fails (73) before any work.
  csv::Output main_file(a.output);
  audit::output(main_file, "main");
  csv::Output duplicates_file(a.duplicates);
  audit::output(duplicates_file, "duplicates");
  std::unique_ptr<csv::Output> review_file;
  if (!a.review.empty()) {
    review_file = std::make_unique<csv::Output>(a.review);
    audit::output(*review_file, "review");
  }

  csv::MultiReader in(a.inputs.empty() ? std::vector<std::string>{"-"} : a.inputs,
                      audit::reading(reader_options(a.common), a.inputs, "input"));
  csv::Writer main_out(main_file, writer_options(a.common));
  csv::Writer duplicates_out(duplicates_file, writer_options(a.common));
  std::unique_ptr<csv::Writer> review_out;
  if (review_file) review_out = std::make_unique<csv::Writer>(*review_file, writer_options(a.common));

  DedupeOptions options;
  options.against = a.against;
  options.decisions = a.decisions;
  // run_dedupe opens, with these options, the rosters, then the decisions, then (for files,
  // not stdin) the inputs again for its second pass.
  std::vector<audit::Input> later;
  for (const auto& p : a.against) later.push_back({p, "against"});
  if (!a.decisions.empty()) later.push_back({a.decisions, "decisions"});
  for (const auto& p : a.inputs) later.push_back({p, "input"});
  options.reader = audit::reading(reader_options(a.common), later);

  TerminalProgress bar;
  const DedupeCounts counts =
      run_dedupe(in, options, main_out, duplicates_out, review_out.get(), want_progress(a.common) ? &bar : nullptr);
  audit::rows("read", counts.rows);
  audit::rows("main", counts.kept);
  audit::rows("duplicates", counts.duplicates());
  if (review_file) audit::rows("review", counts.review_pairs);
  if (!a.against.empty()) audit::rows("against", counts.roster_rows);
  if (review_file) review_file->commit();
  duplicates_file.commit();
  main_file.commit();
  if (!a.common.quiet) print_summary(counts, a);
  return 0;
}

}  // namespace

void add_dedupe(CLI::App& sub, Runner& runner) {
  auto args = std::make_shared<DedupeArgs>();
  sub.add_option("files", args->inputs,
                 tr("berkas usulan CSV (mis. keluaran validate); '-' atau kosong = stdin",
                    "proposal CSV files (e.g. validate's output); '-' or none = stdin"));
  sub.add_option("-o,--output", args->output, tr("keluaran utama (baris yang tetap)", "main output (rows that stay)"))
      ->capture_default_str();
  sub.add_option("--duplicates", args->duplicates,
                 tr("berkas untuk baris ganda, dengan kolom alasan dan duplikat_dari (wajib)",
                    "file for duplicate rows, with columns alasan and duplikat_dari (required)"));
  // One file per --against, so that `--against bpjs.csv usulan.csv` keeps usulan.csv an input.
  sub.add_option("--against", args->against,
                 tr("daftar pembanding dengan kolom nik (mis. ekspor peserta BPJS); boleh berulang",
                    "roster with a nik column (e.g. BPJS's member export); repeatable"))
      ->allow_extra_args(false);
  sub.add_option("--review", args->review,
                 tr("berkas pasangan yang mungkin orang yang sama, untuk diperiksa petugas",
                    "file of likely-same-person pairs, for a reviewer to check"));
  sub.add_option("--decisions", args->decisions,
                 tr("keputusan petugas (nik_a, nik_b, keputusan = same/different): tidak diusulkan lagi",
                    "the reviewer's decisions (nik_a, nik_b, keputusan = same/different): not proposed again"));
  add_common_options(sub, args->common);
  sub.footer(tr("Contoh:\n"
                "  jamsos validate --rejects ditolak.csv dinsos.csv dishub.csv \\\n"
                "   | jamsos dedupe --against bpjs_peserta.csv --duplicates ganda.csv --review mirip.csv -o unik.csv\n"
                "  jamsos dedupe layak.csv --duplicates ganda.csv --review mirip.csv --decisions keputusan_mirip.csv\n"
                "Isi kolom keputusan di mirip.csv (same/different) lalu pakai berkas itu sebagai --decisions.\n"
                "Kode keluar: 0 selesai (baris ganda bukan galat), 2 salah pakai, 65 data salah (mis. tanpa kolom\n"
                "nik), 66 berkas tak terbuka, 73 keluaran tak bisa dibuat, 74 galat I/O, 78 profil salah.",
                "Examples:\n"
                "  jamsos validate --rejects ditolak.csv dinsos.csv dishub.csv \\\n"
                "   | jamsos dedupe --against bpjs_peserta.csv --duplicates ganda.csv --review mirip.csv -o unik.csv\n"
                "  jamsos dedupe layak.csv --duplicates ganda.csv --review mirip.csv --decisions keputusan_mirip.csv\n"
                "Fill in the keputusan column of mirip.csv (same/different), then pass that file as --decisions.\n"
                "Exit codes: 0 done (duplicate rows are results, not errors), 2 bad usage, 65 bad data (e.g. no nik\n"
                "column), 66 input cannot be opened, 73 output cannot be created, 74 I/O error, 78 bad profile."));
  sub.callback([args, &runner] { runner = [args] { return run(*args); }; });
}

}  // namespace jamsos::cli
