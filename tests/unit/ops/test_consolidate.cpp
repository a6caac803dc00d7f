// `jamsos consolidate` end to end through the library: ordering, quota, budget, age-outs,
// the stop conditions, row conservation and the summary.
#include <stdlib.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "jamsos/core/errors.hpp"
#include "jamsos/core/profile.hpp"
#include "jamsos/csv/output_file.hpp"
#include "jamsos/csv/reader.hpp"
#include "jamsos/csv/writer.hpp"
#include "jamsos/ops/consolidate.hpp"

using namespace jamsos;
namespace fs = std::filesystem;

namespace {

using Row = std::map<std::string, std::string>;

struct TempDir {
  fs::path path;
  TempDir() {
    std::string t = (fs::temp_directory_path() / "jamsos-test-XXXXXX").string();
    path = mkdtemp(t.data());
  }
  ~TempDir() { fs::remove_all(path); }
};

std::vector<Row> read_rows(const fs::path& file) {
  csv::Reader reader(file.string(), csv::ReaderOptions{});
  std::vector<Row> rows;
  csv::Record r;
  while (reader.next(r)) {
    Row row;
    for (std::size_t i = 0; i < reader.header().size(); ++i) row[reader.header()[i]] = r.fields[i];
    rows.push_back(row);
  }
  return rows;
}

std::vector<std::string> read_header(const fs::path& file) {
  return csv::Reader(file.string(), csv::ReaderOptions{}).header();
}

struct Outcome {
  ConsolidateResult result;
  std::vector<Row> list, waitlist, summary;
  std::vector<std::string> list_header, waitlist_header, summary_header;
};

const Profile& balikpapan() {
  static const Profile p = load_profile("balikpapan-2025");
  return p;
}

// Runs consolidate on CSV text; `with_waitlist` false passes no waitlist writer.
Outcome run(const std::string& input, const ConsolidateOptions& options, bool with_waitlist = true,
            const Profile& profile = balikpapan()) {
  TempDir dir;
  const fs::path in_path = dir.path / "layak.csv";
  std::ofstream(in_path) << input;
  csv::MultiReader in({in_path.string()}, csv::ReaderOptions{});
  csv::Output list_file((dir.path / "keputusan.csv").string());
  csv::Output wait_file((dir.path / "tunggu.csv").string());
  csv::Output summary_file((dir.path / "ringkasan.csv").string());
  csv::Writer list(list_file, {}), wait(wait_file, {}), summary(summary_file, {});
  Outcome o;
  o.result = consolidate(in, profile, options,
                         ConsolidateOutputs{list, with_waitlist ? &wait : nullptr, &summary});
  list_file.commit();
  wait_file.commit();
  summary_file.commit();
  o.list = read_rows(dir.path / "keputusan.csv");
  o.list_header = read_header(dir.path / "keputusan.csv");
  if (with_waitlist) {
    o.waitlist = read_rows(dir.path / "tunggu.csv");
    o.waitlist_header = read_header(dir.path / "tunggu.csv");
  }
  o.summary = read_rows(dir.path / "ringkasan.csv");
  o.summary_header = read_header(dir.path / "ringkasan.csv");
  return o;
}

ConsolidateOptions year(int y) {
  ConsolidateOptions o;
  o.year = y;
  return o;
}

const std::string kHeader =
    "nik,nama,tanggal_lahir,pekerjaan,kategori,penghasilan,p3ke,disabilitas,tanggal_usulan\n";

std::vector<std::string> column(const std::vector<Row>& rows, const std::string& name) {
  std::vector<std::string> out;
  for (const auto& r : rows) out.push_back(r.at(name));
  return out;
}

// The exit code and message of what stops a run.
struct Stop {
  int code = 0;
  std::string message;
};
Stop stop_of(const std::string& input, const ConsolidateOptions& options,
             bool with_waitlist = true) {
  try {
    run(input, options, with_waitlist);
  } catch (const Error& e) {
    return {static_cast<int>(e.code()), e.what()};
  }
  return {};
}

}  // namespace

