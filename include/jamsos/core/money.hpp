#pragma once
// Money is exact: an int64 count of sen (1/100 Rupiah), never floating point, because
// real UMKs have sen (Balikpapan 2025: Rp 3.701.508,68). Contract, "CSV conventions".
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace jamsos {

using Sen = std::int64_t;

constexpr Sen rupiah(std::int64_t rp) { return rp * 100; }

// Reads `3500000`, `3.500.000`, `Rp 3.500.000`, `Rp3.500.000`, `3.701.508,68` (groups
// of exactly three digits after `.`, `,` before one or two decimals) and `3701508.68`
// (plain digits, `.` before one or two decimals). A leading `-` is accepted (billing
// corrections). Anything else (`3,500,000`, `3.5jt`, `1.2345`) is nullopt.
std::optional<Sen> parse_money(std::string_view text);

// Plain digits as written back in CSV: `3500000`, `3701508.68`, `-16800`.
std::string format_money_plain(Sen amount);
// For reports: `Rp 3.500.000`, `Rp 3.701.508,68`, `-Rp 16.800`.
std::string format_rupiah(Sen amount);

}  // namespace jamsos
