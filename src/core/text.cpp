#include "jamsos/core/text.hpp"

#include <algorithm>

namespace jamsos {

std::string to_lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string to_upper_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
           return lower(x) == lower(y);
         });
}

bool is_all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

Tristate parse_bool(std::string_view s) {
  s = trim(s);
  for (const char* yes : {"y", "ya", "1", "true"})
    if (iequals(s, yes)) return Tristate::yes;
  for (const char* no : {"n", "tidak", "0", "false"})
    if (iequals(s, no)) return Tristate::no;
  return Tristate::unknown;
}

}  // namespace jamsos
