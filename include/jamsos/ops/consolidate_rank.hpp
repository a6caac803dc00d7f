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
#include <optional>
#include <string_view>

#include "jamsos/core/money.hpp"
#include "jamsos/core/profile.hpp"

namespace jamsos {

constexpr std::uint64_t pack_rank_major(std::uint8_t priority, std::uint8_t category,
                                        std::optional<Sen> income) {
  constexpr std::uint64_t no_income = (std::uint64_t{1} << 61) - 1;
  const std::uint64_t money =
      income ? static_cast<std::uint64_t>(*income + (Sen{1} << 58)) : no_income;
  return (std::uint64_t{priority == 1 ? 0u : 1u} << 63) | (std::uint64_t{category} << 61) | money;
}
static_assert(max_money < (Sen{1} << 57), "the income must fit its 61 bits of RankKey::major");

struct RankKey {
  std::uint64_t nik = 0;
  // prioritas, category and penghasilan packed so that one comparison decides the first three
  // rules (pack_rank_major): prioritas 1 -> 0, 2 -> 1 in bit 63; the category 0..2 in bits
  // 61-62; the income in sen + 2^58 in bits 0-60 (|income| <= max_money < 2^57), all ones
  // when empty or unreadable (last).
  std::uint64_t major = pack_rank_major(2, 2, std::nullopt);
  std::int32_t proposed = std::numeric_limits<std::int32_t>::max();  // days since 1970; empty: last
  std::uint8_t priority = 2;                                         // 1 or 2
  std::uint8_t category = 2;                                         // 0 FM, 1 OTM, 2 anything else
};
static_assert(sizeof(RankKey) == 24, "consolidate holds one RankKey per candidate");

// True when `a` comes before `b` on the list.
inline bool ranks_before(const RankKey& a, const RankKey& b) {
  if (a.major != b.major) return a.major < b.major;
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
