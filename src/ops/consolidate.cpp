// `jamsos consolidate` (Pasal 8 ayat (3)-(6), Pasal 5 ayat (2), Pasal 11 ayat (6)).
//
// Boundary: --year 2026 --budget 100800 at Rp 16.800 a month. The first candidate costs
// Rp 50.400 (last premium month 2026-03: three months), the second a full year, Rp 201.600:
// it does not fit, so the list stops there and everyone after it waits as over_budget,
// even a cheaper one further down (the contract: stop at the first that does not fit).
//
// The pipeline, one step per block of consolidate():
//   1. read: check each record, park it in the RowSpool, keep a 40-byte Candidate
//   2. one person once: sort by NIK, a repeat stops the run ("run jamsos dedupe first")
//   3. rank: sort by RankKey (consolidate_rank.hpp)
//   4. select and write in rank order: list (no 1..n), waitlist, summary totals
//   5. summary CSV
#include "jamsos/ops/consolidate.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "jamsos/core/errors.hpp"
#include "jamsos/core/i18n.hpp"
#include "jamsos/core/nik.hpp"
#include "jamsos/core/text.hpp"
#include "jamsos/ops/consolidate_premium.hpp"
#include "jamsos/ops/consolidate_rank.hpp"
#include "jamsos/ops/row_spool.hpp"

namespace jamsos {

const char* wait_reason_code(WaitReason reason) {
  switch (reason) {
    case WaitReason::ages_out_before_start:
      return "ages_out_before_start";
    case WaitReason::over_quota:
      return "over_quota";
    case WaitReason::over_budget:
      return "over_budget";
  }
  return "";
}

const char* summary_group_code(SummaryLine::Group group) {
  switch (group) {
    case SummaryLine::Group::agency:
      return "penanggung_jawab";
    case SummaryLine::Group::occupation:
      return "pekerjaan";
    case SummaryLine::Group::total:
      return "total";
  }
  return "";
}

namespace {

constexpr std::uint64_t kReserveAfterBytes = 16u << 20;

// What memory holds per row: 40 bytes, whatever the width of the row (step 1).
struct Candidate {
  RankKey key;
  std::uint64_t offset = 0;                // in the RowSpool
  MonthIndex last_month = no_premium_cap;  // akhir_iuran
};

// The contract's first columns of the list, in this order; other input columns follow.
enum ListColumn : std::size_t {
  c_no,
  c_nik,
  c_nama,
  c_tanggal_lahir,
  c_pekerjaan,
  c_kategori,
  c_prioritas,
  c_penanggung_jawab,
  c_mulai_iuran,
  c_akhir_iuran,
  c_iuran_bulanan,
  c_iuran_tahun,
  c_list_fixed
};
constexpr const char* kListColumns[c_list_fixed] = {
    "no",          "nik",         "nama",          "tanggal_lahir",
    "pekerjaan",   "kategori",    "prioritas",     "penanggung_jawab",
    "mulai_iuran", "akhir_iuran", "iuran_bulanan", "iuran_tahun"};

// Columns the waitlist adds to the input's (or refills where the input has them).
enum WaitColumn : std::size_t {
  w_prioritas,
  w_penanggung_jawab,
  w_mulai_iuran,
  w_akhir_iuran,
  w_iuran_bulanan,
  w_iuran_tahun,
  w_alasan,
  w_keterangan,
  w_added
};
const std::vector<std::string> kWaitColumns = {"prioritas",   "penanggung_jawab", "mulai_iuran",
                                               "akhir_iuran", "iuran_bulanan",    "iuran_tahun",
                                               "alasan",      "keterangan"};

struct InputColumns {
  int nik, nama, tanggal_lahir, pekerjaan, kategori, prioritas, p3ke, disabilitas, penghasilan,
      tanggal_usulan, status, penanggung_jawab, asal;
  explicit InputColumns(const csv::MultiReader& in)
      : nik(in.column("nik")),
        nama(in.column("nama")),
        tanggal_lahir(in.column("tanggal_lahir")),
        pekerjaan(in.column("pekerjaan")),
        kategori(in.column("kategori")),
        prioritas(in.column("prioritas")),
        p3ke(in.column("p3ke")),
        disabilitas(in.column("disabilitas")),
        penghasilan(in.column("penghasilan")),
        tanggal_usulan(in.column("tanggal_usulan")),
        status(in.column("status")),
        penanggung_jawab(in.column("penanggung_jawab")),
        asal(in.column("asal")) {}
};

std::string_view cell(const csv::Record& r, int column) {
  return column < 0 ? std::string_view{}
                    : std::string_view(r.fields[static_cast<std::size_t>(column)]);
}

// FILE:LINE of a record, with validate's `asal` when the rows came through a pipe:
// "stdin:41 (asal dishub.csv:5)".
std::string where(const csv::MultiReader& in, const csv::Record& r, int asal_column) {
  std::string text = in.location(r);
  const std::string_view asal = trim(cell(r, asal_column));
  if (!asal.empty()) text += std::string(tr(" (asal ", " (from ")) + std::string(asal) + ")";
  return text;
}

std::string with_article(std::string text, const std::string& article) {
  if (!article.empty()) text += " (" + article + ")";
  return text;
}

// Per-row facts the list, the waitlist and the summary share (computed at write time from
// the spooled record, so that memory holds only the Candidate).
class RowFacts {
 public:
  RowFacts(const Profile& profile, const InputColumns& cols) : m_profile(profile), m_cols(cols) {}

