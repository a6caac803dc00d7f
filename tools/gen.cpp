// gen: seeded, reproducible test and benchmark data for jamsos, at any size.
//
//   gen candidates --rows N [--seed S] [--clean]     agency proposal rows (contract columns), with the
//                                                    mess real exports have unless --clean
//   gen bpjs --rows N [--overlap K] [--seed S]       a BPJS member export; K of its NIKs are candidates'
//   gen roster --rows N [--year Y] [--seed S]        a decree list as consolidate writes it
//   gen events --rows N --roster-rows R --month M    exits reported for roster people (+ some unknown/bad)
//   gen invoice --roster-rows R --month M            BPJS's bill for month M of that roster, with differences
//
// Person i (0-based) is the same person in every mode for one seed: the same NIK, name and
// birth date. So `gen candidates --rows 1000000` and `gen bpjs --rows 5000000 --overlap 20000`
// share exactly 20,000 NIKs, and events and invoices refer to roster people.
// NIKs are unique by construction (an index permutation onto district x birth date x serial)
// on Kota Balikpapan's real district codes (data/kemendagri-wilayah-2025.csv: 647101-647106).
#include <fmt/core.h>

#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "jamsos/core/dates.hpp"

namespace {

using jamsos::Date;

std::uint64_t splitmix(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// A small deterministic stream per (seed, person, purpose).
class Rng {
public:
  Rng(std::uint64_t seed, std::uint64_t index, std::uint64_t purpose)
      : m_state(splitmix(seed * 0x100000001b3ULL ^ splitmix(index) ^ (purpose << 56))) {}
  std::uint64_t next() { return m_state = splitmix(m_state); }
  std::uint64_t below(std::uint64_t n) { return next() % n; }
  bool chance(double p) { return static_cast<double>(next() >> 11) * 0x1.0p-53 < p; }
  template <class T, std::size_t N>
  const T& pick(const std::array<T, N>& a) { return a[below(N)]; }

private:
  std::uint64_t m_state;
};

constexpr std::array<const char*, 6> kDistricts = {"647101", "647102", "647103", "647104", "647105", "647106"};
constexpr std::array<const char*, 6> kDistrictNames = {"Balikpapan Selatan", "Balikpapan Timur", "Balikpapan Utara",
                                                        "Balikpapan Tengah", "Balikpapan Barat", "Balikpapan Kota"};
constexpr std::array<const char*, 24> kMaleNames = {
    "Ahmad", "Muhammad", "Budi", "Agus", "Andi", "Rahmat", "Hendra", "Joko", "Slamet", "Yusuf", "Rudi", "Bambang",
    "Arif", "Dedi", "Eko", "Fajar", "Hasan", "Irwan", "Syahrul", "Wahyu", "Zainal", "Daeng", "La Ode", "Abdul"};
constexpr std::array<const char*, 20> kFemaleNames = {
    "Siti", "Nur", "Sri", "Dewi", "Rina", "Yuliani", "Fitri", "Hj. Aminah", "Ratna", "Wati", "Lestari", "Nurhayati",
    "Rosmini", "Sumarni", "Kartini", "Mariani", "Indah", "Ayu", "Hasnah", "Suryani"};
constexpr std::array<const char*, 24> kFamilyNames = {
    "Saputra", "Hidayat", "Rahman", "Santoso", "Wijaya", "Kurniawan", "Setiawan", "Nugroho", "Hamzah", "Pratama",
    "Syamsuddin", "Baso", "Lubis", "Simanjuntak", "Sitompul", "Ramadhan", "Firmansyah", "Gunawan", "Salim", "Ismail",
    "Pangaribuan", "Mappaseng", "Tanjung", "Hutapea"};
constexpr std::array<const char*, 8> kPlaces = {"Balikpapan", "Samarinda", "Makassar", "Surabaya",
                                                "Banjarmasin", "Pare-Pare", "Jakarta", "Tenggarong"};
constexpr std::array<const char*, 10> kStreets = {"Jl. Jend. Sudirman", "Jl. MT Haryono", "Jl. Soekarno-Hatta",
                                                  "Jl. Ahmad Yani", "Gg. Mawar", "Jl. Pupuk Raya", "Jl. Mulawarman",
                                                  "Jl. Letjen Suprapto", "Jl. Manunggal", "Jl. Pattimura"};
constexpr std::array<const char*, 15> kOccupationNames = {
    "nelayan", "petani", "tukang ojek", "sopir angkutan umum", "juru parkir", "pedagang kaki lima",
    "pelaku usaha mikro", "relawan sosial", "relawan kebencanaan", "petugas rumah ibadah", "buruh harian",
    "tukang bangunan", "asisten rumah tangga", "pekerja serabutan", "pemulung"};

// Birth dates between 1961-09-01 and 2007-12-31: ages 17..64 around the Q3 of 2025.
const date::sys_days kBirthFirst = date::sys_days{date::year{1961} / 9 / 1};
constexpr std::uint64_t kBirthSpan = 16923;
constexpr std::uint64_t kSerials = 9999;
constexpr std::uint64_t kCapacity = kDistricts.size() * kBirthSpan * kSerials;
constexpr std::uint64_t kStride = 1'000'000'007ULL;  // prime, coprime with kCapacity

struct Person {
  std::string nik;
  std::string name;
  Date birth;
  char sex;
  std::size_t district;
};

Person person(std::uint64_t seed, std::uint64_t i) {
  const std::uint64_t j = (i * kStride + seed * 7919) % kCapacity;  // a permutation: unique NIKs
  const std::uint64_t serial = j % kSerials + 1;
  const std::uint64_t day_index = (j / kSerials) % kBirthSpan;
  const std::size_t district = static_cast<std::size_t>(j / kSerials / kBirthSpan);
  Rng rng(seed, i, 1);
  Person p;
  p.sex = rng.chance(0.5) ? 'L' : 'P';
  p.birth = Date{kBirthFirst + date::days{static_cast<int>(day_index)}};
  p.district = district;
  const unsigned day = static_cast<unsigned>(p.birth.day()) + (p.sex == 'P' ? 40u : 0u);
  p.nik = fmt::format("{}{:02}{:02}{:02}{:04}", kDistricts[district], day, static_cast<unsigned>(p.birth.month()),
                      static_cast<int>(p.birth.year()) % 100, serial);
  p.name = fmt::format("{} {}", p.sex == 'L' ? rng.pick(kMaleNames) : rng.pick(kFemaleNames), rng.pick(kFamilyNames));
  return p;
}

class Out {
public:
  Out() { m_buf.reserve(1 << 20); }
  ~Out() { flush(); }
  void line(std::string_view s) {
    m_buf.append(s);
    m_buf.push_back('\n');
    if (m_buf.size() > (1 << 20)) flush();
  }
  void flush() {
    std::fwrite(m_buf.data(), 1, m_buf.size(), stdout);
    m_buf.clear();
  }

private:
  std::string m_buf;
};

std::string dmy(Date d, char sep) {
  return fmt::format("{:02}{}{:02}{}{}", static_cast<unsigned>(d.day()), sep, static_cast<unsigned>(d.month()), sep,
                     static_cast<int>(d.year()));
}

// A date spelled the way agencies spell them: mostly ISO, some DD-MM-YYYY and DD/MM/YYYY.
std::string messy_date(Rng& rng, Date d, bool clean) {
  if (clean) return jamsos::format_date(d);
  const auto r = rng.below(10);
  return r < 6 ? jamsos::format_date(d) : r < 8 ? dmy(d, '-') : dmy(d, '/');
}

std::string messy_money(Rng& rng, std::int64_t rupiah, bool clean) {
  if (clean) return std::to_string(rupiah);
  std::string digits = std::to_string(rupiah);
  std::string grouped;
  for (std::size_t k = 0; k < digits.size(); ++k) {
    if (k > 0 && (digits.size() - k) % 3 == 0) grouped.push_back('.');
    grouped.push_back(digits[k]);
  }
  switch (rng.below(4)) {
    case 0: return digits;
    case 1: return grouped;
    case 2: return "\"Rp " + grouped + "\"";
    default: return "\"Rp " + grouped + ",00\"";
  }
}

void candidates(std::uint64_t rows, std::uint64_t seed, bool clean) {
  Out out;
  out.line("nik,no_kk,nama,tempat_lahir,tanggal_lahir,jenis_kelamin,alamat,no_telepon,kabkota_ktp,domisili_sejak,"
           "pekerjaan,pekerjaan_ektp,penghasilan,kategori,punya_bpjstk,p3ke,disabilitas,tanggal_usulan");
  // Proposals from 1 June to 14 August 2025: before the usual --as-of 2025-08-15 of the Q3 run.
  const Date proposal_first = date::year{2025} / 6 / 1;
  for (std::uint64_t i = 0; i < rows; ++i) {
    Rng rng(seed, i, 2);
    // ~2% of rows propose again a person proposed shortly before (another agency, a later date).
    const bool repeat = !clean && i > 10 && rng.chance(0.02);
    const std::uint64_t who = repeat ? i - 1 - rng.below(10) : i;
    Person p = person(seed, who);
    const Date proposed{date::sys_days{proposal_first} + date::days{static_cast<int>(rng.below(75))}};
    const Date domicile{date::sys_days{proposed} - date::days{static_cast<int>(30 + rng.below(4000))}};
    std::string nik = p.nik;
    std::string name = p.name;
    std::string birth = messy_date(rng, p.birth, clean);
    std::string region = rng.chance(0.97) ? (rng.chance(0.8) ? "6471" : "64.71") : "6472";
    std::int64_t income = static_cast<std::int64_t>(800'000 + rng.below(3'200'000));
    std::string category = rng.chance(0.35) ? "FM" : rng.chance(0.9) ? "OTM" : "Mampu";
    if (!clean && rng.chance(0.1)) category = category == "FM" ? "Fakir Miskin" : category;
    const char occupation_code = static_cast<char>('a' + rng.below(15));
    std::string occupation = rng.chance(0.6) ? std::string(1, occupation_code)
                                             : kOccupationNames[static_cast<std::size_t>(occupation_code - 'a')];
    std::string insured = rng.chance(0.03) ? "Y" : "N";
    // ~1% of rows carry a fault a real export has.
    if (!clean && rng.chance(0.01)) {
      switch (rng.below(6)) {
        case 0: nik = "6.47101E+15"; break;
        case 1: birth = "31/02/1980"; break;
        case 2: name.clear(); break;
        case 3: nik = nik.substr(0, 15); break;
        case 4: income = -1; break;
        default: insured = "mungkin"; break;
      }
    }
    std::string address = fmt::format("\"{} No. {}, RT {:02}, {}\"", rng.pick(kStreets), 1 + rng.below(200),
                                      1 + rng.below(60), kDistrictNames[p.district]);
    if (!clean && rng.chance(0.005)) address = fmt::format("\"{} No. {}\nRT {:02}\"", rng.pick(kStreets), 1 + rng.below(99), 1 + rng.below(40));
    const std::string income_text = income < 0 ? "\"3,5jt\"" : messy_money(rng, income, clean);
    out.line(fmt::format("{},{}{:010},{},{},{},{},{},08{:010},{},{},{},{},{},{},{},{},{},{}", nik,
                         kDistricts[p.district], rng.below(10'000'000'000ULL), name, rng.pick(kPlaces), birth,
                         p.sex, address, rng.below(10'000'000'000ULL), region, messy_date(rng, domicile, clean),
                         occupation, rng.chance(0.9) ? occupation : "wiraswasta", income_text, category, insured,
                         rng.chance(0.15) ? "Y" : "N", rng.chance(0.03) ? "Y" : "", messy_date(rng, proposed, clean)));
  }
}

void bpjs(std::uint64_t rows, std::uint64_t overlap, std::uint64_t candidate_rows, std::uint64_t seed) {
  Out out;
  out.line("nik,nama,no_kpj,tanggal_lahir,status_kepesertaan");
  // Members are people candidate_rows - overlap .. : the last `overlap` candidates and strangers after them.
  const std::uint64_t first = candidate_rows >= overlap ? candidate_rows - overlap : 0;
  for (std::uint64_t k = 0; k < rows; ++k) {
    const Person p = person(seed, first + k);
    out.line(fmt::format("{},{},{:011},{},{}", p.nik, p.name, 20'000'000'000ULL + first + k, jamsos::format_date(p.birth),
                         k % 7 == 0 ? "NONAKTIF" : "AKTIF"));
  }
}

void roster(std::uint64_t rows, int year, std::uint64_t seed) {
  Out out;
  out.line("no,nik,nama,tanggal_lahir,pekerjaan,kategori,prioritas,penanggung_jawab,mulai_iuran,akhir_iuran,"
           "iuran_bulanan,iuran_tahun");
  const jamsos::Month start = date::year{year} / 1;
  for (std::uint64_t i = 0; i < rows; ++i) {
    const Person p = person(seed, i);
    Rng rng(seed, i, 3);
    const jamsos::Month last = jamsos::month_reaching_age(p.birth, 64, 11);
    const int months = jamsos::months_between_inclusive(start, std::min(last, jamsos::Month{date::year{year} / 12}));
    out.line(fmt::format("{},{},{},{},{},{},{},{},{},{},16800,{}", i + 1, p.nik, p.name, jamsos::format_date(p.birth),
                         static_cast<char>('a' + rng.below(15)), rng.chance(0.4) ? "FM" : "OTM",
                         rng.chance(0.15) ? 1 : 2, "Kecamatan dan Kelurahan", jamsos::format_month(start),
                         jamsos::format_month(last), 16800 * months));
  }
}

void events(std::uint64_t rows, std::uint64_t roster_rows, jamsos::Month month, std::uint64_t seed) {
  Out out;
  out.line("nik,alasan,tanggal,keterangan");
  constexpr std::array<const char*, 8> reasons = {"meninggal", "pindah", "mampu_mandiri", "pekerja_formal",
                                                  "a", "b", "c", "d"};
  for (std::uint64_t k = 0; k < rows; ++k) {
    Rng rng(seed, k, 4);
    const std::uint64_t who = rng.chance(0.98) ? rng.below(roster_rows) : roster_rows + rng.below(roster_rows + 1);
    const Person p = person(seed, who);
    const jamsos::Month m = jamsos::add_months(month, -static_cast<int>(rng.below(3)));
    const Date when = m / date::day{static_cast<unsigned>(1 + rng.below(28))};
    std::string reason = rng.pick(reasons);
    if (rng.chance(0.005)) reason = "sakit";
    out.line(fmt::format("{},{},{},laporan kelurahan", p.nik, reason, rng.chance(0.995) ? jamsos::format_date(when) : "32/13/2026"));
  }
}

void invoice(std::uint64_t roster_rows, jamsos::Month month, std::uint64_t seed) {
  Out out;
  out.line("nik,nama,iuran,periode");
  const std::string m = jamsos::format_month(month);
  for (std::uint64_t i = 0; i < roster_rows + roster_rows / 200; ++i) {
    Rng rng(seed, i, 5);
    const Person p = person(seed, i);  // people past roster_rows are billed but not expected
    if (i < roster_rows && rng.chance(0.01)) continue;  // missing in invoice
    const int amount = rng.chance(0.005) ? 33600 : 16800;
    out.line(fmt::format("{},{},{},{}", p.nik, p.name, amount, rng.chance(0.002) ? "2026-01" : m));
    if (rng.chance(0.002)) out.line(fmt::format("{},{},{},{}", p.nik, p.name, amount, m));
  }
}

[[noreturn]] void usage() {
  std::fputs(
      "usage: gen candidates --rows N [--seed S] [--clean]\n"
      "       gen bpjs --rows N [--overlap K] [--candidate-rows N] [--seed S]\n"
      "       gen roster --rows N [--year Y] [--seed S]\n"
      "       gen events --rows N --roster-rows R --month YYYY-MM [--seed S]\n"
      "       gen invoice --roster-rows R --month YYYY-MM [--seed S]\n"
      "Person i is the same in every mode for one seed (default 1).\n",
      stderr);
  std::exit(2);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) usage();
  const std::string mode = argv[1];
  std::uint64_t rows = 0, seed = 1, overlap = 0, roster_rows = 0, candidate_rows = 0;
  int year = 2026;
  bool clean = false;
  jamsos::Month month = date::year{2026} / 3;
  for (int i = 2; i < argc; ++i) {
    const std::string a = argv[i];
    const auto value = [&]() -> std::string {
      if (i + 1 >= argc) usage();
      return argv[++i];
    };
    if (a == "--rows") rows = std::stoull(value());
    else if (a == "--seed") seed = std::stoull(value());
    else if (a == "--overlap") overlap = std::stoull(value());
    else if (a == "--roster-rows") roster_rows = std::stoull(value());
    else if (a == "--candidate-rows") candidate_rows = std::stoull(value());
    else if (a == "--year") year = std::stoi(value());
    else if (a == "--clean") clean = true;
    else if (a == "--month") {
      const auto m = jamsos::parse_month(value());
      if (!m) usage();
      month = *m;
    } else usage();
  }
  if (mode == "candidates") candidates(rows, seed, clean);
  else if (mode == "bpjs") bpjs(rows, overlap, candidate_rows ? candidate_rows : overlap, seed);
  else if (mode == "roster") roster(rows, year, seed);
  else if (mode == "events") events(rows, roster_rows, month, seed);
  else if (mode == "invoice") invoice(roster_rows, month, seed);
  else usage();
  return 0;
}
