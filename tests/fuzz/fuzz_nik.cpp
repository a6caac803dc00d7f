// Fuzzes check_nik, decode_nik, nik_key and mask_nik (nik.hpp). Properties: a NIK that
// passes check_nik decodes to a real day 1..31 and month 1..12 with sex L/P; mask_nik
// never shows more than 10 digits of anything (the contract's first 6 + last 4).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.hpp"
#include "jamsos/core/nik.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto problem = jamsos::check_nik(text);
  const auto info = jamsos::decode_nik(text);
  if (problem == jamsos::NikProblem::none) {
    JAMSOS_FUZZ_CHECK(info.has_value());
    JAMSOS_FUZZ_CHECK(info->day >= 1 && info->day <= 31);
    JAMSOS_FUZZ_CHECK(info->month >= 1 && info->month <= 12);
    JAMSOS_FUZZ_CHECK(info->year2 <= 99);
    JAMSOS_FUZZ_CHECK(info->sex == 'L' || info->sex == 'P');
    JAMSOS_FUZZ_CHECK(info->region.size() == 4);
  }
  if (const auto key = jamsos::nik_key(text)) JAMSOS_FUZZ_CHECK(*key <= 9'999'999'999'999'999ULL);
  const std::string masked = jamsos::mask_nik(text);
  const auto digits = std::count_if(masked.begin(), masked.end(), [](char c) { return c >= '0' && c <= '9'; });
  JAMSOS_FUZZ_CHECK(digits <= 10);
  (void)jamsos::is_valid_kk(text);
  return 0;
}
