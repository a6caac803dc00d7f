// Name normalisation and pair scoring for `jamsos dedupe --review` (Pasal 8 ayat (2)), on
// names as Indonesian agencies write them: titles, degrees, old spelling, Muhammad's many
// spellings, and the near-misses that must not be taken for one person.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "jamsos/core/i18n.hpp"
#include "jamsos/core/nik.hpp"
#include "jamsos/ops/name_match.hpp"

using namespace jamsos;

namespace {

double name_score(const std::string& a, const std::string& b) {
  return compare_names(normalize_person_name(a), normalize_person_name(b)).score;
}

std::int32_t day(int y, unsigned m, unsigned d) {
  return static_cast<std::int32_t>(
      date::sys_days(date::year{y} / date::month{m} / date::day{d}).time_since_epoch().count());
}

// `normal` must outlive the key (a literal or a named string).
PersonKey person(std::string_view normal, const char* nik, std::int32_t birth, char sex = 0) {
  PersonKey p;
  p.name = normal;
  p.nik = nik ? *nik_key(nik) : 0;
  p.birth = birth;
  p.has_birth = true;
  p.sex = sex;
  return p;
}

struct NamePair {
  const char* a;
  const char* b;
  const char* why;
};

// Written differently, one person: must score at least kNameMatchThreshold.
const NamePair kSamePerson[] = {
    {"Hj. Siti Aminah, S.Pd.", "SITI AMINAH", "title, degree after a comma, case"},
    {"Muhammad Rizki Ramadhan", "M. Rizky Ramadan", "M. = Muhammad, y = i, dh = d"},
    {"Mochammad Yusuf", "Muhamad Yusuf", "Mochammad = Muhamad"},
    {"Moh. Hasan Basri", "Muhammad Hasan Basri", "Moh. = Muhammad"},
    {"Muhammad Fajar", "M Fajar", "M without a dot"},
    {"Djoko Soesanto", "Joko Susanto", "old spelling dj, oe"},
    {"Soeharto", "Suharto", "old spelling oe, one word"},
    {"Tjahjo Kumolo", "Cahyo Kumolo", "old spelling tj, j = y"},
    {"Sjamsoeddin Noer", "Syamsudin Nur", "old spelling sj, oe, doubled d"},
    {"Syamsuddin", "Samsudin", "sy = s, doubled d"},
    {"Achmad Fauzi", "Ahmad Fauzi", "ch = h"},
    {"Khairul Anwar", "Hairul Anwar", "kh = h"},
    {"Nurhayati", "Nur Hayati", "a space inside the name"},
    {"Nur Hasanah", "Nurhasanah", "a space inside the name, final h"},
    {"La Ode Hamzah", "Laode Hamzah", "Buton prefix written together"},
    {"Abdurrahman Wahid", "Abdul Rahman Wahid", "whole names one letter apart"},
    {"Dewi Lestari", "Devi Lestari", "w and v sound alike"},
    {"Rizky Amelia", "Rizki Amelia", "y = i"},
    {"Fatimah Zahra", "Fatima Zahra", "final h"},
    {"Sitti Rahmah", "Siti Rahma", "doubled letter, final h"},
    {"Abd. Rahman", "Abdul Rahman", "Abd. = Abdul"},
    {"A. Rahman Hakim", "Abdul Rahman Hakim", "an initial"},
    {"St. Nurbaya", "Siti Nurbaya", "St. = Siti before a name"},
    {"Sri Wahyuni Ningsih", "Sri Wahyuni Ningsi", "final h after a vowel"},
    {"Yusuf Kalla", "Jusuf Kalla", "one letter apart in a long word, doubled l"},
    {"Rahmat Hidayat", "Hidayat Rahmat", "the same words in another order"},
    {"Dr. Ir. H. Bambang Sutrisno, M.Si.", "Bambang Sutrisno", "three titles and a degree"},
    {"Budi Santoso SE", "Budi Santoso", "a degree without dots or comma"},
    {"Ma'ruf Amin", "Maruf Amin", "apostrophe"},
    {"Andi Baso", "Andi Basso", "doubled letter"},
    {"Ahmad bin Abdullah", "Ahmad Abdullah", "bin dropped, the father's name kept"},
    {"Kartini", "Kartiny", "y = i at the end"},
    {"Andr\xc3\xa9 Wijaya", "Andre Wijaya", "accented letter"},
    {"Iwan Setiawan", "Iwan Setiyawan", "y inserted"},
    {"Abdul Rahman", "Abdul Rahmat", "one letter apart: a reviewer decides"},
};

// Two people: must score below kNameMatchThreshold, even born the same day.
const NamePair kTwoPeople[] = {
    {"Muhammad Rizki", "Muhammad Rizal", "rizki/rizal: two letters"},
    {"Sri Wahyuni", "Sri Wahyuningsih", "a different name that starts the same"},
    {"Kurniawan", "Kurniawati", "brother and sister"},
    {"Ahmad Yani", "Ahmad Yani Saputra", "a word more is not the same name alone"},
    {"Siti Aminah", "Siti Rahmah", "only Siti in common"},
    {"Budi Santoso", "Budi Setiawan", "only the first name in common"},
    {"Hasan", "Husein", "twins' names"},
    {"Dewi Sartika", "Dewi Kartini", "two letters apart in the second word"},
    {"Eko Prasetyo", "Eka Prasetya", "siblings"},
    {"Rina Marlina", "Rini Marlina", "sisters: a and i are not look-alikes"},
    {"Andi Baso", "Andi Basri", "baso/basri"},
    {"Nurul Huda", "Nurul Hidayah", "different second names"},
    {"Siti Aminah", "Aminah", "a dropped word: left to the NIK evidence"},
    {"Wati", "Watini", "a short name inside a longer one"},
};

}  // namespace

