// Reads a regulation profile from TOML and checks it before any row is judged: a wrong
// profile stops the run with exit 78 (contract, "Exit codes"), never a wrong list.
//
// The format (src/profiles/balikpapan-2025.toml is the commented model):
//   format = 1
//   [profile]          id, version, title, legal_basis, region_code, region_name,
//                      place (optional), agency_name
//   [columns]          required = [candidate columns]
//   [rules.<name>]     enabled = true|false, article = "Pasal ..." (when enabled), and
//                      the rule's figures; every rule must be present, so that a writer
//                      decides each one and a typo in a name is caught
//   [[categories]]     code, name, aliases
//   [[occupations]]    code, name, aliases, agency (Lampiran I)
//   [[premiums]]       component, amount (money text), from / until ("YYYY-MM"), basis
// Money is text in the contract's format, parsed with parse_money into exact sen:
// amount = "3.701.508,68" -> 370150868 sen. A bare number (10000) is refused: Rupiah or
// sen would be a guess.
//
// Every problem found is reported at once, each as FILE:LINE: key: what is wrong, so a
// writer fixes the file in one pass; e.g. a file whose premium periods overlap:
//   daerahku.toml:88: premiums[3]: JKK 2026-01..(open) overlaps premiums[1] 2025-01..(open)
#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include <fmt/core.h>
#include <toml++/toml.h>

#include "jamsos/core/errors.hpp"
#include "jamsos/core/i18n.hpp"
#include "jamsos/core/regions.hpp"
#include "jamsos/core/profile.hpp"
#include "jamsos/core/text.hpp"

namespace jamsos {

namespace {

constexpr std::int64_t supported_format = 1;

// Which candidate column a rule reads; a rule that is on needs its column required.
struct RuleSpec {
  const char* name;
  const char* column;  // nullptr: reads no column of its own (or only optional ones)
};
constexpr RuleSpec kRules[] = {
    {"already_insured", "punya_bpjstk"}, {"category", "kategori"},       {"age_min", "tanggal_lahir"},
    {"age_max", "tanggal_lahir"},        {"region", "kabkota_ktp"},      {"domicile", "domisili_sejak"},
    {"income", "penghasilan"},           {"occupation", "pekerjaan"},    {"occupation_ektp", nullptr},
    {"priority", nullptr},               {"premium_cap", "tanggal_lahir"}, {"coverage_start", nullptr},
    {"termination", nullptr},            {"reconciliation", nullptr},
};

struct Problem {
  std::uint32_t line = 0;
  std::string text;
};

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

// Walks the TOML tree, converting values and collecting problems.
class ProfileReader {
public:
  explicit ProfileReader(std::string_view source) : m_source(source) {}

  void problem(const toml::node* at, const std::string& key, const std::string& what) {
    m_problems.push_back({at ? at->source().begin.line : 0u, key.empty() ? what : key + ": " + what});
  }
  void problem_at_line(std::uint32_t line, const std::string& key, const std::string& what) {
    m_problems.push_back({line, key.empty() ? what : key + ": " + what});
  }
  bool ok() const { return m_problems.empty(); }

  [[noreturn]] void fail() const {
    auto sorted = m_problems;
    std::stable_sort(sorted.begin(), sorted.end(), [](const Problem& a, const Problem& b) { return a.line < b.line; });
    std::string list;
    for (const auto& p : sorted) {
      list += p.line ? fmt::format("\n  {}:{}: {}", m_source, p.line, p.text) : fmt::format("\n  {}: {}", m_source, p.text);
    }
    const std::string src(m_source);
    throw ConfigError(tr(fmt::format("profil {} tidak sah ({} masalah):{}\nPerbaiki berkasnya, lalu periksa lagi dengan "
                                     "'jamsos profiles check {}'.",
                                     src, sorted.size(), list, src),
                         fmt::format("profile {} is invalid ({} problem{}):{}\nFix the file, then check it again with "
                                     "'jamsos profiles check {}'.",
                                     src, sorted.size(), sorted.size() == 1 ? "" : "s", list, src)));
  }

