// Calendar arithmetic of the contract ("Arithmetic everyone must get the same").
//
// - Age = completed years (Pasal 5 ayat (1) huruf c, "on the day of registering"): born
//   2000-02-29 is 24 on 2025-02-28 and 25 on 2025-03-01; 18 on the 18th birthday itself.
// - Domicile (Pasal 5 ayat (1) huruf e): 2025-08-31 + 6 months = 2026-02-28 (2024-02-29 in
//   a leap year): the day is kept and clamped to the month's last day.
// - Last premium month (Pasal 11 ayat (6), "until 64 years 11 months"): birth month +
//   12*64+11 months; born 1961-03-15 -> 2026-02.
//
// Parsing is by hand, digit by digit: it runs for several columns of every row of a
// 1M-row file, so no locale, no streams, no allocation.
#include "jamsos/core/dates.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <ctime>

#include "jamsos/core/errors.hpp"
#include "jamsos/core/i18n.hpp"
#include "jamsos/core/text.hpp"

namespace jamsos {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The value of text[pos, pos+n) if all n characters are digits, else -1.
int digits_at(std::string_view text, std::size_t pos, std::size_t n) {
  int value = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (!is_digit(text[i])) return -1;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

std::optional<Date> make_date(int y, int m, int d) {
  // Year 0000 is no year anyone writes: treat it as a typo, not as 1 BC.
  if (y < 1 || m < 1 || d < 1) return std::nullopt;
  const Date ymd{date::year{y}, date::month{static_cast<unsigned>(m)}, date::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;  // 2025-02-29, 31-04-2025, month 13
  return ymd;
}

// Writes n digits of value into out (zero-padded), for the fixed-width formats.
void put_digits(char* out, unsigned value, int n) {
  for (int i = n - 1; i >= 0; --i) {
    out[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
}

}  // namespace

std::optional<Date> parse_date(std::string_view text) {
  text = trim(text);
  if (text.size() != 10) return std::nullopt;
  if (text[4] == '-' && text[7] == '-') {  // YYYY-MM-DD
    return make_date(digits_at(text, 0, 4), digits_at(text, 5, 2), digits_at(text, 8, 2));
  }
  // DD-MM-YYYY or DD/MM/YYYY, the same separator twice: "15-08/2025" is not a date.
  if ((text[2] == '-' || text[2] == '/') && text[5] == text[2]) {
    return make_date(digits_at(text, 6, 4), digits_at(text, 3, 2), digits_at(text, 0, 2));
  }
  return std::nullopt;
}

std::string format_date(Date d) {
  const int y = static_cast<int>(d.year());
  if (y < 0 || y > 9999) {
    return fmt::format("{}-{:02}-{:02}", y, static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
  }
  std::string out(10, '-');
  put_digits(out.data(), static_cast<unsigned>(y), 4);
  put_digits(out.data() + 5, static_cast<unsigned>(d.month()), 2);
  put_digits(out.data() + 8, static_cast<unsigned>(d.day()), 2);
  return out;
}

std::optional<Month> parse_month(std::string_view text) {
  text = trim(text);
  if (text.size() != 7 || text[4] != '-') return std::nullopt;
  const int y = digits_at(text, 0, 4);
  const int m = digits_at(text, 5, 2);
  if (y < 1 || m < 1 || m > 12) return std::nullopt;
  return Month{date::year{y}, date::month{static_cast<unsigned>(m)}};
}

void append_month(std::string& out, Month m) {
  const int y = static_cast<int>(m.year());
  if (y < 0 || y > 9999) {
    out += format_month(m);
    return;
  }
  char text[7] = {'0', '0', '0', '0', '-', '0', '0'};
  put_digits(text, static_cast<unsigned>(y), 4);
  put_digits(text + 5, static_cast<unsigned>(m.month()), 2);
  out.append(text, sizeof text);
}

std::string format_month(Month m) {
  const int y = static_cast<int>(m.year());
  if (y < 0 || y > 9999) return fmt::format("{}-{:02}", y, static_cast<unsigned>(m.month()));
  std::string out(7, '-');
  put_digits(out.data(), static_cast<unsigned>(y), 4);
  put_digits(out.data() + 5, static_cast<unsigned>(m.month()), 2);
  return out;
}

Date today() {
  // JAMSOS_TODAY pins "today" for tests and cron dry-runs. A value that is set but not a
  // date stops the run: silently falling back to the clock would change results unseen.
  if (const char* pinned = std::getenv("JAMSOS_TODAY"); pinned != nullptr && *pinned != '\0') {
    if (auto d = parse_date(pinned)) return *d;
    throw ConfigError(fmt::format(
        fmt::runtime(tr("JAMSOS_TODAY='{}' bukan tanggal: isi YYYY-MM-DD (mis. 2025-08-15) atau kosongkan variabel itu",
           "JAMSOS_TODAY='{}' is not a date: set it to YYYY-MM-DD (e.g. 2025-08-15) or unset it")),
        pinned));
  }
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);  // the city's calendar day, not UTC's
  return Date{date::year{local.tm_year + 1900}, date::month{static_cast<unsigned>(local.tm_mon + 1)},
              date::day{static_cast<unsigned>(local.tm_mday)}};
}

int completed_years(Date birth, Date at) {
  int years = static_cast<int>(at.year()) - static_cast<int>(birth.year());
  // One less until the birthday is reached. Month-day compared as numbers, so someone
  // born 29 February is still younger on 28 February and a year older on 1 March.
  const unsigned at_md = static_cast<unsigned>(at.month()) * 100 + static_cast<unsigned>(at.day());
  const unsigned birth_md = static_cast<unsigned>(birth.month()) * 100 + static_cast<unsigned>(birth.day());
  if (at_md < birth_md) --years;
  return years;
}

Date add_months(Date d, int months) {
  const Month target = add_months(month_of(d), months);
  const date::day last = date::year_month_day_last{target.year(), date::month_day_last{target.month()}}.day();
  return Date{target.year(), target.month(), d.day() < last ? d.day() : last};
}

Month add_months(Month m, int months) { return m + date::months{months}; }

Month month_of(Date d) { return Month{d.year(), d.month()}; }

Month month_reaching_age(Date birth, int years, int months) {
  return add_months(month_of(birth), 12 * years + months);
}

int months_between_inclusive(Month a, Month b) {
  if (b < a) return 0;
  return static_cast<int>((b - a).count()) + 1;
}

}  // namespace jamsos
