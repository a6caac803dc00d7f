#pragma once
// The processing record of this run (--audit FILE or JAMSOS_AUDIT; core/audit.hpp has the
// line's format). main() starts a Recorder for a data command and finishes it with the exit
// code; the command files only say what they read, write and count, through the functions
// below, which do nothing when no record is kept (then nothing is hashed either).
#include <cstdint>
#include <ctime>
#include <memory>
#include <string>
#include <vector>

#include "jamsos/core/audit.hpp"
#include "jamsos/core/profile.hpp"
#include "jamsos/csv/output_file.hpp"
#include "jamsos/csv/reader.hpp"

namespace jamsos::cli::audit {

struct Input {
  std::string path;
  const char* role;  // "input", "against", "decisions", "roster", "events", "invoice"
};

// `options` with a reader hook that hashes what each Reader built from them reads. Readers
// are opened in order, so the k-th Reader built with these options reads inputs[k] (a
// MultiReader opens its files in the order given; a command that opens several lists them
// in its order of opening). Unchanged when no record is kept.
csv::ReaderOptions reading(csv::ReaderOptions options, const std::vector<Input>& inputs);
csv::ReaderOptions reading(csv::ReaderOptions options, const std::vector<std::string>& paths, const char* role);
// `out` is hashed as it is written and listed once committed, under `role` (main, rejects...).
void output(csv::Output& out, const char* role);
// Rows counted for a destination ("read", "main", "rejects"...); an output of that role
// carries them too.
void rows(const char* destination, std::uint64_t n);
void profile(const Profile& p);

class Recorder {
public:
  // Opens the record file (IoError, 74, when it cannot be): before any work is done.
  Recorder(std::string path, std::string command, int argc, const char* const* argv);
  ~Recorder();
  Recorder(const Recorder&) = delete;
  Recorder& operator=(const Recorder&) = delete;
  // Appends the run's line. Returns false, having said why on stderr, when it cannot.
  bool finish(int exit_code);

  struct Impl;

private:
  std::unique_ptr<Impl> m_impl;
};

// Where the record goes for the command `sub` of this command line: --audit FILE when given
// (`given` is what CLI11 read, empty if it did not), else JAMSOS_AUDIT; empty = no record.
std::string record_path(const std::string& given);
// --audit's value read from argv itself, for a command line CLI11 rejected (exit 2).
std::string audit_flag_in(int argc, const char* const* argv);

}  // namespace jamsos::cli::audit
