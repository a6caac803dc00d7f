#pragma once
// Rows parked on disk while a command holds only compact keys (docs/ARCHITECTURE.md,
// "consolidate" and "dedupe"): consolidate's list is only known once every row is read,
// dedupe reads its input twice, and the input may be a pipe, so each record goes to an
// unlinked temporary file and is read back by offset. Memory then holds a key per row, not
// the row itself.
//
// The file lives in $TMPDIR (default /tmp), mode 0600, and is unlinked as soon as it is
// created: personal data never outlives the run, not even a crashed one.
//
// Two ways in and out:
// - append(record) / read(offset, record): one record at a time. read() notices when the
//   records are read back in the order they were written (dedupe's pass 2 from a pipe) and
//   then reads ahead 1 MiB at a time instead of one pread per record.
// - encode() / append_encoded() / read_bytes() / decode(): for a command that prepares
//   records on several threads (encode into a batch's bytes, append the batch on one thread)
//   and reads them back in large blocks; the same file can also hold raw bytes (consolidate's
//   rank-ordered buckets).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "jamsos/csv/reader.hpp"

namespace jamsos {

class RowSpool {
 public:
  RowSpool();  // throws IoError (74) when no temporary file can be made
  ~RowSpool();
  RowSpool(const RowSpool&) = delete;
  RowSpool& operator=(const RowSpool&) = delete;

  // Appends a record (its fields, source and line); returns its offset.
  std::uint64_t append(const csv::Record& record);
  // Reads back the record appended at `offset`.
  void read(std::uint64_t offset, csv::Record& out);
  std::uint64_t size() const { return m_size; }

  // A record's spool form appended to `out` (no I/O, any thread):
  //   u32 body size | varint source | varint line | per field: varint size, bytes
  static void encode(const csv::Record& record, std::string& out);
  // Size in bytes of the spool-form record that starts at `p` (its whole form, size included).
  static std::size_t encoded_size(const char* p);
  // A spool-form record read without copying: the fields are views into its bytes.
  struct View {
    std::size_t source = 0;
    std::size_t line = 0;
    std::vector<std::string_view> fields;
  };
  // Decodes the record that starts at `p`; returns its encoded size.
  static std::size_t decode(const char* p, View& out);

  // Appends bytes as they are (whole encoded records, or any bytes the caller will read
  // back with read_bytes); returns the offset of the first.
  std::uint64_t append_encoded(std::string_view bytes);
  // Reads exactly `size` bytes at `offset` into `dst`.
  void read_bytes(std::uint64_t offset, char* dst, std::size_t size);

 private:
  void flush();
  void write_all(const char* p, std::size_t left);
  std::size_t read_at(char* dst, std::size_t size, std::uint64_t at, std::size_t need);
  int m_fd = -1;
  std::string m_dir;
  std::uint64_t m_size = 0;  // bytes appended, the buffered ones included
  std::string m_buffer;
  std::string m_read_buffer;          // a window of the file, for read()
  std::uint64_t m_window_at = 0;      // file offset of m_read_buffer[0]
  std::size_t m_window_size = 0;      // valid bytes in m_read_buffer
  std::uint64_t m_next_offset = ~std::uint64_t{0};  // where the last record read ended
};

}  // namespace jamsos