TEST_CASE("name_match::normalize_person_name", "[name_match]") {
  SECTION("case, punctuation and surrounding spaces") {
    CHECK(normalize_person_name("  SITI   AMINAH ") == "siti amina");
    CHECK(normalize_person_name("Siti-Aminah") == "siti amina");
    CHECK(normalize_person_name("Ma'ruf Amin") == "maruf amin");
    CHECK(normalize_person_name("Ma\xe2\x80\x99ruf Amin") == "maruf amin");
  }
  SECTION("titles before the name") {
    CHECK(normalize_person_name("H. Ahmad Fauzi") == "ahmad fauzi");
    CHECK(normalize_person_name("Hj. Siti Aminah") == "siti amina");
    CHECK(normalize_person_name("Drs. Bambang") == "bambang");
    CHECK(normalize_person_name("Dr. Ir. H. Bambang") == "bambang");
    CHECK(normalize_person_name("Prof.Dr.Bambang") == "bambang");
  }
  SECTION("degrees after the name, with a comma, dots or neither") {
    CHECK(normalize_person_name("Siti Aminah, S.Pd.") == "siti amina");
    CHECK(normalize_person_name("Budi Santoso S.Pd.I") == "budi santoso");
    CHECK(normalize_person_name("Budi Santoso, S.E., M.M.") == "budi santoso");
    CHECK(normalize_person_name("Budi Santoso SE") == "budi santoso");
    CHECK(normalize_person_name("Rina A.Md.Kep") == "rina");
  }
  SECTION("a title or degree alone is kept: it is all the name there is") {
    CHECK(normalize_person_name("H.") == "h");
    CHECK(normalize_person_name("SE") == "se");
  }
  SECTION("words that look like degrees are kept inside or before a name") {
    CHECK(normalize_person_name("Ma Sutrisno") == "ma sutrisno");
    CHECK(normalize_person_name("Budi Ma") == "budi ma");
  }
  SECTION("Muhammad in its spellings and abbreviations") {
    for (const char* m : {"Muhammad", "Muhamad", "Mohammad", "Mohamad", "Mochammad", "Muchammad", "Moh.", "Moch.",
                          "Muh.", "Mhd.", "M."})
      CHECK(normalize_person_name(std::string(m) + " Yusuf") == "muhamad iusuf");
    CHECK(normalize_person_name("H.M.Yusuf") == "muhamad iusuf");
    CHECK(normalize_person_name("Yusuf M.") == "iusuf m");  // M. after a name is an initial
  }
  SECTION("old spelling and spelling variants") {
    CHECK(normalize_person_name("Djoko Soesanto") == "joko susanto");
    CHECK(normalize_person_name("Tjahjo") == "cahio");
    CHECK(normalize_person_name("Sjahrir") == normalize_person_name("Syahrir"));
    CHECK(normalize_person_name("Achmad") == "ahmad");
    CHECK(normalize_person_name("Khairul") == normalize_person_name("Chairul"));
    CHECK(normalize_person_name("Ramadhan") == "ramadan");
    CHECK(normalize_person_name("Taufiq") == "taufik");
  }
  SECTION("doubled letters once, final h after a vowel dropped") {
    CHECK(normalize_person_name("Sitti Fatimah") == "siti fatima");
    CHECK(normalize_person_name("Abdullah") == "abdula");
    CHECK(normalize_person_name("Hasnah") == normalize_person_name("Hasna"));
  }
  SECTION("bin and binti go, the father's name stays") {
    CHECK(normalize_person_name("Ahmad bin Abdullah") == "ahmad abdula");
    CHECK(normalize_person_name("Siti binti Hasan") == "siti hasan");
  }
  SECTION("accented letters become their base letter; nothing else is a letter") {
    CHECK(normalize_person_name("Andr\xc3\xa9") == "andre");
    CHECK(normalize_person_name("123 ...") == "");
    CHECK(normalize_person_name("") == "");
  }
}

