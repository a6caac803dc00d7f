#pragma once
// Where a command writes. Named files appear atomically: written to a temporary file
// (mode 0600: personal data, UU 27/2022) in the same folder, fsynced, then renamed over
// the target on commit(). A run that fails before commit() leaves the old file as it was
// and no temporary behind; so does a run killed with SIGKILL, where the folder's file
// system has O_TMPFILE (the temporary has no name until commit). "-" is stdout, written
// as it goes.
//
// Errors: the folder cannot hold a new file -> OutputCreateError (73); a write or
// fsync fails (disk full) -> IoError (74); stdout's reader went away -> BrokenPipe.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "jamsos/core/sha256.hpp"

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

  // The processing record (--audit): from now on every byte is hashed as it is handed to
  // write(2) (write() itself stays as it is), and `committed` hears the size and SHA-256
  // once the file is in place. Call before the first write.
  using CommitDigest = std::function<void(const Output&, std::uint64_t bytes, const Sha256::Digest&)>;
  void on_commit(CommitDigest committed);

  // Tests only: false makes every Output use a named temporary, as on a file system
  // without O_TMPFILE. Returns the previous setting.
  static bool allow_unnamed_temporaries(bool allowed);

private:
  void write_large(std::string_view bytes);
  void write_all(const char* data, std::size_t size);
  void link_unnamed_temporary();
  void start_writeback();
  // A temporary of ours (named or not), synced and renamed at commit; false for stdout and
  // a device written directly.
  bool to_temporary() const { return m_unnamed || !m_temp_path.empty(); }
  std::string m_path;
  std::string m_temp_path;  // named temporary (or the name an unnamed one was linked to)
  bool m_unnamed = false;   // m_fd is an O_TMPFILE without a name yet
  int m_fd = -1;
  bool m_committed = false;
  std::string m_buffer;
  // Bytes written to the temporary, and how many of them writeback was asked to start on
  // (start_writeback): commit()'s fsync then waits for the last few MiB, not the file.
  std::uint64_t m_written = 0;
  std::uint64_t m_writeback_from = 0;
  std::unique_ptr<Sha256> m_sha;  // only when recording
  CommitDigest m_on_commit;
};

}  // namespace jamsos::csv
