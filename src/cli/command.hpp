#pragma once
// Each subcommand lives in its own cmd_<name>.cpp: it registers its flags on a CLI11
// subcommand and sets `run` to a function that calls the library (style.md:
// micromamba, xsv). No rule logic lives in src/cli/.
#include <CLI/CLI.hpp>

#include <functional>
#include <string>

#include "jamsos/csv/reader.hpp"
#include "jamsos/csv/writer.hpp"

namespace jamsos::cli {

// What the selected subcommand will do once parsing succeeded; returns the exit code.
using Runner = std::function<int()>;

// Options every data command shares (contract, "Common rules" and "CSV conventions").
struct CommonOptions {
  std::string profile{"balikpapan-2025"};
  std::string lang{"id"};
  bool quiet = false;
  bool excel = false;
  std::string delimiter;          // empty = detect
  std::string encoding{"utf-8"};
  std::size_t max_record_bytes = 1u << 20;
  std::string audit;              // --audit FILE (main() reads it; empty = JAMSOS_AUDIT or none)
};

void add_common_options(CLI::App& app, CommonOptions& options);
csv::ReaderOptions reader_options(const CommonOptions& options);
csv::WriterOptions writer_options(const CommonOptions& options);
// True when a progress bar is worth drawing (stderr is a terminal, not -q).
bool want_progress(const CommonOptions& options);
// True when two output paths are one place ("-" = stdout; "out.csv" = "./out.csv"; a file
// need not exist yet): one output would silently replace the other.
bool same_output(const std::string& a, const std::string& b);
// Throws UsageError naming the path when two of `paths` are one place (empty entries are
// unset options; a device such as /dev/null may take several: nothing is kept there).
void require_distinct_outputs(const std::vector<std::string>& paths);

struct CommandSpec {
  const char* name;
  const char* summary_id;
  const char* summary_en;
  void (*add)(CLI::App& sub, Runner& run);
};

void add_validate(CLI::App& sub, Runner& run);
void add_dedupe(CLI::App& sub, Runner& run);
void add_consolidate(CLI::App& sub, Runner& run);
void add_terminate(CLI::App& sub, Runner& run);
void add_reconcile(CLI::App& sub, Runner& run);
void add_profiles(CLI::App& sub, Runner& run);

// The one table that --help, dispatch and "did you mean" read (style.md: ninja kTools).
inline constexpr CommandSpec kCommands[] = {
    {"validate", "periksa kelayakan usulan (Pasal 4, 5)", "check proposals for eligibility (Pasal 4, 5)", add_validate},
    {"dedupe", "satu orang satu kali; cek terhadap daftar BPJS (Pasal 8 ayat 2)", "one person once; check against BPJS's roster (Pasal 8 ayat 2)", add_dedupe},
    {"consolidate", "susun daftar keputusan tahunan (Pasal 8 ayat 3-6)", "build the year's decree list (Pasal 8 ayat 3-6)", add_consolidate},
    {"terminate", "peserta bulan ini setelah berhenti (Pasal 10, 11 ayat 6)", "this month's roster after exits (Pasal 10, 11 ayat 6)", add_terminate},
    {"reconcile", "rekonsiliasi bulanan dan berita acara (Pasal 11 ayat 3-5)", "monthly reconciliation and minutes (Pasal 11 ayat 3-5)", add_reconcile},
    {"profiles", "daftar dan isi profil regulasi", "list and show regulation profiles", add_profiles},
};

}  // namespace jamsos::cli
