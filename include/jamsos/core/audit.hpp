#pragma once
// The processing record (UU 27/2022 Pasal 31: a controller records its processing of personal
// data). `--audit FILE`, or JAMSOS_AUDIT for cron, appends one JSON line per run of a data
// command: when, which command line, which profile, the SHA-256 of every input and of every
// output committed, rows per destination, the exit code, the jamsos version and the language.
// It holds no personal data: no NIK, name or cell value; the names given to --signer-city and
// --signer-bpjs are replaced by "***", and any run of 16 or more digits in a path or argument
// is masked as stderr masks a NIK (mask_nik).
//
// Worked example (one line in the file; wrapped here):
//   {"time":"2026-03-06T07:00:01+08:00","jamsos":"0.1.0","command":"terminate",
//    "argv":["jamsos","terminate","peserta_2026-02.csv",...],"lang":"id",
//    "profile":{"id":"balikpapan-2025","version":"2025.1"},
//    "inputs":[{"path":"peserta_2026-02.csv","role":"roster","bytes":2817,"sha256":"9f86d0..."}],
//    "outputs":[{"path":"berhenti_2026-03.csv","role":"ended","rows":2,"bytes":301,"sha256":"..."}],
//    "rows":{"read":36,"main":34,"ended":2},"exit":0}
// An input the run did not read to its end (it stopped first) has "sha256":null and the bytes
// it read; an output appears only once it is committed.
#include <cstdint>
#include <ctime>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace jamsos {

struct AuditFile {
  std::string path;        // as given ("-" = stdin/stdout)
  std::string role;        // inputs: input, against, decisions, roster, events, invoice, profile;
                           // outputs: main, rejects, duplicates, review, waitlist, summary, ended,
                           // unmatched, report
  std::uint64_t bytes = 0;
  std::string sha256;      // 64 hex digits; empty = not read to the end (written as null)
  std::int64_t rows = -1;  // outputs: rows written (header not counted); -1 = not a table
};

struct AuditRecord {
  std::string time;     // audit_time(): when the run started
  std::string version;  // JAMSOS_VERSION
  std::string command;  // the subcommand
  std::vector<std::string> argv;  // audit_argv()
  std::string lang;     // "id" or "en"
  std::string profile_id;       // empty: no profile was loaded (written as null)
  std::string profile_version;
  std::vector<AuditFile> inputs;
  std::vector<AuditFile> outputs;
  std::vector<std::pair<std::string, std::uint64_t>> rows;  // destination -> rows, in order
  int exit_code = 0;
};

// The record as one line of JSON, ending in '\n'. Strings are escaped (invalid UTF-8 becomes
// U+FFFD) and every path, argument and command has its digit runs masked (mask_digit_runs).
std::string audit_line(const AuditRecord& record);

// ISO 8601 in local time with the UTC offset: "2026-03-06T07:00:01+08:00".
std::string audit_time(std::time_t when);

// The command line for the record: as given, but the values of options that carry a person's
// name (--signer-city, --signer-bpjs, either `--opt NAME` or `--opt=NAME`) become "***".
std::vector<std::string> audit_argv(int argc, const char* const* argv);

// Every run of 16 or more ASCII digits masked as mask_nik() masks it (6471010101900001 ->
// 647101******0001); everything else unchanged.
std::string mask_digit_runs(std::string_view text);

// The record file: opened (created 0600 if missing, O_APPEND) when the run starts, so that a
// path that cannot be written stops the run before any work; append() writes a line with
// one write(2), so lines of concurrent runs do not interleave, and fsyncs it. Both throw
// IoError (74) naming the file.
class AuditLog {
public:
  explicit AuditLog(std::string path);
  ~AuditLog();
  AuditLog(const AuditLog&) = delete;
  AuditLog& operator=(const AuditLog&) = delete;
  void append(std::string_view line);
  const std::string& path() const { return m_path; }

private:
  std::string m_path;
  int m_fd = -1;
};

}  // namespace jamsos
