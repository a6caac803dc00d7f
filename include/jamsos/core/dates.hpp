#pragma once
// Calendar arithmetic every command must get the same (contract, "Arithmetic").
//
// Age = completed years: born 2000-02-29 is 24 on 2025-02-28 and 25 on 2025-03-01.
// Adding months keeps the day and clamps it: 2025-08-31 + 6 months = 2026-02-28.
// Last premium month under "until X years Y months": birth month + 12X+Y months;
// born 1961-03-15, 64y11m -> 2026-02.
#include <date/date.h>

#include <optional>
#include <string>
#include <string_view>

namespace jamsos {

using Date = date::year_month_day;
using Month = date::year_month;

// Reads YYYY-MM-DD, DD-MM-YYYY or DD/MM/YYYY (surrounding spaces ignored); nullopt when
// the text is none of these or not a real calendar day (2025-02-29).
std::optional<Date> parse_date(std::string_view text);
std::string format_date(Date d);  // YYYY-MM-DD

// Reads YYYY-MM.
std::optional<Month> parse_month(std::string_view text);
std::string format_month(Month m);  // YYYY-MM
void append_month(std::string& out, Month m);

Date today();

// Completed years from `birth` to `at`; negative if `at` is before `birth`.
int completed_years(Date birth, Date at);

// `d` + n months, the day kept and clamped to the last day of the target month.
Date add_months(Date d, int months);
Month add_months(Month m, int months);
Month month_of(Date d);

// Calendar month in which someone born `birth` reaches `years` years `months` months.
Month month_reaching_age(Date birth, int years, int months);

// Months from a to b inclusive (0 if b < a).
int months_between_inclusive(Month a, Month b);

}  // namespace jamsos
