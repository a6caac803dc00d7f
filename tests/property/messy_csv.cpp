// Messy CSV inputs for the row-conservation property; see messy_csv.hpp.
#include "messy_csv.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <set>

namespace jamsos::property {

std::uint64_t Rng::next() {
  std::uint64_t x = (m_state += 0x9e3779b97f4a7c15ULL);
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

std::uint64_t mix_seed(std::uint64_t seed, std::uint64_t index) {
  Rng r(seed ^ (index * 0xd1342543de82ef95ULL));
  r.next();
  return r.next();
}

namespace {

// ---- writing ----------------------------------------------------------------------------

bool needs_quotes(std::string_view f, char delimiter) {
  return f.find_first_of(std::string{delimiter, '"', '\r', '\n'}) != std::string_view::npos;
}

std::string quoted(std::string_view f) {
  std::string q = "\"";
  for (const char c : f) {
    if (c == '"') q += '"';
    q += c;
  }
  return q + '"';
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::size_t count_newlines(std::string_view s) { return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n')); }

// Text for a fault that must stay inside its field: no delimiter, quote or line break.
const std::vector<std::string> kPlain = {"Jl Mawar 5", "RT 03", "ukuran 7", "x", "Gg Melati"};
// Bytes that are cp1252 (not UTF-8): e acute, smart quotes, the euro sign, a-umlaut.
const std::vector<std::string> kCp1252 = {"Jos\xE9", "\x93Pak RT\x94", "Rp\x80", "Ba\xE4r", "Nur\x92" "aini"};

}  // namespace

Written write_csv(const Table& table, const Style& style, Rng& rng) {
  Written w;
  const std::string eol = style.crlf ? "\r\n" : "\n";
  const char d = style.delimiter;
  std::string& out = w.bytes;
  if (style.bom) out += "\xEF\xBB\xBF";
  for (std::size_t c = 0; c < table.header.size(); ++c) {
    if (c > 0) out += d;
    const std::string& h = table.header[c];
    out += needs_quotes(h, d) || rng.chance(style.quote_extra) ? quoted(h) : h;
  }
  std::size_t line = 1;  // the header's
  const std::size_t n = table.rows.size();
  for (std::size_t r = 0; r < n; ++r) {
    out += eol;
    line += 1;
    if (rng.chance(style.empty_line)) {  // skipped by the reader, but it counts as a line
      out += eol;
      line += 1;
    }
    std::vector<std::string> cells = table.rows[r];
    std::vector<bool> raw(cells.size(), false);  // written as they are, no quoting
    const bool last = r + 1 == n;
    if (rng.chance(style.blank_row)) {
      std::fill(cells.begin(), cells.end(), std::string{});
      w.blank_rows = true;
    } else if (cells.size() > 2 && rng.chance(style.short_row)) {
      cells.resize(1 + rng.below(cells.size() - 1));
      w.record_faults = true;
    } else if (rng.chance(style.long_row)) {
      // An extra field in the middle (a cell pasted one column too far) or at the end.
      const std::size_t at = 1 + rng.below(cells.size());
      cells.insert(cells.begin() + static_cast<std::ptrdiff_t>(at), rng.chance(0.5) ? "" : "tambahan");
      raw.insert(raw.begin() + static_cast<std::ptrdiff_t>(at), false);
      w.record_faults = true;
    } else if (cells.size() > 1 && rng.chance(style.bare_quote)) {
      const std::size_t at = 1 + rng.below(cells.size() - 1);
      cells[at] = rng.pick(kPlain) + "\"";  // 5" : a bare quote inside an unquoted field
      raw[at] = true;
      w.record_faults = true;
    } else if (cells.size() > 1 && rng.chance(style.text_after_quote)) {
      const std::size_t at = 1 + rng.below(cells.size() - 1);
      cells[at] = quoted(rng.pick(kPlain)) + "kg";  // "abc"kg : text after the closing quote
      raw[at] = true;
      w.record_faults = true;
    }
    if (cells.size() > 1 && rng.chance(style.cp1252)) {
      const std::size_t at = 1 + rng.below(cells.size() - 1);
      cells[at] += rng.pick(kCp1252);
      w.non_utf8 = true;
    }
    // A row of empty cells with a one-column header would be an empty line: not a record.
    const bool all_empty = std::all_of(cells.begin(), cells.end(), [](const std::string& s) { return s.empty(); });
    const bool is_record = !(all_empty && cells.size() <= 1);
    if (is_record) {
      w.lines.push_back(line);
      w.refs.push_back(cells[0]);
    }
    for (std::size_t c = 0; c < cells.size(); ++c) {
      if (c > 0) out += d;
      const std::string& f = cells[c];
      if (raw[c]) {
        out += f;
      } else if (style.excel_nik && static_cast<int>(c) == style.nik_column && all_digits(f)) {
        out += "=\"" + f + "\"";
      } else if (needs_quotes(f, d) || (!f.empty() && rng.chance(style.quote_extra))) {
        out += quoted(f);
        line += count_newlines(f);
      } else {
        out += f;
      }
    }
    if (last && style.open_quote) {
      out += d;
      out += "\"catatan yang tidak ditutup";  // no quote after it: unterminated to the end
      w.fatal = true;
      if (is_record) w.record_faults = true;
    }
  }
  if (style.final_newline || n == 0) out += eol;
  return w;
}

Style random_style(Rng& rng, double mess, bool faults, double fatal_chance) {
  Style s;
  static const std::vector<char> kDelims = {',', ';', '\t'};
  s.delimiter = rng.pick(kDelims);
  s.bom = rng.chance(0.4);
  s.crlf = rng.chance(0.4);
  s.final_newline = !rng.chance(0.15);
  s.quote_extra = rng.chance(0.3) ? 0.3 : rng.chance(0.2) ? 1.0 : 0.0;
  s.excel_nik = rng.chance(0.15);
  s.empty_line = rng.chance(0.2) ? 0.05 : 0;
  s.blank_row = rng.chance(0.1) ? 0.03 : 0;
  if (faults) {
    const double p = 0.01 + 0.1 * mess;
    s.short_row = p;
    s.long_row = p;
    s.bare_quote = p / 2;
    s.text_after_quote = p / 2;
    s.cp1252 = rng.chance(0.5) ? p : 0;
    s.open_quote = rng.chance(fatal_chance);
  }
  return s;
}

// ---- values -------------------------------------------------------------------------------

namespace {

const std::vector<std::string> kDistricts = {"647101", "647102", "647103", "647104", "647105", "647106"};
const std::vector<std::string> kMale = {"Ahmad", "Muhammad", "M.", "Budi", "Agus", "Andi", "La Ode", "Abdul",
                                        "H. Rahmat", "Joko", "Syahrul", "Daeng"};
const std::vector<std::string> kFemale = {"Siti", "Nur", "Hj. Aminah", "Dewi", "Rina", "Yuliani", "Wati",
                                          "Sri", "Fatimah"};
const std::vector<std::string> kFamily = {"Saputra", "Hidayat", "Rahman", "Baso", "Lubis", "Simanjuntak",
                                          "Pangaribuan", "Mappaseng", "O'Neil", "bin Salim", "S.Pd."};
const std::vector<std::string> kPlaces = {"Balikpapan", "Samarinda", "Makassar", "Pare-Pare", "Tenggarong"};
const std::vector<std::string> kStreets = {
    "Jl. Jend. Sudirman No. 5, RT 03", "Jl. MT Haryono", "Gg. Mawar; RT 12", "Jl. Soekarno-Hatta Km 7\nRT 12",
    "Jl. \"Pupuk\" Raya", "Jl. Mulawarman\r\nBlok B", "Jl.\tPattimura"};
const std::vector<std::string> kOccupations = {
    "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "nelayan", "petani",
    "tukang ojek", "pedagang kaki lima", "pedagang keliling", "Juru Parkir", "buruh harian", "pemulung"};
const std::vector<std::string> kBadOccupations = {"pns", "z", "guru honorer", "-", "direktur"};
const std::vector<std::string> kCategories = {"FM", "OTM", "fm", "Fakir Miskin", "Orang Tidak Mampu", "otm"};
const std::vector<std::string> kBadCategories = {"mampu", "X", "F M", "?"};
const std::vector<std::string> kNo = {"N", "TIDAK", "0", "FALSE", "n", "tidak", "false"};
const std::vector<std::string> kYes = {"Y", "YA", "1", "TRUE", "ya", "true"};
const std::vector<std::string> kBadBool = {"mungkin", "-", "2", "belum tahu"};
const std::vector<std::string> kBadDates = {"31/02/1980", "1980-13-05", "15 Agustus 1980", "29-02-2023",
                                            "00-00-0000", "29221", "2025/08/01", "12.05.1990", "tgl"};
const std::vector<std::string> kBadMoney = {"1,500,000", "Rp1,5jt", "1.500.00", "-", "satu juta",
                                            "1.5e6", "Rp -2.000.000", "99999999999999999999"};
const std::vector<std::string> kBadNik = {"647101010190000", "64710101019000011", "6471 0101 0190 0001",
                                          "'6471010101900001", "NIK6471010101", "0000000000000000",
                                          "6471013201900001", "6471010113900001", "6471010101900000"};
const std::vector<std::string> kReasons = {"meninggal", "pindah", "mampu_mandiri", "pekerja_formal",
                                           "a", "b", "c", "d", "Meninggal", "PINDAH"};
const std::vector<std::string> kBadReasons = {"meninggal dunia?", "cuti", "x", "", "e"};

int days_in_month(int y, int m) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[static_cast<std::size_t>(m - 1)];
}

struct Ymd {
  int y, m, d;
};

Ymd random_date(Rng& rng, int y0, int y1) {
  const int y = rng.between(y0, y1), m = rng.between(1, 12);
  return {y, m, rng.between(1, days_in_month(y, m))};
}

// A date before (y, m, d) of the as-of: every day of the window counts the same.
Ymd date_before(Rng& rng, const Dates& dates, int years_back_min, int years_back_max) {
  for (;;) {
    const Ymd x = random_date(rng, dates.as_of_year - years_back_max, dates.as_of_year - years_back_min);
    const bool before = x.y < dates.as_of_year ||
                        (x.y == dates.as_of_year && (x.m < dates.as_of_month ||
                                                      (x.m == dates.as_of_month && x.d <= dates.as_of_day)));
    if (before) return x;
  }
}

std::string spell_date(Rng& rng, Ymd x) {
  switch (rng.below(3)) {
    case 0: return fmt::format("{:04}-{:02}-{:02}", x.y, x.m, x.d);
    case 1: return fmt::format("{:02}-{:02}-{:04}", x.d, x.m, x.y);
    default: return fmt::format("{:02}/{:02}/{:04}", x.d, x.m, x.y);
  }
}

std::string spell_money(Rng& rng, long long rupiah, int sen) {
  const std::string plain = std::to_string(rupiah);
  std::string grouped;
  for (std::size_t i = 0; i < plain.size(); ++i) {
    if (i > 0 && (plain.size() - i) % 3 == 0) grouped += '.';
    grouped += plain[i];
  }
  switch (rng.below(sen > 0 ? 5 : 3)) {
    case 0: return plain;
    case 1: return grouped;
    case 2: return "Rp " + grouped;
    case 3: return grouped + fmt::format(",{:02}", sen);
    default: return plain + fmt::format(".{:02}", sen);
  }
}

std::string make_nik(Rng& rng, Ymd birth, bool female) {
  return fmt::format("{}{:02}{:02}{:02}{:04}", rng.pick(kDistricts), birth.d + (female ? 40 : 0), birth.m,
                     birth.y % 100, rng.between(1, 9999));
}

// A NIK cell: mostly the person's, sometimes the ways spreadsheets and typists break it.
std::string nik_cell(Rng& rng, const std::string& nik, double mess) {
  if (!rng.chance(mess)) return nik;
  switch (rng.below(6)) {
    case 0: return nik.substr(0, 1) + "." + nik.substr(1, 5) + "E+15";  // Excel: 6.47101E+15
    case 1: return nik.substr(0, 1) + "," + nik.substr(1, 5) + "E+15";  // with Indonesian settings
    case 2: return " " + nik + " ";
    case 3: return "";
    default: return rng.pick(kBadNik);
  }
}

std::string maybe(Rng& rng, double mess, const std::string& good, const std::vector<std::string>& bad) {
  if (!rng.chance(mess)) return good;
  // A 16-digit number where another value belongs (the no_kk pasted one column off): a
  // message quoting the cell must still not show it unmasked.
  if (rng.chance(0.15)) return fmt::format("64710{:011}", rng.below(100000000000ULL));
  return rng.chance(0.2) ? "" : rng.pick(bad);
}

std::string person_name(Rng& rng, const Person& p, double mess) {
  std::string n = p.name;
  if (rng.chance(mess)) {
    switch (rng.below(4)) {
      case 0: n = "\"" + n + "\" (alias)"; break;
      case 1: n += ", S.E."; break;
      case 2: n = "  " + n + " "; break;
      default: n += "\nbaris kedua"; break;
    }
  }
  return n;
}

// Header spellings jamsos must normalise (trim, lower-case, spaces and `-` to `_`).
std::string spell_header(Rng& rng, const std::string& name) {
  switch (rng.below(6)) {
    case 0: {
      std::string s = name;
      for (char& c : s) c = c == '_' ? ' ' : static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
      return s;
    }
    case 1: {
      std::string s = name;
      std::replace(s.begin(), s.end(), '_', '-');
      return s;
    }
    case 2: return " " + name + " ";
    default: return name;
  }
}

// Columns in a shuffled order with `ref` kept first; optional ones left out at random.
Table shaped(Rng& rng, const std::vector<std::string>& columns, const std::vector<std::vector<std::string>>& rows,
             const std::vector<std::string>& optional, const std::string& drop = {}) {
  std::vector<std::size_t> order;
  for (std::size_t c = 1; c < columns.size(); ++c) {
    if (columns[c] == drop) continue;
    const bool opt = std::find(optional.begin(), optional.end(), columns[c]) != optional.end();
    if (!opt || !rng.chance(0.25)) order.push_back(c);
  }
  if (rng.chance(0.3)) {
    for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng.below(i)]);
  }
  order.insert(order.begin(), 0);
  Table t;
  for (const std::size_t c : order) t.header.push_back(spell_header(rng, columns[c]));
  for (const auto& row : rows) {
    std::vector<std::string> cells;
    for (const std::size_t c : order) cells.push_back(row[c]);
    t.rows.push_back(std::move(cells));
  }
  return t;
}

std::size_t row_count(Rng& rng) {
  const std::size_t r = rng.below(100);
  if (r < 5) return 0;
  if (r < 85) return 1 + rng.below(25);
  if (r < 98) return 25 + rng.below(150);
  return 200 + rng.below(800);
}

}  // namespace

std::vector<Person> make_people(Rng& rng, std::size_t n, const Dates& dates) {
  std::vector<Person> people;
  std::set<std::string> niks;
  while (people.size() < n) {
    Person p;
    p.female = rng.chance(0.5);
    // Ages 19..62 at the as-of date: eligible by age under both built-in profiles.
    const Ymd b = date_before(rng, dates, 19, 62);
    p.birth = fmt::format("{:04}-{:02}-{:02}", b.y, b.m, b.d);
    p.nik = make_nik(rng, b, p.female);
    p.kk = fmt::format("{}{:010}", rng.pick(kDistricts), rng.below(10000000000ULL));
    p.name = rng.pick(p.female ? kFemale : kMale) + " " + rng.pick(kFamily);
    if (niks.insert(p.nik).second) people.push_back(std::move(p));
  }
  return people;
}

Table candidates(Rng& rng, const std::vector<Person>& people, const Dates& dates, double mess,
                 bool drop_required, const std::string& ref_prefix) {
  std::vector<std::string> columns = {
      "ref",           "nik",       "no_kk",          "nama",       "tempat_lahir", "tanggal_lahir",
      "jenis_kelamin", "alamat",    "no_telepon",     "kabkota_ktp", "domisili_sejak", "pekerjaan",
      "pekerjaan_ektp", "penghasilan", "kategori",    "punya_bpjstk", "p3ke",       "disabilitas",
      "tanggal_usulan", "catatan"};
  std::vector<std::vector<std::string>> rows;
  const std::size_t n = row_count(rng);
  for (std::size_t i = 0; i < n; ++i) {
    const Person& p = rng.pick(people);
    int y = 0, m = 0, d = 0;
    std::sscanf(p.birth.c_str(), "%d-%d-%d", &y, &m, &d);
    const Ymd domicile = date_before(rng, dates, 1, 30);
    const Ymd proposed = date_before(rng, dates, 0, 0);
    std::vector<std::string> r = {
        fmt::format("{}{}", ref_prefix, i),
        nik_cell(rng, p.nik, mess),
        maybe(rng, mess, p.kk, {"123", "6471-01-02"}),
        person_name(rng, p, mess),
        rng.pick(kPlaces),
        maybe(rng, mess, spell_date(rng, {y, m, d}), kBadDates),
        maybe(rng, mess / 2, p.female ? "P" : "L", {"W", "laki-laki"}),
        rng.pick(kStreets),
        fmt::format("08{:010}", rng.below(10000000000ULL)),
        maybe(rng, mess, rng.chance(0.8) ? "6471" : "64.71", {"6472", "64-71", "Balikpapan", "6471010101900001"}),
        maybe(rng, mess, spell_date(rng, domicile), kBadDates),
        maybe(rng, mess, rng.pick(kOccupations), kBadOccupations),
        rng.pick(kOccupations),
        maybe(rng, mess, spell_money(rng, static_cast<long long>(rng.between(300, 3600)) * 1000, rng.between(0, 99)),
              kBadMoney),
        maybe(rng, mess, rng.pick(kCategories), kBadCategories),
        maybe(rng, mess, rng.pick(kNo), rng.chance(0.5) ? kYes : kBadBool),
        rng.chance(0.7) ? "" : maybe(rng, mess, rng.pick(rng.chance(0.5) ? kYes : kNo), kBadBool),
        rng.chance(0.8) ? "" : maybe(rng, mess, rng.pick(rng.chance(0.5) ? kYes : kNo), kBadBool),
        rng.chance(0.1) ? "" : maybe(rng, mess, spell_date(rng, proposed), kBadDates),
        rng.chance(0.6) ? "" : rng.pick(kStreets),
    };
    rows.push_back(std::move(r));
  }
  const std::vector<std::string> optional = {"no_kk", "tempat_lahir", "alamat", "no_telepon", "pekerjaan_ektp",
                                             "p3ke", "disabilitas", "tanggal_usulan", "catatan", "jenis_kelamin"};
  // One column balikpapan-2025 needs (the first five balangan-2024 needs too).
  static const std::vector<std::string> kNeeded = {"nik", "nama", "tanggal_lahir", "kabkota_ktp", "punya_bpjstk",
                                                   "pekerjaan", "penghasilan", "kategori", "domisili_sejak"};
  return shaped(rng, columns, rows, optional, drop_required ? rng.pick(kNeeded) : std::string{});
}

Table bpjs_export(Rng& rng, const std::vector<Person>& people, double mess, const std::string& ref_prefix) {
  const std::vector<std::string> columns = {"ref", "No", "No KPJ", "NIK", "Nama Peserta", "Tgl Lahir", "Segmen",
                                            "Status Kepesertaan"};
  std::vector<std::vector<std::string>> rows;
  const std::size_t n = row_count(rng);
  for (std::size_t i = 0; i < n; ++i) {
    const Person& p = rng.pick(people);
    rows.push_back({fmt::format("{}{}", ref_prefix, i), std::to_string(i + 1),
                    fmt::format("2401{:07}", rng.below(10000000)), nik_cell(rng, p.nik, mess), p.name, p.birth,
                    "BPU", rng.chance(0.9) ? "AKTIF" : "NON AKTIF"});
  }
  return shaped(rng, columns, rows, {"No KPJ", "Segmen", "Tgl Lahir"});
}

Table roster(Rng& rng, const std::vector<Person>& people, const Dates& dates, double mess,
             const std::string& ref_prefix) {
  const std::vector<std::string> columns = {"ref", "no", "nik", "nama", "tanggal_lahir", "pekerjaan",
                                            "kategori", "prioritas", "penanggung_jawab", "mulai_iuran",
                                            "akhir_iuran", "iuran_bulanan", "iuran_tahun"};
  std::vector<std::vector<std::string>> rows;
  const std::size_t n = row_count(rng);
  std::vector<std::string> used;
  for (std::size_t i = 0; i < n && i < people.size(); ++i) {
    const Person& p = people[i];  // one row per NIK, as consolidate writes it
    const std::string start = fmt::format("{}-01", dates.year);
    const std::string end = rng.chance(0.3) ? fmt::format("{}-{:02}", dates.year + rng.between(-1, 2), rng.between(1, 12))
                                            : rng.chance(0.2) ? "" : fmt::format("{}-12", dates.year + 10);
    rows.push_back({fmt::format("{}{}", ref_prefix, i), std::to_string(i + 1), nik_cell(rng, p.nik, mess / 3),
                    p.name, maybe(rng, mess, p.birth, kBadDates), "a", "FM", "2", "Dinas Sosial",
                    maybe(rng, mess / 2, start, {"2026", "Jan 2026", "13-2026"}),
                    maybe(rng, mess / 2, end, {"2026-13", "kapan-kapan"}), "16800", "201600"});
  }
  return shaped(rng, columns, rows, {"no", "pekerjaan", "kategori", "prioritas", "penanggung_jawab",
                                     "iuran_bulanan", "iuran_tahun"});
}

Table events(Rng& rng, const std::vector<std::string>& nik_pool, const Dates& dates, double mess,
             const std::string& ref_prefix) {
  const std::vector<std::string> columns = {"ref", "nik", "nama", "alasan", "tanggal", "sumber"};
  std::vector<std::vector<std::string>> rows;
  const std::size_t n = rng.below(nik_pool.empty() ? 5 : 2 + nik_pool.size() / 4);
  for (std::size_t i = 0; i < n; ++i) {
    std::string nik = nik_pool.empty() || rng.chance(0.1) ? fmt::format("6471{:012}", rng.below(1000000000000ULL))
                                                           : rng.pick(nik_pool);
    const Ymd when = random_date(rng, dates.month_year - 1, dates.month_year + 1);
    rows.push_back({fmt::format("{}{}", ref_prefix, i), nik_cell(rng, nik, mess), "Nama",
                    maybe(rng, mess, rng.pick(kReasons), kBadReasons), maybe(rng, mess, spell_date(rng, when), kBadDates),
                    rng.chance(0.5) ? "Kelurahan" : "BPJS Ketenagakerjaan, \"cabang\""});
  }
  return shaped(rng, columns, rows, {"nama", "sumber"});
}

Table invoice(Rng& rng, const std::vector<std::string>& nik_pool, const Dates& dates, double mess,
              const std::string& ref_prefix) {
  const std::vector<std::string> columns = {"ref", "No", "NIK", "Nama", "Periode", "Iuran"};
  std::vector<std::vector<std::string>> rows;
  const std::string period = fmt::format("{}-{:02}", dates.month_year, dates.month);
  std::vector<std::string> billed;
  for (const auto& nik : nik_pool)
    if (rng.chance(0.9)) billed.push_back(nik);
  for (std::size_t i = 0, extra = rng.below(4); i < extra; ++i)
    billed.push_back(fmt::format("6471{:012}", rng.below(1000000000000ULL)));
  if (!billed.empty() && rng.chance(0.3)) billed.push_back(rng.pick(billed));  // billed twice
  for (std::size_t i = 0; i < billed.size(); ++i) {
    const std::string p = rng.chance(0.05) ? fmt::format("{}-{:02}", dates.month_year - 1, rng.between(1, 12))
                                           : rng.chance(0.1) ? "" : period;
    const long long amount = rng.chance(0.9) ? 16800 : 17000;
    rows.push_back({fmt::format("{}{}", ref_prefix, i), std::to_string(i + 1), nik_cell(rng, billed[i], mess / 3),
                    "NAMA", maybe(rng, mess / 2, p, {"Maret", "2026-3-1"}),
                    maybe(rng, mess / 2, spell_money(rng, amount, 0), kBadMoney)});
  }
  return shaped(rng, columns, rows, {"No", "Nama", "Periode"});
}

}  // namespace jamsos::property
