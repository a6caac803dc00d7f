// run_terminate on small CSV files: every row to exactly one output, the events that
// match nobody listed, idempotence, and the errors that stop a run.
#include <stdlib.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>

#include "jamsos/core/errors.hpp"
#include "jamsos/core/profile.hpp"
#include "jamsos/csv/output_file.hpp"
#include "jamsos/csv/reader.hpp"
#include "jamsos/csv/writer.hpp"
#include "jamsos/ops/terminate.hpp"

using namespace jamsos;

namespace {

class Scratch {
 public:
  Scratch() {
    std::string tmpl =
        (std::filesystem::temp_directory_path() / "jamsos_terminate_XXXXXX").string();
    REQUIRE(mkdtemp(tmpl.data()) != nullptr);
    m_dir = tmpl;
  }
  ~Scratch() { std::filesystem::remove_all(m_dir); }
  std::string path(const std::string& name) const { return (m_dir / name).string(); }
  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(path(name), std::ios::binary) << text;
    return path(name);
  }
  std::string read(const std::string& name) const {
    std::ifstream f(path(name), std::ios::binary);
    std::ostringstream s;
    s << f.rdbuf();
    return s.str();
  }

 private:
  std::filesystem::path m_dir;
};

struct Result {
  TerminateCounts counts;
  std::string roster, ended, unmatched;
};

// Runs terminate on `roster_name` (already in `s`) with optional events text; outputs go
// to out.csv, ended.csv, unmatched.csv in `s`.
Result run(const Scratch& s, const std::string& roster_name,
           const std::optional<std::string>& events_text, const std::string& month,
           const std::string& profile_id = "balikpapan-2025") {
  const Profile profile = load_profile(profile_id);
  TerminateOptions options;
  options.month = *parse_month(month);
  csv::Output out_file(s.path("out.csv")), ended_file(s.path("ended.csv")),
      unmatched_file(s.path("unmatched.csv"));
  csv::Writer out(out_file, {}), ended(ended_file, {}), unmatched(unmatched_file, {});
  std::unique_ptr<csv::MultiReader> events;
  if (events_text)
    events = std::make_unique<csv::MultiReader>(
        std::vector<std::string>{s.write("kejadian.csv", *events_text)}, csv::ReaderOptions{});
  csv::MultiReader roster({s.path(roster_name)}, {});
  Result r;
  r.counts =
      run_terminate(roster, events.get(), {out, ended, &unmatched}, profile, options, nullptr);
  out_file.commit();
  ended_file.commit();
  unmatched_file.commit();
  r.roster = s.read("out.csv");
  r.ended = s.read("ended.csv");
  r.unmatched = s.read("unmatched.csv");
  return r;
}

const std::string kHeader = "nik,nama,tanggal_lahir,mulai_iuran,akhir_iuran\n";
const std::string kAni = "6471015503610001,Ani,1961-03-15,2026-01,2026-02\n";
const std::string kBudi = "6471010101800002,Budi,1980-01-01,2026-01,2045-12\n";
const std::string kCici = "6471014202900003,Cici,1990-02-02,2026-01,2055-01\n";
const std::string kEndedHeader =
    "nik,nama,tanggal_lahir,mulai_iuran,akhir_iuran,alasan_berhenti,iuran_terakhir\n";
const std::string kUnmatchedHeader = "nik,alasan,tanggal,masalah,asal\n";

void check_conservation(const Result& r) {
  CHECK(r.counts.roster_rows == r.counts.kept + r.counts.ended);
  CHECK(r.counts.events == r.counts.events_matched + r.counts.events_unmatched);
}

}  // namespace

TEST_CASE("terminate::run death on the 31st", "[terminate]") {
  Scratch s;
  s.write("peserta.csv", kHeader + kBudi + kCici);
  const std::string events = "nik,alasan,tanggal\n6471010101800002,meninggal,31/01/2026\n";
  SECTION("in the run for 2026-01 the participant stays: January's premium is paid") {
    const Result r = run(s, "peserta.csv", events, "2026-01");
    CHECK(r.roster == kHeader + kBudi + kCici);
    CHECK(r.ended == kEndedHeader);
    CHECK(r.counts.events_matched == 1);
    CHECK(r.counts.events_later == 1);
    check_conservation(r);
  }
  SECTION("in the run for 2026-02 they leave with iuran_terakhir 2026-01") {
    const Result r = run(s, "peserta.csv", events, "2026-02");
    CHECK(r.roster == kHeader + kCici);
    CHECK(r.ended ==
          kEndedHeader + "6471010101800002,Budi,1980-01-01,2026-01,2045-12,meninggal,2026-01\n");
    CHECK(r.unmatched == kUnmatchedHeader);
    CHECK(r.counts.ended_by[static_cast<std::size_t>(EndReason::meninggal)] == 1);
    CHECK(r.counts.events_later == 0);
    check_conservation(r);
  }
}

