// The berita acara as one self-contained HTML file (no scripts, no external fonts or
// images) that prints on A4: open it in a browser and print, or render it headless
// (tests/pdf/). Long lists of differences break across pages with the column headers
// repeated (thead as table-header-group) and no row split (tr break-inside: avoid); the
// closing, place, date and signatures stay together on one page; every page carries the
// title and "halaman X dari Y" in its bottom margin.
//
// Worked boundary: a name `<b>Siti</b> & "Ani"` is printed as text, escaped to
// `&lt;b&gt;Siti&lt;/b&gt; &amp; &quot;Ani&quot;`; nothing from the data reaches the
// markup or the stylesheet unescaped.
#include <fmt/core.h>

#include "jamsos/ops/report.hpp"

namespace jamsos {

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      case '\n':
      case '\t':
        out += c;
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) break;  // not allowed in HTML text
        out += c;
    }
  }
  return out;
}

namespace {

// A CSS string literal: the page footer text lives in the stylesheet, where HTML
// escaping does not apply.
std::string css_string(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\')
      out += '\\', out += c;
    else if (c == '<')
      out += "\\3C ";  // never "</style>"
    else if (static_cast<unsigned char>(c) < 0x20)
      out += ' ';
    else
      out += c;
  }
  return out + "\"";
}

