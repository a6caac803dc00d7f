// fast-cpp-csv-parser as an independent oracle (docs/ARCHITECTURE.md, "CSV reading and
// writing"): on what it can parse -- a fixed column set, no newline inside quotes -- its
// CSVReader must see exactly what our Reader sees in Writer's output. Its limits, which are
// why it is not our reader, are pinned down here too.
#include <catch2/catch.hpp>
// fccp's strncpy of file names into its error objects trips GCC 12's -Wstringop-truncation.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wstringop-truncation"
#include <libfccp/csv.h>
#pragma GCC diagnostic pop

#include <random>

#include "csv_test_util.hpp"
#include "jamsos/csv/reader.hpp"
#include "jamsos/csv/writer.hpp"

using namespace jamsos;
using namespace jamsos::csv;
using namespace jamsos::csv::test;

namespace {

// fccp's RFC 4180 mode: no trimming, `""` escapes, header checked by name.
using Fccp = io::CSVReader<4, io::trim_chars<>, io::double_quote_escape<',', '"'>>;

}  // namespace

TEST_CASE("csv fccp oracle: CSVReader agrees with Reader on Writer output", "[csv][fccp]") {
  TempDir dir;
  std::mt19937_64 rng(6471);
  const std::vector<std::string> pieces = {"", " ", "Ani", ",", ";", "\"", "\"\"", "=", "6471010101900001",
                                           "\xC3\xA9", "Jl. Mawar, RT 03", "x\"y", "\t"};
  const std::vector<std::string> header{"nik", "nama", "alamat", "kategori"};
  for (int round = 0; round < 500; ++round) {
    Rows rows;
    const auto n = std::uniform_int_distribution<int>(1, 8)(rng);
    for (int r = 0; r < n; ++r) {
      std::vector<std::string> row;
      for (int c = 0; c < 4; ++c) {
        std::string f;
        for (int k = std::uniform_int_distribution<int>(0, 3)(rng); k > 0; --k)
          f += pieces[std::uniform_int_distribution<std::size_t>(0, pieces.size() - 1)(rng)];
        row.push_back(f);
      }
      rows.push_back(row);
    }
    const std::string path = dir.at("o.csv");
    {
      Output out(path);
      Writer w(out, {});
      w.write_row(header);
      for (const auto& row : rows) w.write_row(row);
      out.commit();
    }
    Fccp fccp(path);
    fccp.read_header(io::ignore_no_column, "nik", "nama", "alamat", "kategori");
    Rows theirs;
    std::string a, b, c, d;
    while (fccp.read_row(a, b, c, d)) theirs.push_back({a, b, c, d});
    INFO("round " << round);
    CHECK(theirs == rows);
    CHECK(rows_of(read_table(path)) == rows);
  }
}

TEST_CASE("csv fccp limits that rule it out as our reader", "[csv][fccp]") {
  TempDir dir;
  SECTION("LineReader splits lines before quotes are seen: a quoted newline breaks the record") {
    const std::string text = "nik,alamat\n1,\"Jl. Mawar\nRT 3\"\n";
    io::LineReader lines("x.csv", text.data(), text.data() + text.size());
    int n = 0;
    while (lines.next_line()) ++n;
    CHECK(n == 3);  // our Reader: a header and one record
    CHECK(read_table(dir.file("x.csv", text)).records.size() == 1);
  }
  SECTION("CSVReader's defaults trim spaces and do not unquote") {
    const std::string text = "a,b\n  x  ,\"y\"\n";
    io::CSVReader<2> plain("d.csv", text.data(), text.data() + text.size());
    plain.read_header(io::ignore_no_column, "a", "b");
    std::string a, b;
    REQUIRE(plain.read_row(a, b));
    CHECK(a == "x");
    CHECK(b == "\"y\"");
  }
  SECTION("after a too-long line every later call throws again") {
    // Lines are limited to fccp's block (16 MiB); past it the reader never recovers.
    std::string text(17u << 20, 'x');
    text += "\nok\n";
    io::LineReader lines("big.csv", text.data(), text.data() + text.size());
    CHECK_THROWS_AS(lines.next_line(), io::error::line_length_limit_exceeded);
    CHECK_THROWS_AS(lines.next_line(), io::error::line_length_limit_exceeded);
  }
}