TEST_CASE("consolidate::order and numbering", "[consolidate]") {
  const Outcome o = run(kHeader +
                            "6471010101800005,E,1980-01-01,c,OTM,1.000.000,,,2025-08-10\n"
                            "6471010101800004,D,1980-01-01,c,FM,2.000.000,,,2025-08-10\n"
                            "6471010101800003,C,1980-01-01,c,FM,1.000.000,,,\n"
                            "6471010101800002,B,01/01/1980,c,FM,1.000.000,,,2025-08-10\n"
                            "6471010101800001,A,1980-01-01,c,OTM,3.000.000,,Y,2025-08-10\n",
                        year(2026));
  CHECK(column(o.list, "nama") == std::vector<std::string>{"A", "B", "C", "D", "E"});
  CHECK(column(o.list, "no") == std::vector<std::string>{"1", "2", "3", "4", "5"});
  CHECK(column(o.list, "prioritas") == std::vector<std::string>{"1", "2", "2", "2", "2"});
  SECTION("the contract's first columns, then the other input columns") {
    CHECK(o.list_header ==
          std::vector<std::string>{"no", "nik", "nama", "tanggal_lahir", "pekerjaan", "kategori",
                                   "prioritas", "penanggung_jawab", "mulai_iuran", "akhir_iuran",
                                   "iuran_bulanan", "iuran_tahun", "penghasilan", "p3ke",
                                   "disabilitas", "tanggal_usulan"});
  }
  SECTION("computed columns: Y-01, akhir_iuran from 64y11m, premiums, agency from the occupation") {
    const Row& b = o.list[1];
    CHECK(b.at("tanggal_lahir") == "1980-01-01");  // written as YYYY-MM-DD
    CHECK(b.at("mulai_iuran") == "2026-01");
    CHECK(b.at("akhir_iuran") == "2044-12");
    CHECK(b.at("iuran_bulanan") == "16800");
    CHECK(b.at("iuran_tahun") == "201600");
    CHECK(b.at("penanggung_jawab") == "Perangkat Daerah yang membidangi urusan perhubungan");
  }
  CHECK(o.waitlist.empty());
  CHECK(o.result.decreed == 5);
  CHECK(o.result.premium_total == rupiah(5 * 201600));
}

TEST_CASE("consolidate::budget", "[consolidate]") {
  const std::string input =
      kHeader +
      "6471010101800001,A,1980-01-01,c,FM,1.000.000,,,\n"
      "6471010101800002,B,1980-01-01,c,FM,2.000.000,,,\n"
      "6471010104610003,C,1961-04-10,c,FM,3.000.000,,,\n";  // last month 2026-03: Rp 50.400
  ConsolidateOptions o = year(2026);

  SECTION("a budget that ends exactly at a candidate takes that candidate") {
    o.budget = rupiah(2 * 201600);
    const Outcome r = run(input, o);
    CHECK(column(r.list, "nama") == std::vector<std::string>{"A", "B"});
    CHECK(r.result.premium_total == *o.budget);
    REQUIRE(r.waitlist.size() == 1);
    CHECK(r.waitlist[0].at("alasan") == "over_budget");
    CHECK(r.waitlist[0].at("iuran_tahun") == "50400");  // the budget office sees the price
  }
  SECTION("one sen less: the second no longer fits and the list stops there") {
    o.budget = rupiah(2 * 201600) - 1;
    const Outcome r = run(input, o);
    CHECK(column(r.list, "nama") == std::vector<std::string>{"A"});
    // C (Rp 50.400) would fit in what is left, but the list stops at the first that does not.
    CHECK(column(r.waitlist, "nama") == std::vector<std::string>{"B", "C"});
    CHECK(column(r.waitlist, "alasan") == std::vector<std::string>{"over_budget", "over_budget"});
    CHECK(r.result.over_budget == 2);
  }
  SECTION("a zero budget waits everyone") {
    o.budget = 0;
    const Outcome r = run(input, o);
    CHECK(r.list.empty());
    CHECK(r.waitlist.size() == 3);
  }
  SECTION("the month-by-month price is what the budget counts") {
    o.budget = rupiah(201600 + 201600 + 50400);
    const Outcome r = run(input, o);
    CHECK(r.list.size() == 3);
    CHECK(r.list[2].at("akhir_iuran") == "2026-03");
    CHECK(r.list[2].at("iuran_tahun") == "50400");
  }
}

