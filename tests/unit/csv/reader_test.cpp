// Reader against the contract's "CSV conventions", one SECTION per case.
#include <catch2/catch.hpp>

#include <filesystem>
#include <functional>
#include <iterator>
#include <random>

#include "csv_test_util.hpp"
#include "jamsos/core/errors.hpp"
#include "jamsos/core/i18n.hpp"
#include "jamsos/csv/reader.hpp"
#include "jamsos/csv/scan.hpp"

using namespace jamsos;
using namespace jamsos::csv;
using namespace jamsos::csv::test;

namespace {

// The error a call throws, as (exit code, message); code 0 if it throws none.
std::pair<int, std::string> error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return {static_cast<int>(e.code()), e.what()};
  }
  return {0, ""};
}

}  // namespace

TEST_CASE("csv::Reader basic shapes", "[csv][reader]") {
  TempDir dir;

  SECTION("UTF-8 BOM is not part of the first column name") {
    const Table t = parse(dir, "\xEF\xBB\xBFnik,nama\n1,Ani\n");
    CHECK(t.header == std::vector<std::string>{"nik", "nama"});
    CHECK(rows_of(t) == Rows{{"1", "Ani"}});
  }
  SECTION("comma, semicolon and tab are detected from the header line") {
    for (const char d : {',', ';', '\t'}) {
      const std::string s = std::string("a") + d + "b" + d + "c\n1" + d + "2" + d + "3\n";
      Reader r(dir.file("d.csv", s), {});
      CHECK(r.delimiter() == d);
      CHECK(rows_of(read_table(dir.at("d.csv"))) == Rows{{"1", "2", "3"}});
    }
  }
  SECTION("detection counts only delimiters outside quotes") {
    // The header's quoted name holds two commas; the separator is `;`.
    const Table t = parse(dir, "\"nama, lengkap, gelar\";nik\nAni;1\n");
    CHECK(t.header == std::vector<std::string>{"nama,_lengkap,_gelar", "nik"});
    CHECK(rows_of(t) == Rows{{"Ani", "1"}});
  }
  SECTION("the delimiter option overrides detection") {
    ReaderOptions o;
    o.delimiter = ';';
    const Table t = parse(dir, "a,b;c\n1,2;3\n", o);
    CHECK(t.header == std::vector<std::string>{"a,b", "c"});
  }
  SECTION("CRLF, LF and a lone CR all end records") {
    CHECK(rows_of(parse(dir, "a,b\r\n1,2\r\n3,4\r\n")) == Rows{{"1", "2"}, {"3", "4"}});
    CHECK(rows_of(parse(dir, "a,b\r1,2\r3,4\r")) == Rows{{"1", "2"}, {"3", "4"}});
    CHECK(rows_of(parse(dir, "a,b\n1,2\n3,4")) == Rows{{"1", "2"}, {"3", "4"}});  // no final newline
  }
  SECTION("quoted fields hold the delimiter, doubled quotes and newlines") {
    const Table t = parse(dir, "a,b,c\n\"x,y\",\"say \"\"hi\"\"\",\"line1\nline2\"\n\"\",\"\"\"\",z\n");
    CHECK(rows_of(t) == Rows{{"x,y", "say \"hi\"", "line1\nline2"}, {"", "\"", "z"}});
    CHECK(t.records[0].fault == RecordFault::none);
  }
  SECTION("a CRLF inside quotes is kept as written") {
    CHECK(rows_of(parse(dir, "a\r\n\"1\r\n2\"\r\n")) == Rows{{"1\r\n2"}});
  }
  SECTION("a trailing delimiter at the very end is an empty last field") {
    CHECK(rows_of(parse(dir, "a,b\n1,")) == Rows{{"1", ""}});
  }
}

