// Calendar arithmetic of the contract ("Arithmetic everyone must get the same"), at each
// boundary the regulation draws: Pasal 5 ayat (1) huruf c (18 and 64), huruf e (domicile
// months), Pasal 11 ayat (6) (64 years 11 months).
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdlib>
#include <optional>
#include <random>
#include <string>

#include "jamsos/core/dates.hpp"
#include "jamsos/core/errors.hpp"

using namespace jamsos;

namespace {

Date ymd(int y, unsigned m, unsigned d) { return Date{date::year{y}, date::month{m}, date::day{d}}; }
Month ym(int y, unsigned m) { return Month{date::year{y}, date::month{m}}; }
Date D(const char* text) {
  const auto d = parse_date(text);
  REQUIRE(d.has_value());
  return *d;
}

// Sets or clears JAMSOS_TODAY for one test and restores what was there.
class PinnedToday {
public:
  explicit PinnedToday(const char* value) {
    if (const char* old = std::getenv("JAMSOS_TODAY")) m_old = old;
    if (value) {
      ::setenv("JAMSOS_TODAY", value, 1);
    } else {
      ::unsetenv("JAMSOS_TODAY");
    }
  }
  ~PinnedToday() {
    if (m_old) {
      ::setenv("JAMSOS_TODAY", m_old->c_str(), 1);
    } else {
      ::unsetenv("JAMSOS_TODAY");
    }
  }
  PinnedToday(const PinnedToday&) = delete;
  PinnedToday& operator=(const PinnedToday&) = delete;

private:
  std::optional<std::string> m_old;
};

}  // namespace

TEST_CASE("dates::parse_date reads the three spellings", "[dates]") {
  const Date expected = ymd(2025, 8, 15);
  SECTION("YYYY-MM-DD") { CHECK(parse_date("2025-08-15") == expected); }
  SECTION("DD-MM-YYYY") { CHECK(parse_date("15-08-2025") == expected); }
  SECTION("DD/MM/YYYY") { CHECK(parse_date("15/08/2025") == expected); }
  SECTION("surrounding spaces are ignored") {
    CHECK(parse_date("  2025-08-15 ") == expected);
    CHECK(parse_date("\t15/08/2025\r") == expected);
  }
  SECTION("leap days exist only in leap years") {
    CHECK(parse_date("2024-02-29") == ymd(2024, 2, 29));
    CHECK(parse_date("29/02/2000") == ymd(2000, 2, 29));  // divisible by 400
    CHECK_FALSE(parse_date("29-02-1900"));                // divisible by 100 only
  }
  SECTION("the last day of each month") {
    CHECK(parse_date("31-01-2025") == ymd(2025, 1, 31));
    CHECK(parse_date("30-04-2025") == ymd(2025, 4, 30));
    CHECK(parse_date("2025-12-31") == ymd(2025, 12, 31));
  }
}

TEST_CASE("dates::parse_date rejects what is not a real day", "[dates]") {
  for (const char* text : {"2025-02-29", "29-02-2025", "31-04-2025", "31/06/2025", "2025-13-01", "2025-00-10",
                           "2025-01-00", "00-01-2025", "32-01-2025", "0000-01-01", "01-01-0000"}) {
    INFO(text);
    CHECK_FALSE(parse_date(text));
  }
}

TEST_CASE("dates::parse_date rejects other spellings", "[dates]") {
  for (const char* text : {"", "   ", "2025-8-15", "15-8-2025", "5/8/2025", "2025/08/15", "15.08.2025", "15-08/2025",
                           "15/08-2025", "20250815", "2025-08-15 00:00:00", "2025-08-15x", "2025-08-1a", "+025-08-15",
                           "2025-08--5", "15-08-25", "Agustus 2025", "2025-08", "１５/08/2025"}) {
    INFO(text);
    CHECK_FALSE(parse_date(text));
  }
}

TEST_CASE("dates::format_date writes YYYY-MM-DD", "[dates]") {
  CHECK(format_date(ymd(2025, 8, 5)) == "2025-08-05");
  CHECK(format_date(ymd(1961, 3, 15)) == "1961-03-15");
  CHECK(format_date(ymd(999, 1, 1)) == "0999-01-01");
}