TEST_CASE("terminate::run event dated in a future month", "[terminate]") {
  Scratch s;
  s.write("peserta.csv", kHeader + kBudi);
  const Result r =
      run(s, "peserta.csv", "nik,alasan,tanggal\n6471010101800002,b,2026-04-01\n", "2026-03");
  CHECK(r.roster == kHeader + kBudi);
  CHECK(r.ended == kEndedHeader);
  // Matched (it names a participant) and therefore in no output.
  CHECK(r.unmatched == kUnmatchedHeader);
  CHECK(r.counts.events_matched == 1);
  CHECK(r.counts.events_later == 1);
  check_conservation(r);
}

TEST_CASE("terminate::run two events for one NIK", "[terminate]") {
  Scratch s;
  s.write("peserta.csv", kHeader + kBudi + kCici);
  SECTION("the earliest decides, whatever the input order") {
    const Result r = run(s, "peserta.csv",
                         "nik,alasan,tanggal\n6471010101800002,pindah,2026-02-20\n6471010101800002,"
                         "meninggal,2026-01-31\n",
                         "2026-03");
    CHECK(r.ended ==
          kEndedHeader + "6471010101800002,Budi,1980-01-01,2026-01,2045-12,meninggal,2026-01\n");
    CHECK(r.unmatched == kUnmatchedHeader);
    CHECK(r.counts.events_matched == 2);
    check_conservation(r);
  }
  SECTION("the same date: the first in input order decides") {
    const Result r =
        run(s, "peserta.csv",
            "nik,alasan,tanggal\n6471010101800002,d,2026-01-05\n6471010101800002,c,2026-01-05\n",
            "2026-03");
    CHECK(r.ended ==
          kEndedHeader +
              "6471010101800002,Budi,1980-01-01,2026-01,2045-12,pekerja_formal,2026-01\n");
  }
  SECTION("an unreadable earlier event does not decide; it is listed") {
    const Result r = run(s, "peserta.csv",
                         "nik,alasan,tanggal\n6471010101800002,meninggal,2026-13-"
                         "01\n6471010101800002,pindah,2026-02-20\n",
                         "2026-03");
    CHECK(r.ended ==
          kEndedHeader + "6471010101800002,Budi,1980-01-01,2026-01,2045-12,pindah,2026-02\n");
    CHECK(r.unmatched == kUnmatchedHeader + "6471010101800002,meninggal,2026-13-01,date_format," +
                             s.path("kejadian.csv") + ":2\n");
    CHECK(r.counts.events_matched == 1);
    CHECK(r.counts.events_unmatched == 1);
    check_conservation(r);
  }
}

