#pragma once
// Words that official Indonesian documents spell out: month and day names, and amounts
// "terbilang" (in words), which a berita acara states next to the figure so that the
// payable amount cannot be misread or altered. In the run's language (--lang en: English).
//
// Worked boundary: Rp 1.016.800 is "satu juta enam belas ribu delapan ratus rupiah";
// Rp 1.000 is "seribu rupiah" (not "satu ribu"), but Rp 1.000.000 is "satu juta rupiah".
#include <string>

#include "jamsos/core/dates.hpp"
#include "jamsos/core/money.hpp"

namespace jamsos {

// "Maret" / "March" for 3.
const char* month_name(unsigned month);
// "Senin" / "Monday".
const char* weekday_name(Date d);
// "Maret 2026" / "March 2026".
std::string format_month_long(Month m);
// "30 Maret 2026" / "30 March 2026".
std::string format_date_long(Date d);

// A whole number in words: 1016800 -> "satu juta enam belas ribu delapan ratus" /
// "one million sixteen thousand eight hundred"; 0 -> "nol" / "zero"; negative -> "minus ...".
std::string number_in_words(std::int64_t n);
// An amount in words, as it follows "terbilang:": "satu juta enam belas ribu delapan
// ratus rupiah"; with sen "... rupiah enam puluh delapan sen"; Rp 0,50 "lima puluh sen".
std::string rupiah_in_words(Sen amount);

}  // namespace jamsos