TEST_CASE("csv::Reader blank lines and line numbers", "[csv][reader]") {
  TempDir dir;

  SECTION("a blank line at the very end is not a record") {
    CHECK(parse(dir, "a,b\n1,2\n\n").records.size() == 1);
    CHECK(parse(dir, "a,b\r\n1,2\r\n\r\n").records.size() == 1);
  }
  SECTION("completely empty lines in the middle are skipped; line numbers stay physical") {
    const Table t = parse(dir, "a,b\n1,2\n\n\r\n3,4\n");
    REQUIRE(t.records.size() == 2);
    CHECK(t.records[0].line == 2);
    CHECK(t.records[1].line == 5);
  }
  SECTION("a line of delimiters or spaces is a record, not a blank line") {
    const Table t = parse(dir, "a,b\n,\n \n");
    REQUIRE(t.records.size() == 2);
    CHECK(t.records[0].fields == std::vector<std::string>{"", ""});
    CHECK(t.records[0].fault == RecordFault::none);
    CHECK(t.records[1].fault == RecordFault::field_count);
  }
  SECTION("one-column file: an empty value is written \"\" and read back") {
    CHECK(rows_of(parse(dir, "a\n\"\"\nx\n")) == Rows{{""}, {"x"}});
  }
  SECTION("line is where a record starts, counted after multi-line records") {
    const Table t = parse(dir, "a,b\n1,\"x\ny\nz\"\n2,w\n\"p\r\nq\",3\n4,5\n");
    REQUIRE(t.records.size() == 4);
    CHECK(t.records[0].line == 2);
    CHECK(t.records[1].line == 5);
    CHECK(t.records[2].line == 6);
    CHECK(t.records[3].line == 8);
  }
  SECTION("the header's line counts as line 1 even with a BOM") {
    CHECK(parse(dir, "\xEF\xBB\xBFnik\n1\n").records.at(0).line == 2);
  }
}

TEST_CASE("csv::Reader record faults stay in their record", "[csv][reader]") {
  TempDir dir;

  SECTION("ragged rows: padded or cut to the header, field_count, raw count kept") {
    const Table t = parse(dir, "a,b,c\n1,2\n1,2,3,4\n5,6,7\n");
    REQUIRE(t.records.size() == 3);
    CHECK(t.records[0].fields == std::vector<std::string>{"1", "2", ""});
    CHECK(t.records[0].fault == RecordFault::field_count);
    CHECK(t.records[0].raw_field_count == 2);
    CHECK(t.records[1].fields == std::vector<std::string>{"1", "2", "3"});
    CHECK(t.records[1].raw_field_count == 4);
    CHECK(t.records[2].fault == RecordFault::none);
  }
  SECTION("text after a closing quote") {
    const Table t = parse(dir, "a,b\n\"abc\"def,2\nok,3\n");
    CHECK(t.records[0].fault == RecordFault::quote);
    CHECK(t.records[0].fields[0] == "abcdef");
    CHECK(t.records[1].fault == RecordFault::none);
  }
  SECTION("a bare quote inside an unquoted field") {
    const Table t = parse(dir, "a,b\nab\"c,2\nok,3\n");
    CHECK(t.records[0].fault == RecordFault::quote);
    CHECK(t.records[0].fields == std::vector<std::string>{"ab\"c", "2"});
    CHECK(t.records[1].fault == RecordFault::none);
  }
  SECTION("a quote fault outranks the field count it causes") {
    CHECK(parse(dir, "a,b,c\nx\"y,2\n").records[0].fault == RecordFault::quote);
  }
  SECTION("invalid UTF-8 is an encoding fault of that record only") {
    const Table t = parse(dir, "nama,kota\nJos\xE9,Balikpapan\nAni,Balikpapan\n\xC3\xA9,\xF0\x9F\x98\x80\n");
    CHECK(t.records[0].fault == RecordFault::encoding);
    CHECK(t.records[1].fault == RecordFault::none);
    CHECK(t.records[2].fault == RecordFault::none);  // é and an emoji are fine
    CHECK(t.records[2].fields[1] == "\xF0\x9F\x98\x80");
  }
  SECTION("overlong forms and surrogates are not UTF-8") {
    CHECK(parse(dir, "a\n\xC0\xAF\n").records[0].fault == RecordFault::encoding);
    CHECK(parse(dir, "a\n\xED\xA0\x80\n").records[0].fault == RecordFault::encoding);
    CHECK(parse(dir, "a\n\xF4\x90\x80\x80\n").records[0].fault == RecordFault::encoding);
  }
  SECTION("fault codes") {
    CHECK(std::string(fault_code(RecordFault::field_count)) == "field_count");
    CHECK(std::string(fault_code(RecordFault::quote)) == "quote");
    CHECK(std::string(fault_code(RecordFault::encoding)) == "encoding");
  }
}

