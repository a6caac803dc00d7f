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

// The largest amount parse_money accepts, either sign: Rp 900 trillion, far above any
// budget, and small enough that a hundred of them still add up inside int64.
constexpr Sen max_money = 90'000'000'000'000'000;

// Reads `3500000`, `3.500.000`, `Rp 3.500.000`, `Rp3.500.000`, `3.701.508,68` (groups
// of exactly three digits after `.`, `,` before one or two decimals) and `3701508.68`
// (plain digits, `.` before one or two decimals). Also `3701508,68` (no groups, `,`
// decimals: an Indonesian-locale spreadsheet's export) and `Rp.` for `Rp`, any case.
// A leading `-` is accepted (billing corrections), before or after `Rp`: `-Rp 16.800`
// as format_rupiah writes it. Surrounding spaces are ignored. Anything else (`3,500,000`,
// `3.5jt`, `1.2345`, `3.50.000`, `Rp`, ``), or beyond max_money, is nullopt.
std::optional<Sen> parse_money(std::string_view text);

// Plain digits as written back in CSV: `3500000`, `3701508.68`, `-16800`.
std::string format_money_plain(Sen amount);
// The same, appended (no allocation once `out` has grown): for writing a million rows.
void append_money_plain(std::string& out, Sen amount);
// The same, written at `out` (room for money_plain_max bytes); returns the end.
inline constexpr std::size_t money_plain_max = 24;  // `-` 19 digits `.` 2 digits
char* write_money_plain(char* out, Sen amount);
// For reports: `Rp 3.500.000`, `Rp 3.701.508,68`, `-Rp 16.800`.
std::string format_rupiah(Sen amount);

}  // namespace jamsos
