// Atomic, owner-only output files (contract, "Common rules": a failed run never leaves a
// partial file in place of an old one; outputs hold personal data, UU 27/2022).
//
// Worked example: `-o keputusan.csv` opens an unnamed file (O_TMPFILE, mode 0600) in the
// same folder; commit() fsyncs it, links it in as `.keputusan.csv.jamsos-XXXXXX`
// (linkat of /proc/self/fd/N) and renames that over keputusan.csv, then fsyncs the folder.
// A run that throws first, or is killed with SIGKILL, leaves keputusan.csv as it was and
// nothing else: the unnamed file goes with the descriptor. linkat cannot replace a file,
// hence the short-lived name before the atomic rename(). Where O_TMPFILE is missing (an
// old kernel, a file system without it: EOPNOTSUPP, EISDIR, EINVAL) or /proc is not
// mounted, the temporary is created with that name from the start (mkostemp): an error
// unlinks it, but SIGKILL leaves it behind (docs/RELIABILITY.md).
//
// A target that exists and is not a regular file (/dev/null, /dev/full, a FIFO) cannot be
// renamed over; it is written directly, which is not atomic but is what such a target
// means. Errors: create -> 73, write/fsync -> 74, EPIPE on stdout -> BrokenPipe.
#include "jamsos/csv/output_file.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdlib>  // ::mkostemp (glibc declares it in stdlib.h, which <cstdlib> includes)
#include <cstring>
#include <ctime>    // ::clock_gettime

#include "jamsos/core/errors.hpp"
#include "jamsos/core/i18n.hpp"
#include "jamsos/csv/incomplete_stdout.hpp"