TEST_CASE("csv::Reader encodings", "[csv][reader]") {
  TempDir dir;
  ReaderOptions cp;
  cp.encoding = Encoding::cp1252;

  SECTION("cp1252: 0xE9 is é and 0x80 is the euro sign") {
    const Table t = parse(dir, "nama,harga\nJos\xE9,\x80 5\n", cp);
    CHECK(t.records[0].fault == RecordFault::none);
    CHECK(t.records[0].fields == std::vector<std::string>{"Jos\xC3\xA9", "\xE2\x82\xAC 5"});
  }
  SECTION("cp1252 header names are converted too") {
    CHECK(parse(dir, "Caf\xE9\n1\n", cp).header == std::vector<std::string>{"caf\xC3\xA9"});
  }
  SECTION("cp1252 still drops a UTF-8 BOM") {
    CHECK(parse(dir, "\xEF\xBB\xBFnik\n1\n", cp).header == std::vector<std::string>{"nik"});
  }
}

TEST_CASE("csv::normalize_header", "[csv][reader]") {
  CHECK(normalize_header(" Tanggal-Lahir ") == "tanggal_lahir");
  CHECK(normalize_header("No KK") == "no_kk");
  CHECK(normalize_header("NIK") == "nik");
  CHECK(normalize_header("\tPunya BPJSTK\r") == "punya_bpjstk");
  CHECK(normalize_header("") == "");
  TempDir dir;
  const Table t = parse(dir, "NIK;Nama Lengkap;Tanggal-Lahir\n1;2;3\n");
  CHECK(t.header == std::vector<std::string>{"nik", "nama_lengkap", "tanggal_lahir"});
  Reader r(dir.at("in.csv"), {});
  CHECK(r.column("nama_lengkap") == 1);
  CHECK(r.column("nama") == -1);
}

TEST_CASE("csv::Reader Excel's =\"...\" text form", "[csv][reader]") {
  TempDir dir;
  SECTION("an unquoted =\"digits\" field reads as the digits") {
    const Table t = parse(dir, "nik;nama\r\n=\"6471010101900001\";Ani\r\n");
    CHECK(t.records[0].fields == std::vector<std::string>{"6471010101900001", "Ani"});
    CHECK(t.records[0].fault == RecordFault::none);
  }
  SECTION("a quoted field whose text is =\"x\" stays as written") {
    CHECK(parse(dir, "a\n\"=\"\"x\"\"\"\n").records[0].fields[0] == "=\"x\"");
  }
  SECTION("other formulas with quotes are a quote fault") {
    CHECK(parse(dir, "a\n=HYPERLINK(\"x\")\n").records[0].fault == RecordFault::quote);
  }
}

