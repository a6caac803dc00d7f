#pragma once
// The berita acara rekonsiliasi (Pasal 11 ayat (3), Perwali Balikpapan 3/2025): the
// minutes both sides sign each month and by which the city pays (ayat (4)). One content
// model holds every word in the run's language (Bahasa Indonesia; --lang en: English);
// two renderers print it as Markdown or as HTML that prints on A4.
//
// Every NIK in it is masked (contract: first 6 and last 4 digits); every text that comes
// from data (names, file names, place, signers) is escaped for its format.
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "jamsos/core/dates.hpp"
#include "jamsos/core/profile.hpp"
#include "jamsos/ops/reconcile.hpp"

namespace jamsos {

enum class ReportFormat { markdown, html };
// By the file name's extension: .md / .markdown -> markdown, .html / .htm -> html (any
// case); nullopt otherwise.
std::optional<ReportFormat> report_format_for(std::string_view path);

struct ReportInfo {
  std::string place;        // --place: where it is signed (default: the profile's place)
  Date date;                // --date: the day it is signed (default: today)
  std::string signer_city;  // --signer-city: empty leaves a line to write the name on
  std::string signer_bpjs;  // --signer-bpjs
  std::string roster_file;  // names of the inputs, shown as the data sources
  std::string invoice_file;
};

// A table of the minutes: cells already in words; `numeric` columns align right.
struct ReportTable {
  std::vector<std::string> header;
  std::vector<bool> numeric;
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> total;  // empty: no total row
};

struct Signatory {
  std::string party;     // "PIHAK PERTAMA"
  std::string role;      // "Kepala Dinas Tenaga Kerja Kota Balikpapan"
  std::string name;      // empty: a line to sign the name on
  std::string id_label;  // "NIP." for the civil servant, empty otherwise
};

// Everything the minutes say, in the run's language. The list of differences is not
// here: it can be long, so the renderers take it row by row (difference_cells).
struct BeritaAcara {
  std::string html_lang;  // "id" / "en"
  std::string title;      // BERITA ACARA REKONSILIASI
  std::string subtitle;   // DATA PESERTA DAN IURAN ... KOTA BALIKPAPAN
  std::string period;     // BULAN MARET 2026
  std::string number;     // Nomor: ......
  std::string opening;    // Pada hari ini Senin tanggal 30 Maret 2026, bertempat di ...
  std::vector<std::string> parties;
  std::string opening_end;  // telah melaksanakan rekonsiliasi ... sebagai berikut.
  std::string basis_heading;
  std::vector<std::string> basis;
  std::string summary_heading;
  ReportTable summary;
  std::vector<std::string> summary_notes;
  std::string status_heading;
  ReportTable statuses;
  std::string payable_heading;
  std::string payable_before;  // "... sebesar"
  std::string payable_amount;  // "Rp 1.948.800" (printed bold)
  std::string payable_words;   // "(terbilang: satu juta ... rupiah)"
  std::string payable_after;   // "untuk 116 peserta ..."
  std::string differences_heading;
  std::string differences_intro;
  std::vector<std::string> differences_header;
  std::vector<bool> differences_numeric;
  std::size_t difference_count = 0;
  std::string closing;
  std::string place_date;  // Balikpapan, 30 Maret 2026
  Signatory city;
  Signatory bpjs;
  std::string sign_here;      // the blank name line
  std::string page_label;     // running footer: "Berita Acara Rekonsiliasi Maret 2026"
  std::string page_of;        // "halaman" (then "X dari Y")
  std::string page_of_total;  // "dari"
};

BeritaAcara build_berita_acara(const ReconcileSummary& summary, const Profile& profile,
                               const ReportInfo& info);
// One line of the list of differences, numbered from 1: No, NIK (masked), Nama, Status,
// Seharusnya, Ditagih, Selisih, Keterangan.
std::vector<std::string> difference_cells(const ReconcileRow& row, std::size_t number, Month month,
                                          const Profile& profile);

// Where rendered text goes (an output file, or a string in tests).
using ReportSink = std::function<void(std::string_view)>;

void write_berita_acara(ReportFormat format, const ReconcileSummary& summary,
                        const std::vector<ReconcileRow>& differences, const Profile& profile,
                        const ReportInfo& info, const ReportSink& out);
void write_berita_acara_markdown(const BeritaAcara& ba,
                                 const std::vector<ReconcileRow>& differences, Month month,
                                 const Profile& profile, const ReportSink& out);
void write_berita_acara_html(const BeritaAcara& ba, const std::vector<ReconcileRow>& differences,
                             Month month, const Profile& profile, const ReportSink& out);

// `&` `<` `>` `"` `'` as entities; control characters other than tab and newline dropped.
std::string html_escape(std::string_view text);
// Text for a Markdown table cell or paragraph: ASCII punctuation that Markdown reads
// (`\` `` ` `` `*` `_` `[` `]` `<` `>` `|` `#` ...) backslash-escaped, line breaks as spaces.
std::string markdown_escape(std::string_view text);

}  // namespace jamsos
