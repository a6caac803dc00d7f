// CSV reader: RFC 4180 as the contract's "CSV conventions" ask, as a state machine over
// read(2) blocks that copies each field straight into the caller's reused strings.
//
// Worked boundary: `a,"x""y` LF `z",c` LF is ONE record starting on line 1 with fields
// `a`, `x"y` LF `z`, `c`; the record after it starts on line 3. Were the closing quote
// missing, the run stops naming line 1, where the quote opened.
//
// Memory: fields hold at most max_record_bytes (checked at every block refill and at the
// end of each record), the buffer one block, so an unclosed quote in a 2 GB file costs
// max_record_bytes + one block, never the file.
#include "jamsos/csv/reader.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <string_view>
#include <unordered_map>

#include <algorithm>
#include <array>
#include <cerrno>
#include <climits>
#include <cstdint>
#include <cstring>
#include <vector>

#include "jamsos/core/errors.hpp"
#include "jamsos/core/i18n.hpp"
#include "jamsos/csv/encoding.hpp"
#include "jamsos/csv/scan.hpp"

namespace jamsos::csv {

namespace {

constexpr std::size_t kDefaultBlock = std::size_t{1} << 20;
// The header is gathered in reads this small: a MultiReader opens every input up front and
// parks all but the current one with what is left of this read (park()).
constexpr std::size_t kHeadBlock = std::size_t{64} << 10;

// Where a field stopped.
enum class Stop { delimiter, end_of_line, end_of_input };

// One fault per record, the root cause first: a misplaced quote also shifts the fields
// (field_count follows from it), and bad bytes say nothing about the structure.
int fault_rank(RecordFault f) {
  switch (f) {
    case RecordFault::quote: return 3;
    case RecordFault::field_count: return 2;
    case RecordFault::encoding: return 1;
    case RecordFault::none: break;
  }
  return 0;
}

void note_fault(RecordFault& current, RecordFault found) {
  if (fault_rank(found) > fault_rank(current)) current = found;
}

// The delimiter of the header line: the most frequent of `,` `;` tab outside quotes;
// ties and a one-column header go to `,`.
char detect_delimiter(std::string_view head) {
  std::size_t comma = 0, semicolon = 0, tab = 0;
  bool quoted = false;
  for (const char c : head) {
    if (c == '"') quoted = !quoted;  // `""` toggles twice: still right
    else if (quoted) continue;
    else if (c == '\n' || c == '\r') break;
    else if (c == ',') ++comma;
    else if (c == ';') ++semicolon;
    else if (c == '\t') ++tab;
  }
  if (semicolon > comma && semicolon >= tab) return ';';
  if (tab > comma && tab > semicolon) return '\t';
  return ',';
}

}  // namespace

struct Reader::Impl {
  std::string path;
  std::string display;
  ReaderOptions options;
  int fd = -1;
  bool owns_fd = false;  // stdin is not ours to close
  std::size_t block = kDefaultBlock;

  // Bytes being parsed: [p, end), with a '\n' sentinel at *end so that the scanning
  // loops need no bounds check. First the header text gathered at open, then `buffer`.
  std::string head;
  std::vector<char> buffer;
  const char* p = nullptr;
  const char* end = nullptr;
  bool at_eof = false;
  std::uint64_t bytes_read = 0;
  std::uint64_t total_bytes = 0;
  // park(): fd closed and buffer freed; resume() reopens at bytes_read after checking the
  // file is the same one (device and inode).
  bool regular = false;
  bool parked = false;
  dev_t device = 0;
  ino_t inode = 0;

  std::size_t line = 1;        // physical line of *p
  bool in_record = false;
  std::size_t record_line = 0;
  std::size_t quote_line = 0;  // line of the open quote while inside one, else 0
  const char* record_mark = nullptr;
  std::size_t record_bytes = 0;

