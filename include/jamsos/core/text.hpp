#pragma once
// Small text helpers shared by every parser of user input.
#include <string>
#include <string_view>

namespace jamsos {

// Inline: validate trims every cell it reads.
inline std::string_view trim(std::string_view s) {
  const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}
std::string to_lower_ascii(std::string_view s);
std::string to_upper_ascii(std::string_view s);
bool iequals(std::string_view a, std::string_view b);
bool is_all_digits(std::string_view s);

// Y/N, YA/TIDAK, 1/0, TRUE/FALSE in any case, spaces trimmed (contract, "Booleans");
// anything else, the empty cell included, is `unknown`: the caller decides what empty means.
enum class Tristate { no, yes, unknown };
Tristate parse_bool(std::string_view s);

}  // namespace jamsos
