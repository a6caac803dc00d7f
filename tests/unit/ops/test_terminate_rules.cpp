// The decision of one participant and the reading of an event's reason (Pasal 10;
// Pasal 11 ayat (6)), without any CSV.
#include <catch2/catch.hpp>

#include "jamsos/ops/terminate.hpp"

using namespace jamsos;

namespace {

Month ym(int y, unsigned m) { return date::year{y} / date::month{m}; }
Date ymd(int y, unsigned m, unsigned d) { return date::year{y} / date::month{m} / date::day{d}; }

}  // namespace

TEST_CASE("terminate::parse_event_reason", "[terminate]") {
  SECTION("the four words of Pasal 10") {
    CHECK(parse_event_reason("meninggal") == EndReason::meninggal);
    CHECK(parse_event_reason("pindah") == EndReason::pindah);
    CHECK(parse_event_reason("mampu_mandiri") == EndReason::mampu_mandiri);
    CHECK(parse_event_reason("pekerja_formal") == EndReason::pekerja_formal);
  }
  SECTION("the letters a..d, as written after the article's numbering too") {
    CHECK(parse_event_reason("a") == EndReason::meninggal);
    CHECK(parse_event_reason("B") == EndReason::pindah);
    CHECK(parse_event_reason(" c. ") == EndReason::mampu_mandiri);
    CHECK(parse_event_reason("d)") == EndReason::pekerja_formal);
  }
  SECTION("case, spaces and dashes as a spreadsheet user types them") {
    CHECK(parse_event_reason("Mampu Mandiri") == EndReason::mampu_mandiri);
    CHECK(parse_event_reason("PEKERJA-FORMAL") == EndReason::pekerja_formal);
    CHECK(parse_event_reason("Meninggal Dunia") == EndReason::meninggal);
  }
  SECTION("anything else is unknown; usia never comes from an event") {
    CHECK_FALSE(parse_event_reason(""));
    CHECK_FALSE(parse_event_reason("e"));
    CHECK_FALSE(parse_event_reason("usia"));
    CHECK_FALSE(parse_event_reason("wafat"));
    CHECK_FALSE(parse_event_reason("a.b"));
  }
}

TEST_CASE("terminate::end_reason_code", "[terminate]") {
  CHECK(std::string(end_reason_code(EndReason::meninggal)) == "meninggal");
  CHECK(std::string(end_reason_code(EndReason::mampu_mandiri)) == "mampu_mandiri");
  CHECK(std::string(end_reason_code(EndReason::usia)) == "usia");
  CHECK(std::string(event_problem_code(EventProblem::nik_not_in_roster)) == "nik_not_in_roster");
  CHECK(std::string(event_problem_code(EventProblem::reason_unknown)) == "reason_unknown");
  CHECK(std::string(event_problem_code(EventProblem::date_format)) == "date_format");
}

TEST_CASE("terminate::decide_exit", "[terminate]") {
  SECTION("death on the 31st: January is the last premium month") {
    const EventEnd death{EndReason::meninggal, ymd(2026, 1, 31)};
    CHECK_FALSE(decide_exit(ym(2026, 1), std::nullopt, death));
    const auto exit = decide_exit(ym(2026, 2), std::nullopt, death);
    REQUIRE(exit);
    CHECK(exit->reason == EndReason::meninggal);
    CHECK(exit->last_month == ym(2026, 1));
  }
  SECTION("an event in a future month keeps the participant this month") {
    const EventEnd move{EndReason::pindah, ymd(2026, 4, 1)};
    CHECK_FALSE(decide_exit(ym(2026, 3), std::nullopt, move));
    CHECK_FALSE(decide_exit(ym(2026, 4), std::nullopt, move));
    REQUIRE(decide_exit(ym(2026, 5), std::nullopt, move));
    CHECK(decide_exit(ym(2026, 5), std::nullopt, move)->last_month == ym(2026, 4));
  }
  SECTION("born 1961-03-15, cap 64y11m: stays for 2026-02, leaves for 2026-03") {
    const Month akhir = month_reaching_age(ymd(1961, 3, 15), 64, 11);
    REQUIRE(akhir == ym(2026, 2));
    CHECK_FALSE(decide_exit(ym(2026, 2), akhir, std::nullopt));
    const auto exit = decide_exit(ym(2026, 3), akhir, std::nullopt);
    REQUIRE(exit);
    CHECK(exit->reason == EndReason::usia);
    CHECK(exit->last_month == ym(2026, 2));
  }
  SECTION("event and age cap in the same month: the event names the reason") {
    const auto exit =
        decide_exit(ym(2026, 3), ym(2026, 2), EventEnd{EndReason::meninggal, ymd(2026, 2, 10)});
    REQUIRE(exit);
    CHECK(exit->reason == EndReason::meninggal);
    CHECK(exit->last_month == ym(2026, 2));
  }
  SECTION("age cap before the event: usia, even when the event is also past") {
    const auto exit =
        decide_exit(ym(2026, 5), ym(2026, 2), EventEnd{EndReason::pindah, ymd(2026, 3, 5)});
    REQUIRE(exit);
    CHECK(exit->reason == EndReason::usia);
    CHECK(exit->last_month == ym(2026, 2));
  }
  SECTION("event before the age cap: the event, even when the cap is also past") {
    const auto exit =
        decide_exit(ym(2026, 5), ym(2026, 2), EventEnd{EndReason::pekerja_formal, ymd(2026, 1, 1)});
    REQUIRE(exit);
    CHECK(exit->reason == EndReason::pekerja_formal);
    CHECK(exit->last_month == ym(2026, 1));
  }
  SECTION("age cap past, event in the future: usia") {
    const auto exit =
        decide_exit(ym(2026, 3), ym(2026, 2), EventEnd{EndReason::pindah, ymd(2026, 6, 1)});
    REQUIRE(exit);
    CHECK(exit->reason == EndReason::usia);
  }
  SECTION("no cap and no event: stays for ever") {
    CHECK_FALSE(decide_exit(ym(2099, 12), std::nullopt, std::nullopt));
  }
}