  std::vector<std::string> header;
  char delimiter = ',';
  StopScanner unquoted_scan{',', '"', '\n', '\r'};  // set again once the delimiter is known
  StopScanner quoted_scan{'"', '\n', '"', '\n'};
  PlainFieldScanner plain_scan{','};  // set again once the delimiter is known
  bool field_non_ascii = false;  // the field being parsed has a byte >= 0x80
  // read_only(): the columns whose text is kept (empty = all). The others are still parsed
  // for their faults, but their text is copied only where a fault check needs it.
  std::vector<unsigned char> wanted;  // bytes, not vector<bool>: a bit test per field showed in callgrind
  bool field_dropped = false;  // a field not kept left out some of its bytes
  std::string skipped;  // what a field not kept copied
  std::string overflow;  // fields past the header's width: counted, not kept
  std::string scratch;

  Impl(std::string path_, const ReaderOptions& options_);
  ~Impl() {
    if (owns_fd) ::close(fd);
  }

  void open_input();
  void park();
  void resume();
  void read_head();
  std::size_t read_some(char* into, std::size_t size);
  bool refill();
  void read_header();

  bool parse(std::vector<std::string>& fields, bool grow, std::size_t& count, RecordFault& fault);
  bool parse_plain_fields(std::vector<std::string>& fields, std::size_t& count);
  template <bool Keep>
  [[gnu::always_inline]] Stop parse_unquoted(std::string& f, RecordFault& fault);
  template <bool Keep>
  Stop parse_quoted(std::string& f, RecordFault& fault);
  void skip_lf_after_cr();
  void finish_field(std::string& f, RecordFault& fault);
  void check_record_size();

