#pragma once
// What a decreed person costs, priced month by month from the profile's dated premium
// periods (contract, "Arithmetic"; Pasal 8 ayat (6): covered from January of year Y;
// Pasal 11 ayat (6): premiums until 64 years 11 months).
//
// Boundary: Y = 2026 at Rp 16.800 a month, born 1961-04-10 -> akhir_iuran 2026-03, so
// January, February and March are paid: iuran_tahun = 3 x 16.800 = Rp 50.400. A rate
// period that starts in April (say Rp 8.400 from 2026-04) makes a full year
// 3 x 16.800 + 9 x 8.400 = Rp 126.000, never 12 x the January rate.
#include <array>
#include <cstdint>
#include <limits>
#include <vector>

#include "jamsos/core/dates.hpp"
#include "jamsos/core/money.hpp"
#include "jamsos/core/profile.hpp"

namespace jamsos {

// A month as one integer (year * 12 + month - 1), so that spans are plain arithmetic.
using MonthIndex = std::int32_t;
inline constexpr MonthIndex no_premium_cap = std::numeric_limits<MonthIndex>::max();
MonthIndex month_index(Month m);
Month month_from_index(MonthIndex i);

// Premium sums for the months of `first_year` and the `extra_years` after it.
class PremiumCalendar {
 public:
  // Throws ConfigError (78) naming the month when a month of those years has no premium in
  // force: a decree priced at zero would mislead the budget.
  PremiumCalendar(const Profile& profile, int first_year, int extra_years);

  int first_year() const { return m_first_year; }
  int last_year() const { return m_first_year + static_cast<int>(m_cumulative.size()) - 1; }

  // Premium of one month of the calendar's years.
  Sen month(MonthIndex m) const;
  // Months of `year` paid for someone whose last premium month is `last` (no_premium_cap:
  // all 12): 0 when `last` is before January of `year`.
  static int months_paid(int year, MonthIndex last);
  // The premiums of those months.
  Sen year_total(int year, MonthIndex last) const;

 private:
  int m_first_year;
  // Per year: [k] = premiums of its first k months, k = 0..12.
  std::vector<std::array<Sen, 13>> m_cumulative;
};

}  // namespace jamsos
