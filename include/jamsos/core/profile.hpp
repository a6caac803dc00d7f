#pragma once
// A regulation profile: everything regulation-specific, so that no region's figures
// live in C++ (DEVELOPERS.md, "Nothing regulation-specific is hard-coded").
// Built in: balikpapan-2025 (Perwali Balikpapan 3/2025) and balangan-2024 (Perbup
// Balangan 5/2024), as src/profiles/*.toml embedded in the binary; a user's TOML file in
// the same format configures another region without recompiling.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "jamsos/core/dates.hpp"
#include "jamsos/core/money.hpp"

namespace jamsos {

// A rule present in the profile, with the article it applies. A profile without a rule
// never emits its code (contract, `validate`).
struct RuleRef {
  bool enabled = false;
  std::string article;  // "Pasal 5 ayat (1) huruf c"
};

struct Occupation {
  std::string code;                  // "a".."o"
  std::string name;                  // "nelayan"
  std::vector<std::string> aliases;  // other spellings accepted in `pekerjaan`, normalised (see below)
  std::string agency;                // responsible for the data (Lampiran I)
};

struct Category {
  std::string code;                  // "FM", "OTM"
  std::string name;                  // "fakir miskin"
  std::vector<std::string> aliases;  // accepted spellings, normalised (see below)
};

// One premium component in force over a span of months (a rate change is a new period).
struct PremiumPeriod {
  std::string component;        // "JKK", "JKM"
  Sen amount = 0;               // per person per month
  Month from;                   // first month in force
  std::optional<Month> until;   // last month in force; nullopt = open-ended
  std::string basis;            // "PP 44/2015 jo. PP 82/2019"
};

struct Profile {
  std::string id;            // "balikpapan-2025"
  std::string version;       // profile data version, for the audit record
  std::string title;         // "Peraturan Wali Kota Balikpapan Nomor 3 Tahun 2025"
  std::string legal_basis;   // full citation for reports
  std::string region_code;   // "6471"
  std::string region_name;   // "Kota Balikpapan"
  std::string place;         // where documents are signed: "Balikpapan", "Paringin"
  std::string agency_name;   // labour agency that signs the berita acara
  std::string source;        // where it was loaded from: the built-in id or the file path

  std::vector<std::string> required_columns;

  RuleRef already_insured;       // Pasal 5 (1) a
  RuleRef category_rule;         // Pasal 5 (1) b
  std::vector<Category> categories;
  RuleRef age_min_rule;          // Pasal 5 (1) c
  int age_min = 0;
  RuleRef age_max_rule;          // Pasal 5 (1) c; Balangan Pasal 12 (4) b
  int age_max = 0;
  bool age_max_inclusive = false;  // balikpapan: age < 64 (false); balangan: age <= 65 (true)
  RuleRef region_rule;           // Pasal 5 (1) d
  RuleRef domicile_rule;         // Pasal 5 (1) e
  int domicile_months = 0;
  RuleRef income_rule;           // Pasal 5 (1) f
  std::map<int, Sen> umk_by_year;
  RuleRef occupation_rule;       // Pasal 4
  std::vector<Occupation> occupations;
  RuleRef occupation_ektp_rule;  // Pasal 6 ayat (4): the data-collection occupation is used
  RuleRef priority_rule;         // Pasal 5 ayat (2)

  RuleRef premium_cap_rule;      // Pasal 11 ayat (6): until 64 years 11 months
  int premium_cap_years = 0;
  int premium_cap_months = 0;
  RuleRef coverage_start_rule;   // Pasal 8 ayat (6): January of the following year
  std::vector<PremiumPeriod> premiums;
  RuleRef reconciliation_rule;   // Pasal 11 ayat (3)-(5)
  RuleRef termination_rule;      // Pasal 10

  // Premium per person for month m: the sum of the periods in force.
  Sen premium_for(Month m) const;
  // UMK for the year, if the profile has one.
  std::optional<Sen> umk_for(int year) const;
  // Last premium month for someone born `birth`; nullopt if the profile has no cap.
  std::optional<Month> last_premium_month(Date birth) const;
  // The occupation named by a code ("f", "F": the first entry with that code) or by a
  // name/alias compared normalised ("Pedagang  Kaki Lima" = "pedagang kaki lima"), or null.
  const Occupation* find_occupation(std::string_view text) const;
  // The category code ("FM"/"OTM") for a code or a normalised name/alias, or empty.
  std::string find_category(std::string_view text) const;
};

// How names and aliases are compared: ASCII lower case, trimmed, inner runs of spaces
// and tabs collapsed to one space.
std::string normalize_name(std::string_view text);

// The candidate columns of the contract ("Candidate columns"): what `columns.required`
// of a profile may name.
const std::vector<std::string>& candidate_columns();

struct EmbeddedProfile {
  const char* id;
  const char* toml;
};
const std::vector<EmbeddedProfile>& embedded_profiles();

// `name_or_path`: a built-in id (any case), or a path to a file (ending in .toml or
// containing '/'). Throws ConfigError (78): an unknown name (listing the built-ins), a
// file that cannot be read, a TOML syntax error (FILE:LINE:COLUMN), or every semantic
// problem found (FILE:LINE and the key, e.g. `rules.age_min.years`). The file format is
// src/profiles/balikpapan-2025.toml, commented; docs/ARCHITECTURE.md, "Profiles".
Profile load_profile(std::string_view name_or_path);
// `source_name` names the text in messages (a path, or the built-in id).
Profile parse_profile(std::string_view toml_text, std::string_view source_name);
// The TOML text of a built-in profile or a file, for `jamsos profiles show`; not
// validated (callers that need that call load_profile too). ConfigError as above.
std::string profile_text(std::string_view name_or_path);
// True when `name_or_path` names a file rather than a built-in.
bool is_profile_path(std::string_view name_or_path);

constexpr std::string_view default_profile_id = "balikpapan-2025";

}  // namespace jamsos
