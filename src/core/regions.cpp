// Region names from Kepmendagri No. 300.2.2-2138 Tahun 2025 (data/README.md).
// The embedded CSV is parsed once, on first use, into a map from code to name; the names
// stay string_views into the embedded text, which lives for the whole program.
// Example: region_name("64.71") == "Kota Balikpapan"; is_known_province(21) (Kepulauan Riau)
// but not 20 or 97: the 38 provinces are 11-19, 21, 31-36, 51-53, 61-65, 71-76, 81-82, 91-96.
#include "jamsos/core/regions.hpp"

#include <array>
#include <cstdint>
#include <span>
#include <stdexcept>
#include <unordered_map>

#include "jamsos/core/nik.hpp"
#include "jamsos/core/text.hpp"

namespace jamsos {

namespace embedded {
// Defined in the generated embedded_wilayah.cpp (cmake/EmbedFile.cmake): the CSV text,
// split into chunks that each end at a line end.
std::span<const std::string_view> kemendagri_wilayah_2025();
}  // namespace embedded

namespace {

// Codes of 2, 4 and 6 digits as one number that keeps the length: "64" and "0064" differ.
std::uint32_t code_key(std::string_view digits) {
  std::uint32_t value = 0;
  for (char c : digits) value = value * 10 + static_cast<std::uint32_t>(c - '0');
  return static_cast<std::uint32_t>(digits.size()) * 1'000'000u + value;
}

struct RegionTable {
  std::unordered_map<std::uint32_t, std::string_view> names;
  std::array<bool, 100> provinces{};
};

void add_line(RegionTable& table, std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  const auto first = line.find(',');
  const auto second = first == std::string_view::npos ? first : line.find(',', first + 1);
  if (second == std::string_view::npos) return;
  const std::string_view code = line.substr(0, first);
  const std::string_view name = line.substr(second + 1);
  // The header line ("kode,...") and anything not a 2/4/6-digit code are skipped.
  if (!is_all_digits(code) || (code.size() != 2 && code.size() != 4 && code.size() != 6)) return;
  table.names.emplace(code_key(code), name);
  if (code.size() == 2) table.provinces[static_cast<std::size_t>(code_key(code) % 100)] = true;
}

const RegionTable& table() {
  // A function-local static: built once, thread-safe, only when first asked.
  static const RegionTable instance = [] {
    RegionTable t;
    t.names.reserve(8000);
    for (std::string_view chunk : embedded::kemendagri_wilayah_2025()) {
      while (!chunk.empty()) {
        const auto end = chunk.find('\n');
        add_line(t, chunk.substr(0, end));
        if (end == std::string_view::npos) break;
        chunk.remove_prefix(end + 1);
      }
    }
    return t;
  }();
  return instance;
}

}  // namespace

std::optional<std::string> normalize_region_code(std::string_view text) {
  text = trim(text);
  std::string digits;
  if (is_all_digits(text)) {
    digits = text;
  } else {
    // "64.71" / "64.71.01": pairs of digits joined by single dots.
    if (text.size() != 5 && text.size() != 8) return std::nullopt;
    for (std::size_t i = 0; i < text.size(); ++i) {
      const bool dot_place = i % 3 == 2;
      const char c = text[i];
      if (dot_place ? c != '.' : (c < '0' || c > '9')) return std::nullopt;
      if (!dot_place) digits.push_back(c);
    }
  }
  if (digits.size() != 2 && digits.size() != 4 && digits.size() != 6) return std::nullopt;
  return digits;
}

std::optional<std::string> region_name(std::string_view code) {
  const auto digits = normalize_region_code(code);
  if (!digits) return std::nullopt;
  const auto& names = table().names;
  const auto it = names.find(code_key(*digits));
  if (it == names.end()) return std::nullopt;
  return std::string(it->second);
}

bool is_known_province(unsigned code) { return code < 100 && table().provinces[code]; }

}  // namespace jamsos