  const Occupation* occupation(const csv::Record& r) {
    const std::string_view text = trim(cell(r, m_cols.pekerjaan));
    auto it = m_occupations.find(std::string(text));
    if (it != m_occupations.end()) return it->second;
    const Occupation* found = m_profile.find_occupation(text);
    if (m_occupations.size() < 4096)
      m_occupations.emplace(std::string(text), found);  // free text stays bounded
    return found;
  }

  // The input's penanggung_jawab when given, else the occupation's agency (Lampiran I).
  std::string agency(const csv::Record& r) {
    const std::string_view given = trim(cell(r, m_cols.penanggung_jawab));
    if (!given.empty()) return std::string(given);
    const Occupation* o = occupation(r);
    return o != nullptr ? o->agency : std::string();
  }

  // tanggal_lahir written as YYYY-MM-DD where it reads as a date (contract, "CSV conventions").
  std::string birth_date(const csv::Record& r) const {
    const std::string_view text = cell(r, m_cols.tanggal_lahir);
    const auto d = parse_date(text);
    return d ? format_date(*d) : std::string(text);
  }

 private:
  const Profile& m_profile;
  const InputColumns& m_cols;
  std::unordered_map<std::string, const Occupation*> m_occupations;
};

// Summary totals, keyed so that iteration gives the contract's order (step 5).
class SummaryTotals {
 public:
  SummaryTotals(const Profile& profile, std::size_t years) : m_profile(profile), m_years(years) {
    m_total.group = SummaryLine::Group::total;
    m_total.name = tr("seluruh peserta", "all participants");
    m_total.premiums.assign(years, 0);
  }

  void add(const std::string& agency, const Occupation* occupation,
           std::string_view occupation_text, const std::vector<Sen>& premiums) {
    add_to(m_agencies[{agency.empty(), agency}], premiums);
    // The profile's occupations in its order, then other texts by name, then the empty cell.
    std::pair<std::size_t, std::string> key;
    if (occupation != nullptr) {
      key = {static_cast<std::size_t>(occupation - m_profile.occupations.data()), occupation->name};
    } else {
      std::string text = to_lower_ascii(trim(occupation_text));
      key = {text.empty() ? kEmpty : kEmpty - 1, std::move(text)};
    }
    add_to(m_occupations[key], premiums);
    add_to(m_total, premiums);
  }

  std::vector<SummaryLine> lines() const {
    std::vector<SummaryLine> out;
    for (const auto& [key, line] : m_agencies) {
      out.push_back(line);
      out.back().group = SummaryLine::Group::agency;
      out.back().name =
          key.first ? tr("(tanpa penanggung jawab)", "(no responsible agency)") : key.second;
    }
    for (const auto& [key, line] : m_occupations) {
      out.push_back(line);
      out.back().group = SummaryLine::Group::occupation;
      out.back().name = key.second.empty() ? tr("(kosong)", "(empty)") : key.second;
    }
    out.push_back(m_total);
    return out;
  }

 private:
  void add_to(SummaryLine& line, const std::vector<Sen>& premiums) const {
    if (line.premiums.empty()) line.premiums.assign(m_years, 0);
    ++line.count;
    for (std::size_t k = 0; k < m_years; ++k) line.premiums[k] += premiums[k];
  }

