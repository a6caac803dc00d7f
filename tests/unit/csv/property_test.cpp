// Seeded randomized properties of the CSV layer:
// - any table of nasty fields, written by Writer (plain and --excel) or by an independent
//   reference encoder (`,` `;` tab; LF, CRLF or CR; random extra quoting; BOM or not),
//   reads back equal, whatever the read block size (block edges land everywhere);
// - random byte soup never crashes or hangs the Reader, gives the same result for every
//   block size, and only ever stops with DataError (65);
// - an unclosed quote in a large file stops within max_record_bytes + a block or two.
#include <catch2/catch.hpp>

#include <random>

#include "csv_test_util.hpp"
#include "jamsos/core/errors.hpp"
#include "jamsos/csv/reader.hpp"
#include "jamsos/csv/writer.hpp"

using namespace jamsos;
using namespace jamsos::csv;
using namespace jamsos::csv::test;

namespace {

using Rng = std::mt19937_64;

std::size_t pick(Rng& rng, std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); }

// Pieces that break careless CSV code; fields are 0-4 of them glued together.
const std::vector<std::string> kPieces = {
    "",   " ",  "a",  "Ani", ",",  ";",  "\t", "\"", "\"\"", "\r",  "\n",   "\r\n", "=",
    "=\"", "6471010101900001", "0812", "3.701.508,68", "\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80",
    "Jl. Mawar, RT 03", "x\"y", "'", "\\",
};

std::string random_field(Rng& rng) {
  std::string f;
  const std::size_t n = pick(rng, 5);
  for (std::size_t i = 0; i < n; ++i) f += kPieces[pick(rng, kPieces.size())];
  return f;
}

Rows random_rows(Rng& rng, std::size_t columns) {
  Rows rows;
  const std::size_t n = pick(rng, 9);
  for (std::size_t r = 0; r < n; ++r) {
    std::vector<std::string> row;
    for (std::size_t c = 0; c < columns; ++c) row.push_back(random_field(rng));
    rows.push_back(row);
  }
  return rows;
}

std::vector<std::string> header_of(std::size_t columns) {
  std::vector<std::string> h;
  for (std::size_t c = 0; c < columns; ++c) h.push_back("c" + std::to_string(c));
  return h;
}

// An RFC 4180 encoder written apart from Writer: quotes what must be, and at random more.
std::string reference_encode(Rng& rng, const Rows& rows, char delimiter, const std::string& eol, bool bom) {
  std::string out = bom ? "\xEF\xBB\xBF" : "";
  for (const auto& row : rows) {
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (c > 0) out += delimiter;
      const std::string& f = row[c];
      const bool must = f.find_first_of(std::string("\"\r\n") + delimiter) != std::string::npos ||
                        (row.size() == 1 && f.empty());
      if (must || pick(rng, 4) == 0) {
        out += '"';
        for (const char ch : f) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
        out += '"';
      } else {
        out += f;
      }
    }
    out += eol;
  }
  return out;
}

ReaderOptions random_options(Rng& rng) {
  ReaderOptions o;
  const std::size_t blocks[] = {1, 2, 3, 5, 7, 16, 64, 0};
  o.read_block_bytes = blocks[pick(rng, std::size(blocks))];
  return o;
}

void check_round_trip(const Table& t, const std::vector<std::string>& header, const Rows& rows) {
  REQUIRE(t.header == header);
  REQUIRE(t.records.size() == rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    INFO("record " << i);
    CHECK(t.records[i].fields == rows[i]);
    CHECK(t.records[i].fault == RecordFault::none);
  }
}

}  // namespace

// --excel puts a ' before a text cell a spreadsheet would run as a formula; it stays when read back.
std::string as_excel_reads_back(const std::string& field) {
  if (field.empty()) return field;
  const char c = field[0];
  bool formula = c == '=' || c == '@' || c == '\t' || c == '\r';
  if (c == '+' || c == '-') {
    bool number = field.size() >= 2, digit = false, separator = false;
    for (std::size_t i = 1; number && i < field.size(); ++i) {
      if (field[i] >= '0' && field[i] <= '9') digit = true;
      else if ((field[i] == '.' || field[i] == ',') && !separator) separator = true;
      else number = false;
    }
    formula = !(number && digit);
  }
  return formula ? "'" + field : field;
}

