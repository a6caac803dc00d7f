#pragma once
// `jamsos validate`: judges each proposal row against the profile's eligibility rules
// (Perwali Balikpapan 3/2025 Pasal 4 and Pasal 5; Perbup Balangan 5/2024 Pasal 12 ayat (4))
// and routes it: eligible rows to the main output, the rest to the rejects, or every row
// to the main output with --all. It streams: memory does not grow with the input.
#include <cstddef>
#include <map>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <string>
#include <vector>

#include "jamsos/core/dates.hpp"
#include "jamsos/core/findings.hpp"
#include "jamsos/core/money.hpp"
#include "jamsos/core/profile.hpp"
#include "jamsos/csv/reader.hpp"
#include "jamsos/csv/writer.hpp"
#include "jamsos/ops/progress.hpp"

namespace jamsos {

struct ValidateOptions {
  Date as_of;                      // --as-of (default today): the evaluation date without tanggal_usulan
  std::optional<Sen> umk_override; // --umk: replaces the profile's UMK for every year
  bool all = false;                // --all: every row to the main output
};

enum class Status { eligible, ineligible, invalid };
const char* status_code(Status s);  // "eligible", "ineligible", "invalid"

struct Verdict {
  Status status = Status::eligible;
  Findings findings;          // failures (invalid, then ineligible) and warnings, in contract order
  std::optional<int> age;     // completed years at the evaluation date
  int priority = 2;           // Pasal 5 ayat (2): 1 for P3KE or disability
  std::string_view agency;    // Lampiran I: responsible for the occupation's data (the profile's text)
};

// Judges rows of one table. Binds column positions once from the header. Remembers the
// answers for the texts it has seen in `pekerjaan`, `kategori` and `kabkota_ktp` (a real
// file has a few dozen spellings), so give each thread its own Validator.
class Validator {
public:
  Validator(const Profile& profile, const ValidateOptions& options, const std::vector<std::string>& header);
  // `where` (FILE:LINE) is only used to name the row if the run must stop (no UMK for a year).
  Verdict check(const csv::Record& record, std::string_view where) const;
  // Header width of each input file, for the field_count message (the union may be wider).
  void set_source_widths(std::vector<std::size_t> widths) { m_source_widths = std::move(widths); }

private:
  struct Columns {  // index in the header, -1 when absent
    int nik = -1, no_kk = -1, tanggal_lahir = -1, jenis_kelamin = -1, kabkota_ktp = -1, domisili_sejak = -1,
        pekerjaan = -1, pekerjaan_ektp = -1, penghasilan = -1, kategori = -1, punya_bpjstk = -1, p3ke = -1,
        disabilitas = -1, tanggal_usulan = -1;
  };
  struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  template <typename T>
  using TextCache = std::unordered_map<std::string, T, TextHash, std::equal_to<>>;
  struct RegionAnswer {
    bool inside = false;
    std::string label;  // "6472 (Kota Samarinda)" or the text as written
  };

  const Occupation* occupation(std::string_view text) const;
  bool category_covered(std::string_view text) const;
  RegionAnswer region(std::string_view text) const;

  const Profile& m_profile;
  ValidateOptions m_options;
  Columns m_col;
  std::vector<std::pair<std::string, int>> m_required;  // the profile's required columns present in the header
  std::vector<std::size_t> m_source_widths;
  mutable TextCache<const Occupation*> m_occupations;
  mutable TextCache<bool> m_categories;
  mutable TextCache<RegionAnswer> m_regions;
};

struct ValidateCounts {
  std::size_t rows = 0;
  std::size_t eligible = 0;
  std::size_t ineligible = 0;
  std::size_t invalid = 0;
  std::size_t with_warnings = 0;
  std::map<std::string, std::size_t> by_code;  // failing codes (not warnings)
};

// The columns validate adds, in order (contract, `validate`).
const std::vector<std::string>& validate_added_columns();

// Checks every input has the profile's needed columns (65 naming file and columns), then
// streams all rows. `rejects` is null with --all.
ValidateCounts run_validate(csv::MultiReader& in, const Profile& profile, const ValidateOptions& options,
                            csv::Writer& main_out, csv::Writer* rejects, Progress* progress);

}  // namespace jamsos
