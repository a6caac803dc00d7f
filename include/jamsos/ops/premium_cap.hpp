#pragma once
// The last premium month (akhir_iuran) of a roster row, Pasal 11 ayat (6): premiums until
// 64 years 11 months. Born 1961-03-15 -> 2026-02, from the cell or from tanggal_lahir.
// Any command that reads a roster can use it, so that one roster means the same to all.
#include <cstddef>
#include <optional>
#include <vector>

#include "jamsos/core/dates.hpp"
#include "jamsos/core/profile.hpp"
#include "jamsos/csv/reader.hpp"

namespace jamsos {

class PremiumCap {
 public:
  // Looks at each roster file's header: under a profile with a cap, a file with neither
  // akhir_iuran nor tanggal_lahir stops the run (DataError, 65, naming the file).
  PremiumCap(const csv::MultiReader& roster, const Profile& profile);

  // nullopt: no cap. A non-empty akhir_iuran wins (YYYY-MM; a full date counts as its
  // month). Empty or absent: computed from tanggal_lahir when the profile has a cap (a
  // blanked cell must not keep paying past the cap), none otherwise. Unreadable -> 65
  // naming FILE:LINE.
  std::optional<Month> last_month(const csv::MultiReader& roster, const csv::Record& rec) const;

 private:
  // Per file: in a union header a file without akhir_iuran reads as empty cells.
  struct Columns {
    bool akhir_iuran = false;
    bool tanggal_lahir = false;
  };
  const Profile& m_profile;
  std::size_t m_akhir_iuran = 0;
  std::size_t m_tanggal_lahir = 0;
  std::vector<Columns> m_by_source;
};

}  // namespace jamsos
