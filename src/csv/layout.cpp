// Output columns (contract, "CSV conventions"): columns the command does not know pass
// through in their place; added columns go at the end, and an added column the input
// already has keeps its place and takes the new value. Example: input nik,status,nama +
// added status,alasan -> nik,status,nama,alasan (status at index 1, alasan at 3).
#include <algorithm>

#include "jamsos/csv/writer.hpp"

namespace jamsos::csv {

Layout::Layout(std::vector<std::string> input_header, const std::vector<std::string>& added)
    : m_header(std::move(input_header)), m_input_width(m_header.size()) {
  for (const auto& name : added) {
    std::size_t index = m_header.size();
    for (std::size_t i = 0; i < m_header.size(); ++i)
      if (m_header[i] == name) index = i;
    if (index == m_header.size()) m_header.push_back(name);
    m_added_index.push_back(index);
  }
}

void Layout::start_row(const std::vector<std::string>& input_fields, std::vector<std::string>& out) const {
  out.resize(m_header.size());
  const std::size_t n = std::min(input_fields.size(), m_input_width);
  for (std::size_t i = 0; i < n; ++i) out[i].assign(input_fields[i]);  // assign keeps out's capacity
  for (std::size_t i = n; i < out.size(); ++i) out[i].clear();
}

std::vector<int> Layout::column_sources() const {
  std::vector<int> sources(m_header.size());
  for (std::size_t j = 0; j < sources.size(); ++j) sources[j] = j < m_input_width ? static_cast<int>(j) : -1;
  for (std::size_t i = 0; i < m_added_index.size(); ++i) sources[m_added_index[i]] = -1 - static_cast<int>(i);
  return sources;
}

}  // namespace jamsos::csv