TEST_CASE("csv::Reader errors that stop the run", "[csv][reader]") {
  TempDir dir;

  SECTION("empty file: 65, header required") {
    const auto [code, msg] = error_of([&] { Reader r(dir.file("e.csv", ""), {}); });
    CHECK(code == 65);
    CHECK_THAT(msg, Catch::Contains("e.csv:1") && Catch::Contains("berkas kosong, baris judul wajib ada"));
  }
  SECTION("a file of blank lines or only a BOM is empty too") {
    CHECK(error_of([&] { Reader r(dir.file("e.csv", "\n\r\n\n"), {}); }).first == 65);
    CHECK(error_of([&] { Reader r(dir.file("e.csv", "\xEF\xBB\xBF"), {}); }).first == 65);
  }
  SECTION("the message follows --lang en") {
    set_lang(Lang::en);
    const auto [code, msg] = error_of([&] { Reader r(dir.file("e.csv", ""), {}); });
    set_lang(Lang::id);
    CHECK_THAT(msg, Catch::Contains("header row is required"));
  }
  SECTION("missing file and folder: 66 naming them") {
    const auto [code, msg] = error_of([&] { Reader r(dir.at("nope.csv"), {}); });
    CHECK(code == 66);
    CHECK_THAT(msg, Catch::Contains("nope.csv"));
    const auto [code2, msg2] = error_of([&] { Reader r(dir.path(), {}); });
    CHECK(code2 == 66);
    CHECK_THAT(msg2, Catch::Contains("folder"));
  }
  SECTION("a quote never closed before EOF: 65 naming the line it opened") {
    const auto [code, msg] = error_of([&] { read_table(dir.file("q.csv", "a,b\n1,2\n3,\"open\n4,5\n6,7\n")); });
    CHECK(code == 65);
    CHECK_THAT(msg, Catch::Contains("q.csv:3") && Catch::Contains("tidak pernah ditutup"));
  }
  SECTION("a quote never closed before max_record_bytes: 65 naming the line it opened") {
    ReaderOptions o;
    o.max_record_bytes = 64;
    o.read_block_bytes = 16;
    std::string s = "a,b\n1,2\n3,\"open";
    for (int i = 0; i < 1000; ++i) s += "\n4,5";
    const auto [code, msg] = error_of([&] { read_table(dir.file("q.csv", s), o); });
    CHECK(code == 65);
    CHECK_THAT(msg, Catch::Contains("q.csv:3") && Catch::Contains("--max-record-bytes"));
  }
  SECTION("a record longer than max_record_bytes without quotes: 65") {
    ReaderOptions o;
    o.max_record_bytes = 64;
    const auto [code, msg] = error_of([&] { read_table(dir.file("l.csv", "a\nshort\n" + std::string(200, 'x') + "\n"), o); });
    CHECK(code == 65);
    CHECK_THAT(msg, Catch::Contains("l.csv:3") && Catch::Contains("64"));
    CHECK(read_table(dir.file("ok.csv", "a\n" + std::string(60, 'x') + "\n"), o).records.size() == 1);
  }
  SECTION("a broken header: quote fault, bad bytes, a name twice") {
    CHECK(error_of([&] { Reader r(dir.file("h.csv", "a,b\"c\n1,2\n"), {}); }).first == 65);
    CHECK_THAT(error_of([&] { Reader r(dir.file("h.csv", "nik,n\xE9ma\n1,2\n"), {}); }).second,
               Catch::Contains("--encoding cp1252"));
    const auto [code, msg] = error_of([&] { Reader r(dir.file("h.csv", "nik,Nama,NIK\n"), {}); });
    CHECK(code == 65);
    CHECK_THAT(msg, Catch::Contains("'nik'") && Catch::Contains("h.csv:1"));
  }
  SECTION("nameless columns may repeat (trailing delimiters of spreadsheet exports)") {
    CHECK(parse(dir, "nik,nama,,\n1,2,,\n").header == std::vector<std::string>{"nik", "nama", "", ""});
  }
}

TEST_CASE("csv::Reader progress counters", "[csv][reader]") {
  TempDir dir;
  const std::string s = "a,b\n1,2\n3,4\n";
  Reader r(dir.file("p.csv", s), {});
  CHECK(r.total_bytes() == s.size());
  Record rec;
  while (r.next(rec)) {
  }
  CHECK(r.bytes_read() == s.size());
  CHECK(r.path() == dir.at("p.csv"));
  CHECK(r.display_name() == dir.at("p.csv"));
}

TEST_CASE("csv::Reader reuses its field buffers", "[csv][reader]") {
  TempDir dir;
  Reader r(dir.file("r.csv", "a,b\nlong value here number one,x\ny,z\n"), {});
  Record rec;
  REQUIRE(r.next(rec));
  const std::size_t capacity = rec.fields[0].capacity();
  REQUIRE(r.next(rec));
  CHECK(rec.fields[0] == "y");
  CHECK(rec.fields[0].capacity() == capacity);  // no new allocation for the shorter field
}