TEST_CASE("terminate::run age cap born 1961-03-15", "[terminate]") {
  Scratch s;
  SECTION("from akhir_iuran") {
    s.write("peserta.csv", kHeader + kAni + kBudi);
    const Result feb = run(s, "peserta.csv", std::nullopt, "2026-02");
    CHECK(feb.roster == kHeader + kAni + kBudi);
    CHECK(feb.ended == kEndedHeader);
    const Result mar = run(s, "peserta.csv", std::nullopt, "2026-03");
    CHECK(mar.roster == kHeader + kBudi);
    CHECK(mar.ended ==
          kEndedHeader + "6471015503610001,Ani,1961-03-15,2026-01,2026-02,usia,2026-02\n");
    CHECK(mar.counts.ended_by[static_cast<std::size_t>(EndReason::usia)] == 1);
    check_conservation(mar);
  }
  SECTION("from tanggal_lahir and the profile when akhir_iuran is absent") {
    s.write("peserta.csv",
            "nik,nama,tanggal_lahir\n6471015503610001,Ani,15-03-1961\n6471010101800002,Budi,1980-"
            "01-01\n");
    const Result feb = run(s, "peserta.csv", std::nullopt, "2026-02");
    CHECK(feb.counts.kept == 2);
    const Result mar = run(s, "peserta.csv", std::nullopt, "2026-03");
    CHECK(mar.roster == "nik,nama,tanggal_lahir\n6471010101800002,Budi,1980-01-01\n");
    CHECK(mar.ended ==
          "nik,nama,tanggal_lahir,alasan_berhenti,iuran_terakhir\n6471015503610001,Ani,15-03-1961,"
          "usia,2026-02\n");
  }
  SECTION("akhir_iuran wins over tanggal_lahir when both are there") {
    s.write("peserta.csv", kHeader + "6471015503610001,Ani,1961-03-15,2026-01,2026-05\n");
    CHECK(run(s, "peserta.csv", std::nullopt, "2026-03").counts.kept == 1);
  }
  SECTION("an empty akhir_iuran under a profile with a cap: computed from tanggal_lahir") {
    s.write("peserta.csv", kHeader + "6471015503610001,Ani,1961-03-15,2026-01,\n");
    CHECK(run(s, "peserta.csv", std::nullopt, "2026-02").counts.kept == 1);
    const Result r = run(s, "peserta.csv", std::nullopt, "2026-03");
    CHECK(r.ended == kEndedHeader + "6471015503610001,Ani,1961-03-15,2026-01,,usia,2026-02\n");
  }
  SECTION("an empty akhir_iuran under a profile without a cap: no cap, as consolidate writes it") {
    s.write("peserta.csv", kHeader + "6311015503610001,Ani,1961-03-15,2026-01,\n");
    CHECK(run(s, "peserta.csv", std::nullopt, "2040-01", "balangan-2024").counts.kept == 1);
  }
  SECTION("an empty akhir_iuran and no tanggal_lahir under a profile with a cap") {
    s.write("peserta.csv", "nik,akhir_iuran\n6471015503610001,\n");
    CHECK_THROWS_WITH(run(s, "peserta.csv", std::nullopt, "2026-03"),
                      Catch::Contains("peserta.csv:2"));
  }
  SECTION("a profile without a cap needs neither column and never ages anyone out") {
    s.write("peserta.csv", "nik,nama\n6311015503610001,Ani\n");
    const Result r = run(s, "peserta.csv", std::nullopt, "2040-01", "balangan-2024");
    CHECK(r.counts.kept == 1);
    CHECK(r.counts.ended == 0);
  }
  SECTION("an event in the month the cap is reached names the reason") {
    s.write("peserta.csv", kHeader + kAni);
    const Result r =
        run(s, "peserta.csv", "nik,alasan,tanggal\n6471015503610001,a,2026-02-28\n", "2026-03");
    CHECK(r.ended ==
          kEndedHeader + "6471015503610001,Ani,1961-03-15,2026-01,2026-02,meninggal,2026-02\n");
  }
  SECTION("an event after the cap is overtaken but still matched") {
    s.write("peserta.csv", kHeader + kAni);
    const Result r = run(s, "peserta.csv",
                         "nik,alasan,tanggal\n6471015503610001,pindah,2026-03-02\n", "2026-04");
    CHECK(r.ended ==
          kEndedHeader + "6471015503610001,Ani,1961-03-15,2026-01,2026-02,usia,2026-02\n");
    CHECK(r.unmatched == kUnmatchedHeader);
    CHECK(r.counts.events_matched == 1);
  }
}

TEST_CASE("terminate::run unmatched events", "[terminate]") {
  Scratch s;
  s.write("peserta.csv", kHeader + kBudi + kCici);
  const Result r = run(s, "peserta.csv",
                       "nik,alasan,tanggal,catatan\n"
                       "6471019999990009,meninggal,2026-01-10,tidak ada di daftar\n"
                       "6.47101E+15,pindah,2026-01-10,rusak di spreadsheet\n"
                       "6471010101800002,wafat,2026-01-10,alasan salah\n"
                       "6471014202900003,pindah,31-02-2026,tanggal salah\n"
                       "6471019999990009,wafat,kemarin,semua salah\n",
                       "2026-03");
  const std::string asal = s.path("kejadian.csv");
  CHECK(r.unmatched ==
        "nik,alasan,tanggal,catatan,masalah,asal\n"
        "6471019999990009,meninggal,2026-01-10,tidak ada di daftar,nik_not_in_roster," +
            asal +
            ":2\n"
            "6.47101E+15,pindah,2026-01-10,rusak di spreadsheet,nik_not_in_roster," +
            asal +
            ":3\n"
            "6471010101800002,wafat,2026-01-10,alasan salah,reason_unknown," +
            asal +
            ":4\n"
            "6471014202900003,pindah,31-02-2026,tanggal salah,date_format," +
            asal +
            ":5\n"
            "6471019999990009,wafat,kemarin,semua salah,nik_not_in_roster," +
            asal + ":6\n");
  // Unreadable events decide nothing: both participants stay.
  CHECK(r.roster == kHeader + kBudi + kCici);
  CHECK(r.counts.events == 5);
  CHECK(r.counts.events_matched == 0);
  CHECK(r.counts.unmatched_by[static_cast<std::size_t>(EventProblem::nik_not_in_roster)] == 3);
  CHECK(r.counts.unmatched_by[static_cast<std::size_t>(EventProblem::reason_unknown)] == 1);
  CHECK(r.counts.unmatched_by[static_cast<std::size_t>(EventProblem::date_format)] == 1);
  check_conservation(r);
}