  [[noreturn]] void throw_unterminated_quote() const;
  [[noreturn]] void throw_too_long() const;
};

Reader::Impl::Impl(std::string path_, const ReaderOptions& options_)
    : path(std::move(path_)), display(path == "-" ? "stdin" : path), options(options_) {
  if (options.read_block_bytes > 0) block = options.read_block_bytes;
  buffer.resize(block + 1 + kScanPadding);
  try {
    open_input();  // may throw after opening: a folder is 66
    read_head();
    delimiter = options.delimiter != 0 ? options.delimiter : detect_delimiter(head);
    unquoted_scan = StopScanner(delimiter, '"', '\n', '\r');
    plain_scan = PlainFieldScanner(delimiter);
    read_header();
  } catch (...) {
    // A constructor that throws runs no destructor: without this, every file stopped at its
    // header (empty, the same column twice, ...) kept its descriptor (found by the fuzzer).
    if (owns_fd) ::close(fd);
    throw;
  }
}

void Reader::Impl::open_input() {
  if (path == "-") {
    fd = 0;
  } else {
    do fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    while (fd < 0 && errno == EINTR);
    if (fd < 0) {
      const int err = errno;
      throw InputError(fmt::format(fmt::runtime(tr("tidak bisa membuka {}: {}. Periksa nama dan izin berkasnya.",
                                                   "cannot open {}: {}. Check the file name and its permissions.")),
                                   display, std::strerror(err)));
    }
    owns_fd = true;
  }
  struct stat st {};
  if (::fstat(fd, &st) == 0) {
    if (S_ISDIR(st.st_mode))
      throw InputError(fmt::format(fmt::runtime(tr("{} adalah folder, bukan berkas CSV. Sebutkan berkas di dalamnya.",
                                                   "{} is a folder, not a CSV file. Name a file inside it.")),
                                   display));
    if (S_ISREG(st.st_mode)) {
      total_bytes = static_cast<std::uint64_t>(st.st_size);
      regular = true;
      device = st.st_dev;
      inode = st.st_ino;
    }
  }
#ifdef POSIX_FADV_SEQUENTIAL
  if (total_bytes > 0) ::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
}

std::size_t Reader::Impl::read_some(char* into, std::size_t size) {
  for (;;) {
    const ssize_t n = ::read(fd, into, size);
    if (n >= 0) {
      bytes_read += static_cast<std::uint64_t>(n);
      if (options.on_bytes) options.on_bytes(std::string_view(into, static_cast<std::size_t>(n)));  // --audit
      return static_cast<std::size_t>(n);
    }
    if (errno == EINTR) continue;
    const int err = errno;
    if (err == EISDIR)
      throw InputError(fmt::format(fmt::runtime(tr("{} adalah folder, bukan berkas CSV. Sebutkan berkas di dalamnya.",
                                                   "{} is a folder, not a CSV file. Name a file inside it.")),
                                   display));
    throw IoError(fmt::format(fmt::runtime(tr("gagal membaca {} (sekitar baris {}): {}", "cannot read {} (near line {}): {}")),
                              display, line, std::strerror(err)));
  }
}

// Gathers the first line (up to its first newline outside quotes) so the delimiter can be
// detected on all of it and a BOM split over two reads is still seen. Bounded like a record.
void Reader::Impl::read_head() {
  bool quoted = false;
  std::size_t scanned = 0;
  for (;;) {
    const std::size_t n = read_some(buffer.data(), std::min(block, kHeadBlock));
    if (n == 0) {
      at_eof = true;
      break;
    }
    head.append(buffer.data(), n);
    bool complete = false;
    for (; scanned < head.size() && !complete; ++scanned) {
      const char c = head[scanned];
      if (c == '"') quoted = !quoted;
      else if (!quoted && (c == '\n' || c == '\r')) complete = true;
    }
    if (complete || head.size() > options.max_record_bytes) break;
  }
  std::size_t skip = 0;
  if (head.compare(0, 3, "\xEF\xBB\xBF") == 0) skip = 3;  // UTF-8 BOM (Excel's "CSV UTF-8")
  head.erase(0, skip);
  const std::size_t size = head.size();
  head.push_back('\n');  // sentinel
  head.append(kScanPadding, '\0');
  p = head.data();
  end = p + size;
}

bool Reader::Impl::refill() {
  if (in_record) {
    record_bytes += static_cast<std::size_t>(end - record_mark);
    if (record_bytes > options.max_record_bytes) throw_too_long();
  }
  if (at_eof) {
    p = end;
    return false;
  }
  if (parked) resume();  // only MultiReader parks, and resumes before reading; this is a guard
  const std::size_t n = read_some(buffer.data(), block);
  if (n == 0) at_eof = true;
  buffer[n] = '\n';  // sentinel
  p = buffer.data();
  end = p + n;
  record_mark = p;
  if (!head.empty()) std::string().swap(head);  // the header text is consumed
  return n > 0;
}

// A regular file waiting its turn holds no descriptor and no block buffer, only the rest of
// its header read (under kHeadBlock): a run over thousands of files stays within the fd limit
// and memory. Pipes and stdin cannot be reopened and stay as they are.
void Reader::Impl::park() {
  if (!regular || !owns_fd || parked) return;
  const bool finished = at_eof && p == end;
  if (!finished && head.empty()) return;  // mid-file: its unread bytes are in `buffer`
  ::close(fd);
  fd = -1;
  owns_fd = false;
  std::vector<char>().swap(buffer);
  if (finished) {  // read to the end: nothing to keep
    std::string().swap(head);
    p = end = nullptr;
    return;
  }
  parked = true;
}

void Reader::Impl::resume() {
  if (!parked) return;
  const dev_t was_device = device;
  const ino_t was_inode = inode;
  open_input();
  if (!regular || device != was_device || inode != was_inode) {
    throw DataError(fmt::format(fmt::runtime(tr("{} berubah selama jamsos membacanya (diganti atau dipindah). Jalankan "
                                                "lagi setelah berkasnya selesai disalin.",
                                                "{} changed while jamsos was reading it (replaced or moved). Run again "
                                                "once the file is fully copied.")),
                                display));
  }
  if (::lseek(fd, static_cast<off_t>(bytes_read), SEEK_SET) < 0) {
    const int err = errno;
    throw IoError(fmt::format(fmt::runtime(tr("gagal membaca {}: {}", "cannot read {}: {}")), display, std::strerror(err)));
  }
  buffer.resize(block + 1 + kScanPadding);
  parked = false;
}

void Reader::Impl::skip_lf_after_cr() {
  if (p == end && !refill()) return;
  if (*p == '\n') ++p;
}

void Reader::Impl::check_record_size() {
  if (record_bytes + static_cast<std::size_t>(p - record_mark) > options.max_record_bytes) throw_too_long();
}

// Only for fields with a byte >= 0x80 (the scanner noticed): ASCII is valid UTF-8 and CP1252.
void Reader::Impl::finish_field(std::string& f, RecordFault& fault) {
  if (options.encoding == Encoding::cp1252) {
    scratch.clear();
    append_cp1252_as_utf8(f, scratch);
    f.swap(scratch);
  } else if (!is_valid_utf8(f)) {
    note_fault(fault, RecordFault::encoding);
  }
}

// Keep = false (a column read_only() left out): the text is scanned all the same, for the
// record's faults and lines, and copied only where a check reads it: from its first byte
// >= 0x80 on (the UTF-8 check: only the ASCII before it is left out, which cannot change the
// verdict), at a block edge (a sequence split by it is copied whole), or up to a bare quote
// (the `="` test below, which also asks that nothing was left out).
template <bool Keep>
inline Stop Reader::Impl::parse_unquoted(std::string& f, RecordFault& fault) {
  for (;;) {
    const char* start = p;
    for (;;) {
      p = unquoted_scan.find(p);
      if (static_cast<unsigned char>(*p) < 0x80) break;
      field_non_ascii = true;
      ++p;
    }
    if (Keep || field_non_ascii || p == end || *p == '"') f.append(start, static_cast<std::size_t>(p - start));
    else field_dropped = field_dropped || p != start;
    if (p == end) {
      if (!refill()) return Stop::end_of_input;
      continue;
    }
    const char c = *p++;
    if (c == delimiter) return Stop::delimiter;
    if (c == '\n') {
      ++line;
      return Stop::end_of_line;
    }
    if (c == '\r') {
      skip_lf_after_cr();
      ++line;
      return Stop::end_of_line;
    }
    // c == '"'. `="...` is how --excel writes a NIK so that Excel keeps it as text: read
    // the text between the quotes. Any other bare quote is a fault confined to the record.
    if (!field_dropped && f.size() == 1 && f[0] == '=') {
      f.clear();
      return parse_quoted<Keep>(f, fault);
    }
    note_fault(fault, RecordFault::quote);
    f.push_back('"');
  }
}

// Called just after an opening quote. Keep: as parse_unquoted.
template <bool Keep>
Stop Reader::Impl::parse_quoted(std::string& f, RecordFault& fault) {
  quote_line = line;
  for (;;) {
    const char* start = p;
    for (;;) {
      p = quoted_scan.find(p);
      if (static_cast<unsigned char>(*p) < 0x80) break;
      field_non_ascii = true;
      ++p;
    }
    if (Keep || field_non_ascii || p == end) f.append(start, static_cast<std::size_t>(p - start));
    else field_dropped = field_dropped || p != start;
    if (p == end) {
      if (!refill()) throw_unterminated_quote();
      continue;
    }
    if (*p == '\n') {
      ++p, ++line;
      if (Keep || field_non_ascii) f.push_back('\n');  // `\xC3` LF `\xA9` must stay invalid
      else field_dropped = true;
      continue;
    }
    ++p;  // a closing quote, or the first of `""`
    if (p == end && !refill()) {
      quote_line = 0;
      return Stop::end_of_input;
    }
    if (*p != '"') break;
    if (Keep || field_non_ascii) f.push_back('"');
    else field_dropped = true;
    ++p;
  }
  quote_line = 0;
  const char c = *p;
  if (c == delimiter) {
    ++p;
    return Stop::delimiter;
  }
  if (c == '\n' || c == '\r') {
    ++p;
    if (c == '\r') skip_lf_after_cr();
    ++line;
    return Stop::end_of_line;
  }
  // `"abc"def`: text after the closing quote. Kept as `abcdef`, the record faulted.
  note_fault(fault, RecordFault::quote);
  return parse_unquoted<Keep>(f, fault);
}

// One record into `fields` (reused; grown only for the header). `count` = fields found.
bool Reader::Impl::parse(std::vector<std::string>& fields, bool grow, std::size_t& count, RecordFault& fault) {
  // Completely empty lines hold no data: skipped, not records (docs/ARCHITECTURE.md).
  for (;;) {
    if (p == end && !refill()) return false;
    if (*p == '\n') {
      ++p, ++line;
    } else if (*p == '\r') {
      ++p;
      skip_lf_after_cr();
      ++line;
    } else {
      break;
    }
  }
  in_record = true;
  record_line = line;
  record_mark = p;
  record_bytes = 0;
  fault = RecordFault::none;
  count = 0;
  const bool fast = !grow && options.plain_fast_path;
  for (;;) {
    if (fast && parse_plain_fields(fields, count)) {
      in_record = false;
      return true;
    }
    std::string* f;
    bool keep = true;
    if (count < fields.size()) {
      f = &fields[count];
      if (!wanted.empty() && !wanted[count]) {
        f->clear();  // left empty, as read_only() promises
        f = &skipped;
        keep = false;
      }
    } else if (grow) {
      f = &fields.emplace_back();
    } else {
      f = &overflow;
    }
    f->clear();
    field_non_ascii = false;
    field_dropped = false;
    ++count;
    Stop stop;
    if (p == end && !refill()) {
      stop = Stop::end_of_input;  // "a,b," at the very end: the last field is empty
    } else if (*p == '"') {
      ++p;
      stop = keep ? parse_quoted<true>(*f, fault) : parse_quoted<false>(*f, fault);
    } else {
      stop = keep ? parse_unquoted<true>(*f, fault) : parse_unquoted<false>(*f, fault);
    }
    if (field_non_ascii && f != &overflow) finish_field(*f, fault);
    if (stop != Stop::delimiter) break;
  }
  check_record_size();
  in_record = false;
  return true;
}

// The fast path, for the text nearly every field of an export is: no quote, CR or byte
// >= 0x80. From field `count` (p at its start), one pass of 16-byte compares finds the
// delimiters up to the first such byte (or the LF, or the block's end); the fields before it
// are copied whole and `count` grows by them. True when that ends the record (LF or CRLF in
// this block, the header's number of fields, within the record limit); else p is at the
// next field and parse() reads that one field by field (a quoted address, say), then comes
// back here. So the fields, faults and lines are those of the general path (the fuzzer and
// the unit tests compare the two).
bool Reader::Impl::parse_plain_fields(std::vector<std::string>& fields, std::size_t& count) {
  constexpr std::size_t kMaxFields = 64;
  const std::size_t width = fields.size();
  if (count >= width || width - count > kMaxFields) return false;
  std::array<std::uint32_t, kMaxFields> ends;  // where each field ends, from p
  std::size_t found = 0;
  const std::size_t room = width - count;      // fields this record has left
  std::size_t line_end = 0;  // 1 for LF, 2 for CRLF; 0 = the record is not done here
  // The record's bytes before p (earlier blocks too), as check_record_size counts them.
  const std::size_t before = record_bytes + static_cast<std::size_t>(p - record_mark);
  // False when a delimiter would make more fields than the header (field_count).
  const auto take = [&](unsigned delimiters, std::size_t offset) {
    for (; delimiters != 0; delimiters &= delimiters - 1) {
      if (found + 1 >= room) return false;
      ends[found++] = static_cast<std::uint32_t>(offset + static_cast<unsigned>(__builtin_ctz(delimiters)));
    }
    return true;
  };
  for (const char* q = p;; q += 16) {
    const std::size_t offset = static_cast<std::size_t>(q - p);
    if (before + offset > options.max_record_bytes || offset > UINT32_MAX - 16) break;
    const auto [delimiters, special] = plain_scan.classify16(q);
    if (special == 0) {
      if (!take(delimiters, offset)) break;
      continue;
    }
    const auto at = static_cast<unsigned>(__builtin_ctz(special));
    if (!take(delimiters & ((1u << at) - 1), offset)) break;
    // The record ends at LF or CRLF (Excel on Windows) inside this block, with the header's
    // number of fields and within the record limit (line end included). Anything else is for
    // the general path: a quote, a lone CR, a byte >= 0x80, the block's sentinel (the record
    // goes on), too few fields.
    std::size_t eol = 0;
    if (q[at] == '\r' && q[at + 1] == '\n' && q + at + 1 != end) eol = 2;
    else if (q[at] == '\n' && q + at != end) eol = 1;
    if (eol != 0 && found + 1 == room && before + offset + at + eol <= options.max_record_bytes) {
      ends[found++] = static_cast<std::uint32_t>(offset + at);
      line_end = eol;
    }
    break;
  }
  // These fields are done: their text is plain and ends before anything special.
  std::size_t start = 0;
  for (std::size_t i = 0; i < found; ++i) {
    std::string& f = fields[count + i];
    if (wanted.empty() || wanted[count + i] != 0) f.assign(p + start, ends[i] - start);
    else f.clear();
    start = ends[i] + 1;
  }
  count += found;
  if (line_end == 0) {
    p += start;  // at the field that is not plain
    return false;
  }
  p += ends[found - 1] + line_end;
  ++line;
  return true;
}

void Reader::Impl::read_header() {
  std::size_t count = 0;
  RecordFault fault = RecordFault::none;
  const bool found = parse(header, true, count, fault);
  bool any_name = false;
  for (auto& name : header) {
    name = normalize_header(name);
    any_name = any_name || !name.empty();
  }
  if (!found || !any_name)
    throw DataError(fmt::format(
        fmt::runtime(tr("{}:{}: berkas kosong, baris judul wajib ada. Baris pertama harus berisi nama kolom, "
                        "mis. nik,nama,tanggal_lahir.",
                        "{}:{}: the file is empty; a header row is required. The first line must hold the column "
                        "names, e.g. nik,nama,tanggal_lahir.")),
        display, found ? record_line : line));
  if (fault == RecordFault::quote)
    throw DataError(fmt::format(
        fmt::runtime(tr("{}:{}: tanda kutip salah di baris judul. Nama kolom yang berisi \" atau pemisah harus diapit "
                        "kutip, dan \" di dalamnya ditulis \"\".",
                        "{}:{}: a misplaced quote in the header row. A column name holding \" or the delimiter must "
                        "be quoted, and a \" inside it written \"\".")),
        display, record_line));
  if (fault == RecordFault::encoding)
    throw DataError(fmt::format(
        fmt::runtime(tr("{}:{}: baris judul bukan teks UTF-8; simpan ulang sebagai CSV UTF-8 atau pakai --encoding cp1252.",
                        "{}:{}: the header row is not UTF-8 text; save it again as CSV UTF-8 or use --encoding cp1252.")),
        display, record_line));
  // A hash map, not pairs: a hostile header of 100k names must not take minutes.
  std::unordered_map<std::string_view, std::size_t> first_at;
  first_at.reserve(header.size());
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (header[i].empty()) continue;
    const auto [at, fresh] = first_at.emplace(header[i], i);
    const std::size_t j = at->second;
    if (!fresh)
        throw DataError(fmt::format(
            fmt::runtime(tr("{}:{}: kolom '{}' ada dua kali di baris judul (kolom ke-{} dan ke-{}; nama dicocokkan "
                            "setelah huruf kecil, spasi dan - menjadi _). Ganti nama atau hapus salah satunya.",
                            "{}:{}: column '{}' appears twice in the header row (columns {} and {}; names match after "
                            "lower-casing, spaces and - becoming _). Rename or delete one of them.")),
            display, record_line, header[i], j + 1, i + 1));
  }
}

