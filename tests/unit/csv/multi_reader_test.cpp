// MultiReader: several inputs as one table (contract, "Common rules").
#include <catch2/catch.hpp>

#include "csv_test_util.hpp"
#include "jamsos/core/errors.hpp"
#include "jamsos/csv/reader.hpp"

using namespace jamsos;
using namespace jamsos::csv;
using namespace jamsos::csv::test;

TEST_CASE("csv::MultiReader header union of three files", "[csv][multi]") {
  TempDir dir;
  const auto a = dir.file("a.csv", "nik,nama\n1,Ani\n2,Budi\n");
  const auto b = dir.file("b.csv", "Nama;Alamat;NIK\r\nCici;\"Jl. X; 3\";3\r\n");
  const auto c = dir.file("c.csv", "nik\tkategori\tnama\n4\tFM\tDedi\n");
  MultiReader in({a, b, c}, {});
  CHECK(in.header() == std::vector<std::string>{"nik", "nama", "alamat", "kategori"});
  CHECK(in.column("kategori") == 3);
  CHECK(in.source_count() == 3);

  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> where;
  Record r;
  while (in.next(r)) {
    rows.push_back(r.fields);
    where.push_back(in.location(r));
  }
  CHECK(rows == std::vector<std::vector<std::string>>{{"1", "Ani", "", ""},
                                                       {"2", "Budi", "", ""},
                                                       {"3", "Cici", "Jl. X; 3", ""},
                                                       {"4", "Dedi", "", "FM"}});
  CHECK(where == std::vector<std::string>{a + ":2", a + ":3", b + ":2", c + ":2"});
}

TEST_CASE("csv::MultiReader opens every input up front", "[csv][multi]") {
  TempDir dir;
  const auto a = dir.file("a.csv", "nik\n1\n");
  const auto b = dir.file("b.csv", "nik\n2\n");
  SECTION("a missing third file fails in the constructor with 66") {
    try {
      MultiReader in({a, b, dir.at("c.csv")}, {});
      FAIL("no error");
    } catch (const InputError& e) {
      CHECK_THAT(e.what(), Catch::Contains("c.csv"));
    }
  }
  SECTION("an empty second file fails in the constructor with 65") {
    CHECK_THROWS_AS(MultiReader({a, dir.file("e.csv", ""), b}, {}), DataError);
  }
  SECTION("stdin named twice is a usage error") {
    CHECK_THROWS_AS(MultiReader({"-", "-"}, {}), UsageError);
  }
}

TEST_CASE("csv::MultiReader faults and counters", "[csv][multi]") {
  TempDir dir;
  const std::string a_text = "nik,nama\n1,Ani\n", b_text = "nama,nik,x\nBudi,2\n";
  const auto a = dir.file("a.csv", a_text);
  const auto b = dir.file("b.csv", b_text);
  MultiReader in({a, b}, {});
  Record r;
  REQUIRE(in.next(r));
  CHECK(r.source == 0);
  REQUIRE(in.next(r));
  CHECK(r.source == 1);
  CHECK(r.fault == RecordFault::field_count);
  CHECK(r.fields == std::vector<std::string>{"2", "Budi", ""});
  try {
    stop_on_faulty_record(in, r);
    FAIL("no error");
  } catch (const DataError& e) {
    CHECK_THAT(e.what(), Catch::Contains(b + ":2") && Catch::Contains("2 kolom") && Catch::Contains("judul 3"));
  }
  CHECK_FALSE(in.next(r));
  CHECK(in.total_bytes() == a_text.size() + b_text.size());
  CHECK(in.bytes_read() == in.total_bytes());
}

TEST_CASE("csv::stop_on_faulty_record", "[csv][multi]") {
  TempDir dir;
  MultiReader in({dir.file("f.csv", "a,b\n1,2\nx\"y,3\n\xFF,4\n")}, {});
  Record r;
  REQUIRE(in.next(r));
  CHECK_NOTHROW(stop_on_faulty_record(in, r));
  REQUIRE(in.next(r));
  CHECK_THROWS_WITH(stop_on_faulty_record(in, r), Catch::Contains("f.csv:3") && Catch::Contains("\"\""));
  REQUIRE(in.next(r));
  CHECK_THROWS_WITH(stop_on_faulty_record(in, r),
                    Catch::Contains("f.csv:4") && Catch::Contains("simpan ulang sebagai CSV UTF-8 atau pakai --encoding cp1252"));
}

TEST_CASE("csv::require_columns", "[csv][multi]") {
  const std::vector<std::string> header{"nik", "nama"};
  CHECK_NOTHROW(require_columns(header, {"nik"}, "a.csv"));
  try {
    require_columns(header, {"nik", "penghasilan", "kategori"}, "a.csv");
    FAIL("no error");
  } catch (const DataError& e) {
    CHECK_THAT(e.what(), Catch::Contains("a.csv") && Catch::Contains("penghasilan, kategori"));
  }
}
