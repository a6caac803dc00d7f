// Fuzzes parse_money (money.hpp). Properties: an accepted amount is within max_money,
// and both ways of writing it back (CSV plain and the report's Rupiah) read back equal.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.hpp"
#include "jamsos/core/money.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto amount = jamsos::parse_money(text);
  if (!amount) return 0;
  JAMSOS_FUZZ_CHECK(*amount <= jamsos::max_money && *amount >= -jamsos::max_money);
  const auto plain = jamsos::parse_money(jamsos::format_money_plain(*amount));
  JAMSOS_FUZZ_CHECK(plain && *plain == *amount);
  const auto rupiah = jamsos::parse_money(jamsos::format_rupiah(*amount));
  JAMSOS_FUZZ_CHECK(rupiah && *rupiah == *amount);
  return 0;
}
