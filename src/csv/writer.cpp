// CSV out (contract, "CSV conventions", Write): UTF-8 without BOM, `,`, LF, quoting only
// where needed; --excel: BOM, `;`, CRLF for a spreadsheet with Indonesian settings.
//
// Quoted: a field holding the delimiter, `"`, CR or LF, one with a leading or trailing
// space or tab (other tools trim them), and the lone empty field of a one-column row (an
// empty line is skipped by Reader). Worked example: `Jl. Mawar, RT 3` -> `"Jl. Mawar, RT 3"`.
//
// --excel also writes a field of digits only with 12 or more digits (NIK, KK), or with a
// leading zero (`0812...` phone numbers, RT `003`), as `="6471..."`: Excel opens it as
// text instead of 6.47101E+15 or 812...; Reader reads that form back as the digits.
#include "jamsos/csv/writer.hpp"

#include "jamsos/core/text.hpp"

namespace jamsos::csv {

namespace {

bool excel_would_mangle(std::string_view field) {
  return is_all_digits(field) && (field.size() >= 12 || (field.size() >= 2 && field[0] == '0'));
}

}  // namespace

Writer::Writer(Output& out, const WriterOptions& options)
    : m_out(out), m_options(options), m_delimiter(options.excel ? ';' : ',') {
  for (const char c : {m_delimiter, '"', '\r', '\n'}) m_needs_quotes[static_cast<unsigned char>(c)] = true;
}

void Writer::write_field(std::string_view field) {
  if (m_options.excel && excel_would_mangle(field)) {
    m_out.write("=\"");
    m_out.write(field);
    m_out.write("\"");
    return;
  }
  bool quote = !field.empty() && (field.front() == ' ' || field.front() == '\t' || field.back() == ' ' ||
                                  field.back() == '\t');
  for (std::size_t i = 0; !quote && i < field.size(); ++i) quote = m_needs_quotes[static_cast<unsigned char>(field[i])];
  if (!quote) {
    m_out.write(field);
    return;
  }
  m_out.write("\"");
  for (std::size_t start = 0;;) {
    const std::size_t q = field.find('"', start);
    if (q == std::string_view::npos) {
      m_out.write(field.substr(start));
      break;
    }
    m_out.write(field.substr(start, q + 1 - start));
    m_out.write("\"");  // `"` inside a field is written `""`
    start = q + 1;
  }
  m_out.write("\"");
}

// Both row types share one body; no per-row allocation.
template <typename Fields>
void Writer::write_fields(const Fields& fields) {
  if (!m_header_done) {
    if (m_options.excel) m_out.write("\xEF\xBB\xBF");  // BOM: Excel then reads UTF-8
    m_header_done = true;
  } else {
    ++m_rows;
  }
  if (fields.size() == 1 && fields[0].empty()) {
    m_out.write("\"\"");
  } else {
    for (std::size_t i = 0; i < fields.size(); ++i) {
      if (i > 0) m_out.write(std::string_view(&m_delimiter, 1));
      write_field(fields[i]);
    }
  }
  m_out.write(m_options.excel ? "\r\n" : "\n");
}

void Writer::write_row(const std::vector<std::string>& fields) { write_fields(fields); }
void Writer::write_row(const std::vector<std::string_view>& fields) { write_fields(fields); }

}  // namespace jamsos::csv
