// A regulation profile: what its figures mean at run time, and where it comes from.
// The TOML schema and its checks are in profile_parse.cpp.
//
// Premium of a month = sum of the periods in force (contract, "Arithmetic"):
//   balikpapan-2025, 2026-03: JKK Rp 10.000 + JKM Rp 6.800 = Rp 16.800.
//   A period from 2026-04 counts from April: March is priced without it.
// Last premium month under Perwali Balikpapan 3/2025 Pasal 11 ayat (6) (until 64 years
// 11 months): born 1961-03-15 -> 2026-02; a profile without the rule (balangan-2024) has
// no last month (nullopt).
// Occupation `f` alone is pedagang kaki lima (Lampiran I row 7: the first entry with
// code f); the name `pedagang keliling` selects its own entry (row 8).
#include "jamsos/core/profile.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/core.h>

#include "jamsos/core/errors.hpp"
#include "jamsos/core/i18n.hpp"
#include "jamsos/core/text.hpp"

namespace jamsos {

namespace {

// Separators between the words of a name: "Pedagang Kaki-Lima", "Pemulung." and
// "petani / pekebun" are spelled the way agencies type them, not another occupation.
bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '-' || c == '.' || c == ',' || c == '/' ||
         c == '_' || c == '(' || c == ')';
}
std::string_view trim_blank(std::string_view s) {
  while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_blank(s.back())) s.remove_suffix(1);
  return s;
}
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// True when normalize_name(a) == normalize_name(b), without allocating: this runs for
// every row of a million-row validate.
bool same_name(std::string_view a, std::string_view b) {
  a = trim_blank(a);
  b = trim_blank(b);
  std::size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    const bool blank_a = is_blank(a[i]), blank_b = is_blank(b[j]);
    if (blank_a != blank_b) return false;
    if (blank_a) {
      while (i < a.size() && is_blank(a[i])) ++i;
      while (j < b.size() && is_blank(b[j])) ++j;
      continue;
    }
    if (lower(a[i]) != lower(b[j])) return false;
    ++i, ++j;
  }
  return i == a.size() && j == b.size();
}

// A profile bigger than this is not a profile (a CSV given by mistake).
constexpr std::uintmax_t max_profile_bytes = 1u << 20;

const EmbeddedProfile* find_builtin(std::string_view name) {
  for (const auto& e : embedded_profiles())
    if (iequals(e.id, trim(name))) return &e;
  return nullptr;
}

std::string builtin_list() {
  std::string out;
  for (const auto& e : embedded_profiles()) out += std::string(out.empty() ? "" : ", ") + e.id;
  return out;
}

std::string read_profile_file(const std::string& path) {
  std::error_code ec;
  const auto cant_read = [&](const std::string& why) {
    return ConfigError(tr(fmt::format("profil {}: berkas tidak bisa dibaca: {}. Periksa jalur berkasnya, atau pakai "
                                      "profil bawaan ({}).",
                                      path, why, builtin_list()),
                          fmt::format("profile {}: cannot read the file: {}. Check the path, or use a built-in "
                                      "profile ({}).",
                                      path, why, builtin_list())));
  };
  if (std::filesystem::is_directory(path, ec)) throw cant_read(tr("itu sebuah folder", "it is a folder"));
  std::ifstream in(path, std::ios::binary);
  if (!in) throw cant_read(std::strerror(errno));
  const auto size = std::filesystem::file_size(path, ec);
  if (!ec && size > max_profile_bytes)
    throw cant_read(tr(fmt::format("terlalu besar ({} byte) untuk sebuah profil", size),
                       fmt::format("too large ({} bytes) for a profile", size)));
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw cant_read(std::strerror(errno));
  return std::move(text).str();
}

}  // namespace

std::string normalize_name(std::string_view text) {
  text = trim_blank(text);
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (is_blank(text[i])) {
      if (!is_blank(text[i - 1])) out += ' ';  // i > 0: trimmed, so text[0] is not blank
      continue;
    }
    out += lower(text[i]);
  }
  return out;
}