  // Keys a table may hold; anything else is most likely a typo that would silently
  // drop a rule or a figure.
  void known_keys(const toml::table& t, const std::string& path, const std::vector<std::string>& names) {
    for (const auto& [key, node] : t) {
      if (std::find(names.begin(), names.end(), key.str()) != names.end()) continue;
      problem(&node, qualify(path, std::string(key.str())),
              tr(fmt::format("kunci tidak dikenal (salah ketik?); yang dikenal di sini: {}", join(names)),
                 fmt::format("unknown key (a typo?); the keys known here: {}", join(names))));
    }
  }

  const toml::table* table(const toml::table& parent, const char* key, const std::string& path, bool required) {
    const toml::node* n = parent.get(key);
    const std::string full = qualify(path, key);
    if (!n) {
      if (required)
        problem(&parent, full,
                tr(fmt::format("bagian [{}] tidak ada", full), fmt::format("the section [{}] is missing", full)));
      return nullptr;
    }
    if (!n->is_table()) {
      problem(n, full, tr(fmt::format("harus berupa bagian [{}]", full), fmt::format("must be a section [{}]", full)));
      return nullptr;
    }
    return n->as_table();
  }

  std::optional<std::string> text(const toml::table& t, const char* key, const std::string& path, bool required) {
    const toml::node* n = t.get(key);
    const std::string full = qualify(path, key);
    if (!n) {
      if (required) missing(t, full);
      return std::nullopt;
    }
    const auto* s = n->as_string();
    if (!s) {
      problem(n, full, tr("harus berupa teks dalam tanda kutip \"...\"", "must be text in quotes \"...\""));
      return std::nullopt;
    }
    const std::string value(trim(s->get()));
    if (value.empty()) {
      problem(n, full, tr("tidak boleh kosong", "must not be empty"));
      return std::nullopt;
    }
    return value;
  }

  std::optional<int> whole(const toml::table& t, const char* key, const std::string& path, bool required, int min,
                           int max) {
    const toml::node* n = t.get(key);
    const std::string full = qualify(path, key);
    if (!n) {
      if (required) missing(t, full);
      return std::nullopt;
    }
    const auto* v = n->as_integer();
    if (!v || v->get() < min || v->get() > max) {
      problem(n, full,
              tr(fmt::format("harus bilangan bulat dari {} sampai {}, tanpa tanda kutip", min, max),
                 fmt::format("must be a whole number from {} to {}, without quotes", min, max)));
      return std::nullopt;
    }
    return static_cast<int>(v->get());
  }

  std::optional<bool> flag(const toml::table& t, const char* key, const std::string& path, bool required) {
    const toml::node* n = t.get(key);
    const std::string full = qualify(path, key);
    if (!n) {
      if (required) missing(t, full);
      return std::nullopt;
    }
    const auto* v = n->as_boolean();
    if (!v) {
      problem(n, full, tr("harus true atau false, tanpa tanda kutip", "must be true or false, without quotes"));
      return std::nullopt;
    }
    return v->get();
  }

  // Money is text parsed by parse_money: "3.701.508,68", "Rp 10.000", "3701508.68".
  std::optional<Sen> money(const toml::node* n, const std::string& full) {
    const auto* s = n->as_string();
    const auto value = s ? parse_money(s->get()) : std::nullopt;
    if (!value || *value < 0) {
      problem(n, full,
              tr("bukan jumlah uang yang sah: tulis sebagai teks, misalnya \"3.701.508,68\" atau \"10.000\"",
                 "not a valid amount of money: write it as text, e.g. \"3.701.508,68\" or \"10.000\""));
      return std::nullopt;
    }
    return value;
  }
  std::optional<Sen> money(const toml::table& t, const char* key, const std::string& path, bool required) {
    const toml::node* n = t.get(key);
    if (!n) {
      if (required) missing(t, qualify(path, key));
      return std::nullopt;
    }
    return money(n, qualify(path, key));
  }

  std::optional<Month> month(const toml::table& t, const char* key, const std::string& path, bool required) {
    const toml::node* n = t.get(key);
    const std::string full = qualify(path, key);
    if (!n) {
      if (required) missing(t, full);
      return std::nullopt;
    }
    const auto* s = n->as_string();
    const auto value = s ? parse_month(s->get()) : std::nullopt;
    if (!value) {
      problem(n, full,
              tr("bukan bulan yang sah: tulis \"TAHUN-BULAN\" dalam tanda kutip, misalnya \"2025-01\"",
                 "not a valid month: write \"YEAR-MONTH\" in quotes, e.g. \"2025-01\""));
      return std::nullopt;
    }
    return value;
  }

