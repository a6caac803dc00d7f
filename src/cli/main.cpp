// jamsos: one binary, one subcommand per step of the yearly and monthly flows.
// This file only wires the command table to CLI11 and maps errors to exit codes.
#include <fmt/core.h>
#include <toml++/impl/version.h>  // TOML_LIB_MAJOR..PATCH only, for --version

#include <csignal>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "audit.hpp"
#include "command.hpp"
#include "jamsos/core/errors.hpp"
#include "jamsos/core/i18n.hpp"
#include "jamsos/core/profile.hpp"
#include "jamsos/csv/incomplete_stdout.hpp"

namespace {

using namespace jamsos;

// --lang must be known before CLI11 builds the help texts.
void apply_lang_from_argv(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    std::string_view value;
    if (arg == "--lang" && i + 1 < argc) value = argv[i + 1];
    else if (arg.rfind("--lang=", 0) == 0) value = arg.substr(7);
    if (value == "en" || value == "EN") set_lang(Lang::en);
  }
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

// "jamsos validat" -> "did you mean validate?" (style.md: ninja).
int unknown_command(std::string_view word) {
  const char* best = nullptr;
  std::size_t best_distance = 3;
  for (const auto& c : cli::kCommands) {
    const std::size_t d = edit_distance(word, c.name);
    if (d < best_distance) best_distance = d, best = c.name;
  }
  fmt::print(stderr, "jamsos: {} '{}'.", tr("perintah tidak dikenal", "unknown command"), word);
  if (best) fmt::print(stderr, " {} '{}'?", tr("Maksud Anda", "Did you mean"), best);
  fmt::print(stderr, " {}\n", tr("Lihat 'jamsos --help'.", "See 'jamsos --help'."));
  return static_cast<int>(ExitCode::usage);
}

// `jamsos --version`: what IT staff need to tell which build runs where (issue 8): the
// version, every built-in profile with its data version and regulation, and how it was built.
// Library versions are those of the headers compiled against (Debian keeps them in step).
std::string version_text() {
  std::string text = fmt::format("jamsos {}\n{}:\n", JAMSOS_VERSION, tr("profil bawaan", "built-in profiles"));
  for (const auto& embedded : embedded_profiles()) {
    try {
      const Profile p = load_profile(embedded.id);
      text += fmt::format("  {:<16} {} {:<7} {}\n", p.id, tr("versi", "version"), p.version, p.title);
    } catch (const Error&) {
      text += fmt::format("  {}\n", embedded.id);  // never expected: the profile tests parse every built-in
    }
  }
#if defined(__clang__)
  const std::string compiler = "clang " __clang_version__;
#elif defined(__GNUC__)
  const std::string compiler = "GCC " __VERSION__;
#else
  const std::string compiler = "C++";
#endif
  std::string flavour;
#if defined(__OPTIMIZE__)
  flavour += tr(", teroptimasi", ", optimised");
#else
  flavour += tr(", tanpa optimasi", ", not optimised");
#endif
#if defined(__SANITIZE_ADDRESS__)
  flavour += ", ASan+UBSan";
#endif
  text += fmt::format("{}: {}, C++{}{}, {}; CLI11 {}, fmt {}.{}.{}, toml++ {}.{}.{}", tr("dibangun", "build"), compiler,
                      __cplusplus / 100 % 100, flavour, __DATE__, CLI11_VERSION, FMT_VERSION / 10000,
                      FMT_VERSION / 100 % 100, FMT_VERSION % 100, TOML_LIB_MAJOR, TOML_LIB_MINOR, TOML_LIB_PATCH);
  return text;  // no final newline: CLI11 adds one
}

// The selected subcommand; for a command line CLI11 refused, the first known command word.
CLI::App* selected_command(CLI::App& app, bool parsed, int argc, char** argv) {
  if (parsed) {
    const auto subs = app.get_subcommands();
    return subs.empty() ? nullptr : subs.front();
  }
  for (int i = 1; i < argc; ++i)
    for (const auto& c : cli::kCommands)
      if (std::string_view(argv[i]) == c.name) return app.get_subcommand(c.name);
  return nullptr;
}

// Runs the command and maps what stopped it to the contract's exit codes.
int run_command(const cli::Runner& run) {
  try {
    return run ? run() : static_cast<int>(ExitCode::usage);
  } catch (const BrokenPipe&) {
    return 0;
  } catch (const Error& e) {
    fmt::print(stderr, "jamsos: {}\n", e.what());
    csv::end_stdout_as_incomplete(static_cast<int>(e.code()));  // the next stage of a pipe must stop too
    return static_cast<int>(e.code());
  } catch (const std::bad_alloc&) {
    fmt::print(stderr, "jamsos: {}\n", tr("memori habis", "out of memory"));
    csv::end_stdout_as_incomplete(static_cast<int>(ExitCode::io));
    return static_cast<int>(ExitCode::io);
  } catch (const std::exception& e) {
    fmt::print(stderr, "jamsos: {}: {}\n", tr("galat internal", "internal error"), e.what());
    csv::end_stdout_as_incomplete(70);
    return 70;  // EX_SOFTWARE: a bug; please report
  }
}

int main_body(int argc, char** argv) {
  // A closed pipe shows up as EPIPE on write, which Output turns into BrokenPipe.
  (void)std::signal(SIGPIPE, SIG_IGN);  // cannot fail for SIGPIPE and SIG_IGN
  apply_lang_from_argv(argc, argv);
  csv::mark_stdout_incomplete_on_signals();  // SIGTERM half-way must stop a pipe's next stage too

  if (argc > 1 && argv[1][0] != '-') {
    bool known = false;
    for (const auto& c : cli::kCommands) known = known || std::string_view(argv[1]) == c.name;
    if (!known) return unknown_command(argv[1]);
  }

  CLI::App app{tr("jamsos — daftar peserta bantuan iuran BPJS Ketenagakerjaan (JKK+JKM) pekerja rentan",
                  "jamsos — premium-assistance lists for BPJS Ketenagakerjaan (JKK+JKM) for vulnerable workers"),
               "jamsos"};
  app.require_subcommand(1);
  // Also accepted before the subcommand (`jamsos --lang en profiles`); its value was applied
  // by apply_lang_from_argv already, this only lets CLI11 accept it there.
  std::string lang_flag{"id"};
  app.add_option("--lang", lang_flag, tr("bahasa pesan: id atau en", "message language: id or en"))
      ->check(CLI::IsMember({"id", "en"}, CLI::ignore_case));
  app.set_version_flag("-V,--version", version_text);  // built only when asked for: it loads the profiles
  // The command lines are the same in both languages; only the words around them differ.
  static constexpr const char* flows =
      "  jamsos validate --as-of 2025-08-15 dinsos.csv dishub.csv --rejects ditolak.csv \\\n"
      "   | jamsos dedupe --against bpjs_peserta.csv --duplicates ganda.csv --review mirip.csv \\\n"
      "   | jamsos consolidate --year 2026 --budget 3000000000 --waitlist tunggu.csv -o keputusan_2026.csv\n"
      "  jamsos terminate keputusan_2026.csv --events kejadian.csv --month 2026-03 -o peserta_2026-03.csv \\\n"
      "     --ended berhenti.csv --unmatched tak_cocok.csv\n"
      "  jamsos reconcile --roster peserta_2026-03.csv --invoice tagihan_2026-03.csv --month 2026-03 \\\n"
      "     --report berita_acara_2026-03.html\n";
  app.footer(fmt::format(trf("Alur tahunan (Q3) dan bulanan:\n{}"
                             "Kode keluar: 0 selesai, 2 salah pakai, 65 data masukan salah, 66 masukan tak bisa dibuka,\n"
                             "73 keluaran tak bisa dibuat, 74 galat I/O, 78 konfigurasi/profil salah.",
                             "Yearly (Q3) and monthly flows:\n{}"
                             "Exit codes: 0 done, 2 bad usage, 65 bad input data, 66 input cannot be opened,\n"
                             "73 output cannot be created, 74 I/O error, 78 bad configuration/profile."),
                         flows));

  cli::Runner run;
  for (const auto& c : cli::kCommands) {
    CLI::App* sub = app.add_subcommand(c.name, tr(c.summary_id, c.summary_en));
    c.add(*sub, run);
  }

  bool parsed = true;
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    parsed = false;
  }

