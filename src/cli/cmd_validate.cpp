// `jamsos validate`: flags -> run_validate. Rules live in src/ops/validate_rules.cpp.
#include <fmt/core.h>

#include <memory>
#include <optional>

#include "audit.hpp"
#include "command.hpp"
#include "jamsos/core/errors.hpp"
#include "jamsos/core/i18n.hpp"
#include "jamsos/core/money.hpp"
#include "jamsos/core/profile.hpp"
#include "jamsos/ops/validate.hpp"
#include "terminal_progress.hpp"

namespace jamsos::cli {

namespace {

struct ValidateArgs {
  CommonOptions common;
  std::vector<std::string> inputs;
  std::string output{"-"};
  std::string rejects;
  std::string as_of;
  std::string umk;
  bool all = false;
};

void print_summary(const ValidateCounts& c, const ValidateArgs& a) {
  const std::string main_name = a.output == "-" ? "stdout" : a.output;
  fmt::print(stderr, trf("jamsos validate: {} baris dibaca; {} layak, {} tidak layak, {} tidak sah; {} dengan peringatan\n",
                        "jamsos validate: {} rows read; {} eligible, {} ineligible, {} invalid; {} with warnings\n"),
             c.rows, c.eligible, c.ineligible, c.invalid, c.with_warnings);
  if (a.all)
    fmt::print(stderr, trf("  semua baris -> {}\n", "  every row -> {}\n"), main_name);
  else
    fmt::print(stderr, trf("  layak -> {}; ditolak -> {}\n", "  eligible -> {}; rejected -> {}\n"), main_name, a.rejects);
  if (!c.by_code.empty()) {
    std::string codes;
    for (const auto& [code, n] : c.by_code) codes += fmt::format("{}{} {}", codes.empty() ? "" : ", ", code, n);
    fmt::print(stderr, trf("  alasan: {}\n", "  reasons: {}\n"), codes);
  }
}

int run(const ValidateArgs& a) {
  // Rows may not be dropped: without a place for the rejects, stop before reading (contract).
  if (a.rejects.empty() && !a.all)
    throw UsageError(tr("validate perlu --rejects FILE (baris ditolak) atau --all (semua baris ke keluaran utama)",
                        "validate needs --rejects FILE (rejected rows) or --all (every row to the main output)"));
  if (!a.rejects.empty() && a.all)
    throw UsageError(tr("pilih salah satu: --rejects FILE atau --all", "choose one: --rejects FILE or --all"));

  require_distinct_outputs({a.output, a.rejects});

  ValidateOptions options;
  options.all = a.all;
  if (a.as_of.empty()) {
    options.as_of = today();
  } else {
    const auto d = parse_date(a.as_of);
    if (!d) throw UsageError(fmt::format(trf("--as-of '{}' bukan tanggal; tulis YYYY-MM-DD", "--as-of '{}' is not a date; write YYYY-MM-DD"), a.as_of));
    options.as_of = *d;
  }
  if (!a.umk.empty()) {
    options.umk_override = parse_money(a.umk);
    if (!options.umk_override || *options.umk_override <= 0)
      throw UsageError(fmt::format(trf("--umk '{}' bukan jumlah uang; tulis misalnya 3701508,68 atau 3.701.508,68",
                                      "--umk '{}' is not an amount; write e.g. 3701508.68 or 3.701.508,68"),
                                   a.umk));
  }
  const Profile profile = load_profile(a.common.profile);
  audit::profile(profile);

  // Outputs first: a folder that cannot take them fails (73) before any work.
  csv::Output main_file(a.output);
  audit::output(main_file, "main");
  std::unique_ptr<csv::Output> rejects_file;
  if (!a.rejects.empty()) {
    rejects_file = std::make_unique<csv::Output>(a.rejects);
    audit::output(*rejects_file, "rejects");
  }

  csv::MultiReader in(a.inputs.empty() ? std::vector<std::string>{"-"} : a.inputs,
                      audit::reading(reader_options(a.common), a.inputs, "input"));
  csv::Writer main_out(main_file, writer_options(a.common));
  std::unique_ptr<csv::Writer> rejects_out;
  if (rejects_file) rejects_out = std::make_unique<csv::Writer>(*rejects_file, writer_options(a.common));

  TerminalProgress bar;
  const ValidateCounts counts =
      run_validate(in, profile, options, main_out, rejects_out.get(), want_progress(a.common) ? &bar : nullptr);
  audit::rows("read", counts.rows);
  audit::rows("main", a.all ? counts.rows : counts.eligible);
  if (!a.all) audit::rows("rejects", counts.ineligible + counts.invalid);
  if (rejects_file) rejects_file->commit();
  main_file.commit();
  if (!a.common.quiet) print_summary(counts, a);
  return 0;
}

}  // namespace

void add_validate(CLI::App& sub, Runner& runner) {
  auto args = std::make_shared<ValidateArgs>();
  sub.add_option("files", args->inputs, tr("berkas usulan CSV; '-' atau kosong = stdin", "proposal CSV files; '-' or none = stdin"));
  sub.add_option("-o,--output", args->output, tr("keluaran utama (baris layak)", "main output (eligible rows)"))->capture_default_str();
  sub.add_option("--rejects", args->rejects, tr("berkas untuk baris tidak layak dan tidak sah", "file for ineligible and invalid rows"));
  sub.add_flag("--all", args->all, tr("semua baris ke keluaran utama, dengan kolom status", "every row to the main output, with a status column"));
  sub.add_option("--as-of", args->as_of, tr("tanggal penilaian bila tanggal_usulan kosong (bawaan: hari ini)",
                                            "evaluation date where tanggal_usulan is empty (default: today)"));
  sub.add_option("--umk", args->umk, tr("UMK pengganti untuk semua tahun, mis. 3.701.508,68", "UMK replacing the profile's for every year, e.g. 3701508.68"));
  add_common_options(sub, args->common);
  // The command lines are the same in both languages; only the words around them differ.
  static constexpr const char* examples =
      "  jamsos validate --as-of 2025-08-15 dinsos.csv dishub.csv --rejects ditolak.csv -o layak.csv\n"
      "  jamsos validate --all --profile balangan-2024 usulan.csv --excel -o periksa.csv\n"
      "  jamsos validate --rejects ditolak.csv usulan.csv | jamsos dedupe --duplicates ganda.csv\n";
  sub.footer(fmt::format(
      trf("Contoh:\n{}"
          "Kode keluar: 0 selesai (baris ditolak bukan galat), 2 salah pakai, 65 data salah, 66 berkas tak\n"
          "terbuka, 73 keluaran tak bisa dibuat, 74 galat I/O, 78 profil salah atau UMK tahun itu tidak ada.",
          "Examples:\n{}"
          "Exit codes: 0 done (rejected rows are results, not errors), 2 bad usage, 65 bad data, 66 input\n"
          "cannot be opened, 73 output cannot be created, 74 I/O error, 78 bad profile or no UMK for the year."),
      examples));
  sub.callback([args, &runner] { runner = [args] { return run(*args); }; });
}

}  // namespace jamsos::cli