TEST_CASE("dates::parse_month and format_month", "[dates]") {
  SECTION("YYYY-MM") {
    CHECK(parse_month("2026-02") == ym(2026, 2));
    CHECK(parse_month(" 2026-12 ") == ym(2026, 12));
    CHECK(format_month(ym(2026, 2)) == "2026-02");
  }
  SECTION("anything else") {
    for (const char* text : {"", "2026-2", "2026-13", "2026-00", "0000-01", "2026/02", "02-2026", "2026-02-01", "202602"}) {
      INFO(text);
      CHECK_FALSE(parse_month(text));
    }
  }
}

TEST_CASE("dates::completed_years", "[dates]") {
  SECTION("18th birthday (Pasal 5 ayat (1) huruf c minimum)") {
    const Date birth = ymd(2007, 8, 15);
    CHECK(completed_years(birth, ymd(2025, 8, 14)) == 17);
    CHECK(completed_years(birth, ymd(2025, 8, 15)) == 18);
    CHECK(completed_years(birth, ymd(2025, 8, 16)) == 18);
  }
  SECTION("64th birthday (Pasal 5 ayat (1) huruf c: not yet 64)") {
    const Date birth = ymd(1961, 8, 15);
    CHECK(completed_years(birth, ymd(2025, 8, 14)) == 63);
    CHECK(completed_years(birth, ymd(2025, 8, 15)) == 64);
    CHECK(completed_years(birth, ymd(2025, 8, 16)) == 64);
  }
  SECTION("born 29 February: a year older on 1 March of a common year") {
    const Date birth = ymd(2000, 2, 29);
    CHECK(completed_years(birth, ymd(2025, 2, 28)) == 24);
    CHECK(completed_years(birth, ymd(2025, 3, 1)) == 25);
    CHECK(completed_years(birth, ymd(2024, 2, 28)) == 23);
    CHECK(completed_years(birth, ymd(2024, 2, 29)) == 24);
  }
  SECTION("across the year end") {
    CHECK(completed_years(ymd(2000, 12, 31), ymd(2025, 12, 30)) == 24);
    CHECK(completed_years(ymd(2000, 12, 31), ymd(2025, 12, 31)) == 25);
    CHECK(completed_years(ymd(2000, 1, 1), ymd(2025, 12, 31)) == 25);
  }
  SECTION("the birth day itself is 0, the day before is negative") {
    CHECK(completed_years(ymd(2025, 8, 15), ymd(2025, 8, 15)) == 0);
    CHECK(completed_years(ymd(2025, 8, 15), ymd(2025, 8, 14)) < 0);
    CHECK(completed_years(ymd(2025, 8, 15), ymd(2020, 1, 1)) < 0);
  }
}

TEST_CASE("dates::add_months keeps the day and clamps it", "[dates]") {
  SECTION("31 August + 6 months is the last day of February (Pasal 5 ayat (1) huruf e)") {
    CHECK(add_months(ymd(2025, 8, 31), 6) == ymd(2026, 2, 28));
    CHECK(add_months(ymd(2023, 8, 31), 6) == ymd(2024, 2, 29));
  }
  SECTION("the day is kept when it exists") {
    CHECK(add_months(ymd(2025, 2, 15), 6) == ymd(2025, 8, 15));
    CHECK(add_months(ymd(2025, 8, 30), 6) == ymd(2026, 2, 28));
    CHECK(add_months(ymd(2025, 1, 31), 3) == ymd(2025, 4, 30));
  }
  SECTION("across the year end, backwards and zero") {
    CHECK(add_months(ymd(2025, 12, 15), 1) == ymd(2026, 1, 15));
    CHECK(add_months(ymd(2025, 3, 31), -1) == ymd(2025, 2, 28));
    CHECK(add_months(ymd(2026, 1, 10), -13) == ymd(2024, 12, 10));
    CHECK(add_months(ymd(2025, 8, 31), 0) == ymd(2025, 8, 31));
  }
  SECTION("domicile boundary: since 2025-02-15, 6 months reached on 2025-08-15") {
    const Date since = D("15-02-2025");
    CHECK(add_months(since, 6) <= ymd(2025, 8, 15));
    CHECK_FALSE(add_months(since, 6) <= ymd(2025, 8, 14));
  }
  SECTION("months") {
    CHECK(add_months(ym(2025, 11), 3) == ym(2026, 2));
    CHECK(add_months(ym(2025, 1), -1) == ym(2024, 12));
    CHECK(month_of(ymd(2025, 8, 31)) == ym(2025, 8));
  }
}