  // The processing record (--audit / JAMSOS_AUDIT, UU 27/2022 Pasal 31) of a data command,
  // also of one whose command line was refused. Its file is opened before any work, so a
  // record that cannot be kept stops the run (74) before anything is processed.
  std::unique_ptr<cli::audit::Recorder> recorder;
  if (CLI::App* sub = selected_command(app, parsed, argc, argv); sub && sub->get_option_no_throw("--audit")) {
    const std::string given = parsed ? sub->get_option("--audit")->as<std::string>()
                                     : cli::audit::audit_flag_in(argc, argv);
    if (const std::string path = cli::audit::record_path(given); !path.empty()) {
      try {
        recorder = std::make_unique<cli::audit::Recorder>(path, sub->get_name(), argc, argv);
      } catch (const Error& e) {
        fmt::print(stderr, "jamsos: {}\n", e.what());
        return static_cast<int>(ExitCode::io);
      }
    }
  }

  int code = parsed ? run_command(run) : static_cast<int>(ExitCode::usage);
  // A record that cannot be written fails the run loudly (cron mails it); what was already
  // committed stays. A run that failed already keeps its own code.
  if (recorder && !recorder->finish(code) && (code == 0 || code == static_cast<int>(ExitCode::differences)))
    code = static_cast<int>(ExitCode::io);
  return code;
}

}  // namespace

// What throws outside a command (the CLI11 setup: bad_alloc, or a ConstructionError that would
// be a bug; the audit record) is mapped to an exit code as a command's errors are, not left to
// std::terminate.
int main(int argc, char** argv) {
  return run_command([argc, argv] { return main_body(argc, argv); });
}