  static constexpr std::size_t kEmpty = std::numeric_limits<std::size_t>::max();
  const Profile& m_profile;
  std::size_t m_years;
  std::map<std::pair<bool, std::string>, SummaryLine>
      m_agencies;  // (empty, name): the empty one last
  std::map<std::pair<std::size_t, std::string>, SummaryLine> m_occupations;
  SummaryLine m_total;
};

void write_summary(csv::Writer& w, const std::vector<SummaryLine>& lines, int year,
                   int forecast_years) {
  std::vector<std::string> row = {"kelompok", "nama", "jumlah", "iuran_tahun"};
  for (int k = 1; k <= forecast_years; ++k) row.push_back("iuran_" + std::to_string(year + k));
  w.write_row(row);
  for (const auto& line : lines) {
    row = {summary_group_code(line.group), line.name, std::to_string(line.count)};
    for (const Sen s : line.premiums) row.push_back(format_money_plain(s));
    w.write_row(row);
  }
}

[[noreturn]] void stop_run_validate_first(const std::string& where, const std::string& what) {
  throw DataError(
      where + ": " + what +
      tr(". Jalankan jamsos validate dulu dan pakai keluaran utamanya (calon yang layak).",
         ". Run jamsos validate first and use its main output (the eligible candidates)."));
}

}  // namespace

ConsolidateResult consolidate(csv::MultiReader& in, const Profile& profile,
                              const ConsolidateOptions& options, const ConsolidateOutputs& out,
                              Progress* progress) {
  if ((options.quota || options.budget) && out.waitlist == nullptr) {
    // Contract, "Common rules": nothing is dropped silently.
    throw UsageError(
        tr("--quota dan --budget memerlukan --waitlist FILE untuk calon yang tidak masuk",
           "--quota and --budget need --waitlist FILE for the candidates who do not fit"));
  }
  const bool capped = profile.premium_cap_rule.enabled;
  for (std::size_t s = 0; s < in.source_count(); ++s) {
    std::vector<std::string> needed = {"nik", "nama"};
    if (capped) needed.emplace_back("tanggal_lahir");  // Pasal 11 ayat (6) needs the birth date
    csv::require_columns(in.source(s).header(), needed, in.source(s).display_name());
  }
  const InputColumns cols(in);
  const PremiumCalendar calendar(profile, options.year, options.forecast_years);
  const MonthIndex first_month = options.year * 12;  // Pasal 8 ayat (6): January of Y

  // 1. read: check each record, park it, keep its key.
  RowSpool spool;
  std::vector<Candidate> candidates;
  bool reserved = false;
  ConsolidateResult result;
  csv::Record rec;
  while (in.next(rec)) {
    csv::stop_on_faulty_record(in, rec);
    const std::string_view status = trim(cell(rec, cols.status));
    if (!status.empty() && !iequals(status, "eligible")) {
      stop_run_validate_first(where(in, rec, cols.asal),
                              std::string(tr("status '", "status '")) + std::string(status) +
                                  tr("', bukan eligible", "', not eligible"));
    }
    const std::string_view nik = trim(cell(rec, cols.nik));
    const auto key = nik_key(nik);
    if (!key) {
      stop_run_validate_first(
          where(in, rec, cols.asal),
          std::string("NIK '") + mask_nik(nik) + tr("' bukan 16 digit", "' is not 16 digits"));
    }
    Candidate c;
    if (capped) {
      const auto birth = parse_date(cell(rec, cols.tanggal_lahir));
      if (!birth) {
        stop_run_validate_first(where(in, rec, cols.asal),
                                std::string(tr("tanggal_lahir '", "tanggal_lahir '")) +
                                    std::string(cell(rec, cols.tanggal_lahir)) +
                                    tr("' tidak terbaca, akhir_iuran tidak bisa dihitung",
                                       "' cannot be read, so akhir_iuran cannot be computed"));
      }
      c.last_month = month_index(*profile.last_premium_month(*birth));
    }
    if (c.last_month < first_month && out.waitlist == nullptr) {
      throw UsageError(
          where(in, rec, cols.asal) + ": NIK " + mask_nik(nik) +
          tr(" berhenti iuran sebelum Januari tahun keputusan dan harus masuk daftar tunggu; "
             "tambahkan --waitlist FILE",
             " stops paying before January of the decree year and must go to the waitlist; "
             "add --waitlist FILE"));
    }
    c.key = make_rank_key(profile,
                          RankCells{cell(rec, cols.prioritas), cell(rec, cols.p3ke),
                                    cell(rec, cols.disabilitas), cell(rec, cols.kategori),
                                    cell(rec, cols.penghasilan), cell(rec, cols.tanggal_usulan)},
                          *key);
    c.offset = spool.append(rec);
    if (!reserved && in.total_bytes() > 0 && in.bytes_read() >= kReserveAfterBytes) {
      // Reserve once from the bytes per row so far, so that the keys of 10M rows do not pass
      // through a doubling (old + new array at once). bytes_read() runs up to one read block
      // ahead of the rows, hence 16 MiB of evidence and a 10% margin.
      reserved = true;
      const double per_row =
          static_cast<double>(in.bytes_read()) / static_cast<double>(candidates.size() + 1);
      candidates.reserve(
          static_cast<std::size_t>(static_cast<double>(in.total_bytes()) / per_row * 1.1));
    }
    candidates.push_back(c);
    if (progress != nullptr && candidates.size() % 4096 == 0)
      progress->update(in.bytes_read(), in.total_bytes() * 2);
  }
  result.rows_in = candidates.size();

  // 2. one person once (Pasal 8 ayat (3): the consolidated list names each person once).
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    return a.key.nik != b.key.nik ? a.key.nik < b.key.nik : a.offset < b.offset;
  });
  const Candidate* repeat = nullptr;  // the repeat that comes first in input order
  const Candidate* original = nullptr;
  for (std::size_t i = 1; i < candidates.size(); ++i) {
    if (candidates[i].key.nik == candidates[i - 1].key.nik &&
        (repeat == nullptr || candidates[i].offset < repeat->offset)) {
      repeat = &candidates[i];
      original = &candidates[i - 1];
    }
  }
  if (repeat != nullptr) {
    spool.read(original->offset, rec);
    const std::string first_at = where(in, rec, cols.asal);
    spool.read(repeat->offset, rec);
    throw DataError(where(in, rec, cols.asal) + ": NIK " + mask_nik(trim(cell(rec, cols.nik))) +
                    tr(" sudah ada di ", " already appears at ") + first_at +
                    tr(". Jalankan jamsos dedupe dulu.", ". Run jamsos dedupe first."));
  }

  // 3. rank (Pasal 5 ayat (2) and the contract's tie-breaks).
  std::sort(candidates.begin(), candidates.end(),
            [](const Candidate& a, const Candidate& b) { return ranks_before(a.key, b.key); });

  // 4. select and write in rank order.
  std::vector<std::string> list_header(kListColumns, kListColumns + c_list_fixed);
  std::vector<int> list_source(c_list_fixed, -1);  // input column of each list column, -1 computed
  for (std::size_t i = 0; i < in.header().size(); ++i) {
    const auto fixed = std::find(kListColumns, kListColumns + c_list_fixed, in.header()[i]);
    if (fixed == kListColumns + c_list_fixed) {
      list_header.push_back(in.header()[i]);
      list_source.push_back(static_cast<int>(i));
    }
  }
  out.list.write_row(list_header);
  const csv::Layout wait_layout(in.header(), kWaitColumns);
  if (out.waitlist != nullptr) out.waitlist->write_row(wait_layout.header());

  const std::string first_month_text = format_month(month_from_index(first_month));
  const std::string monthly_text = format_money_plain(calendar.month(first_month));
  const std::size_t years = static_cast<std::size_t>(options.forecast_years) + 1;
  RowFacts facts(profile, cols);
  SummaryTotals totals(profile, years);
  std::optional<WaitReason> closed;  // once a limit stops the list, everyone after waits
  std::string closed_words;          // ... and this says why, with what was left
  Sen used = 0;
  std::vector<std::string> row;
  std::vector<Sen> premiums(years);
  const std::uint64_t total_bytes = in.total_bytes();
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const Candidate& c = candidates[i];
    spool.read(c.offset, rec);
    const Sen cost = calendar.year_total(options.year, c.last_month);
    std::optional<WaitReason> reason;
    if (c.last_month < first_month) {
      reason = WaitReason::ages_out_before_start;  // takes no part of the quota or budget
    } else if (!closed && options.quota && result.decreed >= *options.quota) {
      closed = WaitReason::over_quota;
      closed_words = std::string(tr("kuota ", "the quota of ")) + std::to_string(*options.quota) +
                     tr(" orang sudah terisi", " people is filled");
    } else if (!closed && options.budget && used + cost > *options.budget) {
      closed = WaitReason::over_budget;
      closed_words =
          std::string(
              tr("daftar berhenti pada calon pertama yang tidak muat dalam anggaran ",
                 "the list stops at the first candidate that does not fit the budget of ")) +
          format_rupiah(*options.budget) + tr(" (sisa ", " (") +
          format_rupiah(*options.budget - used) + tr(")", " left)");
    }
    if (!reason) reason = closed;

    const std::string last_text =
        c.last_month == no_premium_cap ? "" : format_month(month_from_index(c.last_month));
    const std::string agency = facts.agency(rec);
    const std::string priority = std::to_string(c.key.priority);
    if (!reason) {
      ++result.decreed;
      used += cost;
      row.assign(list_header.size(), std::string());
      row[c_no] = std::to_string(result.decreed);
      row[c_nik] = std::string(trim(cell(rec, cols.nik)));
      row[c_nama] = cell(rec, cols.nama);
      row[c_tanggal_lahir] = facts.birth_date(rec);
      row[c_pekerjaan] = cell(rec, cols.pekerjaan);
      row[c_kategori] = cell(rec, cols.kategori);
      row[c_prioritas] = priority;
      row[c_penanggung_jawab] = agency;
      row[c_mulai_iuran] = first_month_text;
      row[c_akhir_iuran] = last_text;
      row[c_iuran_bulanan] = monthly_text;
      row[c_iuran_tahun] = format_money_plain(cost);
      for (std::size_t k = c_list_fixed; k < list_header.size(); ++k) {
        row[k] = rec.fields[static_cast<std::size_t>(list_source[k])];
      }
      out.list.write_row(row);
      for (std::size_t k = 0; k < years; ++k)
        premiums[k] = calendar.year_total(options.year + static_cast<int>(k), c.last_month);
      totals.add(agency, facts.occupation(rec), cell(rec, cols.pekerjaan), premiums);
    } else {
      const bool ages_out = *reason == WaitReason::ages_out_before_start;
      switch (*reason) {
        case WaitReason::ages_out_before_start:
          ++result.ages_out_before_start;
          break;
        case WaitReason::over_quota:
          ++result.over_quota;
          break;
        case WaitReason::over_budget:
          ++result.over_budget;
          break;
      }
      const std::string why =
          ages_out
              ? with_article(std::string(tr("iuran terakhir ", "last premium month ")) + last_text,
                             profile.premium_cap_rule.article) +
                    tr(" sebelum iuran pertama ", " is before the first premium month ") +
                    with_article(first_month_text, profile.coverage_start_rule.article)
              : closed_words;
      wait_layout.start_row(rec.fields, row);
      if (cols.tanggal_lahir >= 0)
        row[static_cast<std::size_t>(cols.tanggal_lahir)] = facts.birth_date(rec);
      row[wait_layout.added_index(w_prioritas)] = priority;
      row[wait_layout.added_index(w_penanggung_jawab)] = agency;
      row[wait_layout.added_index(w_mulai_iuran)] = ages_out ? "" : first_month_text;
      row[wait_layout.added_index(w_akhir_iuran)] = last_text;
      row[wait_layout.added_index(w_iuran_bulanan)] = ages_out ? "0" : monthly_text;
      row[wait_layout.added_index(w_iuran_tahun)] = format_money_plain(cost);
      row[wait_layout.added_index(w_alasan)] = wait_reason_code(*reason);
      // validate's keterangan may hold warning words: keep them, add why the row waits.
      std::string& words = row[wait_layout.added_index(w_keterangan)];
      words = words.empty() ? why : words + "; " + why;
      out.waitlist->write_row(row);
    }
    if (progress != nullptr && total_bytes > 0 && i % 4096 == 0) {
      progress->update(total_bytes + total_bytes * i / candidates.size(), total_bytes * 2);
    }
  }
  result.premium_total = used;

  // 5. summary (Pasal 12 monitoring, Pasal 14 budget).
  result.summary = totals.lines();
  if (out.summary != nullptr)
    write_summary(*out.summary, result.summary, options.year, options.forecast_years);
  if (progress != nullptr) progress->finish();
  return result;
}

}  // namespace jamsos
