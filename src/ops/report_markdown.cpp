// The berita acara as Markdown (GitHub tables), for a mail body, a wiki or a quick
// look; print the HTML version for signing. Every text is escaped: a name such as
// "Siti | Aminah *" must stay one table cell and plain text.
//
// Worked boundary: a roster name "A|B" is written `A\|B`, and "_x_" `\_x\_`, so the table
// keeps its columns and nothing turns italic.
#include <fmt/core.h>

#include "jamsos/ops/report.hpp"

namespace jamsos {

std::string markdown_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '<':
      case '>':
      case '|':
      case '#':
      case '~':
      case '{':
      case '}':
        out += '\\';
        out += c;
        break;
      case '\n':
      case '\r':
      case '\t':
        out += ' ';
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
          break;  // control characters carry nothing
        out += c;
    }
  }
  // At the start of a paragraph or list item: "- x" / "+ x" would open a list, a line of
  // only "-" or "=" would underline the line before into a heading, "2026. x" would open
  // an ordered list. "-Rp 16.800" is none of these and stays as it is.
  const bool marker = out.size() >= 2 && (out[0] == '-' || out[0] == '+') && out[1] == ' ';
  const bool rule = !out.empty() && (out.find_first_not_of('-') == std::string::npos ||
                                     out.find_first_not_of('=') == std::string::npos);
  if (marker || rule) out.insert(0, "\\");
  const std::size_t digits = out.find_first_not_of("0123456789");
  if (digits != std::string::npos && digits > 0 && (out[digits] == '.' || out[digits] == ')'))
    out.insert(digits, "\\");
  return out;
}

namespace {

void table(const ReportSink& out, const std::vector<std::string>& header,
           const std::vector<bool>& numeric) {
  std::string line = "|";
  for (const std::string& h : header) line += " " + markdown_escape(h) + " |";
  line += "\n|";
  for (std::size_t i = 0; i < header.size(); ++i)
    line += i < numeric.size() && numeric[i] ? "---:|" : "---|";
  line += "\n";
  out(line);
}

void table_row(const ReportSink& out, const std::vector<std::string>& cells, bool bold = false) {
  std::string line = "|";
  for (const std::string& c : cells) {
    const std::string text = markdown_escape(c);
    line += bold && !text.empty() ? " **" + text + "** |" : " " + text + " |";
  }
  line += "\n";
  out(line);
}

void write_table(const ReportSink& out, const ReportTable& t) {
  table(out, t.header, t.numeric);
  for (const auto& row : t.rows) table_row(out, row);
  if (!t.total.empty()) table_row(out, t.total, true);
  out("\n");
}

}  // namespace

void write_berita_acara_markdown(const BeritaAcara& ba,
                                 const std::vector<ReconcileRow>& differences, Month month,
                                 const Profile& profile, const ReportSink& out) {
  const auto e = markdown_escape;
  out(fmt::format("# {}\n\n**{}**  \n**{}**  \n{}\n\n", e(ba.title), e(ba.subtitle), e(ba.period),
                  e(ba.number)));
  out(fmt::format("{}\n\n", e(ba.opening)));
  for (std::size_t i = 0; i < ba.parties.size(); ++i)
    out(fmt::format("{}. {}\n", i + 1, e(ba.parties[i])));
  out(fmt::format("\n{}\n\n", e(ba.opening_end)));

  out(fmt::format("## {}\n\n", e(ba.basis_heading)));
  for (std::size_t i = 0; i < ba.basis.size(); ++i)
    out(fmt::format("{}. {}\n", i + 1, e(ba.basis[i])));
  out("\n");

  out(fmt::format("## {}\n\n", e(ba.summary_heading)));
  write_table(out, ba.summary);
  for (const std::string& note : ba.summary_notes) out(fmt::format("- {}\n", e(note)));
  out("\n");

  out(fmt::format("## {}\n\n", e(ba.status_heading)));
  write_table(out, ba.statuses);

  out(fmt::format("## {}\n\n{} **{}** {} {}\n\n", e(ba.payable_heading), e(ba.payable_before),
                  e(ba.payable_amount), e(ba.payable_words), e(ba.payable_after)));

  out(fmt::format("## {}\n\n{}\n\n", e(ba.differences_heading), e(ba.differences_intro)));
  if (!differences.empty()) {
    table(out, ba.differences_header, ba.differences_numeric);
    for (std::size_t i = 0; i < differences.size(); ++i)
      table_row(out, difference_cells(differences[i], i + 1, month, profile));
    out("\n");
  }

  out(fmt::format("{}\n\n{}\n\n", e(ba.closing), e(ba.place_date)));
  // The two signature blocks side by side; the empty row is the space to sign in.
  const auto name = [&](const Signatory& s) { return s.name.empty() ? ba.sign_here : s.name; };
  table(out, {ba.city.party, ba.bpjs.party}, {false, false});
  table_row(out, {ba.city.role, ba.bpjs.role});
  out("| | |\n| | |\n");
  table_row(out, {name(ba.city), name(ba.bpjs)});
  table_row(out, {ba.city.id_label.empty() ? "" : ba.city.id_label + " ....................",
                  ba.bpjs.id_label.empty() ? "" : ba.bpjs.id_label + " ...................."});
}

}  // namespace jamsos
