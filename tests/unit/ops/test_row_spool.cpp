// The row spool: records come back whole, in any order, whatever their size.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "jamsos/ops/row_spool.hpp"

using namespace jamsos;

namespace {

csv::Record record(std::vector<std::string> fields, std::size_t source, std::size_t line) {
  csv::Record r;
  r.fields = std::move(fields);
  r.source = source;
  r.line = line;
  return r;
}

}  // namespace

TEST_CASE("consolidate::RowSpool round trip", "[consolidate]") {
  RowSpool spool;
  const std::vector<csv::Record> records = {
      record({"6471010101800001", "Siti", "Jl. Mawar, RT 01\nKarang Joang"}, 0, 2),
      record({"", "", ""}, 1, 7),                                          // empty fields
      record({std::string(3000, 'x'), "b", std::string(600, 'y')}, 2, 9),  // longer than one read
      record({"6471010101800004", std::string(1, '\0') + "z", "\"q\""}, 0, 123456789012),
  };
  std::vector<std::uint64_t> offsets;
  for (const auto& r : records) offsets.push_back(spool.append(r));
  CHECK(offsets[0] == 0);

  SECTION("read back in reverse order, then forward again") {
    csv::Record out;
    for (std::size_t i = records.size(); i-- > 0;) {
      spool.read(offsets[i], out);
      CHECK(out.fields == records[i].fields);
      CHECK(out.source == records[i].source);
      CHECK(out.line == records[i].line);
    }
    for (std::size_t i = 0; i < records.size(); ++i) {
      spool.read(offsets[i], out);
      CHECK(out.fields == records[i].fields);
    }
  }
  SECTION("appending after reading keeps both") {
    csv::Record out;
    spool.read(offsets[2], out);
    const std::uint64_t more = spool.append(record({"late"}, 3, 4));
    spool.read(more, out);
    CHECK(out.fields == std::vector<std::string>{"late"});
    spool.read(offsets[1], out);
    CHECK(out.fields == records[1].fields);
  }
}
