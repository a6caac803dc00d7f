// Pricing a decree year month by month (Pasal 8 ayat (6), Pasal 11 ayat (6)).
#include <catch2/catch.hpp>

#include "jamsos/core/errors.hpp"
#include "jamsos/core/profile.hpp"
#include "jamsos/ops/consolidate_premium.hpp"

using namespace jamsos;

namespace {

Month ym(int y, unsigned m) { return Month{date::year{y}, date::month{m}}; }

// balikpapan-2025 with JKK halved from April 2026 (the PP 50/2025 example of the profile).
Profile with_april_cut() {
  Profile p = load_profile("balikpapan-2025");
  p.premiums = {
      {"JKK", rupiah(10000), ym(2025, 1), ym(2026, 3), "PP 44/2015 jo. PP 82/2019"},
      {"JKK", rupiah(5000), ym(2026, 4), ym(2026, 12), "PP 50/2025"},
      {"JKK", rupiah(10000), ym(2027, 1), std::nullopt, "PP 44/2015 jo. PP 82/2019"},
      {"JKM", rupiah(6800), ym(2025, 1), std::nullopt, "PP 44/2015 jo. PP 82/2019"},
  };
  return p;
}

}  // namespace

TEST_CASE("consolidate::month_index", "[consolidate]") {
  CHECK(month_index(ym(2026, 1)) == 2026 * 12);
  CHECK(month_index(ym(2026, 12)) == 2026 * 12 + 11);
  CHECK(month_from_index(month_index(ym(2025, 12))) == ym(2025, 12));
  CHECK(month_from_index(month_index(ym(2026, 1)) - 1) == ym(2025, 12));
}

TEST_CASE("consolidate::months_paid", "[consolidate]") {
  const MonthIndex jan2026 = month_index(ym(2026, 1));
  SECTION("no age cap: the whole year") {
    CHECK(PremiumCalendar::months_paid(2026, no_premium_cap) == 12);
  }
  SECTION("last month December of Y or later: the whole year") {
    CHECK(PremiumCalendar::months_paid(2026, jan2026 + 11) == 12);
    CHECK(PremiumCalendar::months_paid(2026, jan2026 + 40) == 12);
  }
  SECTION("last month January of Y: one month") {
    CHECK(PremiumCalendar::months_paid(2026, jan2026) == 1);
  }
  SECTION("last month December of Y-1: nothing") {
    CHECK(PremiumCalendar::months_paid(2026, jan2026 - 1) == 0);
  }
}

TEST_CASE("consolidate::PremiumCalendar year_total", "[consolidate]") {
  const Profile balikpapan = load_profile("balikpapan-2025");
  const PremiumCalendar flat(balikpapan, 2026, 2);

  SECTION("a full year at Rp 16.800: Rp 201.600") {
    CHECK(flat.month(month_index(ym(2026, 1))) == rupiah(16800));
    CHECK(flat.year_total(2026, no_premium_cap) == rupiah(201600));
  }
  SECTION("turning 64y11m in March of Y: January-March priced, Rp 50.400") {
    // Born 1961-04-10 + 64 years 11 months = March 2026 (Pasal 11 ayat (6)).
    const auto last = balikpapan.last_premium_month(*parse_date("1961-04-10"));
    REQUIRE(last == ym(2026, 3));
    CHECK(flat.year_total(2026, month_index(*last)) == rupiah(3 * 16800));
  }
  SECTION("the contract's example, born 1961-03-15: last month 2026-02, two months") {
    const auto last = balikpapan.last_premium_month(*parse_date("1961-03-15"));
    REQUIRE(last == ym(2026, 2));
    CHECK(flat.year_total(2026, month_index(*last)) == rupiah(2 * 16800));
  }
  SECTION("forecast years: nothing once the cap has passed") {
    const MonthIndex last = month_index(ym(2027, 6));
    CHECK(flat.year_total(2026, last) == rupiah(201600));
    CHECK(flat.year_total(2027, last) == rupiah(6 * 16800));
    CHECK(flat.year_total(2028, last) == 0);
  }
  SECTION("a rate period starting in April is priced month by month") {
    const PremiumCalendar cut(with_april_cut(), 2026, 1);
    CHECK(cut.month(month_index(ym(2026, 3))) == rupiah(16800));
    CHECK(cut.month(month_index(ym(2026, 4))) == rupiah(11800));
    CHECK(cut.year_total(2026, no_premium_cap) == rupiah(3 * 16800 + 9 * 11800));
    CHECK(cut.year_total(2026, month_index(ym(2026, 3))) == rupiah(3 * 16800));
    CHECK(cut.year_total(2026, month_index(ym(2026, 5))) == rupiah(3 * 16800 + 2 * 11800));
    CHECK(cut.year_total(2027, no_premium_cap) == rupiah(12 * 16800));
  }
}

TEST_CASE("consolidate::PremiumCalendar without a rate in force", "[consolidate]") {
  Profile p = load_profile("balikpapan-2025");
  SECTION("a year before the first period stops the run with 78, naming the month") {
    try {
      PremiumCalendar(p, 2024, 0);
      FAIL("no ConfigError");
    } catch (const ConfigError& e) {
      CHECK_THAT(e.what(), Catch::Contains("2024-01"));
    }
  }
  SECTION("a forecast year past a closed period too") {
    p.premiums = {{"JKK", rupiah(16800), ym(2025, 1), ym(2026, 12), ""}};
    CHECK_NOTHROW(PremiumCalendar(p, 2026, 0));
    CHECK_THROWS_AS(PremiumCalendar(p, 2026, 1), ConfigError);
  }
}
