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

TEST_CASE("consolidate::RowSpool encoded batches, views and read-ahead", "[consolidate]") {
  RowSpool spool;
  std::vector<csv::Record> records;
  for (std::size_t i = 0; i < 3000; ++i) {
    // Field sizes around the one-byte length limit (127/128) and a record over one read block.
    records.push_back(record({std::to_string(i), std::string(i % 300, 'a'), i == 1500 ? std::string(3u << 20, 'z') : ""},
                             i % 3, 1000000000000 + i));
  }
  std::string batch;
  std::vector<std::uint64_t> offsets;
  offsets.push_back(spool.append(records[0]));
  for (std::size_t i = 1; i < records.size(); ++i) {
    const std::size_t before = batch.size();
    RowSpool::encode(records[i], batch);
    CHECK(RowSpool::encoded_size(batch.data() + before) == batch.size() - before);
    offsets.push_back(before);  // made absolute below
  }
  const std::uint64_t at = spool.append_encoded(batch);
  for (std::size_t i = 1; i < offsets.size(); ++i) offsets[i] += at;
  CHECK(spool.size() == at + batch.size());

  SECTION("decode gives views of the same fields") {
    RowSpool::View view;
    const char* p = batch.data();
    for (std::size_t i = 1; i < records.size(); ++i) {
      p += RowSpool::decode(p, view);
      REQUIRE(view.fields.size() == records[i].fields.size());
      for (std::size_t f = 0; f < view.fields.size(); ++f) CHECK(view.fields[f] == records[i].fields[f]);
      CHECK(view.source == records[i].source);
      CHECK(view.line == records[i].line);
    }
    CHECK(p == batch.data() + batch.size());
  }
  SECTION("read in order (read ahead), then at random, then raw bytes") {
    csv::Record out;
    for (std::size_t i = 0; i < records.size(); ++i) {
      spool.read(offsets[i], out);
      REQUIRE(out.fields == records[i].fields);
      CHECK(out.line == records[i].line);
    }
    for (std::size_t i = 0; i < records.size(); i += 997) {
      spool.read(offsets[(i * 7) % records.size()], out);
      CHECK(out.fields == records[(i * 7) % records.size()].fields);
    }
    std::string raw(batch.size(), '\0');
    spool.read_bytes(at, raw.data(), raw.size());
    CHECK(raw == batch);
  }
}