TEST_CASE("consolidate::quota", "[consolidate]") {
  const std::string input =
      kHeader +
      "6471010101800001,A,1980-01-01,c,FM,1.000.000,,,\n"
      "6471010112600002,Old,1960-12-01,c,FM,1.000.000,,,\n"  // last month 2025-11
      "6471010101800003,B,1980-01-01,c,FM,2.000.000,,,\n"
      "6471010101800004,C,1980-01-01,c,FM,3.000.000,,,\n";
  ConsolidateOptions o = year(2026);
  o.quota = 2;
  const Outcome r = run(input, o);
  SECTION("the first N, the age-out taking no place") {
    CHECK(column(r.list, "nama") == std::vector<std::string>{"A", "B"});
    CHECK(column(r.waitlist, "nama") == std::vector<std::string>{"Old", "C"});
    CHECK(column(r.waitlist, "alasan") ==
          std::vector<std::string>{"ages_out_before_start", "over_quota"});
  }
  SECTION("row conservation: list + waitlist = input") {
    CHECK(r.list.size() + r.waitlist.size() == 4);
  }
  SECTION("the waitlist: input columns plus the computed ones, with words") {
    CHECK(r.waitlist_header.back() == "keterangan");
    const Row& old = r.waitlist[0];
    CHECK(old.at("mulai_iuran").empty());
    CHECK(old.at("akhir_iuran") == "2025-11");
    CHECK(old.at("iuran_tahun") == "0");
    CHECK_THAT(old.at("keterangan"), Catch::Contains("Pasal 11 ayat (6)"));
    const Row& c = r.waitlist[1];
    CHECK(c.at("mulai_iuran") == "2026-01");
    CHECK(c.at("iuran_bulanan") == "16800");
    CHECK(c.at("iuran_tahun") == "201600");
  }
}

TEST_CASE("consolidate::ages_out_before_start", "[consolidate]") {
  // 64y11m: born 1961-02-10 -> last month 2026-01 (one month paid); born 1961-01-31 -> 2025-12.
  const std::string input = kHeader +
                            "6471011002610001,Jan,1961-02-10,c,FM,1.000.000,,,\n"
                            "6471013101610002,Dec,1961-01-31,c,FM,1.000.000,,,\n";
  const Outcome r = run(input, year(2026));
  CHECK(column(r.list, "nama") == std::vector<std::string>{"Jan"});
  CHECK(r.list[0].at("iuran_tahun") == "16800");
  CHECK(column(r.waitlist, "alasan") == std::vector<std::string>{"ages_out_before_start"});
  SECTION("without a waitlist the run stops (exit 2) instead of dropping the row") {
    const Stop s = stop_of(input, year(2026), false);
    CHECK(s.code == 2);
    CHECK_THAT(s.message, Catch::Contains("layak.csv:3") && Catch::Contains("--waitlist"));
  }
}