void Reader::Impl::throw_unterminated_quote() const {
  throw DataError(fmt::format(
      fmt::runtime(tr("{}:{}: tanda kutip yang dibuka di baris ini tidak pernah ditutup sampai akhir berkas. Tutup "
                      "tanda kutipnya (\" di dalam kolom berkutip ditulis \"\") atau periksa ekspornya.",
                      "{}:{}: a quote opened on this line is never closed before the end of the file. Close the "
                      "quote (a \" inside a quoted field is written \"\") or check the export.")),
      display, quote_line));
}

void Reader::Impl::throw_too_long() const {
  if (quote_line != 0)
    throw DataError(fmt::format(
        fmt::runtime(tr("{}:{}: tanda kutip yang dibuka di baris ini belum ditutup setelah {} byte. Tutup tanda "
                        "kutipnya, periksa ekspornya, atau naikkan --max-record-bytes bila satu baris data memang "
                        "sepanjang itu.",
                        "{}:{}: a quote opened on this line is still open after {} bytes. Close the quote, check the "
                        "export, or raise --max-record-bytes if one record really is that long.")),
        display, quote_line, options.max_record_bytes));
  throw DataError(fmt::format(
      fmt::runtime(tr("{}:{}: satu baris data lebih panjang dari {} byte. Periksa ekspornya, atau naikkan "
                      "--max-record-bytes bila memang sepanjang itu.",
                      "{}:{}: one record is longer than {} bytes. Check the export, or raise --max-record-bytes if "
                      "it really is that long.")),
      display, record_line, options.max_record_bytes));
}

