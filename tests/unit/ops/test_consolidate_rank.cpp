// The decree list's order (Pasal 5 ayat (2) and the contract's tie-breaks).
#include <algorithm>
#include <iterator>
#include <optional>
#include <tuple>
#include <catch2/catch.hpp>
#include <vector>

#include "jamsos/core/profile.hpp"
#include "jamsos/core/text.hpp"
#include "jamsos/ops/consolidate_rank.hpp"

using namespace jamsos;

namespace {

const Profile& balikpapan() {
  static const Profile p = load_profile("balikpapan-2025");
  return p;
}

RankKey key(std::uint64_t nik, std::string_view prioritas, std::string_view kategori,
            std::string_view penghasilan, std::string_view tanggal_usulan) {
  return make_rank_key(balikpapan(),
                       RankCells{prioritas, "", "", kategori, penghasilan, tanggal_usulan}, nik);
}

}  // namespace

TEST_CASE("consolidate::priority_of", "[consolidate]") {
  SECTION("a prioritas cell of 1 or 2 is taken as written") {
    CHECK(priority_of(RankCells{"1", "", "", "", "", ""}) == 1);
    CHECK(priority_of(RankCells{" 2 ", "Y", "", "", "", ""}) == 2);
  }
  SECTION("empty or unknown prioritas: computed from p3ke / disabilitas (Pasal 5 ayat (2))") {
    CHECK(priority_of(RankCells{"", "Y", "", "", "", ""}) == 1);
    CHECK(priority_of(RankCells{"x", "", "ya", "", "", ""}) == 1);
    CHECK(priority_of(RankCells{"", "N", "TIDAK", "", "", ""}) == 2);
  }
  SECTION("no prioritas, p3ke or disabilitas at all: 2") { CHECK(priority_of(RankCells{}) == 2); }
}

TEST_CASE("consolidate::category_rank", "[consolidate]") {
  CHECK(category_rank(balikpapan(), "FM") == 0);
  CHECK(category_rank(balikpapan(), "fakir miskin") == 0);
  CHECK(category_rank(balikpapan(), "OTM") == 1);
  CHECK(category_rank(balikpapan(), "Orang Tidak Mampu") == 1);
  CHECK(category_rank(balikpapan(), "") == 2);
  CHECK(category_rank(balikpapan(), "mampu") == 2);
}

TEST_CASE("consolidate::ranks_before ties", "[consolidate]") {
  SECTION("prioritas decides before anything else") {
    CHECK(ranks_before(key(9, "1", "OTM", "3.000.000", ""), key(1, "2", "FM", "0", "2025-01-01")));
  }
  SECTION("same prioritas: FM before OTM before anything else") {
    CHECK(ranks_before(key(9, "2", "FM", "3.000.000", ""), key(1, "2", "OTM", "100", "")));
    CHECK(ranks_before(key(9, "2", "OTM", "3.000.000", ""), key(1, "2", "lain", "100", "")));
  }
  SECTION("same category: lower penghasilan first; empty or unreadable last") {
    CHECK(ranks_before(key(9, "2", "FM", "1.500.000", ""), key(1, "2", "FM", "1.500.001", "")));
    CHECK(ranks_before(key(9, "2", "FM", "3.800.000", ""), key(1, "2", "FM", "", "")));
    CHECK(ranks_before(key(9, "2", "FM", "3.800.000", ""), key(1, "2", "FM", "3,5 juta", "")));
    CHECK(ranks_before(key(9, "2", "FM", "Rp 1.000.000", ""), key(1, "2", "FM", "1000000.01", "")));
  }
  SECTION("same income: earlier tanggal_usulan first; empty last; any date format") {
    CHECK(ranks_before(key(9, "2", "FM", "1.500.000", "14/08/2025"),
                       key(1, "2", "FM", "1.500.000", "2025-08-15")));
    CHECK(ranks_before(key(9, "2", "FM", "1.500.000", "2025-08-15"),
                       key(1, "2", "FM", "1.500.000", "")));
  }
  SECTION("everything equal: the NIK decides, so the order never depends on input order") {
    const RankKey a = key(6471010101800001, "2", "FM", "1.500.000", "2025-08-15");
    const RankKey b = key(6471010101800002, "2", "FM", "1.500.000", "15-08-2025");
    CHECK(ranks_before(a, b));
    CHECK_FALSE(ranks_before(b, a));
    CHECK_FALSE(ranks_before(a, a));
  }
  SECTION("a full sort puts the whole contract order in place") {
    std::vector<RankKey> keys = {
        key(7, "2", "OTM", "", ""),
        key(6, "2", "OTM", "2.000.000", ""),
        key(5, "2", "FM", "2.000.000", ""),
        key(4, "2", "FM", "1.000.000", "2025-08-20"),
        key(3, "2", "FM", "1.000.000", "2025-08-10"),
        key(2, "", "FM", "1.000.000", "2025-08-10"),
        key(1, "1", "OTM", "", ""),
    };
    std::reverse(keys.begin(), keys.end());
    std::sort(keys.begin(), keys.end(), ranks_before);
    std::vector<std::uint64_t> niks;
    for (const auto& k : keys) niks.push_back(k.nik);
    CHECK(niks == std::vector<std::uint64_t>{1, 2, 3, 4, 5, 6, 7});
  }
}

TEST_CASE("consolidate::pack_rank_major keeps the order of the three first rules", "[consolidate]") {
  // Every pair below must compare as (prioritas, category, income with empty last) compares.
  const std::optional<Sen> incomes[] = {-max_money, -1, 0, 1, rupiah(1500000), max_money - 1, max_money,
                                        std::nullopt};
  std::vector<std::tuple<int, int, int>> order;  // (priority, category, income index)
  for (const int p : {1, 2})
    for (const int c : {0, 1, 2})
      for (int i = 0; i < static_cast<int>(std::size(incomes)); ++i) order.emplace_back(p, c, i);
  for (const auto& [pa, ca, ia] : order) {
    for (const auto& [pb, cb, ib] : order) {
      const bool expected = std::tie(pa, ca, ia) < std::tie(pb, cb, ib);
      const bool packed =
          pack_rank_major(static_cast<std::uint8_t>(pa), static_cast<std::uint8_t>(ca), incomes[ia]) <
          pack_rank_major(static_cast<std::uint8_t>(pb), static_cast<std::uint8_t>(cb), incomes[ib]);
      CHECK(packed == expected);
    }
  }
}

TEST_CASE("consolidate::priority_of reads yes as parse_bool does", "[consolidate]") {
  for (const char* text : {"", "y", "Y", "ya", "YA", "Ya", "yA", "1", "true", "TRUE", "True", " y ", "\tYa",
                           "n", "N", "tidak", "0", "false", "yes", "ye", "t", "tru", "truee", "11", "y a", "ÿ",
                           "2", "ja", "Yy"}) {
    INFO("'" << text << "'");
    const bool yes = parse_bool(text) == Tristate::yes;
    CHECK(priority_of(RankCells{"", text, "", "", "", ""}) == (yes ? 1 : 2));
    CHECK(priority_of(RankCells{"", "", text, "", "", ""}) == (yes ? 1 : 2));
  }
}
