// Fuzzes csv::Reader, the only code that reads CSV bytes. The input lives in a memfd
// (memory, no disk) opened by its /proc/self/fd path, so the real open/read path runs
// without a memory-source constructor. The first byte picks the options: delimiter
// (detect , ; tab), encoding, and a read block of 1..32 bytes so block edges fall inside
// quotes, CRLFs, BOMs and UTF-8 sequences. Stopping with a jamsos::Error (65, 66, 74) is
// a correct answer; anything else escaping, a crash, or a broken invariant is a bug.
// An odd-sized input is read a second time parked (Reader::park, as MultiReader parks the
// inputs waiting their turn) after its header and between records, resumed explicitly or by
// the read itself: the records, faults, lines and error must be the same. It is also read
// with only some columns kept (Reader::read_only, picked by the input's size): the same
// faults, lines and error, the kept fields the same, the others empty. And it is read in one
// block with and without the plain-record fast path: the same again.
#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz_check.hpp"
#include "jamsos/core/errors.hpp"
#include "jamsos/csv/reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const unsigned control = data[0];
  ++data;
  --size;
  jamsos::csv::ReaderOptions options;
  const char delimiters[] = {0, ',', ';', '\t'};
  options.delimiter = delimiters[control & 3u];
  options.encoding = (control & 4u) != 0 ? jamsos::csv::Encoding::cp1252 : jamsos::csv::Encoding::utf8;
  options.read_block_bytes = 1 + (control >> 3);
  options.max_record_bytes = 4096;  // small, so the too-long path is reached too

  const int fd = ::memfd_create("fuzz.csv", MFD_CLOEXEC);
  JAMSOS_FUZZ_CHECK(fd >= 0);
  std::size_t written = 0;
  while (written < size) {
    const ssize_t n = ::write(fd, data + written, size - written);
    JAMSOS_FUZZ_CHECK(n > 0);
    written += static_cast<std::size_t>(n);
  }
  const std::string path = "/proc/self/fd/" + std::to_string(fd);
  // Reads the whole input, checking Reader's promises; returns what it read, ending with the
  // error message when a jamsos::Error stopped it.
  // Column i is kept when bit i % 16 of `kept` is set (0 = read_only not called); `shown`
  // likewise picks the fields written into the answer (0 = all).
  const auto read_all = [&](bool parking, unsigned kept, unsigned shown,
                            const jamsos::csv::ReaderOptions& opts) {
    std::vector<std::string> seen;
    try {
      jamsos::csv::Reader reader(path, opts);
      if (kept != 0) {
        std::vector<bool> columns;
        for (std::size_t i = 0; i < reader.header().size(); ++i) columns.push_back(((kept >> (i % 16)) & 1u) != 0);
        reader.read_only(columns);
      }
      const std::size_t columns = reader.header().size();
      JAMSOS_FUZZ_CHECK(columns > 0);
      for (std::size_t i = 0; i < columns; ++i)
        JAMSOS_FUZZ_CHECK(reader.column(reader.header()[i]) >= 0);
      if (parking) reader.park();
      jamsos::csv::Record record;
      std::size_t last_line = 0;
      for (std::size_t n = 0;; ++n) {
        if (parking && n % 3 == 0) reader.resume();  // else the read resumes by itself
        if (!reader.next(record)) break;
        if (parking && n % 2 == 0) reader.park();  // mid-file this must do nothing
        // Reader's promises: as many fields as the header, lines increase, and no field
        // can be longer than the record limit.
        JAMSOS_FUZZ_CHECK(record.fields.size() == columns);
        JAMSOS_FUZZ_CHECK(record.line > last_line);
        last_line = record.line;
        for (const auto& f : record.fields)
          // cp1252 -> UTF-8 turns one byte into at most three (the euro sign).
          JAMSOS_FUZZ_CHECK(f.size() <= opts.max_record_bytes * 3);
        if (record.fault == jamsos::csv::RecordFault::none) JAMSOS_FUZZ_CHECK(record.raw_field_count == columns);
        if (parking || (size & 1u) != 0) {
          seen.push_back(std::to_string(record.line) + ' ' + jamsos::csv::fault_code(record.fault) + ' ' +
                         std::to_string(record.raw_field_count));
          for (std::size_t i = 0; i < record.fields.size(); ++i) {
            if (kept != 0 && ((kept >> (i % 16)) & 1u) == 0) JAMSOS_FUZZ_CHECK(record.fields[i].empty());
            seen.push_back(shown == 0 || ((shown >> (i % 16)) & 1u) != 0 ? record.fields[i] : std::string());
          }
        }
      }
      JAMSOS_FUZZ_CHECK(reader.bytes_read() == size);
    } catch (const jamsos::Error& e) {
      // A stop with an exit code and a message: the documented answer to a bad file.
      seen.emplace_back(e.what());
    }
    return seen;
  };
  const auto plain = read_all(false, 0, 0, options);
  if ((size & 1u) != 0) {
    JAMSOS_FUZZ_CHECK(read_all(true, 0, 0, options) == plain);
    // A kept-column pattern from the size, so the corpus reaches many.
    const unsigned kept = static_cast<unsigned>((size * 2654435761u) >> 8) & 0xffffu;
    if (kept != 0) JAMSOS_FUZZ_CHECK(read_all(false, kept, kept, options) == read_all(false, 0, kept, options));
    // Whole records in one block, where the plain-record fast path takes them: the same as
    // field by field, with and without kept columns.
    auto one_block = options, field_by_field = options;
    one_block.read_block_bytes = field_by_field.read_block_bytes = size + 1;  // not 1 MiB: 25x fewer execs
    field_by_field.plain_fast_path = false;
    JAMSOS_FUZZ_CHECK(read_all(false, 0, 0, one_block) == read_all(false, 0, 0, field_by_field));
    if (kept != 0)
      JAMSOS_FUZZ_CHECK(read_all(false, kept, kept, one_block) == read_all(false, kept, kept, field_by_field));
  }
  ::close(fd);
  return 0;
}