Reader::Reader(std::string path, const ReaderOptions& options)
    : m_impl(std::make_unique<Impl>(std::move(path), options)) {}
Reader::~Reader() = default;
Reader::Reader(Reader&&) noexcept = default;
Reader& Reader::operator=(Reader&&) noexcept = default;

const std::string& Reader::path() const { return m_impl->path; }
const std::string& Reader::display_name() const { return m_impl->display; }
const std::vector<std::string>& Reader::header() const { return m_impl->header; }
char Reader::delimiter() const { return m_impl->delimiter; }

int Reader::column(std::string_view name) const {
  const auto& h = m_impl->header;
  for (std::size_t i = 0; i < h.size(); ++i)
    if (h[i] == name) return static_cast<int>(i);
  return -1;
}

bool Reader::next(Record& out) {
  Impl& r = *m_impl;
  const std::size_t width = r.header.size();
  out.fields.resize(width);
  std::size_t count = 0;
  if (!r.parse(out.fields, false, count, out.fault)) return false;
  for (std::size_t i = count; i < width; ++i) out.fields[i].clear();
  if (count != width) note_fault(out.fault, RecordFault::field_count);
  out.line = r.record_line;
  out.source = 0;
  out.raw_field_count = count;
  return true;
}

void Reader::read_only(std::vector<bool> columns) {
  columns.resize(m_impl->header.size(), false);
  m_impl->wanted.clear();
  if (std::find(columns.begin(), columns.end(), false) == columns.end()) return;  // all: the plain path
  m_impl->wanted.assign(columns.begin(), columns.end());
}

void Reader::park() { m_impl->park(); }
void Reader::resume() { m_impl->resume(); }

std::uint64_t Reader::bytes_read() const { return m_impl->bytes_read; }
std::uint64_t Reader::total_bytes() const { return m_impl->total_bytes; }

}  // namespace jamsos::csv
