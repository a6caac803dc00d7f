// Month and day names and amounts in words for the berita acara (see report_words.hpp).
//
// Indonesian numbers: "se-" replaces "satu" only in sepuluh, sebelas, seratus and
// seribu; "satu juta", "satu miliar", "satu triliun" keep "satu".
// Worked boundary: 1.100 -> "seribu seratus"; 11.000 -> "sebelas ribu"; 1.000.000 ->
// "satu juta".
#include "jamsos/ops/report_words.hpp"

#include <fmt/core.h>

#include <array>
#include <cstdint>

#include "jamsos/core/i18n.hpp"

namespace jamsos {

namespace {

constexpr std::array<const char*, 12> months_id{"Januari",   "Februari", "Maret",    "April",
                                                "Mei",       "Juni",     "Juli",     "Agustus",
                                                "September", "Oktober",  "November", "Desember"};
constexpr std::array<const char*, 12> months_en{"January",   "February", "March",    "April",
                                                "May",       "June",     "July",     "August",
                                                "September", "October",  "November", "December"};
// date::weekday: 0 = Sunday.
constexpr std::array<const char*, 7> days_id{"Minggu", "Senin", "Selasa", "Rabu",
                                             "Kamis",  "Jumat", "Sabtu"};
constexpr std::array<const char*, 7> days_en{"Sunday",   "Monday", "Tuesday", "Wednesday",
                                             "Thursday", "Friday", "Saturday"};

constexpr std::array<const char*, 12> ones_id{"",        "satu",     "dua",     "tiga",
                                              "empat",   "lima",     "enam",    "tujuh",
                                              "delapan", "sembilan", "sepuluh", "sebelas"};
constexpr std::array<const char*, 20> ones_en{
    "",         "one",     "two",     "three",     "four",     "five",    "six",
    "seven",    "eight",   "nine",    "ten",       "eleven",   "twelve",  "thirteen",
    "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
constexpr std::array<const char*, 10> tens_en{"",      "",      "twenty",  "thirty", "forty",
                                              "fifty", "sixty", "seventy", "eighty", "ninety"};

void append_word(std::string& out, std::string_view word) {
  if (word.empty()) return;
  if (!out.empty()) out += ' ';
  out += word;
}

// 1..999 in Indonesian.
std::string below_thousand_id(unsigned n) {
  std::string out;
  const unsigned hundreds = n / 100, rest = n % 100;
  if (hundreds == 1)
    append_word(out, "seratus");
  else if (hundreds > 1)
    append_word(out, std::string(ones_id[hundreds]) + " ratus");
  if (rest < 12)
    append_word(out, ones_id[rest]);
  else if (rest < 20)
    append_word(out, std::string(ones_id[rest - 10]) + " belas");
  else {
    append_word(out, std::string(ones_id[rest / 10]) + " puluh");
    append_word(out, ones_id[rest % 10]);
  }
  return out;
}

// 1..999 in English: "one hundred forty-eight".
std::string below_thousand_en(unsigned n) {
  std::string out;
  const unsigned hundreds = n / 100, rest = n % 100;
  if (hundreds > 0) append_word(out, std::string(ones_en[hundreds]) + " hundred");
  if (rest < 20)
    append_word(out, ones_en[rest]);
  else
    append_word(out, std::string(tens_en[rest / 10]) +
                         (rest % 10 ? std::string("-") + ones_en[rest % 10] : ""));
  return out;
}

std::string positive_in_words(std::uint64_t n) {
  struct Scale {
    std::uint64_t value;
    const char* id;
    const char* en;
  };
  static constexpr std::array<Scale, 6> scales{
      {{1'000'000'000'000'000'000ULL, "kuintiliun", "quintillion"},
       {1'000'000'000'000'000ULL, "kuadriliun", "quadrillion"},
       {1'000'000'000'000ULL, "triliun", "trillion"},
       {1'000'000'000ULL, "miliar", "billion"},
       {1'000'000ULL, "juta", "million"},
       {1'000ULL, "ribu", "thousand"}}};
  const bool en = lang() == Lang::en;
  std::string out;
  for (const Scale& s : scales) {
    const auto group = static_cast<unsigned>(n / s.value);
    n %= s.value;
    if (group == 0) continue;
    // Indonesian says "seribu", but "satu juta", "satu miliar".
    if (!en && group == 1 && s.value == 1000)
      append_word(out, "seribu");
    else
      append_word(out, (en ? below_thousand_en(group) : below_thousand_id(group)) + " " +
                           (en ? s.en : s.id));
  }
  if (n > 0)
    append_word(out, en ? below_thousand_en(static_cast<unsigned>(n))
                        : below_thousand_id(static_cast<unsigned>(n)));
  return out;
}

}  // namespace

const char* month_name(unsigned month) {
  if (month < 1 || month > 12) return "?";
  return lang() == Lang::en ? months_en[month - 1] : months_id[month - 1];
}

const char* weekday_name(Date d) {
  const unsigned w = date::weekday(date::sys_days(d)).c_encoding();
  return lang() == Lang::en ? days_en[w] : days_id[w];
}

std::string format_month_long(Month m) {
  return fmt::format("{} {}", month_name(static_cast<unsigned>(m.month())),
                     static_cast<int>(m.year()));
}

std::string format_date_long(Date d) {
  return fmt::format("{} {} {}", static_cast<unsigned>(d.day()),
                     month_name(static_cast<unsigned>(d.month())), static_cast<int>(d.year()));
}

std::string number_in_words(std::int64_t n) {
  if (n == 0) return tr("nol", "zero");
  // The magnitude as unsigned: -INT64_MIN does not fit in int64.
  const std::uint64_t magnitude =
      n < 0 ? 0 - static_cast<std::uint64_t>(n) : static_cast<std::uint64_t>(n);
  std::string words = positive_in_words(magnitude);
  return n < 0 ? std::string(tr("minus ", "minus ")) + words : words;
}

std::string rupiah_in_words(Sen amount) {
  const std::int64_t rupiah_part = amount / 100;
  const std::int64_t sen_part = amount % 100;
  std::string words;
  if (rupiah_part != 0 || sen_part == 0) words = number_in_words(rupiah_part) + " rupiah";
  if (sen_part != 0) {
    // -0,68: the sign is said once, before the first number.
    const std::int64_t sen = rupiah_part != 0 && sen_part < 0 ? -sen_part : sen_part;
    append_word(words, number_in_words(sen) + " sen");
  }
  return words;
}

}  // namespace jamsos
