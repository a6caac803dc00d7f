#pragma once
// Who comes first on the decree list (contract, `consolidate`; Pasal 5 ayat (2): people
// in the extreme-poverty data (P3KE) and people with disabilities first): prioritas 1
// before 2, then FM before OTM before anything else, then lower penghasilan (empty or
// unreadable last), then earlier tanggal_usulan (empty or unreadable last), then nik.
//
// Boundary: two prioritas-2 FM candidates both earning Rp 1.500.000 and proposed the
// same day are ordered by NIK alone, so the list is the same on every run and machine.
#include <cstdint>
#include <limits>
#include <string_view>

#include "jamsos/core/money.hpp"
#include "jamsos/core/profile.hpp"

namespace jamsos {

struct RankKey {
  std::uint64_t nik = 0;
  Sen income = std::numeric_limits<Sen>::max();                      // empty/unreadable: last
  std::int32_t proposed = std::numeric_limits<std::int32_t>::max();  // days since 1970; empty: last
  std::uint8_t priority = 2;                                         // 1 or 2
  std::uint8_t category = 2;                                         // 0 FM, 1 OTM, 2 anything else
};
static_assert(sizeof(RankKey) == 24, "consolidate holds one RankKey per candidate");

// True when `a` comes before `b` on the list.
inline bool ranks_before(const RankKey& a, const RankKey& b) {
  if (a.priority != b.priority) return a.priority < b.priority;
  if (a.category != b.category) return a.category < b.category;
  if (a.income != b.income) return a.income < b.income;
  if (a.proposed != b.proposed) return a.proposed < b.proposed;
  return a.nik < b.nik;
}

// The cells a key is built from; a column absent from the input is an empty view.
struct RankCells {
  std::string_view prioritas, p3ke, disabilitas, kategori, penghasilan, tanggal_usulan;
};

// Priority: the `prioritas` cell when it reads 1 or 2 (validate wrote it); otherwise 1 if
// p3ke or disabilitas says yes, else 2 (Pasal 5 ayat (2)).
std::uint8_t priority_of(const RankCells& cells);
// 0 for FM, 1 for OTM (any spelling the profile accepts), 2 for anything else.
std::uint8_t category_rank(const Profile& profile, std::string_view kategori);

// Everything but the NIK, which the caller has already checked.
RankKey make_rank_key(const Profile& profile, const RankCells& cells, std::uint64_t nik);
// The same with the category already ranked (consolidate keeps category_rank per text).
RankKey make_rank_key(const RankCells& cells, std::uint64_t nik, std::uint8_t category);

}  // namespace jamsos