  std::vector<std::string> texts(const toml::table& t, const char* key, const std::string& path, bool required) {
    std::vector<std::string> out;
    const toml::node* n = t.get(key);
    const std::string full = qualify(path, key);
    if (!n) {
      if (required) missing(t, full);
      return out;
    }
    const auto* arr = n->as_array();
    if (!arr) {
      problem(n, full, tr("harus berupa daftar [\"...\", \"...\"]", "must be a list [\"...\", \"...\"]"));
      return out;
    }
    for (std::size_t i = 0; i < arr->size(); ++i) {
      const auto* s = (*arr)[i].as_string();
      if (!s || trim(s->get()).empty()) {
        problem(&(*arr)[i], fmt::format("{}[{}]", full, i + 1),
                tr("harus berupa teks yang tidak kosong dalam tanda kutip", "must be non-empty text in quotes"));
        continue;
      }
      out.emplace_back(trim(s->get()));
    }
    return out;
  }

  // [[name]]: an array of tables (absent = empty).
  std::vector<const toml::table*> entries(const toml::table& root, const char* key) {
    std::vector<const toml::table*> out;
    const toml::node* n = root.get(key);
    if (!n) return out;
    const auto* arr = n->as_array();
    if (!arr || !arr->is_array_of_tables()) {
      problem(n, key,
              tr(fmt::format("tulis setiap entri sebagai bagian [[{}]]", key),
                 fmt::format("write each entry as a section [[{}]]", key)));
      return out;
    }
    for (const auto& e : *arr) out.push_back(e.as_table());
    return out;
  }

  static std::string qualify(const std::string& path, const std::string& key) {
    return path.empty() ? key : path + "." + key;
  }

private:
  void missing(const toml::table& t, const std::string& full) {
    problem(&t, full, tr("kunci wajib tidak ada", "required key is missing"));
  }

