// NIK checks (contract, `validate`: nik_format, nik_scientific, nik_structure; warnings
// nik_birthdate_mismatch, nik_sex_mismatch). Layout: PP KK DD | DDMMYY | SSSS, 40 added to
// the day for women. Boundary: 6471014107900001 is a woman born 1 July (19)90 (day 41);
// day 71 is the last valid day, 72, 32 and 00 make the NIK impossible, as does serial 0000.
// The birth digits are never corrected after issue, so only the shape is judged here:
// day 31 with month 02 passes, and the rules compare ages from `tanggal_lahir`, not from this.
#include "jamsos/core/nik.hpp"

#include "jamsos/core/regions.hpp"
#include "jamsos/core/text.hpp"

namespace jamsos {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool is_sixteen_digits(std::string_view s) { return s.size() == 16 && is_all_digits(s); }

unsigned two_digits(std::string_view s, std::size_t pos) {
  return static_cast<unsigned>(s[pos] - '0') * 10 + static_cast<unsigned>(s[pos + 1] - '0');
}

// What a spreadsheet shows for a long number: `6.47101E+15`, `6,47101E+15` (Indonesian
// decimal comma), `6.47101e15`, `6E+15`. Digits, one optional `.`/`,` with digits after it,
// `E`/`e`, an optional sign, digits.
bool is_scientific(std::string_view s) {
  std::size_t i = 0;
  const auto digits = [&] {
    const std::size_t start = i;
    while (i < s.size() && is_digit(s[i])) ++i;
    return i - start;
  };
  if (digits() == 0) return false;
  if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
    ++i;
    if (digits() == 0) return false;
  }
  if (i >= s.size() || (s[i] != 'E' && s[i] != 'e')) return false;
  ++i;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  return digits() > 0 && i == s.size();
}

}  // namespace

NikPart impossible_nik_part(std::string_view nik) {
  nik = trim(nik);
  if (!is_sixteen_digits(nik)) return NikPart::none;
  const unsigned province = two_digits(nik, 0);
  const unsigned day = two_digits(nik, 6);
  const unsigned month = two_digits(nik, 8);
  // Only the province is checked against Kemendagri's list: regency and district codes of
  // old NIKs may have been split away since (data/README.md).
  if (!is_known_province(province)) return NikPart::province;
  if (!((day >= 1 && day <= 31) || (day >= 41 && day <= 71))) return NikPart::day;
  if (month < 1 || month > 12) return NikPart::month;
  if (nik.substr(12) == "0000") return NikPart::serial;
  return NikPart::none;
}

NikProblem check_nik(std::string_view nik) {
  nik = trim(nik);
  if (!is_sixteen_digits(nik)) return is_scientific(nik) ? NikProblem::scientific : NikProblem::format;
  return impossible_nik_part(nik) == NikPart::none ? NikProblem::none : NikProblem::structure;
}

std::optional<NikInfo> decode_nik(std::string_view nik) {
  if (check_nik(nik) != NikProblem::none) return std::nullopt;
  nik = trim(nik);
  NikInfo info;
  info.region = std::string(nik.substr(0, 4));
  info.day = two_digits(nik, 6);
  info.month = two_digits(nik, 8);
  info.year2 = two_digits(nik, 10);
  if (info.day > 40) {  // women: 40 added to the day of birth
    info.day -= 40;
    info.sex = 'P';
  }
  return info;
}

bool nik_matches_birth_date(const NikInfo& info, Date birth) {
  const int year = static_cast<int>(birth.year());
  return info.day == static_cast<unsigned>(birth.day()) && info.month == static_cast<unsigned>(birth.month()) &&
         static_cast<int>(info.year2) == ((year % 100) + 100) % 100;
}

bool is_valid_kk(std::string_view kk) {
  kk = trim(kk);
  // Sixteen zeros is how forms say "no KK yet", not a number.
  return is_sixteen_digits(kk) && kk != "0000000000000000";
}

std::optional<std::uint64_t> nik_key(std::string_view nik) {
  nik = trim(nik);
  std::uint64_t key = 0;  // at most 9,999,999,999,999,999 < 2^64
  if (sixteen_digit_key(nik, key)) return key;
  if (!is_sixteen_digits(nik)) return std::nullopt;
  for (char c : nik) key = key * 10 + static_cast<std::uint64_t>(c - '0');
  return key;
}

std::string mask_nik(std::string_view nik) {
  const std::string_view t = trim(nik);
  if (is_sixteen_digits(t)) return std::string(t.substr(0, 6)) + "******" + std::string(t.substr(12));
  // Anything else (a typo, 6.47101E+15, a name in the wrong column) shows its first two
  // characters; the rest becomes one `*` per character, a UTF-8 sequence counting as one.
  std::string out;
  std::size_t shown = 0;
  for (std::size_t i = 0; i < t.size(); ++i) {
    const auto byte = static_cast<unsigned char>(t[i]);
    const bool starts_char = (byte & 0xC0u) != 0x80u;
    if (starts_char) ++shown;
    if (shown <= 2) {
      out.push_back(t[i]);
    } else if (starts_char) {
      out.push_back('*');
    }
  }
  return out;
}

}  // namespace jamsos
