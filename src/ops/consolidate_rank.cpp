// Order of the decree list (Pasal 5 ayat (2) and the contract's tie-breaks); see
// include/jamsos/ops/consolidate_rank.hpp for the worked tie (same priority, category,
// income and date: the NIK decides).
#include "jamsos/ops/consolidate_rank.hpp"

#include "jamsos/core/dates.hpp"
#include "jamsos/core/text.hpp"

namespace jamsos {

namespace {

// parse_bool(s) == Tristate::yes (Y, YA, 1, TRUE in any case, trimmed), without trying every
// spelling of yes and no in turn: consolidate asks twice for each of a million rows.
bool says_yes(std::string_view s) {
  s = trim(s);
  const auto lower = [](char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c); };
  switch (s.size()) {
    case 1:
      return s[0] == '1' || lower(s[0]) == 'y';
    case 2:
      return lower(s[0]) == 'y' && lower(s[1]) == 'a';
    case 4:
      return lower(s[0]) == 't' && lower(s[1]) == 'r' && lower(s[2]) == 'u' && lower(s[3]) == 'e';
    default:
      return false;
  }
}

}  // namespace

std::uint8_t priority_of(const RankCells& cells) {
  const std::string_view given = trim(cells.prioritas);
  if (given == "1") return 1;
  if (given == "2") return 2;
  // Pasal 5 ayat (2); an empty p3ke/disabilitas cell means no (contract, candidate columns).
  if (says_yes(cells.p3ke) || says_yes(cells.disabilitas)) return 1;
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