namespace jamsos::csv {

namespace {

constexpr std::size_t kFileBuffer = std::size_t{1} << 20;
constexpr std::uint64_t kWritebackStep = std::uint64_t{8} << 20;
// Smaller for stdout, so the next stage of a pipeline starts before we finish.
constexpr std::size_t kStdoutBuffer = std::size_t{64} << 10;

std::atomic<bool> g_unnamed_allowed{true};

std::string folder_of(const std::string& path) {
  const auto slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

// ".NAME.jamsos-" in the target's folder; the caller adds six characters.
std::string temp_prefix(const std::string& path) {
  const auto slash = path.rfind('/');
  const std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
  return (slash == std::string::npos ? std::string() : path.substr(0, slash + 1)) + "." + base + ".jamsos-";
}

// Six characters as mkstemp makes them; uniqueness is settled by linkat's EEXIST.
std::string random_suffix() {
  static std::atomic<std::uint64_t> counter{0};
  timespec now{};
  ::clock_gettime(CLOCK_REALTIME, &now);
  std::uint64_t x = static_cast<std::uint64_t>(now.tv_nsec) ^ (static_cast<std::uint64_t>(now.tv_sec) << 30) ^
                    (static_cast<std::uint64_t>(::getpid()) << 40) ^ (++counter * 0x9E3779B97F4A7C15ULL);
  static constexpr char kLetters[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  std::string out(6, 'X');
  for (char& c : out) {
    x ^= x >> 29, x *= 0xBF58476D1CE4E5B9ULL, x ^= x >> 32;
    c = kLetters[x % (sizeof kLetters - 1)];
  }
  return out;
}

// O_TMPFILE needs /proc/self/fd to give the file a name at commit.
bool proc_fd_available() {
  static const bool available = ::access("/proc/self/fd", X_OK) == 0;
  return available;
}

// What open(O_TMPFILE) answers where the kernel or the file system does not have it.
bool no_tmpfile(int err) { return err == EOPNOTSUPP || err == EISDIR || err == EINVAL; }

}  // namespace

bool Output::allow_unnamed_temporaries(bool allowed) { return g_unnamed_allowed.exchange(allowed); }

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
  const auto cannot_create = [&](int err) {
    return OutputCreateError(fmt::format(
        fmt::runtime(tr("tidak bisa membuat {} di folder {}: {}. Periksa folder itu ada dan boleh ditulis.",
                        "cannot create {} in folder {}: {}. Check that the folder exists and is writable.")),
        m_path, folder, std::strerror(err)));
  };
  m_buffer.reserve(kFileBuffer);
  if (g_unnamed_allowed.load() && proc_fd_available()) {
    do m_fd = ::open(folder.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
    while (m_fd < 0 && errno == EINTR);
    if (m_fd >= 0) {
      m_unnamed = true;
      return;
    }
    if (!no_tmpfile(errno)) throw cannot_create(errno);
  }
  std::string temp = temp_prefix(m_path) + "XXXXXX";
  m_fd = ::mkostemp(temp.data(), O_CLOEXEC);  // mode 0600
  if (m_fd < 0) throw cannot_create(errno);
  m_temp_path = std::move(temp);
}

void Output::on_commit(CommitDigest committed) {
  m_on_commit = std::move(committed);
  if (!m_sha) m_sha = std::make_unique<Sha256>();
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
  if (m_sha) m_sha->update(std::string_view(data, size));  // --audit: what goes to the file
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
    m_written += static_cast<std::uint64_t>(n);
    if (is_stdout()) note_stdout_written();  // a failure from now on marks the stream (incomplete_stdout.hpp)
  }
  if (m_written - m_writeback_from >= kWritebackStep) start_writeback();
}

// The kernel is asked to start writing what is written so far (sync_file_range, WRITE only:
// it does not wait), so the disk works while we compute and commit()'s fsync finds little
// left: on the 1M-row dedupe, 0.1 s of fsync at the end. Only for our temporary (a device
// or stdout is not synced); a file system that refuses it changes nothing, fsync still runs.
void Output::start_writeback() {
#if defined(SYNC_FILE_RANGE_WRITE)
  if (!to_temporary()) return;
  (void)::sync_file_range(m_fd, static_cast<off_t>(m_writeback_from),
                          static_cast<off_t>(m_written - m_writeback_from), SYNC_FILE_RANGE_WRITE);
#endif
  m_writeback_from = m_written;
}

void Output::commit() {
  if (m_committed) return;
  flush();
  const auto committed = [this] {
    m_committed = true;
    if (m_on_commit) {
      const std::uint64_t bytes = m_sha->size();
      m_on_commit(*this, bytes, m_sha->digest());
    }
  };
  if (!to_temporary()) {  // stdout or a device: nothing to sync or rename
    committed();
    return;
  }
  const auto fail = [this](const char* id, const char* en) {
    const int err = errno;
    throw IoError(fmt::format(fmt::runtime(tr(id, en)), m_path, std::strerror(err)));
  };
  if (::fsync(m_fd) != 0)
    fail("gagal menyimpan {} ke disk: {}. Berkas lama tidak diubah.", "cannot save {} to disk: {}. The old file is left as it was.");
  if (m_unnamed) link_unnamed_temporary();
  const int fd = m_fd;
  m_fd = -1;
  if (::close(fd) != 0)
    fail("gagal menyimpan {} ke disk: {}. Berkas lama tidak diubah.", "cannot save {} to disk: {}. The old file is left as it was.");
  if (::rename(m_temp_path.c_str(), m_path.c_str()) != 0)
    fail("gagal mengganti {}: {}. Berkas lama tidak diubah.", "cannot replace {}: {}. The old file is left as it was.");
  // Make the rename itself durable; a folder that cannot be synced is no reason to fail.
  const int dir = ::open(folder_of(m_path).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    (void)::fsync(dir);
    ::close(dir);
  }
  committed();
}

// The unnamed file gets a name beside its target; rename() then puts it in place atomically
// (linkat itself would refuse an existing target). On failure the destructor unlinks it.
void Output::link_unnamed_temporary() {
  const std::string self = "/proc/self/fd/" + std::to_string(m_fd);
  const std::string prefix = temp_prefix(m_path);
  for (int attempt = 0;; ++attempt) {
    std::string name = prefix + random_suffix();
    if (::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, name.c_str(), AT_SYMLINK_FOLLOW) == 0) {
      m_temp_path = std::move(name);
      m_unnamed = false;
      return;
    }
    if (errno == EEXIST && attempt < 100) continue;
    const int err = errno;
    throw IoError(fmt::format(fmt::runtime(tr("gagal mengganti {}: {}. Berkas lama tidak diubah.",
                                              "cannot replace {}: {}. The old file is left as it was.")),
                              m_path, std::strerror(err)));
  }
}

}  // namespace jamsos::csv