TEST_CASE("name_match::compare_names on one person written differently", "[name_match]") {
  for (const auto& p : kSamePerson) {
    INFO(p.a << " ~ " << p.b << " (" << p.why << "): " << normalize_person_name(p.a) << " / "
              << normalize_person_name(p.b));
    CHECK(name_score(p.a, p.b) >= kNameMatchThreshold);
    CHECK(name_score(p.b, p.a) == Approx(name_score(p.a, p.b)));
  }
  CHECK(std::size(kSamePerson) + std::size(kTwoPeople) >= 30);
}

TEST_CASE("name_match::compare_names on two people", "[name_match]") {
  for (const auto& p : kTwoPeople) {
    INFO(p.a << " ~ " << p.b << " (" << p.why << "): " << normalize_person_name(p.a) << " / "
              << normalize_person_name(p.b));
    CHECK(name_score(p.a, p.b) < kNameMatchThreshold);
    CHECK(name_score(p.b, p.a) == Approx(name_score(p.a, p.b)));
  }
}

TEST_CASE("name_match::compare_names evidence", "[name_match]") {
  SECTION("equal once normalised") {
    const auto c = compare_names("siti amina", "siti amina");
    CHECK(c.equal);
    CHECK(c.score == 1.0);
  }
  SECTION("the same words in another order: 0.95") {
    const auto c = compare_names("hidaiat rahmat", "rahmat hidaiat");
    CHECK(c.reordered);
    CHECK(c.score == Approx(0.95));
  }
  SECTION("one word one edit apart of two: (1 + 0.85) / 2") {
    const auto c = compare_names("abdul rahman", "abdul rahmat");
    CHECK(c.spelling == 1);
    CHECK(c.score == Approx(0.925));
  }
  SECTION("an initial counts 0.8") {
    const auto c = compare_names("a rahman", "abdul rahman");
    CHECK(c.initials == 1);
    CHECK(c.score == Approx(0.9));
  }
  SECTION("an empty name matches nothing") {
    CHECK(compare_names("", "siti").score == 0.0);
    CHECK(compare_names("", "").score == 0.0);
  }
}

TEST_CASE("name_match::spelling_distance", "[name_match]") {
  SECTION("in half-edits") {
    CHECK(spelling_distance("rahman", "rahman", 4) == 0);
    CHECK(spelling_distance("dewi", "devi", 4) == 1);     // look-alike
    CHECK(spelling_distance("rahman", "rahmat", 4) == 2); // replaced
    CHECK(spelling_distance("amina", "aminah", 4) == 2);  // inserted
    CHECK(spelling_distance("rizki", "rikzi", 4) == 2);   // neighbours swapped
    CHECK(spelling_distance("rizki", "rizal", 4) == 4);
  }
  SECTION("words longer than the rows kept on the stack") {
    const std::string a(100, 'a');
    CHECK(spelling_distance(a, a + "b", 2) == 2);
    CHECK(spelling_distance(a + "c", a + "b", 2) == 2);
    CHECK(spelling_distance(a, a + "bb", 2) > 2);
  }
  SECTION("stops above the bound") {
    CHECK(spelling_distance("kurniawan", "kurniawati", 2) > 2);
    CHECK(spelling_distance("wati", "watini", 2) > 2);  // length alone rules it out
  }
}

TEST_CASE("name_match::nik_distance", "[name_match]") {
  const auto a = *nik_key("6471015505800001");
  CHECK(nik_distance(a, a).digits == 0);
  const auto one = nik_distance(a, *nik_key("6471015505800007"));
  CHECK(one.digits == 1);
  CHECK(one.positions == (1u << 15));  // digit 16
  const auto two = nik_distance(a, *nik_key("6471015505800010"));  // 01 -> 10: two digits
  CHECK(two.digits == 2);
  CHECK(nik_distance(a, *nik_key("6471025505800002")).digits == 2);
  CHECK(nik_distance(a, *nik_key("6472029505800002")).digits == 4);
}

