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
// A text cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab or CR first,
// but not a number like -16800) gets a leading `'`: shown as text, never executed. That `'`
// stays in the cell if the file is read back: --excel files are for people, pipes use plain.
#include "jamsos/csv/writer.hpp"

#include "jamsos/core/text.hpp"

namespace jamsos::csv {

namespace {

bool excel_would_mangle(std::string_view field) {
  return is_all_digits(field) && (field.size() >= 12 || (field.size() >= 2 && field[0] == '0'));
}

// -16800 or +1.5 is a number to a spreadsheet, not a formula.
bool is_signed_number(std::string_view field) {
  if (field.size() < 2 || (field[0] != '-' && field[0] != '+')) return false;
  bool digit = false, separator = false;
  for (const char c : field.substr(1)) {
    if (c >= '0' && c <= '9') digit = true;
    else if ((c == '.' || c == ',') && !separator) separator = true;
    else return false;
  }
  return digit;
}

// A cell that a spreadsheet would run as a formula (CSV injection, OWASP): `=HYPERLINK(...)`,
// `+cmd`, `-2+3`, `@SUM(...)`, or one starting with a tab or CR.
bool excel_would_run(std::string_view field) {
  if (field.empty()) return false;
  const char c = field[0];
  if (c == '=' || c == '@' || c == '\t' || c == '\r') return true;
  return (c == '+' || c == '-') && !is_signed_number(field);
}

}  // namespace

RowEncoder::RowEncoder(const WriterOptions& options) : m_excel(options.excel), m_delimiter(options.excel ? ';' : ',') {
  for (const char c : {m_delimiter, '"', '\r', '\n'}) m_needs_quotes[static_cast<unsigned char>(c)] = true;
#if defined(__SSE2__)
  m_v_delimiter = _mm_set1_epi8(m_delimiter);
#endif
}

void RowEncoder::field_slow(std::string& out, std::string_view value) const {
  if (m_excel && excel_would_mangle(value)) {
    out.append("=\"").append(value).push_back('"');
    return;
  }
  // --excel: a leading ' makes the spreadsheet show the text instead of running it.
  std::string guarded;
  if (m_excel && excel_would_run(value)) {
    guarded.reserve(value.size() + 1);
    guarded.append("'").append(value);
    value = guarded;
  }
  if (plain(value)) {
    out.append(value);
    return;
  }
  out.push_back('"');
  for (std::size_t start = 0;;) {
    const std::size_t q = value.find('"', start);
    if (q == std::string_view::npos) {
      out.append(value.substr(start));
      break;
    }
    out.append(value.substr(start, q + 1 - start)).push_back('"');  // `"` inside a field is written `""`
    start = q + 1;
  }
  out.push_back('"');
}

Writer::Writer(Output& out, const WriterOptions& options) : m_out(out), m_encoder(options) {}

void Writer::start() {
  if (m_encoder.excel()) m_out.write("\xEF\xBB\xBF");  // BOM: Excel then reads UTF-8
  m_header_done = true;
}

// Both row types share one body; no per-row allocation once m_row has grown.
template <typename Fields>
void Writer::write_fields(const Fields& fields) {
  if (!m_header_done) start();
  else ++m_rows;
  m_row.clear();
  m_encoder.row(m_row, fields);
  m_out.write(m_row);
}

void Writer::write_row(const std::vector<std::string>& fields) { write_fields(fields); }
void Writer::write_row(const std::vector<std::string_view>& fields) { write_fields(fields); }

void Writer::write_encoded(std::string_view bytes, std::size_t rows) {
  if (!m_header_done) start();
  m_rows += rows;
  m_out.write(bytes);
}

}  // namespace jamsos::csv