  std::string_view m_source;
  std::vector<Problem> m_problems;
};

void read_header(ProfileReader& r, const toml::table& root, Profile& p) {
  if (const auto* n = root.get("format"); !n) {
    r.problem_at_line(1, "format", tr("kunci wajib tidak ada: tulis format = 1 di awal berkas",
                               "required key is missing: write format = 1 at the top of the file"));
  } else if (const auto* v = n->as_integer(); !v || v->get() != supported_format) {
    r.problem(n, "format",
              tr("versi format tidak didukung; program ini membaca format = 1",
                 "unsupported format version; this program reads format = 1"));
  }

  const auto* t = r.table(root, "profile", "", true);
  if (!t) return;
  r.known_keys(*t, "profile",
               {"id", "version", "title", "legal_basis", "region_code", "region_name", "place", "agency_name"});
  p.id = r.text(*t, "id", "profile", true).value_or("");
  if (p.id.find_first_of(" \t") != std::string::npos)
    r.problem(t->get("id"), "profile.id", tr("tidak boleh mengandung spasi", "must not contain spaces"));
  p.version = r.text(*t, "version", "profile", true).value_or("");
  p.title = r.text(*t, "title", "profile", true).value_or("");
  p.legal_basis = r.text(*t, "legal_basis", "profile", true).value_or("");
  p.region_name = r.text(*t, "region_name", "profile", true).value_or("");
  p.place = r.text(*t, "place", "profile", false).value_or(p.region_name);
  p.agency_name = r.text(*t, "agency_name", "profile", true).value_or("");

  // The region code as the contract writes kabkota_ktp: "6471" or "64.71"; it must be a
  // regency/city of Kepmendagri 2025 (a profile describes a region that exists today).
  if (auto code = r.text(*t, "region_code", "profile", true)) {
    const auto digits = normalize_region_code(*code);
    if (!digits || digits->size() != 4 || !region_name(*digits))
      r.problem(t->get("region_code"), "profile.region_code",
                tr(fmt::format("'{}' bukan kode kabupaten/kota Kemendagri 2025 (4 angka, misalnya \"6471\")", *code),
                   fmt::format("'{}' is not a Kemendagri 2025 regency/city code (4 digits, e.g. \"6471\")", *code)));
    else
      p.region_code = *digits;
  }
}

void read_columns(ProfileReader& r, const toml::table& root, Profile& p) {
  const auto* t = r.table(root, "columns", "", true);
  if (!t) return;
  r.known_keys(*t, "columns", {"required"});
  const auto& known = candidate_columns();
  const auto* arr = t->get("required");
  std::set<std::string> seen;
  std::size_t i = 0;
  for (const auto& column : r.texts(*t, "required", "columns", true)) {
    ++i;
    const toml::node* at = arr && arr->as_array() && i <= arr->as_array()->size() ? &(*arr->as_array())[i - 1] : arr;
    const std::string name = to_lower_ascii(column);
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      r.problem(at, fmt::format("columns.required[{}]", i),
                tr(fmt::format("kolom '{}' tidak dikenal; kolom usulan yang dikenal: {}", column, join(known)),
                   fmt::format("unknown column '{}'; the known candidate columns: {}", column, join(known))));
    } else if (!seen.insert(name).second) {
      r.problem(at, fmt::format("columns.required[{}]", i),
                tr(fmt::format("kolom '{}' tertulis dua kali", column), fmt::format("column '{}' is listed twice", column)));
    } else {
      p.required_columns.push_back(name);
    }
  }
  if (arr && !seen.count("nik"))
    r.problem(arr, "columns.required",
              tr("harus memuat \"nik\": setiap baris dikenali dari NIK-nya",
                 "must include \"nik\": every row is identified by its NIK"));
}

// One [rules.<name>] section: enabled, and article when enabled.
const toml::table* read_rule(ProfileReader& r, const toml::table* rules, const char* name, RuleRef& out,
                             std::initializer_list<const char*> figures) {
  if (!rules) return nullptr;
  const std::string path = std::string("rules.") + name;
  const toml::node* n = rules->get(name);
  if (!n) {
    r.problem(rules, path,
              tr(fmt::format("bagian [{}] tidak ada; bila peraturan Anda tidak memuat aturan ini, tulis [{}] dengan "
                             "enabled = false",
                             path, path),
                 fmt::format("the section [{}] is missing; if your regulation has no such rule, write [{}] with "
                             "enabled = false",
                             path, path)));
    return nullptr;
  }
  const auto* t = r.table(*rules, name, "rules", true);
  if (!t) return nullptr;
  std::vector<std::string> keys{"enabled", "article"};
  keys.insert(keys.end(), figures.begin(), figures.end());
  r.known_keys(*t, path, keys);
  out.enabled = r.flag(*t, "enabled", path, true).value_or(false);
  const auto article = r.text(*t, "article", path, false);
  if (out.enabled && !article && !t->get("article"))
    r.problem(t, path + ".article",
              tr("aturan ini berlaku (enabled = true) tetapi pasalnya tidak ditulis: tambahkan article = \"Pasal ...\"",
                 "the rule is on (enabled = true) but its article is missing: add article = \"Pasal ...\""));
  out.article = article.value_or("");
  return t;
}

void read_rules(ProfileReader& r, const toml::table& root, Profile& p) {
  const auto* rules = r.table(root, "rules", "", true);
  if (rules) {
    std::vector<std::string> names;
    for (const auto& spec : kRules) names.emplace_back(spec.name);
    for (const auto& [key, node] : *rules)
      if (std::find(names.begin(), names.end(), key.str()) == names.end())
        r.problem(&node, "rules." + std::string(key.str()),
                  tr(fmt::format("aturan tidak dikenal (salah ketik?); aturan yang dikenal: {}", join(names)),
                     fmt::format("unknown rule (a typo?); the known rules: {}", join(names))));
  }

  read_rule(r, rules, "already_insured", p.already_insured, {});
  read_rule(r, rules, "category", p.category_rule, {});
  if (const auto* t = read_rule(r, rules, "age_min", p.age_min_rule, {"years"}))
    p.age_min = r.whole(*t, "years", "rules.age_min", p.age_min_rule.enabled, 0, 120).value_or(0);
  if (const auto* t = read_rule(r, rules, "age_max", p.age_max_rule, {"years", "inclusive"})) {
    p.age_max = r.whole(*t, "years", "rules.age_max", p.age_max_rule.enabled, 1, 150).value_or(0);
    p.age_max_inclusive = r.flag(*t, "inclusive", "rules.age_max", p.age_max_rule.enabled).value_or(false);
  }
  read_rule(r, rules, "region", p.region_rule, {});
  if (const auto* t = read_rule(r, rules, "domicile", p.domicile_rule, {"months"}))
    p.domicile_months = r.whole(*t, "months", "rules.domicile", p.domicile_rule.enabled, 1, 1200).value_or(0);
  if (const auto* t = read_rule(r, rules, "income", p.income_rule, {"umk"})) {
    // UMK by year: a missing year is not an error here (a run with --umk needs none);
    // validate stops with 78 when a row's year has no UMK and no --umk is given.
    if (const auto* umk = r.table(*t, "umk", "rules.income", false)) {
      for (const auto& [key, node] : *umk) {
        const std::string year(key.str());
        const std::string full = "rules.income.umk." + year;
        const int y = year.size() == 4 && is_all_digits(year) ? std::stoi(year) : 0;
        if (y < 1900 || y > 2999) {
          r.problem(&node, full,
                    tr("kunci harus tahun 4 angka, misalnya 2026 = \"3.856.694,43\"",
                       "the key must be a 4-digit year, e.g. 2026 = \"3.856.694,43\""));
          continue;
        }
        if (const auto amount = r.money(&node, full)) {
          if (*amount == 0)
            r.problem(&node, full, tr("UMK tidak boleh nol", "the UMK must not be zero"));
          else
            p.umk_by_year[y] = *amount;
        }
      }
    }
  }
  read_rule(r, rules, "occupation", p.occupation_rule, {});
  read_rule(r, rules, "occupation_ektp", p.occupation_ektp_rule, {});
  read_rule(r, rules, "priority", p.priority_rule, {});
  read_rule(r, rules, "coverage_start", p.coverage_start_rule, {});
  if (const auto* t = read_rule(r, rules, "premium_cap", p.premium_cap_rule, {"years", "months"})) {
    p.premium_cap_years = r.whole(*t, "years", "rules.premium_cap", p.premium_cap_rule.enabled, 1, 150).value_or(0);
    p.premium_cap_months = r.whole(*t, "months", "rules.premium_cap", p.premium_cap_rule.enabled, 0, 11).value_or(0);
  }
  read_rule(r, rules, "termination", p.termination_rule, {});
  read_rule(r, rules, "reconciliation", p.reconciliation_rule, {});

  // Figures that cannot all hold: nobody could ever be eligible.
  if (rules && p.age_min_rule.enabled && p.age_max_rule.enabled && p.age_max > 0 &&
      (p.age_min > p.age_max || (p.age_min == p.age_max && !p.age_max_inclusive))) {
    const toml::node* at = rules->at_path("age_min.years").node();
    r.problem(at ? at : rules, "rules.age_min.years",
              tr(fmt::format("usia minimal {} tidak cocok dengan usia maksimal {}{}: tidak ada yang bisa lolos", p.age_min,
                             p.age_max, p.age_max_inclusive ? "" : " (tidak termasuk)"),
                 fmt::format("minimum age {} does not fit the maximum age {}{}: nobody could pass", p.age_min, p.age_max,
                             p.age_max_inclusive ? "" : " (exclusive)")));
  }
}

// A rule that is on reads its column; the column must then be required, or a file
// without it would be judged as if the rule held.
void check_rule_columns(ProfileReader& r, const toml::table& root, const Profile& p) {
  const toml::node* columns = root.at_path("columns.required").node();
  if (!columns) return;  // already reported
  const RuleRef* refs[] = {&p.already_insured,  &p.category_rule,       &p.age_min_rule,  &p.age_max_rule,
                           &p.region_rule,      &p.domicile_rule,       &p.income_rule,   &p.occupation_rule,
                           &p.occupation_ektp_rule, &p.priority_rule,   &p.premium_cap_rule, &p.coverage_start_rule,
                           &p.termination_rule, &p.reconciliation_rule};
  static_assert(std::size(kRules) == std::size(refs));
  for (std::size_t i = 0; i < std::size(kRules); ++i) {
    const char* column = kRules[i].column;
    if (!refs[i]->enabled || !column) continue;
    if (std::find(p.required_columns.begin(), p.required_columns.end(), column) != p.required_columns.end()) continue;
    r.problem(columns, "columns.required",
              tr(fmt::format("aturan rules.{} berlaku, maka kolom \"{}\" harus ada di sini", kRules[i].name, column),
                 fmt::format("rules.{} is on, so the column \"{}\" must be listed here", kRules[i].name, column)));
  }
}

// Names and aliases must point to one entry each, or a spelling would be ambiguous.
template <typename Entry>
void check_unique_names(ProfileReader& r, const std::vector<Entry>& items, const std::vector<const toml::table*>& at,
                        const char* section) {
  std::vector<std::pair<std::string, std::size_t>> seen;
  for (std::size_t i = 0; i < items.size(); ++i) {
    std::vector<std::string> spellings{normalize_name(items[i].name)};
    for (const auto& a : items[i].aliases) spellings.push_back(a);
    std::set<std::string> own;
    for (const auto& s : spellings) {
      if (s.empty() || !own.insert(s).second) continue;
      const auto it = std::find_if(seen.begin(), seen.end(), [&](const auto& e) { return e.first == s; });
      if (it != seen.end())
        r.problem(at[i], fmt::format("{}[{}]", section, i + 1),
                  tr(fmt::format("nama/alias '{}' sudah dipakai {}[{}]", s, section, it->second + 1),
                     fmt::format("name/alias '{}' is already used by {}[{}]", s, section, it->second + 1)));
      else
        seen.emplace_back(s, i);
    }
  }
}

void read_categories(ProfileReader& r, const toml::table& root, Profile& p) {
  const auto tables = r.entries(root, "categories");
  std::set<std::string> codes;
  for (std::size_t i = 0; i < tables.size(); ++i) {
    const auto& t = *tables[i];
    const std::string path = fmt::format("categories[{}]", i + 1);
    r.known_keys(t, path, {"code", "name", "aliases"});
    Category c;
    c.code = r.text(t, "code", path, true).value_or("");
    c.name = r.text(t, "name", path, true).value_or("");
    for (const auto& a : r.texts(t, "aliases", path, false)) c.aliases.push_back(normalize_name(a));
    if (!c.code.empty() && !codes.insert(to_lower_ascii(c.code)).second)
      r.problem(t.get("code"), path + ".code",
                tr(fmt::format("kode '{}' sudah dipakai kategori lain", c.code),
                   fmt::format("the code '{}' is already used by another category", c.code)));
    p.categories.push_back(std::move(c));
  }
  check_unique_names(r, p.categories, tables, "categories");
  if (p.category_rule.enabled && tables.empty() && root.get("rules"))
    r.problem(root.at_path("rules.category").node(), "rules.category",
              tr("aturan berlaku tetapi tidak ada satu pun [[categories]]",
                 "the rule is on but there is no [[categories]] entry"));
}

void read_occupations(ProfileReader& r, const toml::table& root, Profile& p) {
  const auto tables = r.entries(root, "occupations");
  for (std::size_t i = 0; i < tables.size(); ++i) {
    const auto& t = *tables[i];
    const std::string path = fmt::format("occupations[{}]", i + 1);
    r.known_keys(t, path, {"code", "name", "aliases", "agency"});
    Occupation o;
    o.code = r.text(t, "code", path, true).value_or("");
    o.name = r.text(t, "name", path, true).value_or("");
    // Lampiran I: every occupation has an agency responsible for its data (penanggung_jawab).
    o.agency = r.text(t, "agency", path, true).value_or("");
    for (const auto& a : r.texts(t, "aliases", path, false)) o.aliases.push_back(normalize_name(a));
    if (o.code.find_first_of(" \t") != std::string::npos)
      r.problem(t.get("code"), path + ".code", tr("tidak boleh mengandung spasi", "must not contain spaces"));
    p.occupations.push_back(std::move(o));
  }
  check_unique_names(r, p.occupations, tables, "occupations");
  if (p.occupation_rule.enabled && tables.empty() && root.get("rules"))
    r.problem(root.at_path("rules.occupation").node(), "rules.occupation",
              tr("aturan berlaku tetapi tidak ada satu pun [[occupations]]",
                 "the rule is on but there is no [[occupations]] entry"));
}

std::string span(const PremiumPeriod& p) {
  return format_month(p.from) + ".." + (p.until ? format_month(*p.until) : tr("(terbuka)", "(open)"));
}

void read_premiums(ProfileReader& r, const toml::table& root, Profile& p) {
  const auto tables = r.entries(root, "premiums");
  if (tables.empty() && !root.get("premiums"))
    r.problem_at_line(0, "premiums",
              tr("tidak ada [[premiums]]: tulis setidaknya satu komponen iuran (misalnya JKK dan JKM)",
                 "no [[premiums]]: write at least one premium component (e.g. JKK and JKM)"));
  std::vector<std::size_t> index;  // entry number of each period kept
  for (std::size_t i = 0; i < tables.size(); ++i) {
    const auto& t = *tables[i];
    const std::string path = fmt::format("premiums[{}]", i + 1);
    r.known_keys(t, path, {"component", "amount", "from", "until", "basis"});
    const auto component = r.text(t, "component", path, true);
    const auto amount = r.money(t, "amount", path, true);
    const auto from = r.month(t, "from", path, true);
    const auto until = r.month(t, "until", path, false);
    const auto basis = r.text(t, "basis", path, true);
    if (from && until && *until < *from) {
      r.problem(t.get("until"), path + ".until",
                tr(fmt::format("{} sebelum from {}", format_month(*until), format_month(*from)),
                   fmt::format("{} is before from {}", format_month(*until), format_month(*from))));
      continue;
    }
    if (!component || !amount || !from || !basis) continue;
    p.premiums.push_back({*component, *amount, *from, until, *basis});
    index.push_back(i);
  }
  // Two periods of one component in force in the same month would double its price.
  for (std::size_t a = 0; a < p.premiums.size(); ++a) {
    for (std::size_t b = a + 1; b < p.premiums.size(); ++b) {
      const auto& x = p.premiums[a];
      const auto& y = p.premiums[b];
      if (!iequals(x.component, y.component)) continue;
      const bool x_before_y = x.until && *x.until < y.from;
      const bool y_before_x = y.until && *y.until < x.from;
      if (x_before_y || y_before_x) continue;
      r.problem(tables[index[b]], fmt::format("premiums[{}]", index[b] + 1),
                tr(fmt::format("{} {} tumpang tindih dengan premiums[{}] {}; tutup periode lama dengan until",
                               y.component, span(y), index[a] + 1, span(x)),
                   fmt::format("{} {} overlaps premiums[{}] {}; close the older period with until", y.component, span(y),
                               index[a] + 1, span(x))));
    }
  }
}

}  // namespace

Profile parse_profile(std::string_view toml_text, std::string_view source_name) {
  toml::table root;
  try {
    root = toml::parse(toml_text, source_name);
  } catch (const toml::parse_error& e) {
    const auto& at = e.source().begin;
    const std::string src(source_name), what(e.description());
    throw ConfigError(tr(fmt::format("{}:{}:{}: TOML tidak sah: {}. Periksa tanda kutip, kurung siku dan tanda '=' di "
                                     "baris itu.",
                                     src, at.line, at.column, what),
                         fmt::format("{}:{}:{}: invalid TOML: {}. Check the quotes, brackets and '=' on that line.",
                                     src, at.line, at.column, what)));
  }

  ProfileReader r(source_name);
  Profile p;
  r.known_keys(root, "", {"format", "profile", "columns", "rules", "categories", "occupations", "premiums"});
  read_header(r, root, p);
  read_columns(r, root, p);
  read_rules(r, root, p);
  check_rule_columns(r, root, p);
  read_categories(r, root, p);
  read_occupations(r, root, p);
  read_premiums(r, root, p);
  if (!r.ok()) r.fail();
  return p;
}

}  // namespace jamsos