TEST_CASE("name_match::score_pair", "[name_match]") {
  const std::string ahmad = normalize_person_name("Ahmad Yani");
  SECTION("father and son with the same name, born on different days: never a pair") {
    const auto p = score_pair(person(ahmad, "6471011203550001", day(1955, 3, 12), 'L'),
                              person(ahmad, "6471011708850002", day(1985, 8, 17), 'L'));
    CHECK_FALSE(p.proposed);
  }
  SECTION("the same name and birth date: 0.95") {
    const auto p = score_pair(person(ahmad, "6471011203550001", day(1955, 3, 12)),
                              person(ahmad, "6471031203550044", day(1955, 3, 12)));
    CHECK(p.proposed);
    CHECK(p.score == Approx(0.95));
    CHECK(p.name.equal);
  }
  SECTION("a birth date unknown on one side: no pair") {
    PersonKey a = person(ahmad, nullptr, day(1955, 3, 12)), b = a;
    b.has_birth = false;
    CHECK_FALSE(score_pair(a, b).proposed);
  }
  SECTION("NIKs one digit apart, names unrelated: a weak pair, 0.40") {
    const auto p = score_pair(person("budi santoso", "6471015505800001", day(1980, 5, 15)),
                              person("rina marlina", "6471015505800007", day(1980, 5, 15)));
    CHECK(p.proposed);
    CHECK(p.score == Approx(0.40));
    CHECK(p.nik.digits == 1);
  }
  SECTION("NIKs two digits apart: 0.30; three: no pair") {
    CHECK(score_pair(person("budi", "6471015505800001", day(1980, 5, 15)),
                     person("rina", "6471015505800010", day(1980, 5, 15)))
              .score == Approx(0.30));
    CHECK_FALSE(score_pair(person("budi", "6471015505800001", day(1980, 5, 15)),
                           person("rina", "6471015505800123", day(1980, 5, 15)))
                    .proposed);
  }
  SECTION("NIK one digit apart and the same name: 1 - 0.05 * 0.6 = 0.97") {
    const auto p = score_pair(person(ahmad, "6471015505800001", day(1980, 5, 15)),
                              person(ahmad, "6471015505800007", day(1980, 5, 15)));
    CHECK(p.score == Approx(0.97));
  }
  SECTION("recorded sexes differ: the score is halved, the pair stays for a reviewer") {
    const auto p = score_pair(person(ahmad, nullptr, day(1980, 5, 15), 'L'), person(ahmad, nullptr, day(1980, 5, 15), 'P'));
    CHECK(p.proposed);
    CHECK(p.sex_differs);
    CHECK(p.score == Approx(0.475));
  }
  SECTION("twins: same birth date, different names, NIKs from other serial ranges") {
    const std::string hasan = normalize_person_name("Hasan Basri"), husein = normalize_person_name("Husein Basri");
    CHECK_FALSE(score_pair(person(hasan, "6471011203900001", day(1990, 3, 12)),
                           person(husein, "6471011203900457", day(1990, 3, 12)))
                    .proposed);
  }
}

TEST_CASE("name_match::describe_pair", "[name_match]") {
  const auto p = score_pair(person("abdul rahman", "6471015505800001", 100), person("abdul rahmat", "6471015505800007", 100));
  set_lang(Lang::en);
  CHECK(describe_pair(p) ==
        "same birth date; similar names (name score 0.93: 1 word spelt differently); NIKs 1 digit apart (digit 16)");
  set_lang(Lang::id);
  CHECK(describe_pair(p) ==
        "tanggal lahir sama; nama mirip (skor nama 0.93: 1 kata beda ejaan); NIK beda 1 digit (digit ke-16)");
  const auto q = score_pair(person("budi", "6471015505800001", 100), person("rina", "6471015505800010", 100));
  CHECK(describe_pair(q) ==
        "tanggal lahir sama; nama berbeda (skor nama 0.00: 0 dari 1 kata cocok); NIK beda 2 digit (digit ke-15 dan 16)");
}

TEST_CASE("name_match::name_block_keys", "[name_match]") {
  const auto keys = [](const std::string& name) {
    std::vector<std::uint64_t> k;
    name_block_keys(normalize_person_name(name), k);
    std::sort(k.begin(), k.end());
    return k;
  };
  SECTION("every pair of one person's spellings shares a key") {
    for (const auto& p : kSamePerson) {
      INFO(p.a << " ~ " << p.b);
      const auto a = keys(p.a), b = keys(p.b);
      std::vector<std::uint64_t> common;
      std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(common));
      CHECK_FALSE(common.empty());
    }
  }
  SECTION("an initial alone gives no key; a two-letter word one") {
    CHECK(keys("M").empty());
    CHECK(keys("La").size() == 1);
    CHECK(keys("Rahman").size() == 3);
  }
}
