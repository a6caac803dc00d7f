#pragma once
// Where a command writes. Named files appear atomically: written to a temporary file
// (mode 0600: personal data, UU 27/2022) in the same folder, fsynced, then renamed over
// the target on commit(). A run that fails before commit() leaves the old file as it was
// and no temporary behind. "-" is stdout, written as it goes.
//
// Errors: the folder cannot hold a new file -> OutputCreateError (73); a write or
// fsync fails (disk full) -> IoError (74); stdout's reader went away -> BrokenPipe.
#include <cstddef>
#include <string>
#include <string_view>

namespace jamsos::csv {

class Output {
public:
  // `path` "-" means stdout. Creation errors are raised here, before any work is done.
  explicit Output(std::string path);
  ~Output();  // discards an uncommitted temporary file
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;

  // Inline: called several times per field. Appends to the buffer, or hands over to
  // write_large() when the buffer would overflow.
  void write(std::string_view bytes) {
    if (bytes.size() <= m_buffer.capacity() - m_buffer.size()) m_buffer.append(bytes);
    else write_large(bytes);
  }
  void flush();   // pushes the buffer out (stdout: lets a pipe's next stage start)
  void commit();  // flush, fsync, rename into place; for stdout, flush
  const std::string& path() const { return m_path; }
  bool is_stdout() const { return m_fd == 1; }

private:
  void write_large(std::string_view bytes);
  void write_all(const char* data, std::size_t size);
  std::string m_path;
  std::string m_temp_path;
  int m_fd = -1;
  bool m_committed = false;
  std::string m_buffer;
};

}  // namespace jamsos::csv
