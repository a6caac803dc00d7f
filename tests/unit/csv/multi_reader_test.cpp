// MultiReader: several inputs as one table (contract, "Common rules").
#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <sys/resource.h>

#include <cstdint>
#include <filesystem>
#include <memory>

#include "csv_test_util.hpp"
#include "jamsos/core/errors.hpp"
#include "jamsos/csv/reader.hpp"

using namespace jamsos;
using namespace jamsos::csv;
using namespace jamsos::csv::test;

namespace {

// Three files, three delimiters, three headers in different orders.
struct ThreeFiles {
  TempDir dir;
  std::string a = dir.file("a.csv", "nik,nama\n1,Ani\n2,Budi\n");
  std::string b = dir.file("b.csv", "Nama;Alamat;NIK\r\nCici;\"Jl. X; 3\";3\r\n");
  std::string c = dir.file("c.csv", "nik\tkategori\tnama\n4\tFM\tDedi\n");
};

}  // namespace

TEST_CASE("csv::MultiReader header union of three files", "[csv][multi]") {
  const ThreeFiles files;
  const std::string &a = files.a, &b = files.b, &c = files.c;
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

// read_only names columns of the union: each file keeps them wherever it has them.
TEST_CASE("csv::MultiReader read_only keeps the named columns in every file", "[csv][multi]") {
  const ThreeFiles files;
  MultiReader in({files.a, files.b, files.c}, {});
  in.read_only({"nik", "kategori", "no_such_column"});
  std::vector<std::vector<std::string>> rows;
  Record r;
  while (in.next(r)) rows.push_back(r.fields);
  CHECK(rows == std::vector<std::vector<std::string>>{{"1", "", "", ""},
                                                       {"2", "", "", ""},
                                                       {"3", "", "", ""},
                                                       {"4", "", "", "FM"}});
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

// Inputs wait parked (Reader::park): no descriptor and no block buffer until their turn.
namespace {
struct FdLimit {
  rlimit saved{};
  explicit FdLimit(rlim_t soft) {
    ::getrlimit(RLIMIT_NOFILE, &saved);
    rlimit low = saved;
    low.rlim_cur = soft;
    ::setrlimit(RLIMIT_NOFILE, &low);
  }
  ~FdLimit() { ::setrlimit(RLIMIT_NOFILE, &saved); }
  FdLimit(const FdLimit&) = delete;
  FdLimit& operator=(const FdLimit&) = delete;
};
}  // namespace

TEST_CASE("csv::MultiReader reads more files than the fd limit allows open at once", "[csv][multi]") {
  TempDir dir;
  std::vector<std::string> paths;
  for (int i = 0; i < 300; ++i)
    paths.push_back(dir.file(fmt::format("k{:03}.csv", i), fmt::format("nik,nama\n{},A\n{},B\n", 2 * i, 2 * i + 1)));
  const FdLimit limit(64);  // far fewer than 300: every input open at once would fail with EMFILE
  MultiReader in(paths, {});
  Record r;
  int n = 0;
  while (in.next(r)) {
    REQUIRE(r.fields[0] == std::to_string(n));
    CHECK(in.location(r) == fmt::format("{}:{}", paths[static_cast<std::size_t>(n / 2)], 2 + n % 2));
    ++n;
  }
  CHECK(n == 600);
  CHECK(in.bytes_read() == in.total_bytes());
}

TEST_CASE("csv::MultiReader resumes a parked file where its header read stopped", "[csv][multi]") {
  TempDir dir;
  // Longer than the 64 KiB header read: a record crosses from the kept rest into the next read.
  std::string big = "nik;nama\n";
  for (int i = 0; big.size() < 200'000; ++i) big += fmt::format("{};\"nama {} dengan \"\"kutip\"\"\nbaris dua\"\n", i, i);
  const auto a = dir.file("a.csv", "nik,nama\nx,y\n");
  const auto b = dir.file("b.csv", big);
  const auto c = dir.file("c.csv", "\xEF\xBB\xBFnik\tnama\n");  // a header alone
  const auto d = dir.file("d.csv", "nik,nama\nz,w");              // no newline at the end
  // Every Reader's on_bytes copy sees its own input's bytes once each, in order (--audit).
  auto seen = std::make_shared<std::vector<std::string>>();
  struct Collect {
    std::shared_ptr<std::vector<std::string>> seen;
    std::size_t index = SIZE_MAX;
    void operator()(std::string_view block) {
      if (index == SIZE_MAX) {
        index = seen->size();
        seen->emplace_back();
      }
      seen->at(index).append(block);
    }
  };
  ReaderOptions options;
  options.on_bytes = Collect{seen, SIZE_MAX};
  SECTION("default blocks") {}
  SECTION("tiny blocks") { options.read_block_bytes = 7; }
  MultiReader in({a, b, c, d}, options);
  Record r;
  std::size_t rows = 0;
  std::size_t at_b = 0;
  while (in.next(r)) {
    ++rows;
    if (r.source == 1) {
      CHECK(r.fields[0] == std::to_string(at_b));
      CHECK(r.fields[1] == fmt::format("nama {} dengan \"kutip\"\nbaris dua", at_b));
      ++at_b;
    }
  }
  CHECK(at_b > 3000);
  CHECK(rows == at_b + 2);
  REQUIRE(seen->size() == 4);
  CHECK((*seen)[1] == big);
  CHECK((*seen)[2] == "\xEF\xBB\xBFnik\tnama\n");
  CHECK((*seen)[3] == "nik,nama\nz,w");
}

TEST_CASE("csv::MultiReader: a file replaced while it waits its turn stops the run with 65", "[csv][multi]") {
  TempDir dir;
  const auto a = dir.file("a.csv", "nik\n1\n");
  const auto b = dir.file("b.csv", "nik\n2\n");
  MultiReader in({a, b}, {});
  const auto other = dir.file("other.csv", "nik\n3\n");
  std::filesystem::rename(other, b);  // what a sync tool does when it writes a new copy
  Record r;
  REQUIRE(in.next(r));
  try {
    in.next(r);
    FAIL("no error");
  } catch (const DataError& e) {
    CHECK_THAT(e.what(), Catch::Contains("b.csv") && Catch::Contains("berubah"));
  }
}
