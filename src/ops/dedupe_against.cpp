// Already registered (Perwali Balikpapan 3/2025 Pasal 8 ayat (2)): candidate NIKs looked
// up in the --against rosters. Boundary: a NIK on lines 7 and 9 of bpjs.csv is reported as
// bpjs.csv:7, the first; a roster `nik` cell that is not 16 digits (6.47101E+15) matches
// nothing and is counted, so the summary can say how many roster lines could not be used.
#include "jamsos/ops/dedupe_against.hpp"

#include <fmt/core.h>

#include <algorithm>

#include "jamsos/core/nik.hpp"

namespace jamsos {

namespace {
constexpr int kLineBits = 48;  // location code: source << 48 | line (a line is never 0)
}

Rosters::Rosters(const std::vector<std::string>& paths, const csv::ReaderOptions& options) {
  if (paths.empty()) return;
  m_in = std::make_unique<csv::MultiReader>(paths, options);
  for (std::size_t i = 0; i < m_in->source_count(); ++i)
    csv::require_columns(m_in->source(i).header(), {"nik"}, m_in->source(i).display_name());
}

Rosters::~Rosters() = default;

std::uint64_t Rosters::total_bytes() const { return m_in ? m_in->total_bytes() : 0; }

void Rosters::scan(const std::vector<std::uint64_t>& niks, std::vector<std::uint64_t>& hits, Progress* progress,
                   std::uint64_t progress_base, std::uint64_t progress_total) {
  hits.assign(niks.size(), 0);
  if (!m_in) return;
  const auto col = static_cast<std::size_t>(m_in->column("nik"));
  csv::Record r;
  while (m_in->next(r)) {
    csv::stop_on_faulty_record(*m_in, r);
    ++m_rows;
    if (progress && (m_rows & 0xffff) == 0) progress->update(progress_base + m_in->bytes_read(), progress_total);
    const auto key = nik_key(r.fields[col]);
    if (!key) {
      ++m_without_nik;
      continue;
    }
    const auto it = std::lower_bound(niks.begin(), niks.end(), *key);
    if (it == niks.end() || *it != *key) continue;
    std::uint64_t& hit = hits[static_cast<std::size_t>(it - niks.begin())];
    if (hit == 0) hit = static_cast<std::uint64_t>(r.source) << kLineBits | static_cast<std::uint64_t>(r.line);
  }
}

std::string Rosters::location(std::uint64_t hit) const {
  const auto source = static_cast<std::size_t>(hit >> kLineBits);
  const std::uint64_t line = hit & ((std::uint64_t{1} << kLineBits) - 1);
  return fmt::format("{}:{}", m_in->source(source).display_name(), line);
}

}  // namespace jamsos