TEST_CASE("consolidate::stops", "[consolidate]") {
  SECTION("a repeated NIK: 65, both lines, run dedupe first") {
    const Stop s = stop_of(kHeader +
                               "6471010101800001,A,1980-01-01,c,FM,1.000.000,,,\n"
                               "6471010101800002,B,1980-01-01,c,FM,1.000.000,,,\n"
                               "6471010101800001,A2,1980-01-01,c,FM,1.000.000,,,\n",
                           year(2026));
    CHECK(s.code == 65);
    CHECK_THAT(s.message, Catch::Contains("layak.csv:4") && Catch::Contains("layak.csv:2") &&
                              Catch::Contains("dedupe") && Catch::Contains("647101******0001"));
  }
  SECTION("a status other than eligible: 65, run validate first") {
    const Stop s = stop_of(
        "nik,nama,tanggal_lahir,status\n"
        "6471010101800001,A,1980-01-01,eligible\n"
        "6471010101800002,B,1980-01-01,\n"
        "6471010101800003,C,1980-01-01,ineligible\n",
        year(2026));
    CHECK(s.code == 65);
    CHECK_THAT(s.message, Catch::Contains("layak.csv:4") && Catch::Contains("validate"));
  }
  SECTION("an unreadable tanggal_lahir where premiums stop at 64y11m: 65 naming the line") {
    const Stop s =
        stop_of(kHeader + "6471010101800001,A,31-02-1980,c,FM,1.000.000,,,\n", year(2026));
    CHECK(s.code == 65);
    CHECK_THAT(s.message, Catch::Contains("layak.csv:2") && Catch::Contains("tanggal_lahir"));
  }
  SECTION("a NIK that is not 16 digits: 65, masked") {
    const Stop s = stop_of(kHeader + "6.47101E+15,A,1980-01-01,c,FM,1.000.000,,,\n", year(2026));
    CHECK(s.code == 65);
    CHECK_THAT(s.message, Catch::Contains("layak.csv:2"));
  }
  SECTION("a missing tanggal_lahir column: 65 naming the column") {
    const Stop s = stop_of("nik,nama\n6471010101800001,A\n", year(2026));
    CHECK(s.code == 65);
    CHECK_THAT(s.message, Catch::Contains("tanggal_lahir"));
  }
  SECTION("--quota without a waitlist: 2") {
    ConsolidateOptions o = year(2026);
    o.quota = 1;
    CHECK(stop_of(kHeader, o, false).code == 2);
  }
}

TEST_CASE("consolidate::penanggung_jawab", "[consolidate]") {
  const Outcome r =
      run("nik,nama,tanggal_lahir,pekerjaan,penanggung_jawab\n"
          "6471010101800001,A,1980-01-01,pedagang keliling,\n"
          "6471010101800002,B,1980-01-01,f,\n"
          "6471010101800003,C,1980-01-01,f,Dinas Koperasi\n"
          "6471010101800004,D,1980-01-01,astronot,\n",
          year(2026));
  CHECK(column(r.list, "penanggung_jawab") ==
        std::vector<std::string>{"Kecamatan dan Kelurahan",
                                 "Perangkat Daerah yang membidangi urusan perdagangan",
                                 "Dinas Koperasi", ""});
}

TEST_CASE("consolidate::summary and forecast", "[consolidate]") {
  ConsolidateOptions o = year(2026);
  o.forecast_years = 2;
  const Outcome r =
      run(kHeader +
              "6471010101800001,A,1980-01-01,a,FM,1.000.000,,,\n"
              "6471010101800002,B,1980-01-01,b,FM,1.000.000,,,\n"
              "6471010108620003,C,1962-08-01,c,FM,1.000.000,,,\n",  // last month 2027-07
          o);
  CHECK(r.summary_header == std::vector<std::string>{"kelompok", "nama", "jumlah", "iuran_tahun",
                                                     "iuran_2027", "iuran_2028"});
  REQUIRE(r.summary.size() == 2 + 3 + 1);
  SECTION("agencies: nelayan and petani share one") {
    CHECK(r.summary[0].at("kelompok") == "penanggung_jawab");
    CHECK(r.summary[0].at("nama") ==
          "Perangkat Daerah yang membidangi urusan pangan, pertanian dan perikanan");
    CHECK(r.summary[0].at("jumlah") == "2");
    CHECK(r.summary[1].at("nama") == "Perangkat Daerah yang membidangi urusan perhubungan");
  }
  SECTION("occupations in the profile's order") {
    CHECK(column(std::vector<Row>(r.summary.begin() + 2, r.summary.begin() + 5), "nama") ==
          std::vector<std::string>{"nelayan", "petani", "tukang ojek"});
  }
  SECTION("the total and the forecast as C ages out in July 2027") {
    const Row& total = r.summary.back();
    CHECK(total.at("kelompok") == "total");
    CHECK(total.at("jumlah") == "3");
    CHECK(total.at("iuran_tahun") == "604800");
    CHECK(total.at("iuran_2027") == std::to_string(2 * 201600 + 7 * 16800));
    CHECK(total.at("iuran_2028") == std::to_string(2 * 201600));
    CHECK(r.result.summary.back().premiums.size() == 3);
  }
}