// The page box; its margin boxes carry the running footer (written per report below).
constexpr std::string_view page_rule = R"(
@page {
  size: A4;
  margin: 18mm 16mm 20mm 20mm;
  @bottom-left { content: %LABEL%; font: 8pt "DejaVu Serif", serif; color: #444; }
  @bottom-right { content: %OF%; font: 8pt "DejaVu Serif", serif; color: #444; }
}
)";

constexpr std::string_view stylesheet =
    R"(html { font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif", serif; font-size: 10.5pt;
       line-height: 1.35; color: #000; background: #fff; }
body { margin: 0; }
@media screen { body { max-width: 174mm; margin: 2em auto; padding: 0 1em; } }
header { text-align: center; margin-bottom: 1.2em; }
h1 { font-size: 14pt; margin: 0 0 .2em; letter-spacing: .04em; }
header p { margin: .15em 0; text-align: center; }
header .subtitle, header .period { font-weight: bold; }
header .number { margin-top: .6em; }
h2 { font-size: 11pt; margin: 1.1em 0 .4em; break-after: avoid; page-break-after: avoid; }
p { margin: .4em 0; text-align: justify; }
ol, ul { margin: .3em 0 .5em; padding-left: 1.6em; }
li { margin: .15em 0; }
table { width: 100%; border-collapse: collapse; margin: .3em 0 .6em; }
th, td { border: .6pt solid #000; padding: 2pt 4pt; vertical-align: top; text-align: left; }
th { background: #e6e6e6; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
tr.total td { font-weight: bold; }
table.diff { table-layout: fixed; font-size: 8pt; line-height: 1.2; }
table.diff th, table.diff td { padding: 1.5pt 3pt; }
table.diff td { overflow-wrap: anywhere; }
table.diff th { font-size: 7pt; }
th.num { white-space: normal; }
table.summary th:first-child, table.summary td:first-child { width: 32%; }
table.statuses th:first-child, table.statuses td:first-child { width: 38%; }
table.diff td.nik { font-family: "DejaVu Sans Mono", monospace; font-size: 7.5pt; white-space: nowrap; overflow-wrap: normal; }
.payable { border: 1pt solid #000; padding: 5pt 8pt; break-inside: avoid; page-break-inside: avoid; }
.payable strong { font-size: 11.5pt; }
.closing { break-inside: avoid; page-break-inside: avoid; margin-top: 1em; }
.place-date { margin: 1em 0 .4em 50%; text-align: center; }
table.signatures, table.signatures td { border: none; text-align: center; vertical-align: bottom; }
table.signatures td { width: 50%; padding: 0 6pt; }
table.signatures tr.role td { vertical-align: top; }
table.signatures .party { font-weight: bold; }
table.signatures tr.sign-space td { height: 24mm; }
table.signatures .signer { font-weight: bold; text-decoration: underline; }
)";

void write_table(const ReportSink& out, const ReportTable& t, const char* css_class) {
  std::string html = fmt::format("<table class=\"{}\">\n<thead><tr>", css_class);
  for (std::size_t i = 0; i < t.header.size(); ++i)
    html += fmt::format("<th{}>{}</th>", t.numeric[i] ? " class=\"num\"" : "",
                        html_escape(t.header[i]));
  html += "</tr></thead>\n<tbody>\n";
  const auto row = [&](const std::vector<std::string>& cells, const char* tr_class) {
    html += fmt::format("<tr{}>", tr_class);
    for (std::size_t i = 0; i < cells.size(); ++i)
      html +=
          fmt::format("<td{}>{}</td>", t.numeric[i] ? " class=\"num\"" : "", html_escape(cells[i]));
    html += "</tr>\n";
  };
  for (const auto& cells : t.rows) row(cells, "");
  if (!t.total.empty()) row(t.total, " class=\"total\"");
  html += "</tbody>\n</table>\n";
  out(html);
}

// The two blocks side by side, one table row per line, so that the name lines stay level
// when one role needs two lines.
void write_signatures(std::string& html, const BeritaAcara& ba) {
  const auto name = [&ba](const Signatory& s) {
    return s.name.empty() ? html_escape(ba.sign_here)
                          : fmt::format("<span class=\"signer\">{}</span>", html_escape(s.name));
  };
  const auto id_line = [](const Signatory& s) {
    return s.id_label.empty() ? std::string()
                              : html_escape(s.id_label) + " ..............................";
  };
  html += fmt::format(
      "<table class=\"signatures\">\n<tr><td class=\"party\">{}</td><td "
      "class=\"party\">{}</td></tr>\n",
      html_escape(ba.city.party), html_escape(ba.bpjs.party));
  html += fmt::format(
      "<tr class=\"role\"><td>{}</td><td>{}</td></tr>\n<tr "
      "class=\"sign-space\"><td></td><td></td></tr>\n",
      html_escape(ba.city.role), html_escape(ba.bpjs.role));
  html += fmt::format("<tr><td>{}</td><td>{}</td></tr>\n", name(ba.city), name(ba.bpjs));
  html += fmt::format("<tr><td>{}</td><td>{}</td></tr>\n</table>\n", id_line(ba.city),
                      id_line(ba.bpjs));
}

}  // namespace

void write_berita_acara_html(const BeritaAcara& ba, const std::vector<ReconcileRow>& differences,
                             Month month, const Profile& profile, const ReportSink& out) {
  const auto e = html_escape;
  out(
      fmt::format("<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta "
                  "charset=\"utf-8\">\n<title>{}</title>\n<style>",
                  ba.html_lang, e(ba.page_label)));
  std::string page(page_rule);
  page.replace(page.find("%LABEL%"), 7, css_string(ba.page_label));
  page.replace(page.find("%OF%"), 4,
               fmt::format("{} \" \" counter(page) \" \" {} \" \" counter(pages)",
                           css_string(ba.page_of), css_string(ba.page_of_total)));
  out(page);
  out(stylesheet);
  out("</style>\n</head>\n<body>\n");

  out(fmt::format(
      "<header>\n<h1>{}</h1>\n<p class=\"subtitle\">{}</p>\n<p class=\"period\">{}</p>\n"
      "<p class=\"number\">{}</p>\n</header>\n",
      e(ba.title), e(ba.subtitle), e(ba.period), e(ba.number)));
  std::string html = fmt::format("<p>{}</p>\n<ol>\n", e(ba.opening));
  for (const std::string& p : ba.parties) html += fmt::format("<li>{}</li>\n", e(p));
  html += fmt::format("</ol>\n<p>{}</p>\n", e(ba.opening_end));
  html += fmt::format("<h2>{}</h2>\n<ol>\n", e(ba.basis_heading));
  for (const std::string& b : ba.basis) html += fmt::format("<li>{}</li>\n", e(b));
  html += fmt::format("</ol>\n<h2>{}</h2>\n", e(ba.summary_heading));
  out(html);
  write_table(out, ba.summary, "summary");
  html = "<ul>\n";
  for (const std::string& n : ba.summary_notes) html += fmt::format("<li>{}</li>\n", e(n));
  html += fmt::format("</ul>\n<h2>{}</h2>\n", e(ba.status_heading));
  out(html);
  write_table(out, ba.statuses, "statuses");

  out(fmt::format("<h2>{}</h2>\n<p class=\"payable\">{} <strong>{}</strong> {} {}</p>\n",
                  e(ba.payable_heading), e(ba.payable_before), e(ba.payable_amount),
                  e(ba.payable_words), e(ba.payable_after)));

  out(fmt::format("<h2>{}</h2>\n<p>{}</p>\n", e(ba.differences_heading), e(ba.differences_intro)));
  if (!differences.empty()) {
    // Fixed column widths for A4 portrait (174 mm of text width): the masked NIK keeps its
    // 16 characters on one line, an amount like -Rp 16.800 fits its column.
    html =
        "<table class=\"diff\">\n<colgroup><col style=\"width:4.5%\"><col "
        "style=\"width:16.5%\"><col style=\"width:16%\">"
        "<col style=\"width:14%\"><col style=\"width:10.5%\"><col style=\"width:10.5%\"><col "
        "style=\"width:10.5%\">"
        "<col style=\"width:17.5%\"></colgroup>\n<thead><tr>";
    for (std::size_t i = 0; i < ba.differences_header.size(); ++i)
      html += fmt::format("<th{}>{}</th>", ba.differences_numeric[i] ? " class=\"num\"" : "",
                          e(ba.differences_header[i]));
    html += "</tr></thead>\n<tbody>\n";
    out(html);
    for (std::size_t r = 0; r < differences.size(); ++r) {
      const std::vector<std::string> cells =
          difference_cells(differences[r], r + 1, month, profile);
      html = "<tr>";
      for (std::size_t i = 0; i < cells.size(); ++i)
        html += fmt::format("<td{}>{}</td>",
                            i == 1                      ? " class=\"nik\""
                            : ba.differences_numeric[i] ? " class=\"num\""
                                                        : "",
                            e(cells[i]));
      html += "</tr>\n";
      out(html);
    }
    out("</tbody>\n</table>\n");
  }

  html = fmt::format("<section class=\"closing\">\n<p>{}</p>\n<p class=\"place-date\">{}</p>\n",
                     e(ba.closing), e(ba.place_date));
  write_signatures(html, ba);
  html += "</section>\n</body>\n</html>\n";
  out(html);
}

}  // namespace jamsos