// A constructor that throws runs no destructor: the descriptor must be closed on the way out
// (the fuzzer ran out of descriptors after thousands of files stopped at their header).
TEST_CASE("csv::Reader keeps no descriptor when it stops at the header", "[csv][reader]") {
  const auto open_fds = [] {
    return std::distance(std::filesystem::directory_iterator("/proc/self/fd"), std::filesystem::directory_iterator{});
  };
  TempDir dir;
  const auto empty = dir.file("kosong.csv", "");
  const auto twice = dir.file("ganda.csv", "nik,NIK\n1,2\n");
  const auto before = open_fds();
  for (int i = 0; i < 20; ++i) {
    CHECK_THROWS_AS(Reader(empty, {}), DataError);
    CHECK_THROWS_AS(Reader(twice, {}), DataError);
    CHECK_THROWS_AS(Reader(dir.path(), {}), InputError);  // a folder: opened, then refused
  }
  CHECK(open_fds() == before);
}

// read_only: the roster's other columns are parsed for their faults but not copied.
TEST_CASE("csv::Reader read_only keeps the asked columns, and every fault", "[csv][reader]") {
  TempDir dir;
  const auto read_kept = [&](const std::string& bytes, std::vector<bool> kept, std::size_t block = 0) {
    ReaderOptions options;
    options.read_block_bytes = block;
    Reader reader(dir.file("k.csv", bytes), options);
    reader.read_only(std::move(kept));
    std::vector<std::string> seen;
    Record r;
    while (reader.next(r)) {
      const std::string fault = r.fault == RecordFault::none ? "none" : fault_code(r.fault);
      seen.push_back(std::to_string(r.line) + ' ' + fault + ' ' + std::to_string(r.raw_field_count));
      seen.insert(seen.end(), r.fields.begin(), r.fields.end());
    }
    return seen;
  };
  using Seen = std::vector<std::string>;

  SECTION("left-out columns come back empty; lines and field counts are the same") {
    const std::string csv = "nik,nama,alamat\n1,Ani,\"Jl. A\nRT 1\"\n2,Budi,Jl. B\n";
    CHECK(read_kept(csv, {true, false, false}) == Seen{"2 none 3", "1", "", "", "4 none 3", "2", "", ""});
    CHECK(read_kept(csv, {false, false, true}) == Seen{"2 none 3", "", "", "Jl. A\nRT 1", "4 none 3", "", "", "Jl. B"});
  }
  SECTION("a column with no mark is left out; all marked is the plain read") {
    CHECK(read_kept("a,b\n1,2\n", {true}) == Seen{"2 none 2", "1", ""});
    CHECK(read_kept("a,b\n1,2\n", {true, true}) == Seen{"2 none 2", "1", "2"});
  }
  SECTION("faults in left-out columns are still found") {
    // Bad UTF-8, after ASCII that is not copied and across a block edge.
    CHECK(read_kept("a,b\n1,abc\xC3(\n", {true, false}) == Seen{"2 encoding 2", "1", ""});
    CHECK(read_kept("a,b\n1,abcdefgh\xC3\xA9z\xC3\n", {true, false}, 3) == Seen{"2 encoding 2", "1", ""});
    CHECK(read_kept("a,b\n1,abc\xC3\xA9\n", {true, false}, 3) == Seen{"2 none 2", "1", ""});
    // A quote, a missing field, one too many.
    CHECK(read_kept("a,b\n1,x\"y\n", {true, false}) == Seen{"2 quote 2", "1", ""});
    CHECK(read_kept("a,b\n1\n", {true, false}) == Seen{"2 field_count 1", "1", ""});
    CHECK(read_kept("a,b\n1,2,3\n", {true, false}) == Seen{"2 field_count 3", "1", ""});
    // A quoted `"` LF between the two bytes of a sequence keeps it invalid.
    CHECK(read_kept("a,b\n1,\"\xC3\"\"\xA9\"\n", {true, false}) == Seen{"2 encoding 2", "1", ""});
    CHECK(read_kept("a,b\n1,\"\xC3\n\xA9\"\n", {true, false}) == Seen{"2 encoding 2", "1", ""});
  }
  SECTION("Excel's =\"...\" form splits a left-out field as it splits a kept one") {
    // `="x,y"` is one field; `ab="x,y"` is a bare quote, and the comma inside splits it.
    for (const bool keep : {true, false}) {
      const Seen excel = read_kept("a,b\n=\"x,y\",1\n", {keep, true});
      CHECK(excel == Seen{"2 none 2", keep ? "x,y" : "", "1"});
      const Seen bare = read_kept("a,b\nab=\"x,y\",1\n", {keep, true});
      CHECK(bare.front() == "2 quote 3");
      const Seen after_quoted = read_kept("a,b\n\"ab\"=\"x,y\",1\n", {keep, true});
      CHECK(after_quoted.front() == "2 quote 3");
    }
  }
}

