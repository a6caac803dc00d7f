// Row conservation as a property (issue 7): seeded random messy inputs through the real
// `jamsos` binary, every command, and checks that
//   - the exit code is a documented one: 0, or 65 (bad input data) where the contract says
//     the command stops, 1 for reconcile --fail-on-diff; never a signal, a hang or a
//     sanitizer report; 65 exactly when the input has what makes the command stop (an
//     unterminated quote, a missing needed column, a faulty record outside validate), 0
//     when the input is tidy;
//   - on exit 0, every input row lands in exactly one output (contract "Common rules"):
//     the multiset of `ref` tags (each generated row's first column, passed through by every
//     command but reconcile) over the outputs equals the inputs'; validate's `asal`
//     FILE:LINE column names each input record once; dedupe keeps the multiset of NIK cells;
//     terminate's unmatched events are events, once each; reconcile lists every NIK billed
//     and every roster NIK that is active in the month, once;
//   - outputs are 0600, no temporary is left, no 16-digit run is printed on stderr or in
//     a report (NIKs are masked there);
//   - on failure, no output file was created and an existing one was not replaced.
// The outputs of one command feed the next (validate | dedupe | consolidate, then terminate
// and reconcile on the decree list), sometimes re-saved in another CSV dialect on the way;
// other runs feed a command freshly generated messy input directly.
//
//   row_conservation JAMSOS [--cases N] [--seed S] [--case I] [--keep DIR] [-v]
// Environment: JAMSOS_PROPERTY_SEED, JAMSOS_PROPERTY_CASES (the flags win). A failing case
// prints the line that reruns it alone, keeping its files: --seed S --case I --keep DIR.
#include <fcntl.h>
#include <fmt/core.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "jamsos/core/errors.hpp"
#include "jamsos/core/nik.hpp"
#include "jamsos/csv/reader.hpp"
#include "messy_csv.hpp"

namespace fs = std::filesystem;
using namespace jamsos::property;

#ifndef JAMSOS_PROPERTY_DEFAULT_CASES
#define JAMSOS_PROPERTY_DEFAULT_CASES 600
#endif