TEST_CASE("dates::month_reaching_age", "[dates]") {
  SECTION("Pasal 11 ayat (6): born 1961-03-15, 64 years 11 months -> 2026-02") {
    CHECK(month_reaching_age(ymd(1961, 3, 15), 64, 11) == ym(2026, 2));
    CHECK(month_reaching_age(ymd(1961, 3, 1), 64, 11) == ym(2026, 2));
    CHECK(month_reaching_age(ymd(1961, 3, 31), 64, 11) == ym(2026, 2));
  }
  SECTION("born in December and in January") {
    CHECK(month_reaching_age(ymd(1960, 12, 31), 64, 11) == ym(2025, 11));
    CHECK(month_reaching_age(ymd(1961, 1, 1), 64, 11) == ym(2025, 12));
  }
  SECTION("born 29 February") { CHECK(month_reaching_age(ymd(1960, 2, 29), 64, 11) == ym(2025, 1)); }
  SECTION("whole years") { CHECK(month_reaching_age(ymd(1961, 3, 15), 65, 0) == ym(2026, 3)); }
}

TEST_CASE("dates::months_between_inclusive", "[dates]") {
  CHECK(months_between_inclusive(ym(2026, 1), ym(2026, 12)) == 12);
  CHECK(months_between_inclusive(ym(2026, 1), ym(2026, 2)) == 2);
  CHECK(months_between_inclusive(ym(2026, 3), ym(2026, 3)) == 1);
  CHECK(months_between_inclusive(ym(2025, 11), ym(2026, 2)) == 4);
  CHECK(months_between_inclusive(ym(2026, 3), ym(2026, 2)) == 0);
  CHECK(months_between_inclusive(ym(2027, 1), ym(2026, 12)) == 0);
}

TEST_CASE("dates::today honours JAMSOS_TODAY", "[dates]") {
  SECTION("pinned") {
    PinnedToday pin("2025-08-15");
    CHECK(today() == ymd(2025, 8, 15));
  }
  SECTION("pinned in another spelling") {
    PinnedToday pin("15/08/2025");
    CHECK(today() == ymd(2025, 8, 15));
  }
  SECTION("set but not a date stops the run with exit 78") {
    PinnedToday pin("kemarin");
    CHECK_THROWS_AS(today(), ConfigError);
  }
  SECTION("unset or empty: the clock's local date, within a day of UTC") {
    for (const char* value : {static_cast<const char*>(nullptr), ""}) {
      PinnedToday pin(value);
      const auto utc = date::floor<date::days>(std::chrono::system_clock::now());
      const auto local = date::sys_days{today()};
      CHECK(local >= utc - date::days{1});
      CHECK(local <= utc + date::days{1});
    }
  }
}

TEST_CASE("dates::format then parse round-trips (seeded)", "[dates]") {
  std::mt19937 rng(20250815);
  const auto first = date::sys_days{ymd(1900, 1, 1)}.time_since_epoch().count();
  const auto last = date::sys_days{ymd(2100, 12, 31)}.time_since_epoch().count();
  std::uniform_int_distribution<long> pick(first, last);
  for (int i = 0; i < 20000; ++i) {
    const Date d{date::sys_days{date::days{pick(rng)}}};
    const std::string iso = format_date(d);
    const std::string dmy = iso.substr(8, 2) + "-" + iso.substr(5, 2) + "-" + iso.substr(0, 4);
    const std::string slash = iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4);
    INFO(iso);
    REQUIRE(parse_date(iso) == d);
    REQUIRE(parse_date(dmy) == d);
    REQUIRE(parse_date(slash) == d);
    REQUIRE(parse_month(format_month(month_of(d))) == month_of(d));
    // Age after k whole years is k; one day earlier it is k-1 (29 February aside, whose
    // anniversary in a common year is clamped to 28 February, still the day before).
    const int k = static_cast<int>(i % 90);
    const Date anniversary = add_months(d, 12 * k);
    const int expected = d.month() == date::February && d.day() == date::day{29} && !anniversary.year().is_leap() &&
                                 k != 0
                             ? k - 1
                             : k;
    REQUIRE(completed_years(d, anniversary) == expected);
    if (k > 0) REQUIRE(completed_years(d, Date{date::sys_days{anniversary} - date::days{1}}) == k - 1);
  }
}
