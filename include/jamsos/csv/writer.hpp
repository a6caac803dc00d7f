#pragma once
// CSV out (contract, "Write"): UTF-8 without BOM, `,`, LF, quoting only where needed.
// `--excel`: BOM, `;`, CRLF, for a spreadsheet with Indonesian settings.
#include <array>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "jamsos/csv/output_file.hpp"

namespace jamsos::csv {

struct WriterOptions {
  bool excel = false;
};

class Writer {
public:
  // Writes into `out`, which the caller commits when the run succeeds.
  Writer(Output& out, const WriterOptions& options);

  void write_row(const std::vector<std::string>& fields);
  void write_row(const std::vector<std::string_view>& fields);
  std::size_t rows_written() const { return m_rows; }  // header excluded

private:
  template <typename Fields>
  void write_fields(const Fields& fields);
  void write_field(std::string_view field);
  Output& m_out;
  WriterOptions m_options;
  char m_delimiter;
  std::array<bool, 256> m_needs_quotes{};  // the delimiter, `"`, CR, LF
  bool m_header_done = false;
  std::size_t m_rows = 0;
};

// Output columns: the input header, then each added column not already in it (an added
// column that exists keeps its place and takes the new value; contract, "Common rules").
class Layout {
public:
  Layout(std::vector<std::string> input_header, const std::vector<std::string>& added);
  const std::vector<std::string>& header() const { return m_header; }
  // Output index of an added column (by its position in `added`).
  std::size_t added_index(std::size_t i) const { return m_added_index[i]; }
  // Builds an output row: input fields copied, added columns left for the caller.
  void start_row(const std::vector<std::string>& input_fields, std::vector<std::string>& out) const;

private:
  std::vector<std::string> m_header;
  std::vector<std::size_t> m_added_index;
  std::size_t m_input_width;
};

}  // namespace jamsos::csv
