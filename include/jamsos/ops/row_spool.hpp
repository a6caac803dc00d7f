#pragma once
// Rows parked on disk while a command holds only compact keys (docs/ARCHITECTURE.md,
// "consolidate" and "dedupe"): consolidate's list is only known once every row is read,
// dedupe reads its input twice, and the input may be a pipe, so each record goes to an
// unlinked temporary file and is read back by offset in list order. Memory then holds a key per row, not the row itself.
//
// The file lives in $TMPDIR (default /tmp), mode 0600, and is unlinked as soon as it is
// created: personal data never outlives the run, not even a crashed one.
#include <cstdint>
#include <string>
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

 private:
  void flush();
  std::size_t read_at(char* dst, std::size_t size, std::uint64_t at, std::size_t need);
  int m_fd = -1;
  std::string m_dir;
  std::uint64_t m_size = 0;  // bytes appended, the buffered ones included
  std::string m_buffer;
  std::string m_read_buffer;
};

}  // namespace jamsos
