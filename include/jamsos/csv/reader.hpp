#pragma once
// The only code that reads CSV bytes (style.md: "all CSV readers/writers built in one
// place"). RFC 4180 as the contract asks: UTF-8 with or without BOM, `,` `;` or tab
// detected from the header line, LF or CRLF, quoted fields holding delimiters, `""` and
// newlines. Why our own state machine and not fast-cpp-csv-parser: docs/ARCHITECTURE.md.
//
// Decisions where the contract is silent (docs/ARCHITECTURE.md, "CSV reading and writing"):
// - a completely empty line outside quotes is skipped, not a record (it holds no data; a
//   one-column file writes an empty value as `""`, which Writer does);
// - a lone CR outside quotes ends a record like LF and CRLF (old Mac exports);
// - a field of exactly the form `="..."` (unquoted, as Writer's --excel writes a NIK) is
//   read as the text between the quotes;
// - one fault per record, the root cause first: quote, then field_count, then encoding;
// - a header with a quote or encoding fault, an empty header, or the same column name
//   twice stops the run (DataError): nothing after it could be read reliably.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace jamsos::csv {

enum class Encoding { utf8, cp1252 };  // cp1252 also serves `latin1` (a superset in 0x80-0x9F)

struct ReaderOptions {
  char delimiter = 0;                          // 0 = detect from the header line
  Encoding encoding = Encoding::utf8;
  std::size_t max_record_bytes = 1u << 20;     // --max-record-bytes: a longer record is an unterminated quote
  // Bytes asked of read(2) at a time. Memory stays within max_record_bytes + one block.
  // Tests set it tiny to put block edges everywhere; 0 = default (1 MiB).
  std::size_t read_block_bytes = 0;
  // false: every field is read by the general path, none by the plain-field fast path (the
  // tests and the fuzzer compare the two; nothing else sets it).
  bool plain_fast_path = true;
  // --audit: called with every block read(2) returned, in order, and once with an empty block
  // at the end of the input; null = off (no cost). Each Reader calls its own copy.
  std::function<void(std::string_view)> on_bytes;
};

// What is wrong with one record that does not spoil the rest of the file. `validate`
// makes such a row `invalid` with the same code; other commands stop with exit 65.
enum class RecordFault {
  none,
  field_count,  // more or fewer fields than the header
  quote,        // text after a closing quote, or a bare `"` inside an unquoted field
  encoding,     // bytes that are not UTF-8 (without --encoding cp1252)
};
const char* fault_code(RecordFault f);  // "field_count", "quote", "encoding"

struct Record {
  std::vector<std::string> fields;  // as many as the header; padded with "" / cut if field_count
  std::size_t line = 0;             // physical line (1-based) where the record starts
  std::size_t source = 0;           // index of the input file in a MultiReader
  RecordFault fault = RecordFault::none;
  std::size_t raw_field_count = 0;  // fields actually present (for the field_count message)
};

// "Nama Lengkap " -> "nama_lengkap": trim, lower-case, spaces and `-` to `_` (contract).
std::string normalize_header(std::string_view name);

// One input: a path, or "-" for stdin. Opening a missing/unreadable file throws
// InputError (66); an empty file (no header) or an unterminated quote throws DataError
// (65), each naming the file and line.
class Reader {
public:
  Reader(std::string path, const ReaderOptions& options);
  ~Reader();
  Reader(Reader&&) noexcept;
  Reader& operator=(Reader&&) noexcept;

  const std::string& path() const;           // as given; "-" for stdin
  const std::string& display_name() const;   // for messages and `asal`: the path, or "stdin"
  const std::vector<std::string>& header() const;  // normalised names
  char delimiter() const;
  // Index of a normalised column name, or -1.
  int column(std::string_view name) const;

  // Next record into `out` (its buffers reused); false at end of input.
  bool next(Record& out);

  // Only the columns marked true keep their text; the others come back empty. Every record
  // is still parsed whole, so its faults and lines are the same: a roster of five columns
  // read for its nik column copies a fifth of its bytes. Marks past the header are ignored;
  // a column with no mark is left out.
  void read_only(std::vector<bool> columns);

  // A regular file not being read yet gives back its descriptor and its block buffer, keeping
  // only what is left of its first read (at most 64 KiB); resume() reopens it where it was,
  // after checking it is still the same file (DataError 65 if it was replaced). Pipes and
  // stdin cannot be reopened: park() leaves them as they are; a file read to its end is closed
  // for good. MultiReader parks every input but the one it reads, so thousands of files fit
  // in the fd limit and in memory.
  void park();
  void resume();

  std::uint64_t bytes_read() const;
  std::uint64_t total_bytes() const;  // 0 when unknown (a pipe)

private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

// Several inputs read in turn as one table (contract, "Common rules"): the header is the
// union in first-seen order; each record is mapped onto it, missing cells empty.
// All files are opened (and their headers read) up front, so a missing third file
// fails before any output is written; then each waits parked (Reader::park) for its turn.
class MultiReader {
public:
  MultiReader(const std::vector<std::string>& paths, const ReaderOptions& options);
  ~MultiReader();

  const std::vector<std::string>& header() const;
  int column(std::string_view name) const;
  bool next(Record& out);  // out.source tells which input; out.fields follow header()
  // Only these columns (normalised names) keep their text, in every input; the others come
  // back empty (Reader::read_only). Names not in the header are ignored.
  void read_only(const std::vector<std::string>& names);
  const Reader& source(std::size_t index) const;
  std::size_t source_count() const;
  // "dinsos.csv:12" for a record.
  std::string location(const Record& r) const;

  std::uint64_t bytes_read() const;
  std::uint64_t total_bytes() const;  // 0 if any input is a pipe

private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

// For every command but validate, a faulty record stops the run (contract, "CSV
// conventions"): throws DataError (65) with FILE:LINE, what is wrong and how to fix it.
// Does nothing when r.fault is none.
void stop_on_faulty_record(const MultiReader& in, const Record& r);

// Throws DataError (65) naming the first missing column when any of `needed` is not
// in `header`: "dinsos.csv: kolom wajib tidak ada: penghasilan, kategori. ..."
void require_columns(const std::vector<std::string>& header, const std::vector<std::string>& needed,
                     std::string_view file_name);

}  // namespace jamsos::csv
