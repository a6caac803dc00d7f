// csv_count FILE: the number of data records (header excluded) in a CSV, read with the
// same reader as jamsos. The golden cases use it to check row conservation.
#include <fmt/core.h>

#include "jamsos/core/errors.hpp"
#include "jamsos/csv/reader.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    fmt::print(stderr, "usage: csv_count FILE\n");
    return 2;
  }
  try {
    jamsos::csv::Reader reader(argv[1], jamsos::csv::ReaderOptions{});
    jamsos::csv::Record record;
    std::size_t n = 0;
    while (reader.next(record)) ++n;
    fmt::print("{}\n", n);
    return 0;
  } catch (const jamsos::Error& e) {
    fmt::print(stderr, "csv_count: {}\n", e.what());
    return static_cast<int>(e.code());
  }
}
