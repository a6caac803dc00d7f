// The berita acara: amounts in words, month and day names, escaping for HTML and
// Markdown, and what both renderers must print (masked NIKs, the payable amount, place,
// date, signature blocks, the A4 print rules), in Bahasa Indonesia and in English.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "jamsos/core/i18n.hpp"
#include "jamsos/core/profile.hpp"
#include "jamsos/ops/reconcile.hpp"
#include "jamsos/ops/report.hpp"
#include "jamsos/ops/report_words.hpp"

using namespace jamsos;

namespace {

// Switches the run's language for one test and back.
struct LangScope {
  explicit LangScope(Lang l) { set_lang(l); }
  ~LangScope() { set_lang(Lang::id); }
};

constexpr Sen premium = rupiah(16'800);

ReconcileRow diff_row(const std::string& nik, const std::string& nama, ReconcileStatus status,
                      std::optional<Sen> expected, std::optional<Sen> billed) {
  ReconcileRow r;
  r.nik = nik;
  r.nama = nama;
  r.status = status;
  r.expected = expected;
  r.billed = billed;
  r.difference = billed.value_or(0) - expected.value_or(0);
  r.period = *parse_month("2026-03");
  r.billed_lines = billed ? 1 : 0;
  return r;
}

// March 2026: 3 active, 2 billed and paid, one missing, one unknown NIK billed.
struct Fixture {
  Profile profile = load_profile("balikpapan-2025");
  ReconcileSummary summary;
  std::vector<ReconcileRow> differences;
  ReportInfo info;

  Fixture() {
    summary.month = *parse_month("2026-03");
    summary.premium = premium;
    summary.roster_rows = 3;
    summary.expected_count = 3;
    summary.expected_total = 3 * premium;
    summary.invoice_lines = 3;
    summary.billed_lines = 3;
    summary.billed_niks = 3;
    summary.billed_total = 3 * premium;
    summary.rows = {2, 0, 0, 1, 1, 0};
    summary.expected_sum = {2 * premium, 0, 0, 0, premium, 0};
    summary.billed_sum = {2 * premium, 0, 0, premium, 0, 0};
    summary.difference_sum = {0, 0, 0, premium, -premium, 0};
    summary.payable_count = 2;
    summary.payable_total = 2 * premium;
    differences.push_back(diff_row("6471010404800004", "Dedi", ReconcileStatus::missing_in_invoice,
                                   premium, std::nullopt));
    differences.push_back(diff_row("6471019909900009", "<b>Gita</b> & \"Ani\" | *x*",
                                   ReconcileStatus::not_expected, std::nullopt, premium));
    info.place = "Balikpapan";
    info.date = *parse_date("2026-03-30");
    info.roster_file = "/tmp/x/peserta_2026-03.csv";
    info.invoice_file = "tagihan_2026-03.csv";
  }

  std::string render(ReportFormat format) const {
    std::string text;
    write_berita_acara(format, summary, differences, profile, info,
                       [&text](std::string_view s) { text += s; });
    return text;
  }
};

}  // namespace

TEST_CASE("report::rupiah_in_words", "[report]") {
  SECTION("the payable amounts of a month") {
    CHECK(rupiah_in_words(rupiah(16'800)) == "enam belas ribu delapan ratus rupiah");
    CHECK(rupiah_in_words(rupiah(1'948'800)) ==
          "satu juta sembilan ratus empat puluh delapan ribu delapan ratus rupiah");
    CHECK(rupiah_in_words(rupiah(119'582'400)) ==
          "seratus sembilan belas juta lima ratus delapan puluh dua ribu empat ratus rupiah");
  }
  SECTION("se- only for sepuluh, sebelas, seratus, seribu") {
    CHECK(number_in_words(10) == "sepuluh");
    CHECK(number_in_words(11) == "sebelas");
    CHECK(number_in_words(100) == "seratus");
    CHECK(number_in_words(1'000) == "seribu");
    CHECK(number_in_words(1'100) == "seribu seratus");
    CHECK(number_in_words(11'000) == "sebelas ribu");
    CHECK(number_in_words(1'000'000) == "satu juta");
    CHECK(number_in_words(1'001'000) == "satu juta seribu");
    CHECK(number_in_words(2'000'000'000) == "dua miliar");
    CHECK(number_in_words(1'000'000'000'000) == "satu triliun");
  }
  SECTION("zero, sen and negative amounts") {
    CHECK(rupiah_in_words(0) == "nol rupiah");
    CHECK(rupiah_in_words(370'150'868) ==
          "tiga juta tujuh ratus satu ribu lima ratus delapan rupiah enam puluh delapan sen");
    CHECK(rupiah_in_words(50) == "lima puluh sen");
    CHECK(rupiah_in_words(-rupiah(16'800)) == "minus enam belas ribu delapan ratus rupiah");
    CHECK(number_in_words(std::numeric_limits<std::int64_t>::min())
              .rfind("minus sembilan kuintiliun", 0) == 0);
  }
  SECTION("English") {
    LangScope en(Lang::en);
    CHECK(rupiah_in_words(rupiah(1'948'800)) ==
          "one million nine hundred forty-eight thousand eight hundred rupiah");
    CHECK(number_in_words(1'000) == "one thousand");
    CHECK(number_in_words(115) == "one hundred fifteen");
    CHECK(rupiah_in_words(0) == "zero rupiah");
  }
}

TEST_CASE("report::month and day names", "[report]") {
  CHECK(format_month_long(*parse_month("2026-03")) == "Maret 2026");
  CHECK(format_date_long(*parse_date("2026-08-17")) == "17 Agustus 2026");
  CHECK(std::string(weekday_name(*parse_date("2026-03-30"))) == "Senin");
  CHECK(std::string(weekday_name(*parse_date("2026-03-29"))) == "Minggu");
  CHECK(std::string(weekday_name(*parse_date("2026-03-27"))) == "Jumat");
  LangScope en(Lang::en);
  CHECK(format_month_long(*parse_month("2026-03")) == "March 2026");
  CHECK(std::string(weekday_name(*parse_date("2026-03-30"))) == "Monday");
}

TEST_CASE("report::html_escape", "[report]") {
  CHECK(html_escape("<b>Siti</b> & \"Ani\" 'x'") ==
        "&lt;b&gt;Siti&lt;/b&gt; &amp; &quot;Ani&quot; &#39;x&#39;");
  CHECK(html_escape(std::string("a\x01"
                                "b\x7f"
                                "c",
                                5)) == "abc");
  CHECK(html_escape("Ṡiti Nur’aini") == "Ṡiti Nur’aini");  // UTF-8 passes unchanged
}

TEST_CASE("report::markdown_escape", "[report]") {
  SECTION("table and emphasis characters") {
    CHECK(markdown_escape("Siti | Aminah") == "Siti \\| Aminah");
    CHECK(markdown_escape("_x_ *y* `z` [a](b) <c>") ==
          "\\_x\\_ \\*y\\* \\`z\\` \\[a\\](b) \\<c\\>");
    CHECK(markdown_escape("a\\b") == "a\\\\b");
  }
  SECTION("line breaks become spaces; a cell stays on one line") {
    CHECK(markdown_escape("Jl. Mawar\nRT 3\r\n") == "Jl. Mawar RT 3  ");
  }
  SECTION("what would start a list or heading") {
    CHECK(markdown_escape("- Ani") == "\\- Ani");
    CHECK(markdown_escape("+ Ani") == "\\+ Ani");
    CHECK(markdown_escape("---") == "\\---");
    CHECK(markdown_escape("=") == "\\=");
    CHECK(markdown_escape("-Rp 16.800") == "-Rp 16.800");
    CHECK(markdown_escape("# Ani") == "\\# Ani");
    CHECK(markdown_escape("2026. Ani") == "2026\\. Ani");
    CHECK(markdown_escape("Pasal 11 ayat (3).") == "Pasal 11 ayat (3).");
  }
}

TEST_CASE("report::report_format_for", "[report]") {
  CHECK(report_format_for("berita_acara_2026-03.html") == ReportFormat::html);
  CHECK(report_format_for("out/BA.HTM") == ReportFormat::html);
  CHECK(report_format_for("ba.md") == ReportFormat::markdown);
  CHECK_FALSE(report_format_for("ba.pdf").has_value());
  CHECK_FALSE(report_format_for("ba").has_value());
}

TEST_CASE("report::berita acara in Markdown", "[report]") {
  const Fixture f;
  const std::string md = f.render(ReportFormat::markdown);
  SECTION("title with the Indonesian month, legal basis, place and date") {
    CHECK_THAT(md, Catch::StartsWith("# BERITA ACARA REKONSILIASI\n"));
    CHECK_THAT(md, Catch::Contains("BULAN MARET 2026"));
    CHECK_THAT(
        md, Catch::Contains(
                "Pada hari ini Senin tanggal 30 bulan Maret tahun 2026, bertempat di Balikpapan"));
    CHECK_THAT(
        md, Catch::Contains("Pasal 11 ayat (3) Peraturan Wali Kota Balikpapan Nomor 3 Tahun 2025"));
    CHECK_THAT(md,
               Catch::Contains("PP 44/2015 jo. PP 82/2019: iuran JKK Rp 10.000 + JKM Rp 6.800"));
    CHECK_THAT(md, Catch::Contains("\nBalikpapan, 30 Maret 2026\n"));
  }
  SECTION("both sides' counts and totals, and the payable amount in figures and words") {
    CHECK_THAT(md, Catch::Contains("| Jumlah peserta (NIK) | 3 | 3 | 0 |"));
    CHECK_THAT(md, Catch::Contains("| Jumlah iuran | Rp 50.400 | Rp 50.400 | Rp 0 |"));
    CHECK_THAT(
        md,
        Catch::Contains(
            "**Rp 33.600** (terbilang: tiga puluh tiga ribu enam ratus rupiah) untuk 2 peserta"));
  }
  SECTION("every difference, NIK masked, names escaped") {
    CHECK_THAT(md, Catch::Contains("| 1 | 647101\\*\\*\\*\\*\\*\\*0004 | Dedi | Tidak ditagih |"));
    CHECK_THAT(md, Catch::Contains("\\<b\\>Gita\\</b\\> & \"Ani\" \\| \\*x\\*"));
    CHECK_THAT(md, !Catch::Contains("6471010404800004") && !Catch::Contains("6471019909900009"));
  }
  SECTION("signature blocks: the agency's head and the BPJS branch, blank lines to sign") {
    CHECK_THAT(md, Catch::Contains("| PIHAK PERTAMA | PIHAK KEDUA |"));
    CHECK_THAT(md, Catch::Contains("| Kepala Dinas Tenaga Kerja Kota Balikpapan | Kepala Kantor "
                                   "Cabang BPJS Ketenagakerjaan |"));
    CHECK_THAT(md, Catch::Contains("(..........................................)"));
  }
  SECTION("the data sources by file name, not by path, and the profile applied") {
    CHECK_THAT(md, Catch::Contains("dalam peserta\\_2026-03.csv, 3 baris"));
    CHECK_THAT(md, Catch::Contains("dari 3 baris dalam tagihan\\_2026-03.csv"));
    CHECK_THAT(md, !Catch::Contains("/tmp/x"));
    CHECK_THAT(md, Catch::Contains("- Profil regulasi: balikpapan-2025 versi 2025.1;"));
  }
  SECTION("nothing after the signature blocks") {
    CHECK_THAT(md, Catch::EndsWith("| NIP. .................... |  |\n"));
  }
}

TEST_CASE("report::berita acara in HTML", "[report]") {
  Fixture f;
  f.info.signer_city = "Dr. Budi <Santoso>";
  const std::string html = f.render(ReportFormat::html);
  SECTION("a whole document that prints on A4 with repeated table headers") {
    CHECK_THAT(html, Catch::StartsWith("<!DOCTYPE html>\n<html lang=\"id\">"));
    CHECK_THAT(html, Catch::Contains("size: A4"));
    CHECK_THAT(html, Catch::Contains("thead { display: table-header-group; }"));
    CHECK_THAT(html, Catch::Contains("tr { break-inside: avoid;"));
    CHECK_THAT(html, Catch::Contains("counter(page)") &&
                         Catch::Contains("\"Berita Acara Rekonsiliasi Maret 2026\""));
    CHECK_THAT(html, Catch::EndsWith("</html>\n"));
  }
  SECTION("data is escaped, NIKs masked") {
    CHECK_THAT(html, Catch::Contains("&lt;b&gt;Gita&lt;/b&gt; &amp; &quot;Ani&quot; | *x*"));
    CHECK_THAT(html, !Catch::Contains("<b>Gita"));
    CHECK_THAT(html, Catch::Contains("<td class=\"nik\">647101******0009</td>"));
    CHECK_THAT(html, !Catch::Contains("6471019909900009"));
  }
  SECTION("a signer's name replaces the blank line") {
    CHECK_THAT(html, Catch::Contains("<span class=\"signer\">Dr. Budi &lt;Santoso&gt;</span>"));
    CHECK_THAT(html, Catch::Contains("Dr. Budi &lt;Santoso&gt;, Kepala Dinas Tenaga Kerja Kota "
                                     "Balikpapan, selanjutnya disebut PIHAK PERTAMA;"));
  }
  SECTION("the payable amount in bold") {
    CHECK_THAT(
        html,
        Catch::Contains(
            "<strong>Rp 33.600</strong> (terbilang: tiga puluh tiga ribu enam ratus rupiah)"));
  }
}

TEST_CASE("report::no differences", "[report]") {
  Fixture f;
  f.differences.clear();
  f.summary.rows = {3, 0, 0, 0, 0, 0};
  const std::string md = f.render(ReportFormat::markdown);
  CHECK_THAT(md, Catch::Contains("Tidak ada selisih"));
  CHECK_THAT(md, !Catch::Contains("| No | NIK |"));
}

TEST_CASE("report::berita acara in English", "[report]") {
  LangScope en(Lang::en);
  const Fixture f;
  const std::string html = f.render(ReportFormat::html);
  CHECK_THAT(html, Catch::Contains("<html lang=\"en\">"));
  CHECK_THAT(html, Catch::Contains("MONTH OF MARCH 2026"));
  CHECK_THAT(html, Catch::Contains("On Monday, 30 March 2026, at Balikpapan, we the undersigned:"));
  CHECK_THAT(html, Catch::Contains("FIRST PARTY") && Catch::Contains("SECOND PARTY"));
  CHECK_THAT(html, Catch::Contains("(in words: thirty-three thousand six hundred rupiah)"));
  CHECK_THAT(html, Catch::Contains("Not billed"));
  CHECK_THAT(html, !Catch::Contains("Pada hari ini"));
}