TEST_CASE("terminate::run is idempotent", "[terminate]") {
  Scratch s;
  s.write("peserta.csv", kHeader + kAni + kBudi + kCici);
  const std::string events =
      "nik,alasan,tanggal\n6471010101800002,meninggal,2026-02-14\n6471014202900003,pindah,2026-03-"
      "03\n";
  const Result first = run(s, "peserta.csv", events, "2026-03");
  CHECK(first.counts.ended == 2);  // Ani (usia) and Budi (meninggal); Cici moves in March
  s.write("peserta_2026-03.csv", first.roster);
  const Result second = run(s, "peserta_2026-03.csv", events, "2026-03");
  CHECK(second.roster == first.roster);
  CHECK(second.ended == kEndedHeader);
  // Budi's event now names nobody on the roster; Cici's still waits for April.
  CHECK(second.unmatched == kUnmatchedHeader +
                                "6471010101800002,meninggal,2026-02-14,nik_not_in_roster," +
                                s.path("kejadian.csv") + ":2\n");
  CHECK(second.counts.events_later == 1);
  check_conservation(second);
}

TEST_CASE("terminate::run stops on data it cannot judge", "[terminate]") {
  Scratch s;
  SECTION("a NIK twice in the roster: run dedupe first") {
    s.write("peserta.csv", kHeader + kBudi + kCici + kBudi);
    CHECK_THROWS_AS(run(s, "peserta.csv", std::nullopt, "2026-03"), DataError);
    try {
      run(s, "peserta.csv", std::nullopt, "2026-03");
    } catch (const DataError& e) {
      const std::string msg = e.what();
      CHECK(msg.find("peserta.csv:4") != std::string::npos);
      CHECK(msg.find("peserta.csv:2") != std::string::npos);
      CHECK(msg.find("dedupe") != std::string::npos);
      CHECK(msg.find("6471010101800002") == std::string::npos);  // masked
    }
  }
  SECTION("a roster NIK that is not 16 digits") {
    s.write("peserta.csv", kHeader + "6.47101E+15,Budi,1980-01-01,2026-01,2045-12\n");
    CHECK_THROWS_AS(run(s, "peserta.csv", std::nullopt, "2026-03"), DataError);
  }
  SECTION("no nik column") {
    s.write("peserta.csv", "nama,akhir_iuran\nBudi,2045-12\n");
    CHECK_THROWS_AS(run(s, "peserta.csv", std::nullopt, "2026-03"), DataError);
  }
  SECTION("neither akhir_iuran nor tanggal_lahir under a profile with a cap") {
    s.write("peserta.csv", "nik,nama\n6471010101800002,Budi\n");
    CHECK_THROWS_AS(run(s, "peserta.csv", std::nullopt, "2026-03"), DataError);
  }
  SECTION("an unreadable akhir_iuran") {
    s.write("peserta.csv", kHeader + "6471010101800002,Budi,1980-01-01,2026-01,Des 2045\n");
    CHECK_THROWS_WITH(run(s, "peserta.csv", std::nullopt, "2026-03"),
                      Catch::Contains("peserta.csv:2"));
  }
  SECTION("an empty tanggal_lahir when akhir_iuran must be computed") {
    s.write("peserta.csv", "nik,nama,tanggal_lahir\n6471010101800002,Budi,\n");
    CHECK_THROWS_AS(run(s, "peserta.csv", std::nullopt, "2026-03"), DataError);
  }
  SECTION("an events file without tanggal") {
    s.write("peserta.csv", kHeader + kBudi);
    CHECK_THROWS_WITH(run(s, "peserta.csv", "nik,alasan\n6471010101800002,a\n", "2026-03"),
                      Catch::Contains("tanggal"));
  }
  SECTION("a faulty record in the events") {
    s.write("peserta.csv", kHeader + kBudi);
    CHECK_THROWS_AS(run(s, "peserta.csv", "nik,alasan,tanggal\n6471010101800002,a\n", "2026-03"),
                    DataError);
  }
}

TEST_CASE("terminate::run an akhir_iuran saved back as a date", "[terminate]") {
  Scratch s;
  s.write("peserta.csv", kHeader + "6471015503610001,Ani,1961-03-15,2026-01,01/02/2026\n");
  CHECK(run(s, "peserta.csv", std::nullopt, "2026-02").counts.kept == 1);
  CHECK(run(s, "peserta.csv", std::nullopt, "2026-03").counts.ended == 1);
}