const std::vector<std::string>& candidate_columns() {
  static const std::vector<std::string> columns = {
      "nik",          "no_kk",       "nama",           "tempat_lahir", "alamat",  "no_telepon",
      "tanggal_lahir", "jenis_kelamin", "kabkota_ktp", "domisili_sejak", "pekerjaan", "pekerjaan_ektp",
      "penghasilan",  "kategori",    "punya_bpjstk",   "p3ke",         "disabilitas", "tanggal_usulan",
  };
  return columns;
}

Sen Profile::premium_for(Month m) const {
  Sen total = 0;
  for (const auto& p : premiums)
    if (p.from <= m && (!p.until || m <= *p.until)) total += p.amount;
  return total;
}

std::optional<Sen> Profile::umk_for(int year) const {
  const auto it = umk_by_year.find(year);
  if (it == umk_by_year.end()) return std::nullopt;
  return it->second;
}

std::optional<Month> Profile::last_premium_month(Date birth) const {
  // Pasal 11 ayat (6): premiums are paid until the participant is 64 years 11 months old.
  if (!premium_cap_rule.enabled) return std::nullopt;
  return month_reaching_age(birth, premium_cap_years, premium_cap_months);
}

const Occupation* Profile::find_occupation(std::string_view text) const {
  text = trim(text);
  if (text.empty()) return nullptr;
  // A code first: "f" is the first entry with code f (Lampiran I row 7, pedagang kaki lima).
  for (const auto& o : occupations)
    if (iequals(o.code, text)) return &o;
  for (const auto& o : occupations) {
    if (same_name(o.name, text)) return &o;
    for (const auto& alias : o.aliases)
      if (same_name(alias, text)) return &o;
  }
  return nullptr;
}

std::string Profile::find_category(std::string_view text) const {
  text = trim(text);
  if (text.empty()) return {};
  for (const auto& c : categories)
    if (iequals(c.code, text)) return c.code;
  for (const auto& c : categories) {
    if (same_name(c.name, text)) return c.code;
    for (const auto& alias : c.aliases)
      if (same_name(alias, text)) return c.code;
  }
  return {};
}

bool is_profile_path(std::string_view name_or_path) {
  const std::string_view suffix = ".toml";
  return name_or_path.find('/') != std::string_view::npos ||
         (name_or_path.size() > suffix.size() && iequals(name_or_path.substr(name_or_path.size() - suffix.size()), suffix));
}

namespace {

[[noreturn]] void unknown_profile(std::string_view name) {
  const std::string n(name);
  throw ConfigError(tr(fmt::format("profil tidak dikenal: '{}'. Profil bawaan: {}; atau berikan berkas profil sendiri "
                                   "(jalur berakhiran .toml). Lihat 'jamsos profiles'.",
                                   n, builtin_list()),
                       fmt::format("unknown profile: '{}'. Built-in profiles: {}; or give your own profile file "
                                   "(a path ending in .toml). See 'jamsos profiles'.",
                                   n, builtin_list())));
}

}  // namespace

Profile load_profile(std::string_view name_or_path) {
  if (const auto* builtin = find_builtin(name_or_path)) {
    Profile p = parse_profile(builtin->toml, builtin->id);
    p.source = builtin->id;
    return p;
  }
  if (!is_profile_path(name_or_path)) unknown_profile(name_or_path);
  const std::string path(name_or_path);
  Profile p = parse_profile(read_profile_file(path), path);
  p.source = path;
  return p;
}

std::string profile_text(std::string_view name_or_path) {
  if (const auto* builtin = find_builtin(name_or_path)) return builtin->toml;
  if (!is_profile_path(name_or_path)) unknown_profile(name_or_path);
  return read_profile_file(std::string(name_or_path));
}

}  // namespace jamsos
