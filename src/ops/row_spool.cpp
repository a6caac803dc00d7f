// The row spool of consolidate: records serialised as
//   u32 body size | u32 source | u64 line | per field: u32 size, bytes
// (native byte order: the file never leaves this process).
#include "jamsos/ops/row_spool.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "jamsos/core/errors.hpp"
#include "jamsos/core/i18n.hpp"

namespace jamsos {

namespace {

constexpr std::size_t kFlushAt = 1u << 20;

template <typename T>
void put(std::string& buf, T value) {
  char bytes[sizeof(T)];
  std::memcpy(bytes, &value, sizeof(T));
  buf.append(bytes, sizeof(T));
}

template <typename T>
T get(const char*& p) {
  T value;
  std::memcpy(&value, p, sizeof(T));
  p += sizeof(T);
  return value;
}

[[noreturn]] void fail(const std::string& dir, const char* what_id, const char* what_en) {
  const int err = errno;
  throw IoError(
      std::string(tr(what_id, what_en)) + " " + dir + ": " + std::strerror(err) +
      tr(" (atur TMPDIR ke folder yang cukup ruang)", " (point TMPDIR at a folder with room)"));
}

}  // namespace

RowSpool::RowSpool() {
  const char* tmpdir = std::getenv("TMPDIR");
  m_dir = tmpdir != nullptr && *tmpdir != '\0' ? tmpdir : "/tmp";
  std::string path = m_dir + "/jamsos-consolidate-XXXXXX";
  m_fd = ::mkstemp(path.data());  // mode 0600
  if (m_fd < 0)
    fail(m_dir, "berkas sementara tidak bisa dibuat di", "cannot create a temporary file in");
  ::unlink(path.c_str());
  m_buffer.reserve(kFlushAt + 4096);
}

RowSpool::~RowSpool() {
  if (m_fd >= 0) ::close(m_fd);
}

std::uint64_t RowSpool::append(const csv::Record& record) {
  const std::uint64_t offset = m_size;
  const std::size_t start = m_buffer.size();
  put<std::uint32_t>(m_buffer, 0);  // body size, patched below
  put<std::uint32_t>(m_buffer, static_cast<std::uint32_t>(record.source));
  put<std::uint64_t>(m_buffer, record.line);
  for (const auto& field : record.fields) {
    put<std::uint32_t>(m_buffer, static_cast<std::uint32_t>(field.size()));
    m_buffer.append(field);
  }
  const auto body = static_cast<std::uint32_t>(m_buffer.size() - start - sizeof(std::uint32_t));
  std::memcpy(m_buffer.data() + start, &body, sizeof(body));
  m_size += m_buffer.size() - start;
  if (m_buffer.size() >= kFlushAt) flush();
  return offset;
}

// Reads up to `size` bytes at `at`, at least `need` of them; returns how many were read.
std::size_t RowSpool::read_at(char* dst, std::size_t size, std::uint64_t at, std::size_t need) {
  std::size_t got = 0;
  while (got < need) {
    const ssize_t n = ::pread(m_fd, dst + got, size - got, static_cast<off_t>(at + got));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0)
      fail(m_dir, "gagal membaca berkas sementara di", "cannot read the temporary file in");
    got += static_cast<std::size_t>(n);
  }
  return got;
}

void RowSpool::flush() {
  const char* p = m_buffer.data();
  std::size_t left = m_buffer.size();
  while (left > 0) {
    const ssize_t n = ::write(m_fd, p, left);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0)
      fail(m_dir, "gagal menulis berkas sementara di", "cannot write the temporary file in");
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  m_buffer.clear();
}

void RowSpool::read(std::uint64_t offset, csv::Record& out) {
  if (!m_buffer.empty()) flush();
  // One pread for a typical record (200-400 bytes); a second only for a longer one.
  constexpr std::size_t kGuess = 512;
  if (m_read_buffer.size() < kGuess) m_read_buffer.resize(kGuess);
  const std::size_t got = read_at(m_read_buffer.data(), kGuess, offset, sizeof(std::uint32_t));
  std::uint32_t body = 0;
  std::memcpy(&body, m_read_buffer.data(), sizeof(body));
  const std::size_t whole = sizeof(body) + body;
  if (whole > got) {
    m_read_buffer.resize(whole);
    read_at(m_read_buffer.data() + got, whole - got, offset + got, whole - got);
  }

  const char* p = m_read_buffer.data() + sizeof(body);
  const char* end = p + body;
  out.source = get<std::uint32_t>(p);
  out.line = static_cast<std::size_t>(get<std::uint64_t>(p));
  out.fault = csv::RecordFault::none;
  std::size_t i = 0;
  while (p < end) {
    const auto size = get<std::uint32_t>(p);
    if (i == out.fields.size()) out.fields.emplace_back();
    out.fields[i++].assign(p, size);
    p += size;
  }
  out.fields.resize(i);
  out.raw_field_count = i;
}

}  // namespace jamsos
