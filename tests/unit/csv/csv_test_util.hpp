#pragma once
// Helpers for the CSV tests: a scratch folder, files with given bytes, a whole file read.
#include <stdlib.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "jamsos/csv/reader.hpp"

namespace jamsos::csv::test {

class TempDir {
public:
  TempDir() {
    // tmpfs when there is one: the property tests write thousands of small files, and
    // Output fsyncs each, which on a real disk costs minutes and tests nothing more.
    const bool shm = ::access("/dev/shm", W_OK) == 0;
    std::string tmpl = ((shm ? std::filesystem::path("/dev/shm") : std::filesystem::temp_directory_path()) /
                        "jamsos-csv-XXXXXX")
                           .string();
    if (!::mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
    m_path = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(m_path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return m_path; }
  std::string file(const std::string& name, const std::string& bytes) const {
    const std::string p = m_path + "/" + name;
    std::ofstream(p, std::ios::binary) << bytes;
    return p;
  }
  std::string at(const std::string& name) const { return m_path + "/" + name; }

private:
  std::string m_path;
};

inline std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

struct Table {
  std::vector<std::string> header;
  std::vector<Record> records;
};

inline Table read_table(const std::string& path, const ReaderOptions& options = {}) {
  Reader reader(path, options);
  Table t;
  t.header = reader.header();
  Record r;
  while (reader.next(r)) t.records.push_back(r);
  return t;
}

// The bytes as a CSV file in `dir`, read whole.
inline Table parse(const TempDir& dir, const std::string& bytes, const ReaderOptions& options = {}) {
  return read_table(dir.file("in.csv", bytes), options);
}

using Rows = std::vector<std::vector<std::string>>;
inline Rows rows_of(const Table& t) {
  Rows rows;
  for (const auto& r : t.records) rows.push_back(r.fields);
  return rows;
}

}  // namespace jamsos::csv::test
