// Order of the decree list (Pasal 5 ayat (2) and the contract's tie-breaks); see
// include/jamsos/ops/consolidate_rank.hpp for the worked tie (same priority, category,
// income and date: the NIK decides).
#include "jamsos/ops/consolidate_rank.hpp"

#include "jamsos/core/dates.hpp"
#include "jamsos/core/text.hpp"

namespace jamsos {

std::uint8_t priority_of(const RankCells& cells) {
  const std::string_view given = trim(cells.prioritas);
  if (given == "1") return 1;
  if (given == "2") return 2;
  // Pasal 5 ayat (2); an empty p3ke/disabilitas cell means no (contract, candidate columns).
  if (parse_bool(cells.p3ke) == Tristate::yes || parse_bool(cells.disabilitas) == Tristate::yes)
    return 1;
  return 2;
}

std::uint8_t category_rank(const Profile& profile, std::string_view kategori) {
  const std::string code = profile.find_category(kategori);
  if (code == "FM") return 0;
  if (code == "OTM") return 1;
  return 2;
}

RankKey make_rank_key(const Profile& profile, const RankCells& cells, std::uint64_t nik) {
  return make_rank_key(cells, nik, category_rank(profile, cells.kategori));
}

RankKey make_rank_key(const RankCells& cells, std::uint64_t nik, std::uint8_t category) {
  RankKey key;
  key.nik = nik;
  key.priority = priority_of(cells);
  key.category = category;
  key.major = pack_rank_major(key.priority, key.category, parse_money(cells.penghasilan));
  if (const auto proposed = parse_date(cells.tanggal_usulan)) {
    key.proposed = static_cast<std::int32_t>(date::sys_days(*proposed).time_since_epoch().count());
  }
  return key;
}

}  // namespace jamsos
