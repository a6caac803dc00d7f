// The row spool of consolidate and dedupe: records serialised as
//   u32 body size | varint source | varint line | per field: varint size, bytes
// (native byte order, LEB128 varints: the file never leaves this process). A field under
// 128 bytes costs one byte of length, so the spool is about the size of the CSV it came from.
#include "jamsos/ops/row_spool.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <limits>

#include "jamsos/core/errors.hpp"
#include "jamsos/core/i18n.hpp"

namespace jamsos {

namespace {

constexpr std::size_t kFlushAt = 1u << 20;
constexpr std::size_t kWriteDirect = 64u << 10;  // append_encoded: larger blocks skip the buffer
constexpr std::size_t kGuess = 512;              // a random read: one pread for a typical record
constexpr std::size_t kReadAhead = 1u << 20;     // a sequential read: the next MiB at once

inline std::size_t varint_size(std::uint64_t value) {
  std::size_t n = 1;
  while (value >= 0x80) {
    value >>= 7;
    ++n;
  }
  return n;
}

inline char* write_varint(char* p, std::uint64_t value) {
  while (value >= 0x80) {
    *p++ = static_cast<char>((value & 0x7f) | 0x80);
    value >>= 7;
  }
  *p++ = static_cast<char>(value);
  return p;
}

inline std::uint64_t get_varint(const char*& p) {
  if (static_cast<unsigned char>(*p) < 0x80) return static_cast<unsigned char>(*p++);
  std::uint64_t value = 0;
  for (unsigned shift = 0;; shift += 7) {
    const auto byte = static_cast<unsigned char>(*p++);
    value |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
    if (byte < 0x80) return value;
  }
}

std::uint32_t body_size(const char* p) {
  std::uint32_t body = 0;
  std::memcpy(&body, p, sizeof(body));
  return body;
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
  std::string path = m_dir + "/jamsos-spool-XXXXXX";
  m_fd = ::mkstemp(path.data());  // mode 0600
  if (m_fd < 0)
    fail(m_dir, "berkas sementara tidak bisa dibuat di", "cannot create a temporary file in");
  ::unlink(path.c_str());
  // Reading back need not update the access time (the file is ours and already unlinked).
  const int flags = ::fcntl(m_fd, F_GETFL);
  if (flags >= 0) ::fcntl(m_fd, F_SETFL, flags | O_NOATIME);
  m_buffer.reserve(kFlushAt + 4096);
}

RowSpool::~RowSpool() {
  if (m_fd >= 0) ::close(m_fd);
}

void RowSpool::encode(const csv::Record& record, std::string& out) {
  // Sized first, then written through a pointer: one growth of `out` per record.
  std::size_t body = varint_size(record.source) + varint_size(record.line);
  for (const auto& field : record.fields) body += varint_size(field.size()) + field.size();
  if (body > std::numeric_limits<std::uint32_t>::max())
    throw DataError(tr("rekaman lebih dari 4 GiB", "a record over 4 GiB"));
  const std::size_t start = out.size();
  out.resize(start + sizeof(std::uint32_t) + body);
  char* p = out.data() + start;
  const auto size = static_cast<std::uint32_t>(body);
  std::memcpy(p, &size, sizeof size);
  p += sizeof size;
  p = write_varint(p, record.source);
  p = write_varint(p, record.line);
  for (const auto& field : record.fields) {
    p = write_varint(p, field.size());
    p += field.copy(p, field.size());
  }
}

std::size_t RowSpool::encoded_size(const char* p) { return sizeof(std::uint32_t) + body_size(p); }

std::size_t RowSpool::decode(const char* p, View& out) {
  const std::size_t whole = encoded_size(p);
  const char* end = p + whole;
  p += sizeof(std::uint32_t);
  out.source = static_cast<std::size_t>(get_varint(p));
  out.line = static_cast<std::size_t>(get_varint(p));
  out.fields.clear();
  while (p < end) {
    const auto size = static_cast<std::size_t>(get_varint(p));
    out.fields.emplace_back(p, size);
    p += size;
  }
  return whole;
}

std::uint64_t RowSpool::append(const csv::Record& record) {
  const std::uint64_t offset = m_size;
  const std::size_t start = m_buffer.size();
  encode(record, m_buffer);
  m_size += m_buffer.size() - start;
  if (m_buffer.size() >= kFlushAt) flush();
  return offset;
}

std::uint64_t RowSpool::append_encoded(std::string_view bytes) {
  const std::uint64_t offset = m_size;
  if (bytes.size() >= kWriteDirect) {
    flush();
    write_all(bytes.data(), bytes.size());
  } else {
    m_buffer.append(bytes);
    if (m_buffer.size() >= kFlushAt) flush();
  }
  m_size += bytes.size();
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

void RowSpool::write_all(const char* p, std::size_t left) {
  while (left > 0) {
    const ssize_t n = ::write(m_fd, p, left);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0)
      fail(m_dir, "gagal menulis berkas sementara di", "cannot write the temporary file in");
    p += n;
    left -= static_cast<std::size_t>(n);
  }
}

void RowSpool::flush() {
  write_all(m_buffer.data(), m_buffer.size());
  m_buffer.clear();
}

void RowSpool::read_bytes(std::uint64_t offset, char* dst, std::size_t size) {
  if (!m_buffer.empty()) flush();
  if (size > 0) read_at(dst, size, offset, size);
}

void RowSpool::read(std::uint64_t offset, csv::Record& out) {
  if (!m_buffer.empty()) flush();
  const bool in_window = offset >= m_window_at && offset - m_window_at + sizeof(std::uint32_t) <= m_window_size &&
                         offset - m_window_at + encoded_size(m_read_buffer.data() + (offset - m_window_at)) <= m_window_size;
  if (!in_window) {
    // In the order written (dedupe's pass 2 from a pipe): read ahead; else one small pread.
    const std::size_t want = offset == m_next_offset ? kReadAhead : kGuess;
    if (m_read_buffer.size() < want) m_read_buffer.resize(want);
    std::size_t got = read_at(m_read_buffer.data(), want, offset, sizeof(std::uint32_t));
    const std::size_t whole = encoded_size(m_read_buffer.data());
    if (whole > got) {
      if (m_read_buffer.size() < whole) m_read_buffer.resize(whole);
      got += read_at(m_read_buffer.data() + got, whole - got, offset + got, whole - got);
    }
    m_window_at = offset;
    m_window_size = got;
  }

  const char* p = m_read_buffer.data() + (offset - m_window_at);
  const std::size_t whole = encoded_size(p);
  m_next_offset = offset + whole;
  const char* end = p + whole;
  p += sizeof(std::uint32_t);
  out.source = static_cast<std::size_t>(get_varint(p));
  out.line = static_cast<std::size_t>(get_varint(p));
  out.fault = csv::RecordFault::none;
  std::size_t i = 0;
  while (p < end) {
    const auto size = static_cast<std::size_t>(get_varint(p));
    if (i == out.fields.size()) out.fields.emplace_back();
    out.fields[i++].assign(p, size);
    p += size;
  }
  out.fields.resize(i);
  out.raw_field_count = i;
}

}  // namespace jamsos
