#pragma once
// Region codes of Kepmendagri No. 300.2.2-2138 Tahun 2025 (data/kemendagri-wilayah-2025.csv,
// embedded in the binary): 2 digits a province, 4 a regency/city, 6 a district — the digits
// a NIK starts with. Kota Balikpapan is 6471 ("64.71"), Kabupaten Balangan 6311.
//
// A NIK keeps the district where it was first issued and districts split over the years,
// so a code missing from this list never makes a row invalid on its own (data/README.md).
#include <optional>
#include <string>
#include <string_view>

namespace jamsos {

// "6471", "64.71", " 64.71.01 " -> "6471" / "647101": digits of a 2-, 4- or 6-digit code,
// written plain or with a `.` between each pair as Kemendagri prints them; nullopt for
// anything else ("647", "6471.01", "64-71"). Says nothing about whether the code exists.
std::optional<std::string> normalize_region_code(std::string_view text);

// "6471" or "64.71" -> "Kota Balikpapan"; "64" -> "Kalimantan Timur"; "647101" ->
// "Balikpapan Timur". nullopt when the code is malformed or not in the list.
std::optional<std::string> region_name(std::string_view code);

// True for the 38 province codes (11 Aceh .. 96 Papua Barat Daya). Declared in nik.hpp too.
bool is_known_province(unsigned code);

}  // namespace jamsos