namespace {

constexpr std::uint64_t kDefaultSeed = 20250815;

struct Options {
  std::string jamsos;
  std::uint64_t seed = kDefaultSeed;
  std::size_t cases = JAMSOS_PROPERTY_DEFAULT_CASES;
  std::optional<std::size_t> only_case;
  std::string keep;  // a folder to keep the work in (default: a temporary one, removed)
  bool verbose = false;
};

// ---- running jamsos ---------------------------------------------------------------------

struct Run {
  int code = -1;    // exit status, or -1 when killed by a signal
  int signal = 0;
  std::string err;  // stderr
  std::string line;  // the command, for messages
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void spit(const fs::path& p, std::string_view bytes) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

Run run_jamsos(const std::string& jamsos, const fs::path& dir, const std::vector<std::string>& args,
               const std::string& stdin_file) {
  Run r;
  r.line = "jamsos";
  for (const auto& a : args) r.line += " " + a;
  if (!stdin_file.empty()) r.line += " < " + stdin_file;
  const fs::path err_path = dir / ".stderr";
  const pid_t pid = fork();
  if (pid < 0) {
    r.err = "fork failed";
    return r;
  }
  if (pid == 0) {
    if (chdir(dir.c_str()) != 0) _exit(127);
    const int in = open(stdin_file.empty() ? "/dev/null" : stdin_file.c_str(), O_RDONLY);
    const int out = open(".stdout", O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int err = open(".stderr", O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (in < 0 || out < 0 || err < 0) _exit(127);
    dup2(in, 0);
    dup2(out, 1);
    dup2(err, 2);
    setenv("LC_ALL", "C.UTF-8", 1);
    setenv("TZ", "Asia/Makassar", 1);
    unsetenv("JAMSOS_AUDIT");
    alarm(120);  // a hang becomes SIGALRM, reported as a signal
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(jamsos.c_str()));
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(jamsos.c_str(), argv.data());
    _exit(127);
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status)) r.code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) r.signal = WTERMSIG(status);
  r.err = slurp(err_path);
  fs::remove(err_path);
  fs::remove(dir / ".stdout");
  return r;
}

// ---- reading CSV back with jamsos's own reader ------------------------------------------

struct Csv {
  std::vector<std::string> header;  // normalised
  std::vector<std::vector<std::string>> rows;
  std::vector<std::size_t> lines;
  std::size_t faults = 0;
  std::string error;  // set when the reader stopped
  int column(std::string_view name) const {
    const auto it = std::find(header.begin(), header.end(), name);
    return it == header.end() ? -1 : static_cast<int>(it - header.begin());
  }
  std::vector<std::string> values(std::string_view name) const {
    std::vector<std::string> v;
    const int c = column(name);
    for (const auto& r : rows) v.push_back(c < 0 ? std::string{} : r[static_cast<std::size_t>(c)]);
    return v;
  }
};

Csv read_csv(const fs::path& p, bool cp1252 = false) {
  Csv t;
  try {
    jamsos::csv::ReaderOptions o;
    if (cp1252) o.encoding = jamsos::csv::Encoding::cp1252;
    jamsos::csv::Reader reader(p.string(), o);
    t.header = reader.header();
    jamsos::csv::Record rec;
    while (reader.next(rec)) {
      t.rows.push_back(rec.fields);
      t.lines.push_back(rec.line);
      if (rec.fault != jamsos::csv::RecordFault::none) ++t.faults;
    }
  } catch (const jamsos::Error& e) {
    t.error = e.what();
  }
  return t;
}

// ---- one case ---------------------------------------------------------------------------

struct Stats {
  std::map<std::string, std::map<int, std::size_t>> exits;  // command -> exit -> runs
  std::size_t rows_in = 0, runs = 0, files = 0;
};

enum class Expect { zero, stop, either };  // 0; 65; 0 or 65

std::string norm(std::string_view h) {
  std::size_t a = 0, b = h.size();
  while (a < b && (h[a] == ' ' || h[a] == '\t')) ++a;
  while (b > a && (h[b - 1] == ' ' || h[b - 1] == '\t')) --b;
  std::string s;
  for (std::size_t i = a; i < b; ++i) {
    const char c = h[i];
    s += c == ' ' || c == '-' ? '_' : static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  return s;
}

bool has_16_digit_run(std::string_view s) {
  std::size_t run = 0;
  for (const char c : s) {
    run = c >= '0' && c <= '9' ? run + 1 : 0;
    if (run >= 16) return true;
  }
  return false;
}

// What a generated file holds, as the generator knows it.
struct Input {
  std::string name;
  Written w;
  bool tidy = true;           // no value mess at all
  std::string dropped;        // a needed column left out
  bool ref_first = true;      // w.refs are the ref column (false for re-saved outputs)
};

class Case {
public:
  Case(const Options& opts, std::size_t index, const fs::path& dir, Stats& stats)
      : m_opts(opts), m_index(index), m_dir(dir), m_stats(stats), m_rng(mix_seed(opts.seed, index)) {}

  std::vector<std::string> problems;
  void run();

private:
  const Options& m_opts;
  std::size_t m_index;
  fs::path m_dir;
  Stats& m_stats;
  Rng m_rng;
  Dates m_dates;
  std::string m_profile = "balikpapan-2025";

  void fail(const std::string& what) { problems.push_back(what); }

  Input write_input(const std::string& name, const Table& t, double mess, bool faults, double fatal, bool tidy,
                    const std::string& dropped = {});
  std::vector<std::string> input_refs(const std::vector<Input>& ins, bool cp1252, bool& ok);
  Run command(const std::string& cmd, std::vector<std::string> args, const std::vector<std::string>& outputs,
              Expect expect, const std::string& stdin_file = {}, bool allow_one = false);
  void check_outputs_refs(const std::string& cmd, const std::vector<std::string>& in_refs,
                          const std::vector<std::string>& outputs);
  std::optional<std::string> resave(const std::string& file, const std::string& as);

  bool validate_stage(std::vector<Input>& cands, std::string& main_out);
  bool dedupe_stage(const std::vector<Input>& ins, bool pipeline_tidy, std::string& main_out,
                    const std::vector<Person>& people);
  bool consolidate_stage(const std::vector<Input>& ins, bool pipeline_tidy, std::string& main_out);
  bool terminate_stage(const Input& roster, bool roster_tidy, std::string& main_out);
  void reconcile_stage(const Input& roster, bool roster_tidy);
};

Input Case::write_input(const std::string& name, const Table& t, double mess, bool faults, double fatal,
                        bool tidy, const std::string& dropped) {
  Style style = random_style(m_rng, mess, faults, fatal);
  for (std::size_t c = 0; c < t.header.size(); ++c)
    if (norm(t.header[c]) == "nik") style.nik_column = static_cast<int>(c);
  Input in;
  in.name = name;
  in.w = write_csv(t, style, m_rng);
  in.tidy = tidy && !in.w.record_faults && !in.w.non_utf8 && !in.w.fatal && !in.w.blank_rows;
  in.dropped = dropped;
  spit(m_dir / name, in.w.bytes);
  ++m_stats.files;
  return in;
}

// The refs of all inputs as jamsos's reader sees them; checked against what the generator
// wrote (records, lines and refs): a disagreement is a reader bug (or this test's).
std::vector<std::string> Case::input_refs(const std::vector<Input>& ins, bool cp1252, bool& ok) {
  std::vector<std::string> refs;
  ok = true;
  for (const Input& in : ins) {
    const Csv t = read_csv(m_dir / in.name, cp1252);
    if (!t.error.empty()) {
      if (!in.w.fatal) fail(fmt::format("reader stopped on {} though it has no unterminated quote: {}", in.name, t.error));
      ok = false;
      continue;
    }
    if (in.w.fatal) fail(fmt::format("reader read {} to the end though it has an unterminated quote", in.name));
    const std::vector<std::string> r = t.values("ref");
    if (in.ref_first) {
      if (r != in.w.refs)
        fail(fmt::format("reader disagrees with the generator on {}: {} records read, {} written", in.name,
                         r.size(), in.w.refs.size()));
      else if (t.lines != in.w.lines)
        fail(fmt::format("reader disagrees with the generator on the lines of {}'s records", in.name));
    }
    refs.insert(refs.end(), r.begin(), r.end());
  }
  m_stats.rows_in += refs.size();
  return refs;
}

std::string describe_difference(std::vector<std::string> want, std::vector<std::string> got) {
  std::sort(want.begin(), want.end());
  std::sort(got.begin(), got.end());
  std::vector<std::string> lost, extra;
  std::set_difference(want.begin(), want.end(), got.begin(), got.end(), std::back_inserter(lost));
  std::set_difference(got.begin(), got.end(), want.begin(), want.end(), std::back_inserter(extra));
  const auto some = [](const std::vector<std::string>& v) {
    std::string s;
    for (std::size_t i = 0; i < v.size() && i < 5; ++i) s += (i ? ", " : "") + ("'" + v[i] + "'");
    return s + (v.size() > 5 ? ", ..." : "");
  };
  return fmt::format("{} in, {} out; lost {} [{}], extra or doubled {} [{}]", want.size(), got.size(), lost.size(),
                     some(lost), extra.size(), some(extra));
}

Run Case::command(const std::string& cmd, std::vector<std::string> args, const std::vector<std::string>& outputs,
                  Expect expect, const std::string& stdin_file, bool allow_one) {
  args.insert(args.begin(), cmd);
  if (m_rng.chance(0.2)) args.insert(args.begin(), {"--lang", "en"});
  if (m_rng.chance(0.2)) args.push_back("-q");
  // Some outputs exist already: a failed run must leave them as they were.
  std::map<std::string, std::string> before;
  for (const auto& o : outputs) {
    if (m_rng.chance(0.25)) {
      before[o] = "isi lama " + o + "\n";
      spit(m_dir / o, before[o]);
    } else {
      fs::remove(m_dir / o);
    }
  }
  Run r = run_jamsos(m_opts.jamsos, m_dir, args, stdin_file);
  ++m_stats.runs;
  m_stats.exits[cmd][r.signal ? -r.signal : r.code] += 1;
  if (m_opts.verbose) fmt::print("  case {}: {} -> {}\n", m_index, r.line, r.code);
  const auto problem = [&](const std::string& what) {
    fail(fmt::format("{}\n      $ {}\n      stderr: {}", what, r.line, r.err.substr(0, 600)));
  };
  if (r.signal) {
    problem(fmt::format("killed by signal {} ({})", r.signal, strsignal(r.signal)));
    return r;
  }
  if (r.err.find("Sanitizer") != std::string::npos || r.err.find("runtime error:") != std::string::npos)
    problem("sanitizer report");
  const std::string& err = r.err;
  if (has_16_digit_run(err)) problem("a 16-digit run (an unmasked NIK?) on stderr");
  const bool documented = r.code == 0 || r.code == 65 || (allow_one && r.code == 1);
  if (!documented) problem(fmt::format("exit {}, not one this run may give (0 or 65{})", r.code, allow_one ? " or 1" : ""));
  else if (expect == Expect::zero && r.code == 65) problem("exit 65 on an input that is tidy (should be 0)");
  else if (expect == Expect::stop && r.code != 65) problem(fmt::format("exit {} where the input must stop the command (65)", r.code));
  // Temporaries: none left whatever happened (a killed run is tests/e2e/cases/faults/0004).
  for (const auto& e : fs::directory_iterator(m_dir)) {
    const std::string n = e.path().filename().string();
    if (n.find(".jamsos-") != std::string::npos) problem("temporary left behind: " + n);
  }
  for (const auto& o : outputs) {
    const fs::path p = m_dir / o;
    const bool exists = fs::exists(p);
    if (r.code != 0 && r.code != 1) {
      if (before.count(o) && (!exists || slurp(p) != before[o])) problem(o + ": an existing output was replaced by a failed run");
      if (!before.count(o) && exists) problem(o + ": a failed run created this output");
    } else if (exists) {
      struct stat st {};
      if (stat(p.c_str(), &st) == 0 && (st.st_mode & 0777) != 0600)
        problem(fmt::format("{}: mode {:o}, not 0600 (outputs hold personal data)", o, st.st_mode & 0777));
    }
  }
  return r;
}

void Case::check_outputs_refs(const std::string& cmd, const std::vector<std::string>& in_refs,
                              const std::vector<std::string>& outputs) {
  std::vector<std::string> got;
  for (const auto& o : outputs) {
    const Csv t = read_csv(m_dir / o);
    if (!t.error.empty()) {
      fail(fmt::format("{}: output {} cannot be read back: {}", cmd, o, t.error));
      return;
    }
    if (t.column("ref") < 0 && !t.rows.empty()) fail(fmt::format("{}: output {} lost the ref column", cmd, o));
    const auto r = t.values("ref");
    got.insert(got.end(), r.begin(), r.end());
  }
  std::vector<std::string> want = in_refs;
  std::sort(want.begin(), want.end());
  std::vector<std::string> sorted = got;
  std::sort(sorted.begin(), sorted.end());
  if (want != sorted) {
    std::string outs;
    for (const auto& o : outputs) outs += " " + o;
    fail(fmt::format("{}: rows not conserved into{}: {}", cmd, outs, describe_difference(in_refs, got)));
  }
}

// An output saved again the way a person with a spreadsheet might (another delimiter, BOM,
// CRLF, quoting, NIKs as ="..."): the next command must read it the same.
std::optional<std::string> Case::resave(const std::string& file, const std::string& as) {
  const Csv t = read_csv(m_dir / file);
  if (!t.error.empty()) return std::nullopt;
  Table table;
  table.header = t.header;
  table.rows = t.rows;
  Style style = random_style(m_rng, 0, false, 0);
  style.nik_column = t.column("nik");
  style.blank_row = 0;  // tidy stays tidy
  const Written w = write_csv(table, style, m_rng);
  spit(m_dir / as, w.bytes);
  return as;
}

// validate: every row to the main output or --rejects (or all to the main output with --all).
bool Case::validate_stage(std::vector<Input>& cands, std::string& main_out) {
  bool any_fatal = false, any_nonutf8 = false, dropped_needed = false;
  static const std::set<std::string> kBalanganNeeds = {"nik", "nama", "tanggal_lahir", "kabkota_ktp", "punya_bpjstk"};
  for (const auto& c : cands) {
    any_fatal |= c.w.fatal;
    any_nonutf8 |= c.w.non_utf8;
    if (!c.dropped.empty()) dropped_needed |= m_profile == "balikpapan-2025" || kBalanganNeeds.count(c.dropped) > 0;
  }
  const bool cp1252 = any_nonutf8 && m_rng.chance(0.5);
  bool read_ok = false;
  const std::vector<std::string> refs = input_refs(cands, cp1252, read_ok);
  std::vector<std::string> args;
  std::string stdin_file;
  for (std::size_t i = 0; i < cands.size(); ++i) {
    if (i == 0 && m_rng.chance(0.15)) {
      stdin_file = cands[i].name;
      args.push_back("-");
    } else {
      args.push_back(cands[i].name);
    }
  }
  args.insert(args.end(), {"--as-of", "2025-08-15", "--profile", m_profile, "-o", "layak.csv"});
  const bool all = m_rng.chance(0.15);
  std::vector<std::string> outs = {"layak.csv"};
  if (all) {
    args.push_back("--all");
  } else {
    args.insert(args.end(), {"--rejects", "ditolak.csv"});
    outs.push_back("ditolak.csv");
  }
  if (cp1252) args.insert(args.end(), {"--encoding", "cp1252"});
  if (m_rng.chance(0.15)) args.push_back("--excel");
  const Expect expect = any_fatal || dropped_needed ? Expect::stop : Expect::zero;
  const Run r = command("validate", args, outs, expect, stdin_file);
  if (r.code != 0 || !read_ok) return false;
  check_outputs_refs("validate", refs, outs);
  // asal: each input record's FILE:LINE once ("stdin" for -).
  std::vector<std::string> want_asal, got_asal;
  for (const auto& c : cands) {
    const std::string shown = c.name == stdin_file ? "stdin" : c.name;
    for (const std::size_t line : c.w.lines) want_asal.push_back(fmt::format("{}:{}", shown, line));
  }
  for (const auto& o : outs) {
    const Csv t = read_csv(m_dir / o);
    const auto a = t.values("asal");
    got_asal.insert(got_asal.end(), a.begin(), a.end());
    const auto status = t.values("status");
    for (std::size_t i = 0; i < status.size(); ++i) {
      const bool eligible = status[i] == "eligible";
      if (status[i] != "eligible" && status[i] != "ineligible" && status[i] != "invalid")
        fail(fmt::format("validate: {} row {} has status '{}'", o, i + 1, status[i]));
      else if (!all && (o == "layak.csv") != eligible)
        fail(fmt::format("validate: a '{}' row in {}", status[i], o));
    }
  }
  std::vector<std::string> sorted_want = want_asal, sorted_got = got_asal;
  std::sort(sorted_want.begin(), sorted_want.end());
  std::sort(sorted_got.begin(), sorted_got.end());
  if (sorted_want != sorted_got) fail("validate: asal does not name each input record once: " + describe_difference(want_asal, got_asal));
  main_out = all ? std::string{} : "layak.csv";  // --all's output holds ineligible rows: not for consolidate
  return true;
}

std::optional<std::uint64_t> key_of(const std::string& cell) {
  std::string_view s = cell;
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return jamsos::nik_key(s);
}

// dedupe: every row to the main output or --duplicates; NIK cells kept as they were.
bool Case::dedupe_stage(const std::vector<Input>& ins, bool pipeline_tidy, std::string& main_out,
                        const std::vector<Person>& people) {
  bool any_fatal = false, faults = false, tidy = pipeline_tidy;
  const bool cp1252 = m_rng.chance(0.3);
  for (const auto& c : ins) {
    any_fatal |= c.w.fatal;
    faults |= c.w.record_faults || (c.w.non_utf8 && !cp1252);
    tidy &= c.tidy && c.dropped.empty();
  }
  bool read_ok = false;
  const std::vector<std::string> refs = input_refs(ins, cp1252, read_ok);
  std::vector<std::string> args;
  for (const auto& c : ins) args.push_back(c.name);
  std::vector<Input> against;
  std::set<std::uint64_t> against_keys;
  if (m_rng.chance(0.5)) {
    const double mess = m_rng.chance(0.8) ? 0 : 0.1;
    against.push_back(write_input("bpjs.csv", bpjs_export(m_rng, people, mess, "b"), mess, false, 0, mess == 0));
    args.insert(args.end(), {"--against", "bpjs.csv"});
    tidy &= against.back().tidy;
    for (const auto& n : read_csv(m_dir / "bpjs.csv").values("nik"))
      if (const auto k = key_of(n)) against_keys.insert(*k);
  }
  std::vector<std::string> outs = {"unik.csv", "ganda.csv"};
  args.insert(args.end(), {"-o", "unik.csv", "--duplicates", "ganda.csv"});
  if (m_rng.chance(0.3)) {
    args.insert(args.end(), {"--review", "mirip.csv"});
    outs.push_back("mirip.csv");
  }
  if (cp1252) args.insert(args.end(), {"--encoding", "cp1252"});
  if (m_rng.chance(0.15)) args.push_back("--excel");
  const Expect expect = any_fatal || faults ? Expect::stop : tidy ? Expect::zero : Expect::either;
  const Run r = command("dedupe", args, outs, expect);
  if (r.code != 0 || !read_ok) return false;
  check_outputs_refs("dedupe", refs, {"unik.csv", "ganda.csv"});
  // The NIK cells, as read, are the same multiset (a row cannot be swapped for another).
  std::vector<std::string> nik_in, nik_out;
  for (const auto& c : ins) {
    const auto v = read_csv(m_dir / c.name, cp1252).values("nik");
    nik_in.insert(nik_in.end(), v.begin(), v.end());
  }
  const Csv unik = read_csv(m_dir / "unik.csv"), ganda = read_csv(m_dir / "ganda.csv");
  for (const Csv* t : {&unik, &ganda}) {
    const auto v = t->values("nik");
    nik_out.insert(nik_out.end(), v.begin(), v.end());
  }
  std::vector<std::string> a = nik_in, b = nik_out;
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  if (a != b) fail("dedupe: the NIK cells of the outputs are not those of the input: " + describe_difference(nik_in, nik_out));
  std::set<std::uint64_t> kept;
  for (const auto& n : unik.values("nik")) {
    const auto k = key_of(n);
    // Only NIKs that can be real are matched (0000000000000000 is not a NIK).
    if (!k || jamsos::check_nik(fmt::format("{:016}", *k)) != jamsos::NikProblem::none) continue;
    if (!kept.insert(*k).second) fail("dedupe: a NIK stays twice in the main output");
    if (against_keys.count(*k)) fail("dedupe: a NIK of the --against file stays in the main output");
  }
  static const std::set<std::string> kWhy = {"duplicate_nik", "already_registered", "duplicate_person"};
  for (const auto& why : ganda.values("alasan"))
    if (!kWhy.count(why)) fail("dedupe: --duplicates row with alasan '" + why + "'");
  main_out = "unik.csv";
  return true;
}

// consolidate: every row to the decree list or --waitlist.
bool Case::consolidate_stage(const std::vector<Input>& ins, bool pipeline_tidy, std::string& main_out) {
  bool any_fatal = false, faults = false, tidy = pipeline_tidy;
  for (const auto& c : ins) {
    any_fatal |= c.w.fatal;
    faults |= c.w.record_faults || c.w.non_utf8;
    tidy &= c.tidy && c.dropped.empty();
  }
  bool read_ok = false;
  const std::vector<std::string> refs = input_refs(ins, false, read_ok);
  std::vector<std::string> args;
  for (const auto& c : ins) args.push_back(c.name);
  args.insert(args.end(), {"--year", std::to_string(m_dates.year), "--profile", m_profile, "-o", "keputusan.csv",
                           "--waitlist", "tunggu.csv"});
  std::vector<std::string> outs = {"keputusan.csv", "tunggu.csv"};
  const std::size_t r3 = m_rng.below(3);
  if (r3 == 0) args.insert(args.end(), {"--quota", std::to_string(m_rng.below(refs.size() + 3))});
  if (r3 == 1) args.insert(args.end(), {"--budget", std::to_string(m_rng.below(40) * 100000)});
  if (m_rng.chance(0.3)) {
    args.insert(args.end(), {"--summary", "ringkasan.csv"});
    outs.push_back("ringkasan.csv");
  }
  if (m_rng.chance(0.15)) args.push_back("--excel");
  const Expect expect = any_fatal || faults ? Expect::stop : tidy ? Expect::zero : Expect::either;
  const Run r = command("consolidate", args, outs, expect);
  if (r.code != 0 || !read_ok) return false;
  check_outputs_refs("consolidate", refs, {"keputusan.csv", "tunggu.csv"});
  const Csv dec = read_csv(m_dir / "keputusan.csv");
  const auto no = dec.values("no");
  for (std::size_t i = 0; i < no.size(); ++i)
    if (no[i] != std::to_string(i + 1)) {
      fail(fmt::format("consolidate: row {} of the decree list is numbered '{}'", i + 1, no[i]));
      break;
    }
  main_out = "keputusan.csv";
  return true;
}

std::vector<std::string> roster_niks(const fs::path& p) {
  std::vector<std::string> v;
  for (const auto& n : read_csv(p).values("nik"))
    if (key_of(n)) v.push_back(fmt::format("{:016}", *key_of(n)));
  return v;
}

// terminate: every roster row stays or goes to --ended; unmatched events are events, once.
bool Case::terminate_stage(const Input& roster, bool roster_tidy, std::string& main_out) {
  const double mess = m_rng.chance(0.5) ? 0 : m_rng.chance(0.5) ? 0.1 : 0.4;
  const bool faults = mess > 0 && m_rng.chance(0.3);
  const Input ev = write_input("kejadian.csv", events(m_rng, roster_niks(m_dir / roster.name), m_dates, mess, "e"),
                               mess, faults, 0.03, mess == 0);
  bool read_ok = false, ev_ok = false;
  const std::vector<std::string> refs = input_refs({roster}, false, read_ok);
  const std::vector<std::string> ev_refs = input_refs({ev}, false, ev_ok);
  const std::string month = fmt::format("{}-{:02}", m_dates.month_year, m_dates.month);
  std::vector<std::string> args = {roster.name, "--month", month, "--profile", m_profile,
                                   "-o", "peserta.csv", "--ended", "berhenti.csv"};
  std::vector<std::string> outs = {"peserta.csv", "berhenti.csv"};
  const bool with_events = m_rng.chance(0.85);
  if (with_events) {
    args.insert(args.end(), {"--events", ev.name, "--unmatched", "tak_cocok.csv"});
    outs.push_back("tak_cocok.csv");
  }
  if (m_rng.chance(0.15)) args.push_back("--excel");
  const bool stop = roster.w.fatal || roster.w.record_faults || roster.w.non_utf8 ||
                    (with_events && (ev.w.fatal || ev.w.record_faults || ev.w.non_utf8));
  // Events whose NIK, reason or date cannot be read are unmatched, not a stop (contract).
  const Expect expect = stop ? Expect::stop : roster_tidy ? Expect::zero : Expect::either;
  const Run r = command("terminate", args, outs, expect);
  if (r.code != 0 || !read_ok) return false;
  check_outputs_refs("terminate", refs, {"peserta.csv", "berhenti.csv"});
  if (with_events && ev_ok) {
    const Csv un = read_csv(m_dir / "tak_cocok.csv");
    std::multiset<std::string> pool(ev_refs.begin(), ev_refs.end());
    for (const auto& ref : un.values("ref")) {
      const auto it = pool.find(ref);
      if (it == pool.end()) fail("terminate: an unmatched row that is no event (or listed twice): ref '" + ref + "'");
      else pool.erase(it);
    }
    static const std::set<std::string> kWhy = {"nik_not_in_roster", "reason_unknown", "date_format"};
    for (const auto& m : un.values("masalah"))
      if (!kWhy.count(m)) fail("terminate: unmatched event with masalah '" + m + "'");
  }
  main_out = "peserta.csv";
  return true;
}

// reconcile: one row per NIK expected or billed for the month, plus one per invoice line of
// another period.
void Case::reconcile_stage(const Input& roster, bool roster_tidy) {
  const double mess = m_rng.chance(0.5) ? 0 : m_rng.chance(0.5) ? 0.1 : 0.4;
  const bool faults = mess > 0 && m_rng.chance(0.3);
  const Input inv = write_input("tagihan.csv", invoice(m_rng, roster_niks(m_dir / roster.name), m_dates, mess, "t"),
                                mess, faults, 0.03, mess == 0);
  bool read_ok = false;
  input_refs({roster, inv}, false, read_ok);
  const std::string month = fmt::format("{}-{:02}", m_dates.month_year, m_dates.month);
  std::vector<std::string> args = {"--roster", roster.name, "--invoice", inv.name, "--month", month,
                                   "--profile", m_profile, "-o", "selisih.csv"};
  std::vector<std::string> outs = {"selisih.csv"};
  std::string report;
  if (m_rng.chance(0.4)) {
    report = m_rng.chance(0.5) ? "berita_acara.md" : "berita_acara.html";
    args.insert(args.end(), {"--report", report});
    outs.push_back(report);
  }
  const bool fail_on_diff = m_rng.chance(0.2);
  if (fail_on_diff) args.push_back("--fail-on-diff");
  const bool stop = roster.w.fatal || roster.w.record_faults || roster.w.non_utf8 || inv.w.fatal ||
                    inv.w.record_faults || inv.w.non_utf8;
  const Expect expect = stop ? Expect::stop : roster_tidy && inv.tidy ? Expect::zero : Expect::either;
  const Run r = command("reconcile", args, outs, expect, {}, fail_on_diff);
  if ((r.code != 0 && r.code != 1) || !read_ok) return;
  const Csv out = read_csv(m_dir / "selisih.csv");
  if (!out.error.empty()) {
    fail("reconcile: output cannot be read back: " + out.error);
    return;
  }
  const Csv ros = read_csv(m_dir / roster.name), bill = read_csv(m_dir / inv.name);
  std::set<std::uint64_t> roster_keys, billed_keys;
  for (const auto& n : ros.values("nik"))
    if (const auto k = key_of(n)) roster_keys.insert(*k);
  for (const auto& n : bill.values("nik"))
    if (const auto k = key_of(n)) billed_keys.insert(*k);
  std::set<std::uint64_t> listed;
  const auto status = out.values("status");
  const auto niks = out.values("nik");
  std::size_t wrong_period = 0;
  bool any_diff = false;
  for (std::size_t i = 0; i < niks.size(); ++i) {
    const auto k = key_of(niks[i]);
    if (!k) {
      fail("reconcile: output row with NIK '" + niks[i].substr(0, 6) + "...' that is not 16 digits");
      continue;
    }
    any_diff |= status[i] != "match";
    if (status[i] == "wrong_period") {
      ++wrong_period;
      if (!billed_keys.count(*k)) fail("reconcile: a wrong_period row for a NIK that is not billed");
      continue;
    }
    if (!listed.insert(*k).second) fail("reconcile: a NIK listed twice");
    if (!roster_keys.count(*k) && !billed_keys.count(*k)) fail("reconcile: a NIK neither on the roster nor billed");
  }
  if (wrong_period > bill.rows.size()) fail("reconcile: more wrong_period rows than invoice lines");
  // Every NIK billed for the month is listed (billed ones on a wrong period may be listed
  // only as wrong_period).
  const int periode = bill.column("periode");
  for (std::size_t i = 0; i < bill.rows.size(); ++i) {
    const auto k = key_of(bill.rows[i][static_cast<std::size_t>(bill.column("nik"))]);
    const std::string p = periode < 0 ? "" : bill.rows[i][static_cast<std::size_t>(periode)];
    if (k && (p.empty() || p == month) && !listed.count(*k))
      fail("reconcile: a NIK billed for the month is not in the output (invoice line " + std::to_string(i + 1) + ")");
  }
  // Roster rows plainly active in the month (mulai_iuran <= M <= akhir_iuran, both YYYY-MM)
  // are expected, so listed.
  const int mulai = ros.column("mulai_iuran"), akhir = ros.column("akhir_iuran");
  if (mulai >= 0 && akhir >= 0) {
    for (std::size_t i = 0; i < ros.rows.size(); ++i) {
      const std::string& a = ros.rows[i][static_cast<std::size_t>(mulai)];
      const std::string& b = ros.rows[i][static_cast<std::size_t>(akhir)];
      const auto k = key_of(ros.rows[i][static_cast<std::size_t>(ros.column("nik"))]);
      const bool ym = a.size() == 7 && b.size() == 7 && a[4] == '-' && b[4] == '-';
      if (k && ym && a <= month && month <= b && !listed.count(*k))
        fail(fmt::format("reconcile: roster line {} is active in {} but not in the output", ros.lines[i], month));
    }
  }
  if (fail_on_diff && r.code != (any_diff ? 1 : 0))
    fail(fmt::format("reconcile --fail-on-diff: exit {} with{} differences", r.code, any_diff ? "" : " no"));
  if (!report.empty() && has_16_digit_run(slurp(m_dir / report))) fail("reconcile: an unmasked NIK in the report");
}

void Case::run() {
  m_dates.month = m_rng.between(1, 12);
  m_dates.month_year = m_rng.chance(0.8) ? 2026 : 2027;
  if (m_rng.chance(0.2)) m_profile = "balangan-2024";
  // Mess: most cases tidy or a little messy (so commands that stop on bad data still run
  // to the end often), some very messy.
  static const std::vector<double> kMess = {0, 0, 0, 0.03, 0.1, 0.3};
  const double mess = m_rng.pick(kMess);
  const bool faults = mess > 0 && m_rng.chance(0.5);
  const std::vector<Person> people = make_people(m_rng, 5 + m_rng.below(200), m_dates);

  std::vector<Input> cands;
  const std::size_t files = 1 + m_rng.below(3);
  for (std::size_t f = 0; f < files; ++f) {
    const bool drop = mess > 0 && m_rng.chance(0.03);
    Table t = candidates(m_rng, people, m_dates, mess, drop, fmt::format("u{}-", f));
    std::string dropped;
    if (drop) {
      static const std::vector<std::string> kAll = {"nik", "nama", "tanggal_lahir", "kabkota_ktp", "punya_bpjstk",
                                                     "pekerjaan", "penghasilan", "kategori", "domisili_sejak"};
      for (const auto& c : kAll) {
        bool present = false;
        for (const auto& h : t.header) present |= norm(h) == c;
        if (!present) dropped = c;
      }
    }
    cands.push_back(write_input(fmt::format("usulan_{}.csv", f), t, mess, faults, 0.02, mess == 0, dropped));
  }

  // validate | dedupe | consolidate, each stage's output the next one's input (sometimes
  // re-saved in another dialect); or a stage fed generated input directly.
  std::string out;
  const bool validated = validate_stage(cands, out) && !out.empty();
  std::vector<Input> next = cands;
  bool from_validate = false;
  if (validated && m_rng.chance(0.8)) {
    Input v;  // the generator's lines do not describe an output: its refs are read instead
    v.name = out;
    v.ref_first = false;
    if (m_rng.chance(0.25)) v.name = resave(out, "layak_lagi.csv").value_or(out);
    next = {v};
    from_validate = true;
  }
  const bool deduped = dedupe_stage(next, true, out, people);
  // consolidate takes validated, de-duplicated candidates: from the pipeline it must finish.
  bool pipeline = false;
  if (deduped && from_validate && m_rng.chance(0.9)) {
    Input d;
    d.name = out;
    d.ref_first = false;
    if (m_rng.chance(0.25)) d.name = resave(out, "unik_lagi.csv").value_or(out);
    next = {d};
    pipeline = true;
  } else {
    next = cands;  // raw proposals: repeated NIKs and unvalidated cells may stop it (65)
  }
  const bool consolidated = consolidate_stage(next, pipeline, out);

  Input roster;
  bool roster_tidy = false;
  if (consolidated && pipeline && m_rng.chance(0.8)) {
    roster.name = out;
    roster.ref_first = false;
    roster_tidy = true;
  } else {
    const double rmess = m_rng.chance(0.6) ? 0 : mess;
    roster = write_input("peserta_awal.csv", jamsos::property::roster(m_rng, people, m_dates, rmess, "p"), rmess,
                         rmess > 0 && m_rng.chance(0.3), 0.02, rmess == 0);
    roster_tidy = roster.tidy;
  }
  const bool terminated = terminate_stage(roster, roster_tidy, out);
  if (terminated && m_rng.chance(0.7)) {
    Input r;
    r.name = out;
    r.ref_first = false;
    reconcile_stage(r, roster_tidy);
  } else {
    reconcile_stage(roster, roster_tidy);
  }
}

std::uint64_t env_number(const char* name, std::uint64_t fallback) {
  const char* v = std::getenv(name);
  return v != nullptr && *v != '\0' ? std::strtoull(v, nullptr, 10) : fallback;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  o.seed = env_number("JAMSOS_PROPERTY_SEED", kDefaultSeed);
  o.cases = env_number("JAMSOS_PROPERTY_CASES", o.cases);
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const auto value = [&]() -> std::string {
      if (i + 1 >= argc) {
        fmt::print(stderr, "{} needs a value\n", a);
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--cases") o.cases = std::stoull(value());
    else if (a == "--seed") o.seed = std::stoull(value());
    else if (a == "--case") o.only_case = std::stoull(value());
    else if (a == "--keep") o.keep = value();
    else if (a == "-v") o.verbose = true;
    else if (o.jamsos.empty()) o.jamsos = a;
    else {
      fmt::print(stderr, "usage: row_conservation JAMSOS [--cases N] [--seed S] [--case I] [--keep DIR] [-v]\n");
      return 2;
    }
  }
  if (o.jamsos.empty()) {
    fmt::print(stderr, "usage: row_conservation JAMSOS [--cases N] [--seed S] [--case I] [--keep DIR] [-v]\n");
    return 2;
  }
  o.jamsos = fs::absolute(o.jamsos).string();
  std::signal(SIGPIPE, SIG_IGN);

  fs::path root;
  if (!o.keep.empty()) {
    root = fs::absolute(o.keep);
    fs::create_directories(root);
  } else {
    std::string tmpl = (fs::temp_directory_path() / "jamsos-property-XXXXXX").string();
    if (mkdtemp(tmpl.data()) == nullptr) {
      fmt::print(stderr, "cannot create a temporary folder\n");
      return 1;
    }
    root = tmpl;
  }
  const auto t0 = std::chrono::steady_clock::now();
  Stats stats;
  std::size_t failed = 0, ran = 0;
  const std::size_t first = o.only_case.value_or(0);
  const std::size_t last = o.only_case ? first + 1 : o.cases;
  for (std::size_t i = first; i < last; ++i) {
    const fs::path dir = root / fmt::format("case-{}", i);
    fs::remove_all(dir);
    fs::create_directories(dir);
    Case c(o, i, dir, stats);
    c.run();
    ++ran;
    if (!c.problems.empty()) {
      ++failed;
      fmt::print("FAIL case {} (seed {}):\n", i, o.seed);
      for (const auto& p : c.problems) fmt::print("  - {}\n", p);
      fmt::print("  rerun: {} {} --seed {} --case {} --keep DIR\n", argv[0], o.jamsos, o.seed, i);
      if (failed >= 20) {
        fmt::print("stopping after 20 failing cases\n");
        break;
      }
    }
    if (o.keep.empty() && c.problems.empty()) fs::remove_all(dir);
  }
  if (o.keep.empty() && failed == 0) fs::remove_all(root);
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  fmt::print("row conservation: seed {}, {} cases, {} generated input files, {} jamsos runs, {} input rows checked, "
             "{:.1f} s; {} failing\n",
             o.seed, ran, stats.files, stats.runs, stats.rows_in, secs, failed);
  for (const auto& [cmd, exits] : stats.exits) {
    std::string s;
    for (const auto& [code, n] : exits) s += fmt::format(" exit {}: {}", code, n);
    fmt::print("  {:<12}{}\n", cmd, s);
  }
  // The property means little if the commands mostly stop: each must finish often.
  if (!o.only_case && ran >= 50) {
    for (const auto& [cmd, exits] : stats.exits) {
      std::size_t total = 0;
      for (const auto& [code, n] : exits) total += n;
      // reconcile --fail-on-diff's exit 1 comes after every output was written in full.
      const std::size_t done = (exits.count(0) ? exits.at(0) : 0) + (exits.count(1) ? exits.at(1) : 0);
      if (done * 3 < total) {
        fmt::print("FAIL: {} finished in only {} of {} runs: the inputs are too broken to test conservation\n",
                   cmd, done, total);
        ++failed;
      }
    }
  }
  if (failed > 0 && o.keep.empty()) fmt::print("work kept in {}\n", root.string());
  return failed == 0 ? 0 : 1;
}
