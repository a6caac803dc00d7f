// Pricing a decree year month by month (Pasal 8 ayat (6), Pasal 11 ayat (6)); see
// include/jamsos/ops/consolidate_premium.hpp for the worked boundary (turning 64y11m in
// March of Y: three months paid).
#include "jamsos/ops/consolidate_premium.hpp"

#include <algorithm>
#include <string>

#include "jamsos/core/errors.hpp"
#include "jamsos/core/i18n.hpp"

namespace jamsos {

MonthIndex month_index(Month m) {
  return static_cast<MonthIndex>(static_cast<int>(m.year()) * 12 +
                                 static_cast<int>(static_cast<unsigned>(m.month())) - 1);
}

Month month_from_index(MonthIndex i) {
  const int y = i >= 0 ? i / 12 : (i - 11) / 12;
  return Month{date::year{y}, date::month{static_cast<unsigned>(i - y * 12 + 1)}};
}

PremiumCalendar::PremiumCalendar(const Profile& profile, int first_year, int extra_years)
    : m_first_year(first_year) {
  m_cumulative.resize(static_cast<std::size_t>(extra_years) + 1);
  for (std::size_t y = 0; y < m_cumulative.size(); ++y) {
    auto& cum = m_cumulative[y];
    cum[0] = 0;
    for (unsigned k = 1; k <= 12; ++k) {
      const Month m{date::year{first_year + static_cast<int>(y)}, date::month{k}};
      const Sen amount = profile.premium_for(m);
      if (amount <= 0) {
        throw ConfigError(
            std::string(tr("profil ", "profile ")) + profile.id +
            tr(": tidak ada tarif iuran yang berlaku untuk ", ": no premium rate in force for ") +
            format_month(m) +
            tr("; tambahkan periode iuran (premiums) di profil atau pilih tahun lain",
               "; add a premium period to the profile or choose another year"));
      }
      cum[k] = cum[k - 1] + amount;
    }
  }
}

Sen PremiumCalendar::month(MonthIndex m) const {
  const Month mm = month_from_index(m);
  const int y = static_cast<int>(mm.year()) - m_first_year;
  const unsigned k = static_cast<unsigned>(mm.month());
  const auto& cum = m_cumulative.at(static_cast<std::size_t>(y));
  return cum[k] - cum[k - 1];
}

int PremiumCalendar::months_paid(int year, MonthIndex last) {
  if (last == no_premium_cap) return 12;
  const MonthIndex january = year * 12;
  if (last < january) return 0;
  return static_cast<int>(std::min<MonthIndex>(12, last - january + 1));
}

Sen PremiumCalendar::year_total(int year, MonthIndex last) const {
  const auto& cum = m_cumulative.at(static_cast<std::size_t>(year - m_first_year));
  return cum[static_cast<std::size_t>(months_paid(year, last))];
}

}  // namespace jamsos