// The plain-record fast path (one SIMD pass per record) must read exactly what the field by
// field path reads: the same fields, faults, lines, and the same stop.
TEST_CASE("csv::Reader fast path reads as field by field", "[csv][reader]") {
  TempDir dir;
  const auto read_with = [&](const std::string& bytes, bool fast, std::size_t max_record, std::size_t block = 0) {
    ReaderOptions options;
    options.plain_fast_path = fast;
    options.max_record_bytes = max_record;
    options.read_block_bytes = block;
    std::vector<std::string> seen;
    try {
      Reader reader(dir.file("f.csv", bytes), options);
      Record r;
      while (reader.next(r)) {
        seen.push_back(std::to_string(r.line) + ' ' + fault_code(r.fault) + ' ' + std::to_string(r.raw_field_count));
        seen.insert(seen.end(), r.fields.begin(), r.fields.end());
      }
    } catch (const Error& e) {
      seen.emplace_back(e.what());
    }
    return seen;
  };
  const std::string long_field(40, 'x');
  for (const std::string& body : {
           std::string("1,2,3\n4,5,6\n"),
           std::string("1,2,3\r\n4,5,6\r\n"),        // CRLF
           std::string("1,2,3\r4,5,6\n"),            // a lone CR ends a record
           std::string(",,\n,,\n"),                  // empty fields
           std::string("1,2\n1,2,3,4\n1,2,3\n"),     // too few, too many
           std::string("1,\"a,b\",3\n1,x\"y,3\n"),   // quoted, bare quote
           std::string("1,2,\"a\nb\"\n1,2,=\"7\"\n"),  // a quoted LF, Excel's =\"...\" in the last field
           std::string("1,\xC3\xA9,3\n1,\xC3(,3\n"), // UTF-8, bad UTF-8
           std::string("1,2,3"),                     // no final LF
           std::string("1,2,3\n\n\n4,5,6\n"),        // blank lines
           "1," + long_field + ",3\n" + long_field + ",2," + long_field + "\r\n",
       }) {
    const std::string csv = "a,b,c\n" + body;
    INFO(csv);
    CHECK(read_with(csv, true, 1u << 20) == read_with(csv, false, 1u << 20));
    // A record as long as the limit, its line end included, passes; a byte more stops.
    for (std::size_t limit : {std::size_t{6}, std::size_t{7}, std::size_t{45}, std::size_t{46}, std::size_t{47}, std::size_t{86}})
      CHECK(read_with(csv, true, limit) == read_with(csv, false, limit));
    // Block edges inside records: the fast path hands over the fields it finished.
    for (std::size_t block : {std::size_t{5}, std::size_t{7}, std::size_t{16}, std::size_t{33}})
      CHECK(read_with(csv, true, 1u << 20, block) == read_with(csv, false, 1u << 20, block));
  }
}

// The fast path's 16-byte classifier, against the byte-by-byte rule it stands for.
TEST_CASE("csv::PlainFieldScanner marks delimiters and the bytes a plain field cannot hold", "[csv][reader]") {
  std::mt19937 rng(11);
  const std::string alphabet = std::string("a,;\t\"\r\n 0") + "\x80\xC3\xFF";
  for (const char delimiter : {',', ';', '\t'}) {
    const PlainFieldScanner scanner(delimiter);
    for (int n = 0; n < 2000; ++n) {
      char bytes[16];
      for (char& b : bytes) b = alphabet[rng() % alphabet.size()];
      unsigned delimiters = 0, special = 0;
      for (unsigned i = 0; i < 16; ++i) {
        const auto b = static_cast<unsigned char>(bytes[i]);
        if (bytes[i] == delimiter) delimiters |= 1u << i;
        if (b == '"' || b == '\r' || b == '\n' || b >= 0x80) special |= 1u << i;
      }
      const ByteClasses c = scanner.classify16(bytes);
      CHECK(c.delimiters == delimiters);
      CHECK(c.special == special);
    }
  }
}
