#pragma once
// What stops a run. Rows that fail rules are data (findings), never exceptions; these
// are for unreadable input, bad configuration and failed output. Each carries the exit
// code of the contract (shared/spec/contract.md, "Exit codes") and a message that
// already names the file, the line and what to do, in the language of the run.
#include <stdexcept>
#include <string>

namespace jamsos {

enum class ExitCode : int {
  ok = 0,
  differences = 1,    // reconcile --fail-on-diff
  usage = 2,
  data = 65,          // EX_DATAERR: malformed CSV, missing column, duplicate NIK
  no_input = 66,      // EX_NOINPUT: an input cannot be opened
  cant_create = 73,   // EX_CANTCREAT: an output cannot be created
  io = 74,            // EX_IOERR: other I/O error (disk full, read error)
  config = 78,        // EX_CONFIG: profile invalid, no UMK for the year
};

class Error : public std::runtime_error {
public:
  Error(ExitCode code, const std::string& message) : std::runtime_error(message), m_code(code) {}
  ExitCode code() const noexcept { return m_code; }

private:
  ExitCode m_code;
};

struct UsageError : Error {
  explicit UsageError(const std::string& m) : Error(ExitCode::usage, m) {}
};
struct DataError : Error {
  explicit DataError(const std::string& m) : Error(ExitCode::data, m) {}
};
struct InputError : Error {
  explicit InputError(const std::string& m) : Error(ExitCode::no_input, m) {}
};
struct OutputCreateError : Error {
  explicit OutputCreateError(const std::string& m) : Error(ExitCode::cant_create, m) {}
};
struct IoError : Error {
  explicit IoError(const std::string& m) : Error(ExitCode::io, m) {}
};
struct ConfigError : Error {
  explicit ConfigError(const std::string& m) : Error(ExitCode::config, m) {}
};

// Reading side closed our stdout (`jamsos validate … | head`): end quietly with 0.
struct BrokenPipe : std::exception {
  const char* what() const noexcept override { return "broken pipe"; }
};

}  // namespace jamsos