namespace {

// Messy but valid candidates: quotes, a newline and a long address, three date spellings,
// ages-out, empty incomes and dates, validate's keterangan and a given penanggung_jawab.
std::string varied_candidates(std::size_t n, bool falling_income = false) {
  static const char* const occupations[] = {"a", "c", "f", "pedagang keliling", "astronot", ""};
  static const char* const categories[] = {"FM", "OTM", "fakir miskin", "x", ""};
  std::string s =
      "nik,nama,tanggal_lahir,pekerjaan,kategori,penghasilan,p3ke,disabilitas,tanggal_usulan,"
      "alamat,keterangan,penanggung_jawab\n";
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t year = 1955 + (i * 7) % 50, month = 1 + i % 12, day = 1 + (i * 3) % 28;
    const auto two = [](std::size_t v) { return (v < 10 ? "0" : "") + std::to_string(v); };
    s += std::to_string(6471010101800000 + i * 37) + ',';
    s += i % 7 == 0 ? "\"Siti, \"\"Ani\"\"\"" : "Nama " + std::to_string(i);
    s += ',';
    switch (i % 3) {
      case 0: s += std::to_string(year) + '-' + two(month) + '-' + two(day); break;
      case 1: s += two(day) + '-' + two(month) + '-' + std::to_string(year); break;
      default: s += two(day) + '/' + two(month) + '/' + std::to_string(year); break;
    }
    s += std::string(",") + occupations[i % 6] + ',' + categories[i % 5] + ',';
    if (falling_income) s += std::to_string((n - i) * 1000);
    else if (i % 11 != 0) s += std::to_string((i * 37) % 50 * 100000);
    s += std::string(",") + (i % 5 == 0 ? "Y" : "") + ",,";
    if (i % 6 != 0) s += "2025-07-" + two(1 + i % 28);
    s += ',';
    if (i % 13 == 0) s += "\"Jl. Mawar 3\nRT 03\"";
    else if (i % 17 == 0) s += std::string(3000, 'x');
    else s += "Jl. " + std::to_string(i);
    s += std::string(",") + (i % 4 == 0 ? "NIK di luar wilayah" : "") + ',' + (i % 9 == 0 ? "Dinas X" : "") + '\n';
  }
  return s;
}

struct Bytes {
  std::string list, waitlist, summary;
  bool operator==(const Bytes& o) const { return list == o.list && waitlist == o.waitlist && summary == o.summary; }
};

std::string slurp(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

Bytes run_bytes(const std::string& input, const ConsolidateOptions& options, const char* threads) {
  const char* before = getenv("JAMSOS_THREADS");
  const std::string saved = before != nullptr ? before : "";
  setenv("JAMSOS_THREADS", threads, 1);
  TempDir dir;
  std::ofstream(dir.path / "layak.csv") << input;
  csv::MultiReader in({(dir.path / "layak.csv").string()}, csv::ReaderOptions{});
  csv::Output list_file((dir.path / "l.csv").string()), wait_file((dir.path / "w.csv").string()),
      summary_file((dir.path / "s.csv").string());
  csv::Writer list(list_file, {}), wait(wait_file, {}), summary(summary_file, {});
  consolidate(in, balikpapan(), options, ConsolidateOutputs{list, &wait, &summary});
  list_file.commit();
  wait_file.commit();
  summary_file.commit();
  if (before != nullptr) setenv("JAMSOS_THREADS", saved.c_str(), 1);
  else unsetenv("JAMSOS_THREADS");
  return {slurp(dir.path / "l.csv"), slurp(dir.path / "w.csv"), slurp(dir.path / "s.csv")};
}

}  // namespace

