// Writer and Layout (contract, "CSV conventions", Write; "Columns a command adds").
#include <catch2/catch.hpp>

#include "csv_test_util.hpp"
#include "jamsos/csv/output_file.hpp"
#include "jamsos/csv/writer.hpp"

using namespace jamsos;
using namespace jamsos::csv;
using namespace jamsos::csv::test;

namespace {

std::string write_rows(const TempDir& dir, const Rows& rows, bool excel) {
  const std::string path = dir.at(excel ? "excel.csv" : "plain.csv");
  Output out(path);
  Writer w(out, WriterOptions{excel});
  for (const auto& row : rows) w.write_row(row);
  CHECK(w.rows_written() == rows.size() - 1);
  out.commit();
  return slurp(path);
}

}  // namespace

TEST_CASE("csv::Writer quotes only where needed", "[csv][writer]") {
  TempDir dir;
  SECTION("plain fields are written as they are") {
    CHECK(write_rows(dir, {{"nik", "nama"}, {"6471010101900001", "Ani"}}, false) ==
          "nik,nama\n6471010101900001,Ani\n");
  }
  SECTION("delimiter, quote, CR, LF, edge spaces are quoted; quotes doubled") {
    CHECK(write_rows(dir, {{"a", "b", "c", "d", "e", "f", "g"},
                           {"x,y", "say \"hi\"", "l1\nl2", "cr\r", " lead", "trail\t", "in side"}},
                     false) == "a,b,c,d,e,f,g\n\"x,y\",\"say \"\"hi\"\"\",\"l1\nl2\",\"cr\r\",\" lead\",\"trail\t\",in side\n");
  }
  SECTION("a semicolon needs no quotes in plain mode") {
    CHECK(write_rows(dir, {{"a"}, {"x;y"}}, false) == "a\nx;y\n");
  }
  SECTION("the empty field of a one-column row is written \"\"") {
    CHECK(write_rows(dir, {{"a"}, {""}, {"x"}}, false) == "a\n\"\"\nx\n");
  }
  SECTION("empty fields in wider rows stay empty") {
    CHECK(write_rows(dir, {{"a", "b"}, {"", ""}}, false) == "a,b\n,\n");
  }
  SECTION("string_view rows write the same bytes") {
    const std::string path = dir.at("v.csv");
    Output out(path);
    Writer w(out, {});
    w.write_row(std::vector<std::string_view>{"a", "b"});
    w.write_row(std::vector<std::string_view>{"1", "x,y"});
    out.commit();
    CHECK(slurp(path) == "a,b\n1,\"x,y\"\n");
  }
}

TEST_CASE("csv::Writer --excel", "[csv][writer]") {
  TempDir dir;
  SECTION("BOM, semicolon, CRLF; a comma needs no quotes, a semicolon does") {
    CHECK(write_rows(dir, {{"nama", "alamat"}, {"Ani", "Jl. X, 3"}, {"Budi", "a;b"}}, true) ==
          "\xEF\xBB\xBFnama;alamat\r\nAni;Jl. X, 3\r\nBudi;\"a;b\"\r\n");
  }
  SECTION("NIK and KK (12+ digits) and leading-zero numbers are written =\"...\"") {
    CHECK(write_rows(dir, {{"nik", "hp", "rt", "umur", "kode"}, {"6471010101900001", "081234567890", "003", "42", "123456789012"}},
                     true) == "\xEF\xBB\xBFnik;hp;rt;umur;kode\r\n=\"6471010101900001\";=\"081234567890\";=\"003\";42;=\"123456789012\"\r\n");
  }
  SECTION("a cell a spreadsheet would run as a formula gets a leading ' (CSV injection)") {
    CHECK(write_rows(dir, {{"a", "b", "c", "d", "e", "f"},
                           {"=HYPERLINK(\"http://x\")", "+62812", "-2+3", "@SUM(A1)", "-16800", "+1,5"}},
                     true) ==
          "\xEF\xBB\xBF" "a;b;c;d;e;f\r\n\"'=HYPERLINK(\"\"http://x\"\")\";+62812;'-2+3;'@SUM(A1);-16800;+1,5\r\n");
  }
  SECTION("without --excel nothing is changed") {
    CHECK(write_rows(dir, {{"a", "b"}, {"=1+1", "-x"}}, false) == "a,b\n=1+1,-x\n");
  }
  SECTION("round trip: our Excel output reads back as the original text") {
    const Rows rows{{"nik", "no_kk", "nama", "hp"},
                    {"6471010101900001", "6471010101000002", "Siti; \"Ani\"", "0812"},
                    {"12345678901", "0", "", "x\r\ny"}};
    write_rows(dir, rows, true);
    const Table t = read_table(dir.at("excel.csv"));
    CHECK(t.header == rows[0]);
    CHECK(rows_of(t) == Rows(rows.begin() + 1, rows.end()));
  }
}

TEST_CASE("csv::Layout", "[csv][writer]") {
  SECTION("added columns go at the end; an existing one keeps its place") {
    const Layout layout({"nik", "status", "nama"}, {"status", "alasan"});
    CHECK(layout.header() == std::vector<std::string>{"nik", "status", "nama", "alasan"});
    CHECK(layout.added_index(0) == 1);
    CHECK(layout.added_index(1) == 3);
    std::vector<std::string> out{"stale", "stale", "stale", "stale", "extra"};
    layout.start_row({"1", "old", "Ani"}, out);
    CHECK(out == std::vector<std::string>{"1", "old", "Ani", ""});
  }
  SECTION("no added columns: a copy") {
    const Layout layout({"a"}, {});
    std::vector<std::string> out;
    layout.start_row({"x"}, out);
    CHECK(out == std::vector<std::string>{"x"});
  }
}
