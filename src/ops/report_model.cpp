// The berita acara rekonsiliasi (Pasal 11 ayat (3)-(4), Perwali Balikpapan 3/2025): what
// the minutes say, in the run's language, before any format is chosen. The layout follows
// the usual Indonesian berita acara: title and number, "Pada hari ini ... kami yang
// bertanda tangan di bawah ini" naming PIHAK PERTAMA (the city's labour agency) and PIHAK
// KEDUA (the BPJS Ketenagakerjaan branch), the legal basis, the result, the amount to pay
// in figures and in words, the differences, the closing formula, place and date, and the
// two signature blocks.
//
// Worked example (balikpapan-2025, March 2026, 118 active, 116 both active and billed):
// "... membayar iuran bulan Maret 2026 ... sebesar Rp 1.948.800 (terbilang: satu juta
// sembilan ratus empat puluh delapan ribu delapan ratus rupiah) untuk 116 peserta".
#include <fmt/core.h>

#include <algorithm>
#include <filesystem>

#include "jamsos/core/i18n.hpp"
#include "jamsos/core/nik.hpp"
#include "jamsos/core/text.hpp"
#include "jamsos/ops/report.hpp"
#include "jamsos/ops/report_words.hpp"

namespace jamsos {

namespace {

std::string signed_count(std::int64_t n) {
  return n > 0 ? fmt::format("+{}", n) : fmt::format("{}", n);
}

std::string base_name(const std::string& path) {
  if (path == "-") return "stdin";
  const std::string name = std::filesystem::path(path).filename().string();
  return name.empty() ? path : name;
}

bool in_force(const PremiumPeriod& p, Month m) {
  return !(m < p.from) && (!p.until || !(*p.until < m));
}

// "JKK Rp 10.000 + JKM Rp 6.800"
std::string premium_parts(const Profile& profile, Month m, std::string_view basis) {
  std::string parts;
  for (const PremiumPeriod& p : profile.premiums) {
    if (!in_force(p, m) || (!basis.empty() && p.basis != basis)) continue;
    parts +=
        fmt::format("{}{} {}", parts.empty() ? "" : " + ", p.component, format_rupiah(p.amount));
  }
  return parts;
}

std::vector<std::string> legal_basis(const Profile& profile, Month m) {
  std::vector<std::string> items;
  std::string reconciliation = profile.legal_basis.empty() ? profile.title : profile.legal_basis;
  if (profile.reconciliation_rule.enabled)
    reconciliation += ", " + profile.reconciliation_rule.article;
  items.push_back(reconciliation + ".");
  // The national rules behind the premium of this month, each once.
  std::vector<std::string> seen;
  for (const PremiumPeriod& p : profile.premiums) {
    if (!in_force(p, m) || p.basis.empty() ||
        std::find(seen.begin(), seen.end(), p.basis) != seen.end())
      continue;
    seen.push_back(p.basis);
    items.push_back(fmt::format(
        trf("{}: iuran {} per peserta per bulan.", "{}: premium {} per participant per month."),
        p.basis, premium_parts(profile, m, p.basis)));
  }
  return items;
}

}  // namespace

std::optional<ReportFormat> report_format_for(std::string_view path) {
  const std::string ext = to_lower_ascii(std::filesystem::path(path).extension().string());
  if (ext == ".md" || ext == ".markdown") return ReportFormat::markdown;
  if (ext == ".html" || ext == ".htm") return ReportFormat::html;
  return std::nullopt;
}

BeritaAcara build_berita_acara(const ReconcileSummary& s, const Profile& profile,
                               const ReportInfo& info) {
  BeritaAcara ba;
  const std::string month = format_month_long(s.month);
  const bool en = lang() == Lang::en;
  ba.html_lang = en ? "en" : "id";

  ba.title = tr("BERITA ACARA REKONSILIASI", "MINUTES OF THE MONTHLY RECONCILIATION");
  ba.subtitle = fmt::format(
      trf("DATA PESERTA DAN IURAN PROGRAM JAMINAN SOSIAL KETENAGAKERJAAN BAGI PEKERJA RENTAN {}",
          "PARTICIPANTS AND PREMIUMS OF THE EMPLOYMENT SOCIAL SECURITY PROGRAMME FOR "
          "VULNERABLE WORKERS, {}"),
      to_upper_ascii(profile.region_name));
  ba.period = to_upper_ascii(fmt::format(trf("bulan {}", "month of {}"), month));
  ba.number = tr("Nomor: ..............................................",
                 "Number: ..............................................");

  ba.opening =
      en ? fmt::format("On {}, {}, at {}, we the undersigned:", weekday_name(info.date),
                       format_date_long(info.date), info.place)
         : fmt::format(
               "Pada hari ini {} tanggal {} bulan {} tahun {}, bertempat di {}, kami yang bertanda "
               "tangan di bawah ini:",
               weekday_name(info.date), static_cast<unsigned>(info.date.day()),
               month_name(static_cast<unsigned>(info.date.month())),
               static_cast<int>(info.date.year()), info.place);

  ba.city = {tr("PIHAK PERTAMA", "FIRST PARTY"),
             fmt::format(trf("Kepala {}", "Head of {}"), profile.agency_name), info.signer_city,
             "NIP."};
  ba.bpjs = {tr("PIHAK KEDUA", "SECOND PARTY"),
             tr("Kepala Kantor Cabang BPJS Ketenagakerjaan",
                "Head of the BPJS Ketenagakerjaan branch office"),
             info.signer_bpjs, ""};
  const auto party = [](const Signatory& who, bool last) {
    const std::string name = who.name.empty() ? std::string() : who.name + ", ";
    return fmt::format(trf("{}{}, selanjutnya disebut {}{}", "{}{}, hereinafter the {}{}"), name,
                       who.role, who.party, last ? "," : ";");
  };
  ba.parties = {party(ba.city, false), party(ba.bpjs, true)};
  const std::string cite =
      profile.reconciliation_rule.enabled
          ? fmt::format(trf("sebagaimana dimaksud dalam {} {}", "as required by {} of {}"),
                        profile.reconciliation_rule.article, profile.title)
          : fmt::format(trf("berdasarkan {}", "under {}"), profile.title);
  ba.opening_end = fmt::format(
      trf("telah melaksanakan rekonsiliasi data jumlah peserta dan iuran program Jaminan Sosial "
          "Ketenagakerjaan bagi Pekerja Rentan bulan {} {}, dengan hasil sebagai berikut.",
          "have reconciled the number of participants and the premiums of the employment social "
          "security "
          "programme for vulnerable workers for {}, {}, with the following result."),
      month, cite);

  ba.basis_heading = tr("A. Dasar Hukum", "A. Legal basis");
  ba.basis = legal_basis(profile, s.month);

  ba.summary_heading = tr("B. Hasil Rekonsiliasi", "B. Result");
  ba.summary.header = {tr("Uraian", "Item"), tr("Data Pemerintah Daerah", "City's data"),
                       tr("Tagihan BPJS Ketenagakerjaan", "BPJS Ketenagakerjaan's invoice"),
                       tr("Selisih", "Difference")};
  ba.summary.numeric = {false, true, true, true};
  ba.summary.rows = {
      {tr("Jumlah peserta (NIK)", "Participants (NIKs)"), fmt::format("{}", s.expected_count),
       fmt::format("{}", s.billed_niks),
       signed_count(static_cast<std::int64_t>(s.billed_niks) -
                    static_cast<std::int64_t>(s.expected_count))},
      {tr("Jumlah iuran", "Premiums"), format_rupiah(s.expected_total),
       format_rupiah(s.billed_total), format_rupiah(s.billed_total - s.expected_total)},
  };
  ba.summary_notes.push_back(fmt::format(
      trf("Iuran per peserta bulan {}: {} ({}).", "Premium per participant for {}: {} ({})."),
      month, format_rupiah(s.premium), premium_parts(profile, s.month, "")));
  ba.summary_notes.push_back(fmt::format(
      trf("Data Pemerintah Daerah: peserta aktif bulan {} (mulai_iuran sampai akhir_iuran) dalam "
          "{}, "
          "{} baris.",
          "City's data: participants active in {} (mulai_iuran to akhir_iuran) in {}, {} rows."),
      month, base_name(info.roster_file), s.roster_rows));
  ba.summary_notes.push_back(fmt::format(
      trf("Tagihan BPJS Ketenagakerjaan: {} baris untuk bulan {} dari {} baris dalam {}.",
          "BPJS Ketenagakerjaan's invoice: {} lines for {} of {} lines in {}."),
      s.billed_lines, month, s.invoice_lines, base_name(info.invoice_file)));
  if (s.wrong_period_lines > 0)
    ba.summary_notes.push_back(fmt::format(trf("{} baris tagihan untuk periode lain ({}) tidak "
                                               "termasuk dalam jumlah di atas; baris itu "
                                               "tercantum dalam daftar selisih.",
                                               "{} invoice lines for other periods ({}) are not in "
                                               "the figures above; they are listed among "
                                               "the differences."),
                                           s.wrong_period_lines,
                                           format_rupiah(s.wrong_period_total)));
  // Which figures were applied, for whoever checks the minutes later (kept with the
  // results: a line after the signatures could end up alone on a last page).
  ba.summary_notes.push_back(
      fmt::format(trf("Profil regulasi: {} versi {}; disusun dengan jamsos reconcile.",
                      "Regulation profile: {} version {}; prepared with jamsos reconcile."),
                  profile.id, profile.version));

  ba.status_heading = tr("C. Rincian per Status", "C. By status");
  ba.statuses.header = {tr("Status", "Status"), tr("Jumlah baris", "Rows"),
                        tr("Iuran seharusnya", "Expected"), tr("Iuran ditagih", "Billed"),
                        tr("Selisih", "Difference")};
  ba.statuses.numeric = {false, true, true, true, true};
  Sen expected_all = 0, billed_all = 0;
  for (std::size_t i = 0; i < reconcile_status_count; ++i) {
    const auto status = static_cast<ReconcileStatus>(i);
    ba.statuses.rows.push_back({fmt::format("{} ({})", status_words(status), status_code(status)),
                                fmt::format("{}", s.rows[i]), format_rupiah(s.expected_sum[i]),
                                format_rupiah(s.billed_sum[i]),
                                format_rupiah(s.difference_sum[i])});
    expected_all += s.expected_sum[i];
    billed_all += s.billed_sum[i];
  }
  ba.statuses.total = {tr("Jumlah", "Total"), fmt::format("{}", s.row_count()),
                       format_rupiah(expected_all), format_rupiah(billed_all),
                       format_rupiah(s.net_difference())};

  ba.payable_heading = tr("D. Iuran yang Dibayar", "D. Premium payable");
  ba.payable_before =
      fmt::format(trf("Berdasarkan berita acara ini, Pemerintah Daerah membayar iuran bulan {} "
                      "kepada BPJS Ketenagakerjaan sebesar",
                      "Under these minutes the city pays BPJS Ketenagakerjaan the premiums "
                      "for {} of"),
                  month);
  ba.payable_amount = format_rupiah(s.payable_total);
  ba.payable_words =
      fmt::format(trf("(terbilang: {})", "(in words: {})"), rupiah_in_words(s.payable_total));
  ba.payable_after =
      fmt::format(trf("untuk {} peserta yang terdaftar sebagai peserta aktif dan ditagih, "
                      "masing-masing sebesar iuran "
                      "seharusnya {}; NIK yang ditagih lebih dari sekali dibayar satu kali. "
                      "Tagihan untuk NIK yang bukan "
                      "peserta aktif dan tagihan periode lain tidak termasuk dalam pembayaran ini.",
                      "for {} participants who are both active and billed, each at the expected "
                      "premium of {}; a NIK "
                      "billed more than once is paid once. Bills for NIKs that are not active "
                      "participants and bills "
                      "for other periods are not part of this payment."),
                  s.payable_count, format_rupiah(s.premium));

  ba.difference_count = s.difference_count();
  ba.differences_heading = tr("E. Daftar Selisih", "E. Differences");
  ba.differences_intro =
      ba.difference_count == 0
          ? std::string(
                tr("Tidak ada selisih: data Pemerintah Daerah dan tagihan BPJS Ketenagakerjaan "
                   "sesuai.",
                   "No differences: the city's data and BPJS Ketenagakerjaan's invoice agree."))
          : fmt::format(
                trf("{} baris berikut berbeda antara data Pemerintah Daerah dan tagihan BPJS "
                    "Ketenagakerjaan dan ditindaklanjuti oleh PARA PIHAK. NIK ditampilkan "
                    "tersamar; "
                    "NIK lengkap ada dalam berkas selisih (CSV).",
                    "The following {} rows differ between the city's data and BPJS "
                    "Ketenagakerjaan's invoice and are followed up by both parties. NIKs are "
                    "masked; the full NIKs are in the difference file (CSV)."),
                ba.difference_count);
  ba.differences_header = {tr("No", "No"),
                           "NIK",
                           tr("Nama", "Name"),
                           tr("Status", "Status"),
                           tr("Seharusnya", "Expected"),
                           tr("Ditagih", "Billed"),
                           tr("Selisih", "Difference"),
                           tr("Keterangan", "Note")};
  ba.differences_numeric = {true, false, false, false, true, true, true, false};

  ba.closing = tr(
      "Demikian berita acara ini dibuat dengan sebenarnya dalam rangkap 2 (dua), masing-masing "
      "mempunyai "
      "kekuatan hukum yang sama, untuk dipergunakan sebagaimana mestinya.",
      "These minutes are made truthfully in two copies of equal force, to be used as appropriate.");
  ba.place_date = fmt::format("{}, {}", info.place, format_date_long(info.date));
  ba.sign_here = "(..........................................)";
  ba.page_label =
      fmt::format(trf("Berita Acara Rekonsiliasi {}", "Reconciliation minutes, {}"), month);
  ba.page_of = tr("halaman", "page");
  ba.page_of_total = tr("dari", "of");
  return ba;
}

std::vector<std::string> difference_cells(const ReconcileRow& row, std::size_t number, Month month,
                                          const Profile& profile) {
  // An em dash for "no amount on this side", distinct from Rp 0.
  const auto money = [](const std::optional<Sen>& s) {
    return s ? format_rupiah(*s) : std::string("\u2014");
  };
  // A printed row must stay short: where the status and the amounts tell the whole story
  // the note would only repeat them.
  std::string note;
  switch (row.status) {
    case ReconcileStatus::amount_mismatch:
    case ReconcileStatus::missing_in_invoice:
      break;
    case ReconcileStatus::wrong_period:
      note = fmt::format(trf("periode {}", "period {}"), format_month(row.period));
      break;
    case ReconcileStatus::duplicate_in_invoice:
      note = fmt::format(trf("{} baris tagihan", "{} invoice lines"), row.billed_lines);
      if (row.expected)
        note += tr("; dibayar sekali", "; paid once");
      else
        note = reconcile_note(row, month, profile);
      break;
    default:
      note = reconcile_note(row, month, profile);
  }
  return {fmt::format("{}", number),
          mask_nik(row.nik),
          row.nama,
          status_words(row.status),
          money(row.expected),
          money(row.billed),
          format_rupiah(row.difference),
          note};
}

void write_berita_acara(ReportFormat format, const ReconcileSummary& summary,
                        const std::vector<ReconcileRow>& differences, const Profile& profile,
                        const ReportInfo& info, const ReportSink& out) {
  const BeritaAcara ba = build_berita_acara(summary, profile, info);
  if (format == ReportFormat::markdown)
    write_berita_acara_markdown(ba, differences, summary.month, profile, out);
  else
    write_berita_acara_html(ba, differences, summary.month, profile, out);
}

}  // namespace jamsos