TEST_CASE("consolidate::same bytes whatever the buckets and threads", "[consolidate]") {
  // The rows are put in rank order a bucket at a time (4 MiB; here down to one row per bucket)
  // and encoded on several threads: none of that may show in the outputs.
  const std::string input = varied_candidates(700);
  ConsolidateOptions o = year(2026);
  o.budget = rupiah(201600 * 250);
  o.forecast_years = 2;
  const Bytes expected = run_bytes(input, o, "1");
  REQUIRE(expected.list.size() > 1000);
  REQUIRE(expected.waitlist.find("ages_out_before_start") != std::string::npos);
  REQUIRE(expected.waitlist.find("over_budget") != std::string::npos);
  REQUIRE(expected.waitlist.find("NIK di luar wilayah; ") != std::string::npos);
  for (const std::size_t bucket : {std::size_t{1}, std::size_t{300}, std::size_t{5000}, std::size_t{0}}) {
    for (const char* threads : {"1", "2", "3"}) {
      INFO("bucket_bytes " << bucket << ", threads " << threads);
      o.bucket_bytes = bucket;
      CHECK(run_bytes(input, o, threads) == expected);
    }
  }
  SECTION("an input in reverse rank order: the first rows are no sample of the rest") {
    // Every later row ranks before the first ones, so one partition gets nearly all the rows
    // and is cut in pieces by rank.
    const std::string falling = varied_candidates(700, true);
    o.bucket_bytes = 0;
    const Bytes whole = run_bytes(falling, o, "1");
    for (const std::size_t bucket : {std::size_t{2000}, std::size_t{20000}}) {
      INFO("bucket_bytes " << bucket);
      o.bucket_bytes = bucket;
      CHECK(run_bytes(falling, o, "2") == whole);
    }
  }
  SECTION("and the rows are the input's, each once") {
    const Outcome r = run(input, o);
    CHECK(r.list.size() + r.waitlist.size() == 700);
    CHECK(r.result.decreed == r.list.size());
  }
}

TEST_CASE("consolidate::waitlist columns the input already has keep their place", "[consolidate]") {
  // prioritas first and keterangan in the middle (validate's columns, in any order): the
  // waitlist writes them in place, keterangan keeping validate's words.
  ConsolidateOptions o = year(2026);
  o.quota = 1;
  const Outcome r = run(
      "prioritas,nik,nama,keterangan,tanggal_lahir,pekerjaan\n"
      "2,6471010101800001,A,,1980-01-01,c\n"
      "1,6471010101800002,B,\"NIK di luar wilayah, periksa\",01-02-1981,c\n"
      "2,6471010112600003,Old,usia 64,1960-12-01,a\n",
      o);
  CHECK(r.waitlist_header ==
        std::vector<std::string>{"prioritas", "nik", "nama", "keterangan", "tanggal_lahir", "pekerjaan",
                                 "penanggung_jawab", "mulai_iuran", "akhir_iuran", "iuran_bulanan", "iuran_tahun",
                                 "alasan"});
  CHECK(column(r.list, "nama") == std::vector<std::string>{"B"});
  REQUIRE(r.waitlist.size() == 2);  // A before Old: same prioritas, category and income, then the NIK
  const Row& old = r.waitlist[1];
  CHECK(old.at("prioritas") == "2");
  CHECK(old.at("alasan") == "ages_out_before_start");
  CHECK(old.at("mulai_iuran").empty());
  CHECK(old.at("iuran_bulanan") == "0");
  CHECK_THAT(old.at("keterangan"), Catch::StartsWith("usia 64; ") && Catch::Contains("2025-11"));
  CHECK(old.at("penanggung_jawab") == "Perangkat Daerah yang membidangi urusan pangan, pertanian dan perikanan");
  const Row& a = r.waitlist[0];
  CHECK(a.at("alasan") == "over_quota");
  CHECK(a.at("tanggal_lahir") == "1980-01-01");
  CHECK_THAT(a.at("keterangan"), Catch::StartsWith("kuota 1 orang"));
}
