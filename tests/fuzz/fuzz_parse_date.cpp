// Fuzzes parse_date and parse_month (dates.hpp). Properties: an accepted date is a real
// calendar day and survives format_date -> parse_date unchanged; the same for months.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.hpp"
#include "jamsos/core/dates.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (const auto d = jamsos::parse_date(text)) {
    JAMSOS_FUZZ_CHECK(d->ok());
    const auto again = jamsos::parse_date(jamsos::format_date(*d));
    JAMSOS_FUZZ_CHECK(again && *again == *d);
    // Arithmetic on any accepted date must not trap (UBSan watches the overflow).
    (void)jamsos::add_months(*d, 779);
    (void)jamsos::completed_years(*d, *d);
  }
  if (const auto m = jamsos::parse_month(text)) {
    JAMSOS_FUZZ_CHECK(m->ok());
    const auto again = jamsos::parse_month(jamsos::format_month(*m));
    JAMSOS_FUZZ_CHECK(again && *again == *m);
  }
  return 0;
}
