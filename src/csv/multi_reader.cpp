// Several inputs read in turn as one table (contract, "Common rules"): the header is the
// union in first-seen order, each record mapped onto it, cells a file lacks left empty.
// Worked example: a.csv `nik,nama` + b.csv `nama,alamat,nik` -> header nik,nama,alamat;
// b's row `Ani,Jl. X,647...` becomes `647...,Ani,Jl. X`.
//
// Every input is opened and its header read in the constructor, so a missing third file
// stops the run (66) before a single row is processed or written. All but the input being
// read wait parked (no descriptor, no 1 MiB buffer): `validate kelurahan/*.csv` over 5,000
// files would otherwise hit the fd limit (1024 by default) and hold 5 GiB of buffers.
#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <unordered_map>
#include <utility>

#include "jamsos/core/errors.hpp"
#include "jamsos/core/i18n.hpp"
#include "jamsos/csv/reader.hpp"

namespace jamsos::csv {

struct MultiReader::Impl {
  std::vector<Reader> readers;
  std::vector<std::vector<std::size_t>> maps;  // per input: its column -> union column
  std::vector<bool> identity;                  // map is 0..n-1 onto a header of n
  std::vector<std::string> header;
  std::size_t current = 0;
  Record scratch;
};

MultiReader::MultiReader(const std::vector<std::string>& paths, const ReaderOptions& options)
    : m_impl(std::make_unique<Impl>()) {
  Impl& m = *m_impl;
  std::vector<std::string> names = paths.empty() ? std::vector<std::string>{"-"} : paths;
  std::size_t stdin_count = 0;
  for (const auto& p : names) stdin_count += p == "-" ? 1 : 0;
  if (stdin_count > 1)
    throw UsageError(tr("stdin ('-') hanya boleh disebut sekali sebagai masukan.",
                        "stdin ('-') can be named only once as an input."));
  m.readers.reserve(names.size());
  for (auto& p : names) {
    m.readers.emplace_back(std::move(p), options);
    if (m.readers.size() > 1) m.readers.back().park();
  }

  // Union by name. Non-empty names are unique within a file (Reader checks); empty names
  // (trailing delimiters in spreadsheet exports) are told apart by their rank, so the
  // k-th nameless column of every file shares one output column.
  std::vector<std::size_t> nameless;  // union index of the k-th nameless column
  std::unordered_map<std::string, std::size_t> index;  // name -> union index (no pairwise scan)
  for (const Reader& r : m.readers) {
    std::vector<std::size_t> map;
    std::size_t nameless_seen = 0;
    for (const std::string& name : r.header()) {
      std::size_t target = m.header.size();
      if (name.empty()) {
        if (nameless_seen < nameless.size()) target = nameless[nameless_seen];
        else nameless.push_back(target);
        ++nameless_seen;
      } else {
        const auto [at, fresh] = index.emplace(name, target);
        if (!fresh) target = at->second;
      }
      if (target == m.header.size()) m.header.push_back(name);
      map.push_back(target);
    }
    m.maps.push_back(std::move(map));
  }
  for (std::size_t i = 0; i < m.readers.size(); ++i) {
    bool same = m.maps[i].size() == m.header.size();
    for (std::size_t j = 0; same && j < m.maps[i].size(); ++j) same = m.maps[i][j] == j;
    m.identity.push_back(same);
  }
}

MultiReader::~MultiReader() = default;

const std::vector<std::string>& MultiReader::header() const { return m_impl->header; }

int MultiReader::column(std::string_view name) const {
  const auto& h = m_impl->header;
  for (std::size_t i = 0; i < h.size(); ++i)
    if (h[i] == name) return static_cast<int>(i);
  return -1;
}

bool MultiReader::next(Record& out) {
  Impl& m = *m_impl;
  for (; m.current < m.readers.size(); ++m.current) {
    if (!m.readers[m.current].next(m.scratch)) {
      m.readers[m.current].park();  // read to the end: its descriptor and buffer go
      if (m.current + 1 < m.readers.size()) m.readers[m.current + 1].resume();
      continue;
    }
    if (m.identity[m.current]) {
      // The common case (one file, or files with one header): hand the strings over whole.
      std::swap(out.fields, m.scratch.fields);
    } else {
      out.fields.resize(m.header.size());
      for (auto& f : out.fields) f.clear();
      const auto& map = m.maps[m.current];
      for (std::size_t i = 0; i < map.size(); ++i) std::swap(out.fields[map[i]], m.scratch.fields[i]);
    }
    out.line = m.scratch.line;
    out.fault = m.scratch.fault;
    out.raw_field_count = m.scratch.raw_field_count;
    out.source = m.current;
    return true;
  }
  return false;
}

void MultiReader::read_only(const std::vector<std::string>& names) {
  Impl& m = *m_impl;
  for (std::size_t i = 0; i < m.readers.size(); ++i) {
    std::vector<bool> columns;
    for (const std::size_t target : m.maps[i])
      columns.push_back(std::find(names.begin(), names.end(), m.header[target]) != names.end());
    m.readers[i].read_only(std::move(columns));
  }
}

const Reader& MultiReader::source(std::size_t index) const { return m_impl->readers.at(index); }
std::size_t MultiReader::source_count() const { return m_impl->readers.size(); }

std::string MultiReader::location(const Record& r) const {
  return fmt::format("{}:{}", source(r.source).display_name(), r.line);
}

std::uint64_t MultiReader::bytes_read() const {
  std::uint64_t n = 0;
  for (const auto& r : m_impl->readers) n += r.bytes_read();
  return n;
}

std::uint64_t MultiReader::total_bytes() const {
  std::uint64_t n = 0;
  for (const auto& r : m_impl->readers) {
    if (r.total_bytes() == 0) return 0;  // a pipe: the total is unknown
    n += r.total_bytes();
  }
  return n;
}

}  // namespace jamsos::csv
