// Atomic, owner-only output files (contract, "Common rules": a failed run never leaves a
// partial file in place of an old one; outputs hold personal data, UU 27/2022).
//
// Worked example: `-o keputusan.csv` writes `.keputusan.csv.jamsos-XXXXXX` (mode 0600) in
// the same folder, fsyncs it and renames it over keputusan.csv on commit(); a run that
// throws first unlinks the temporary and keputusan.csv keeps its old content.
//
// A target that exists and is not a regular file (/dev/null, /dev/full, a FIFO) cannot be
// renamed over; it is written directly, which is not atomic but is what such a target
// means. Errors: create -> 73, write/fsync -> 74, EPIPE on stdout -> BrokenPipe.
#include "jamsos/csv/output_file.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "jamsos/core/errors.hpp"
#include "jamsos/core/i18n.hpp"

namespace jamsos::csv {

namespace {

constexpr std::size_t kFileBuffer = std::size_t{1} << 20;
// Smaller for stdout, so the next stage of a pipeline starts before we finish.
constexpr std::size_t kStdoutBuffer = std::size_t{64} << 10;

std::string folder_of(const std::string& path) {
  const auto slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

}  // namespace

Output::Output(std::string path) : m_path(std::move(path)) {
  if (m_path == "-") {
    m_fd = 1;
    m_buffer.reserve(kStdoutBuffer);
    return;
  }
  const std::string folder = folder_of(m_path);
  struct stat st {};
  if (::stat(m_path.c_str(), &st) == 0) {
    if (S_ISDIR(st.st_mode))
      throw OutputCreateError(fmt::format(
          fmt::runtime(tr("tidak bisa membuat {}: itu sebuah folder. Sebutkan nama berkas, mis. {}/hasil.csv.",
                          "cannot create {}: it is a folder. Name a file, e.g. {}/out.csv.")),
          m_path, m_path));
    if (!S_ISREG(st.st_mode)) {
      // A device or FIFO: write straight into it (nothing to rename over).
      do m_fd = ::open(m_path.c_str(), O_WRONLY | O_CLOEXEC);
      while (m_fd < 0 && errno == EINTR);
      if (m_fd < 0) {
        const int err = errno;
        throw OutputCreateError(fmt::format(fmt::runtime(tr("tidak bisa membuka {} untuk ditulis: {}.",
                                                            "cannot open {} for writing: {}.")),
                                            m_path, std::strerror(err)));
      }
      m_buffer.reserve(kFileBuffer);
      return;
    }
  }
  const auto slash = m_path.rfind('/');
  const std::string base = slash == std::string::npos ? m_path : m_path.substr(slash + 1);
  std::string temp = (slash == std::string::npos ? std::string() : m_path.substr(0, slash + 1)) + "." + base +
                     ".jamsos-XXXXXX";
  m_fd = ::mkostemp(temp.data(), O_CLOEXEC);  // mode 0600
  if (m_fd < 0) {
    const int err = errno;
    throw OutputCreateError(fmt::format(
        fmt::runtime(tr("tidak bisa membuat {} di folder {}: {}. Periksa folder itu ada dan boleh ditulis.",
                        "cannot create {} in folder {}: {}. Check that the folder exists and is writable.")),
        m_path, folder, std::strerror(err)));
  }
  m_temp_path = std::move(temp);
  m_buffer.reserve(kFileBuffer);
}

Output::~Output() {
  if (m_fd > 1) ::close(m_fd);
  if (!m_committed && !m_temp_path.empty()) ::unlink(m_temp_path.c_str());
}

void Output::write_large(std::string_view bytes) {
  flush();
  if (bytes.size() >= m_buffer.capacity()) write_all(bytes.data(), bytes.size());
  else m_buffer.append(bytes);
}

void Output::flush() {
  if (m_buffer.empty()) return;
  write_all(m_buffer.data(), m_buffer.size());
  m_buffer.clear();
}

void Output::write_all(const char* data, std::size_t size) {
  while (size > 0) {
    const ssize_t n = ::write(m_fd, data, size);
    if (n < 0) {
      if (errno == EINTR) continue;
      const int err = errno;
      if (err == EPIPE && is_stdout()) throw BrokenPipe();
      m_buffer.clear();  // nothing more will be written
      throw IoError(fmt::format(fmt::runtime(tr("gagal menulis {}: {}. Periksa ruang disk; berkas lama tidak diubah.",
                                                "cannot write {}: {}. Check the disk space; the old file is left "
                                                "as it was.")),
                                is_stdout() ? std::string("stdout") : m_path, std::strerror(err)));
    }
    data += n;
    size -= static_cast<std::size_t>(n);
  }
}

void Output::commit() {
  if (m_committed) return;
  flush();
  if (m_temp_path.empty()) {  // stdout or a device: nothing to sync or rename
    m_committed = true;
    return;
  }
  const auto fail = [this](const char* id, const char* en) {
    const int err = errno;
    throw IoError(fmt::format(fmt::runtime(tr(id, en)), m_path, std::strerror(err)));
  };
  if (::fsync(m_fd) != 0)
    fail("gagal menyimpan {} ke disk: {}. Berkas lama tidak diubah.", "cannot save {} to disk: {}. The old file is left as it was.");
  const int fd = m_fd;
  m_fd = -1;
  if (::close(fd) != 0)
    fail("gagal menyimpan {} ke disk: {}. Berkas lama tidak diubah.", "cannot save {} to disk: {}. The old file is left as it was.");
  if (::rename(m_temp_path.c_str(), m_path.c_str()) != 0)
    fail("gagal mengganti {}: {}. Berkas lama tidak diubah.", "cannot replace {}: {}. The old file is left as it was.");
  m_committed = true;
  // Make the rename itself durable; a folder that cannot be synced is no reason to fail.
  const int dir = ::open(folder_of(m_path).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    (void)::fsync(dir);
    ::close(dir);
  }
}

}  // namespace jamsos::csv