TEST_CASE("csv property: Writer output reads back equal", "[csv][property]") {
  TempDir dir;
  Rng rng(20250815);
  for (int round = 0; round < 3000; ++round) {
    const bool excel = round % 2 == 1;
    const std::size_t columns = 1 + pick(rng, 5);
    const auto header = header_of(columns);
    const Rows rows = random_rows(rng, columns);
    const std::string path = dir.at("w.csv");
    {
      Output out(path);
      Writer w(out, WriterOptions{excel});
      w.write_row(header);
      for (const auto& row : rows) w.write_row(row);
      out.commit();
    }
    ReaderOptions o = random_options(rng);
    if (columns == 1) o.delimiter = excel ? ';' : ',';  // one column: nothing to detect
    INFO("round " << round << " excel " << excel << " block " << o.read_block_bytes);
    const Table t = read_table(path, o);
    CHECK(t.records.size() == rows.size());
    Rows expected = rows;
    if (excel)
      for (auto& row : expected)
        for (auto& field : row) field = as_excel_reads_back(field);
    check_round_trip(t, header, expected);
  }
}

TEST_CASE("csv property: every delimiter, line ending and quoting reads back equal", "[csv][property]") {
  TempDir dir;
  Rng rng(64710101);
  const char delimiters[] = {',', ';', '\t'};
  const std::string eols[] = {"\n", "\r\n", "\r"};
  for (int round = 0; round < 3000; ++round) {
    const char delimiter = delimiters[round % 3];
    const std::string& eol = eols[pick(rng, 3)];
    const std::size_t columns = 1 + pick(rng, 5);
    const auto header = header_of(columns);
    Rows all{header};
    const Rows rows = random_rows(rng, columns);
    all.insert(all.end(), rows.begin(), rows.end());
    const std::string path = dir.file("r.csv", reference_encode(rng, all, delimiter, eol, pick(rng, 2) == 0));
    ReaderOptions o = random_options(rng);
    if (columns == 1) o.delimiter = delimiter;
    INFO("round " << round << " delimiter " << int(delimiter) << " eol " << eol.size() << " block "
                  << o.read_block_bytes);
    const Table t = read_table(path, o);
    CHECK(t.records.size() == rows.size());
    check_round_trip(t, header, rows);
  }
}

TEST_CASE("csv property: byte soup never crashes and does not depend on block size", "[csv][property]") {
  TempDir dir;
  Rng rng(3701508);
  const std::string alphabet[] = {"\"", ",", ";", "\t", "\r", "\n", "=", "a", "b", " ", "\xE9", "\xC3", "\xA9",
                                  "\xEF\xBB\xBF", "\"\"", "0", "\xFF"};
  for (int round = 0; round < 2000; ++round) {
    std::string soup;
    const std::size_t n = pick(rng, 120);
    for (std::size_t i = 0; i < n; ++i) soup += alphabet[pick(rng, std::size(alphabet))];
    const std::string path = dir.file("soup.csv", soup);

    const auto outcome = [&](ReaderOptions o) {
      std::string result;
      try {
        Reader reader(path, o);
        for (const auto& h : reader.header()) result += "[" + h + "]";
        Record r;
        std::size_t last_line = 1;
        while (reader.next(r)) {
          REQUIRE(r.fields.size() == reader.header().size());
          REQUIRE(r.line > last_line);  // records start on later lines
          last_line = r.line;
          result += "\n" + std::to_string(r.line) + ":" + fault_code(r.fault) + ":";
          for (const auto& f : r.fields) result += "[" + f + "]";
        }
      } catch (const DataError& e) {
        result += std::string("\nDataError ") + e.what();
      }
      return result;
    };
    INFO("round " << round);
    ReaderOptions whole;
    ReaderOptions tiny = random_options(rng);
    ReaderOptions cp = tiny;
    cp.encoding = Encoding::cp1252;
    CHECK(outcome(whole) == outcome(tiny));
    CHECK_NOTHROW(outcome(cp));
  }
}

TEST_CASE("csv property: an unclosed quote costs at most max_record_bytes plus a block", "[csv][property]") {
  TempDir dir;
  std::string big = "nik,alamat\n1,\"never closed\n";
  const std::string line = "6471010101900001,Jl. Mawar 3\n";
  while (big.size() < (12u << 20)) big += line;
  const std::string path = dir.file("big.csv", big);
  ReaderOptions o;
  o.max_record_bytes = 1u << 20;
  Reader reader(path, o);
  Record r;
  CHECK_THROWS_WITH(reader.next(r), Catch::Contains("big.csv:2") && Catch::Contains("--max-record-bytes"));
  CHECK(reader.bytes_read() <= o.max_record_bytes + 2 * (1u << 20));
}
