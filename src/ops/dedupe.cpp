// `jamsos dedupe` as a pipeline (Perwali Balikpapan 3/2025 Pasal 8 ayat (2); contract,
// `dedupe`; docs/ARCHITECTURE.md, "dedupe"):
//   1. pass 1: per row only its keys (NIK, tanggal_usulan, asal; birth date, folded name
//      and sex when reviewing); a pipe is spooled to an unlinked temporary file meanwhile;
//   2. NIK groups: the latest tanggal_usulan wins, ties to the first row;
//   3. the --against rosters streamed against the sorted candidate NIKs;
//   4. `same` decisions merge NIKs into one person;
//   5. review pairs among the rows that stay, blocked by birth date;
//   6. pass 2: every row routed, in input order, to the output or the duplicates.
// Boundary: NIK X on dinsos.csv:2 (usulan 2025-08-01) and dishub.csv:5 (2025-08-15): the
// dishub row stays, the dinsos row goes to the duplicates with duplikat_dari=dishub.csv:5;
// were X also in bpjs.csv, both rows would go, as already_registered.
#include "jamsos/ops/dedupe.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <memory>
#include <numeric>
#include <string_view>

#include "jamsos/core/dates.hpp"
#include "jamsos/core/errors.hpp"
#include "jamsos/core/i18n.hpp"
#include "jamsos/core/nik.hpp"
#include "jamsos/core/text.hpp"
#include "jamsos/ops/row_spool.hpp"
#include "jamsos/ops/dedupe_against.hpp"
#include "jamsos/ops/dedupe_decisions.hpp"
#include "jamsos/ops/dedupe_review.hpp"
#include "jamsos/ops/name_match.hpp"

namespace jamsos {

namespace {

constexpr std::int32_t kNoDate = INT32_MIN;  // empty or unreadable: the oldest (contract)
constexpr std::uint32_t kNone = UINT32_MAX;

std::int32_t day_number(std::string_view text) {
  const auto d = parse_date(text);
  return d ? static_cast<std::int32_t>(date::sys_days(*d).time_since_epoch().count()) : kNoDate;
}

std::string date_text(std::int32_t days) { return format_date(Date{date::sys_days{date::days{days}}}); }

enum class Dest : std::uint8_t { output, already_registered, duplicate_nik, duplicate_person };

const char* dest_code(Dest d) {
  switch (d) {
    case Dest::already_registered: return "already_registered";
    case Dest::duplicate_nik: return "duplicate_nik";
    case Dest::duplicate_person: return "duplicate_person";
    case Dest::output: break;
  }
  return "";
}

// What pass 1 keeps of a row: about 30 bytes and its `asal` text (+ the name when reviewing).
struct RowKey {
  std::uint64_t nik = 0;         // nik_key, 0 when not 16 digits
  std::uint64_t asal_end = 0;    // end of its `asal` in the arena (start = the previous row's end)
  std::int32_t proposed = kNoDate;
  std::uint32_t line = 0;
  std::uint32_t source = 0;
};

// Birth date, folded name and sex: only when reviewing.
struct ReviewKeys {
  std::vector<std::int32_t> birth;
  std::vector<std::uint64_t> name_end;
  std::string names;
  std::vector<char> sex;

  std::string_view name(std::size_t i) const {
    const std::size_t start = i == 0 ? 0 : name_end[i - 1];
    return std::string_view(names).substr(start, name_end[i] - start);
  }
};

class Dedupe {
public:
  Dedupe(csv::MultiReader& in, const DedupeOptions& options, bool review, Progress* progress)
      : m_in(in), m_options(options), m_review_wanted(review), m_progress(progress),
        m_rosters(options.against, options.reader) {
    if (!options.decisions.empty()) m_decisions = Decisions::load(options.decisions, options.reader);
    for (std::size_t i = 0; i < in.source_count(); ++i) {
      csv::require_columns(in.source(i).header(), {"nik"}, in.source(i).display_name());
      if (review) csv::require_columns(in.source(i).header(), {"nama", "tanggal_lahir"}, in.source(i).display_name());
    }
    m_col_nik = in.column("nik");
    m_col_proposed = in.column("tanggal_usulan");
    m_col_asal = in.column("asal");
    m_col_name = in.column("nama");
    m_col_birth = in.column("tanggal_lahir");
    m_col_sex = in.column("jenis_kelamin");
    // A pipe cannot be read twice: keep its records aside while reading (pass 2 reads them back).
    bool pipe = in.total_bytes() == 0;
    for (std::size_t i = 0; i < in.source_count(); ++i) pipe = pipe || in.source(i).path() == "-";
    if (pipe) m_spool = std::make_unique<RowSpool>();
    const std::uint64_t input = in.total_bytes();
    m_progress_total = input > 0 ? 2 * input + m_rosters.total_bytes() : 0;
  }

  DedupeCounts run(csv::Writer& main_out, csv::Writer& duplicates, csv::Writer* review) {
    read_keys();
    group_by_nik();
    m_rosters.scan(m_niks, m_hits, m_progress, m_in.bytes_read(), m_progress_total);
    m_counts.roster_rows = m_rosters.rows();
    m_counts.roster_without_nik = m_rosters.rows_without_nik();
    merge_same_persons();
    if (m_review_wanted) find_pairs();
    route(main_out, duplicates);
    if (review) write_review(*review);
    if (m_progress) m_progress->finish();
    return m_counts;
  }

private:
  const std::string& cell(const csv::Record& r, int column) const {
    static const std::string empty;
    return column < 0 ? empty : r.fields[static_cast<std::size_t>(column)];
  }

  // 1. Pass 1: keys only.
  void read_keys() {
    csv::Record r;
    while (m_in.next(r)) {
      csv::stop_on_faulty_record(m_in, r);
      if (m_rows.size() == kNone)
        throw DataError(tr("masukan terlalu besar: lebih dari 4 miliar baris", "input too large: over 4 billion rows"));
      if (m_spool) m_spool_at.push_back(m_spool->append(r));
      RowKey k;
      k.nik = nik_key(cell(r, m_col_nik)).value_or(0);
      k.proposed = day_number(cell(r, m_col_proposed));
      k.line = static_cast<std::uint32_t>(r.line);
      k.source = static_cast<std::uint32_t>(r.source);
      m_asal.append(trim(cell(r, m_col_asal)));
      k.asal_end = m_asal.size();
      m_rows.push_back(k);
      if (k.nik == 0) ++m_counts.rows_without_nik;
      if (m_review_wanted) {
        m_review.birth.push_back(day_number(cell(r, m_col_birth)));
        m_review.names.append(normalize_person_name(cell(r, m_col_name)));
        m_review.name_end.push_back(m_review.names.size());
        const std::string_view sex = trim(cell(r, m_col_sex));
        m_review.sex.push_back(iequals(sex, "L") ? 'L' : iequals(sex, "P") ? 'P' : '\0');
      }
      if (m_progress && (m_rows.size() & 0x3fff) == 0) m_progress->update(m_in.bytes_read(), m_progress_total);
    }
    m_counts.rows = m_rows.size();
  }

  // 2. NIK groups: sorted unique NIKs, the row that stays for each, each row's group.
  void group_by_nik() {
    std::vector<std::pair<std::uint64_t, std::uint32_t>> by_nik;
    for (std::uint32_t i = 0; i < m_rows.size(); ++i)
      if (m_rows[i].nik != 0) by_nik.emplace_back(m_rows[i].nik, i);
    std::sort(by_nik.begin(), by_nik.end());
    m_uid.assign(m_rows.size(), kNone);
    for (std::size_t s = 0; s < by_nik.size();) {
      std::size_t e = s;
      std::uint32_t winner = by_nik[s].second;
      for (; e < by_nik.size() && by_nik[e].first == by_nik[s].first; ++e) {
        const std::uint32_t row = by_nik[e].second;
        if (stays_before(row, winner)) winner = row;
        m_uid[row] = static_cast<std::uint32_t>(m_niks.size());
      }
      m_niks.push_back(by_nik[s].first);
      m_winner.push_back(winner);
      s = e;
    }
  }

  // Of two rows of one person, the one that stays: the later tanggal_usulan (empty or
  // unreadable is the oldest), on a tie the first in input order (contract, `dedupe`).
  bool stays_before(std::uint32_t a, std::uint32_t b) const {
    if (m_rows[a].proposed != m_rows[b].proposed) return m_rows[a].proposed > m_rows[b].proposed;
    return a < b;
  }

  std::uint32_t uid_of(std::uint64_t nik) const {
    const auto it = std::lower_bound(m_niks.begin(), m_niks.end(), nik);
    return it != m_niks.end() && *it == nik ? static_cast<std::uint32_t>(it - m_niks.begin()) : kNone;
  }

  // 4. Pairs judged `same`: one person. Connected NIKs form a group; a registered member
  // anchors it, else the latest-proposed (then first) winner row stays.
  void merge_same_persons() {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
    for (const auto& [a, b] : m_decisions.same_pairs()) {
      const std::uint32_t ua = uid_of(a), ub = uid_of(b);
      if (ua != kNone && ub != kNone) edges.emplace_back(ua, ub);
    }
    if (edges.empty()) return;
    std::vector<std::uint32_t> members;
    for (const auto& [a, b] : edges) members.push_back(a), members.push_back(b);
    std::sort(members.begin(), members.end());
    members.erase(std::unique(members.begin(), members.end()), members.end());
    const auto index = [&](std::uint32_t uid) {
      return static_cast<std::size_t>(std::lower_bound(members.begin(), members.end(), uid) - members.begin());
    };
    std::vector<std::size_t> parent(members.size());
    std::iota(parent.begin(), parent.end(), std::size_t{0});
    const auto root = [&](std::size_t x) {
      while (parent[x] != x) x = parent[x] = parent[parent[x]];
      return x;
    };
    for (const auto& [a, b] : edges) parent[root(index(a))] = root(index(b));

    // Members by group, then the one that stays: a registered member anchors its group (the
    // first such row), else the usual rule between the NIKs' winner rows.
    using Member = std::pair<std::size_t, std::uint32_t>;  // (root, uid)
    const auto anchors_before = [&](const Member& x, const Member& y) {
      const bool hx = m_hits[x.second] != 0, hy = m_hits[y.second] != 0;
      if (hx != hy) return hx;
      return hx ? m_winner[x.second] < m_winner[y.second] : stays_before(m_winner[x.second], m_winner[y.second]);
    };
    std::vector<Member> groups;
    for (std::size_t i = 0; i < members.size(); ++i) groups.emplace_back(root(i), members[i]);
    std::sort(groups.begin(), groups.end());
    for (std::size_t s = 0; s < groups.size();) {
      std::size_t e = s;
      while (e < groups.size() && groups[e].first == groups[s].first) ++e;
      const std::uint32_t keeper =
          std::min_element(groups.begin() + static_cast<std::ptrdiff_t>(s), groups.begin() + static_cast<std::ptrdiff_t>(e),
                           anchors_before)->second;
      for (std::size_t k = s; k < e; ++k) {
        const std::uint32_t uid = groups[k].second;
        if (uid != keeper && m_hits[uid] == 0) m_person_of.emplace_back(uid, m_winner[keeper]);
      }
      s = e;
    }
    std::sort(m_person_of.begin(), m_person_of.end());
  }

  // Where row i goes, and for a duplicate the row (or roster hit) it duplicates.
  Dest dest(std::uint32_t i, std::uint32_t* of = nullptr) const {
    const std::uint32_t uid = m_uid[i];
    if (uid == kNone) return Dest::output;
    if (m_hits[uid] != 0) return Dest::already_registered;
    if (m_winner[uid] != i) {
      if (of) *of = m_winner[uid];
      return Dest::duplicate_nik;
    }
    const auto it = std::lower_bound(m_person_of.begin(), m_person_of.end(), std::make_pair(uid, std::uint32_t{0}));
    if (it != m_person_of.end() && it->first == uid) {
      if (of) *of = it->second;
      return Dest::duplicate_person;
    }
    return Dest::output;
  }

  // A row's `asal`, or its FILE:LINE when the input has none.
  std::string asal_of(std::uint32_t i) const {
    const std::size_t start = i == 0 ? 0 : m_rows[i - 1].asal_end;
    if (m_rows[i].asal_end > start) return m_asal.substr(start, m_rows[i].asal_end - start);
    return fmt::format("{}:{}", m_in.source(m_rows[i].source).display_name(), m_rows[i].line);
  }

  // 5. Review pairs among the rows that stay, one birth-date block at a time.
  void find_pairs() {
    // Rows without a 16-digit NIK take no part: a reviewer could not record the pair in a
    // decisions file, and such a row never reaches the decree (validate: nik_format).
    std::vector<std::uint64_t> order;  // (birth, row): blocks of one birth date, rows ascending
    for (std::uint32_t i = 0; i < m_rows.size(); ++i)
      if (m_review.birth[i] != kNoDate && m_rows[i].nik != 0 && dest(i) == Dest::output)
        order.push_back(static_cast<std::uint64_t>(static_cast<std::uint32_t>(m_review.birth[i]) ^ 0x80000000u) << 32 | i);
    std::sort(order.begin(), order.end());
    std::vector<PersonKey> people;
    std::vector<std::uint32_t> rows;
    BlockStats stats;
    for (std::size_t s = 0; s < order.size();) {
      std::size_t e = s;
      people.clear(), rows.clear();
      for (; e < order.size() && order[e] >> 32 == order[s] >> 32; ++e) {
        const auto i = static_cast<std::uint32_t>(order[e] & 0xffffffffu);
        PersonKey p;
        p.nik = m_rows[i].nik;
        p.birth = m_review.birth[i];
        p.has_birth = true;
        p.name = m_review.name(i);
        p.sex = m_review.sex[i];
        people.push_back(p);
        rows.push_back(i);
      }
      review_block(people, rows, m_decisions, m_pairs, stats);
      s = e;
    }
    std::sort(m_pairs.begin(), m_pairs.end(),
              [](const ReviewPair& x, const ReviewPair& y) { return x.a != y.a ? x.a < y.a : x.b < y.b; });
    m_counts.review_pairs = m_pairs.size();
    m_counts.decided_pairs = stats.decided;
    m_counts.comparisons = stats.comparisons;
    for (const auto& p : m_pairs) m_review_rows.push_back(p.a), m_review_rows.push_back(p.b);
    std::sort(m_review_rows.begin(), m_review_rows.end());
    m_review_rows.erase(std::unique(m_review_rows.begin(), m_review_rows.end()), m_review_rows.end());
    m_review_cells.resize(m_review_rows.size());
  }

  [[noreturn]] void input_changed(const std::string& where) const {
    throw IoError(fmt::format(trf("{}: masukan berubah selama jamsos dedupe membacanya; jalankan lagi setelah berkasnya "
                                  "tidak diubah lagi.",
                                  "{}: the input changed while jamsos dedupe was reading it; run again once the file "
                                  "is no longer being changed."),
                              where));
  }

  // 6. Pass 2: every row to exactly one output, in input order.
  void route(csv::Writer& main_out, csv::Writer& duplicates) {
    std::unique_ptr<csv::MultiReader> again;
    if (!m_spool) {
      std::vector<std::string> paths;
      for (std::size_t i = 0; i < m_in.source_count(); ++i) paths.push_back(m_in.source(i).path());
      again = std::make_unique<csv::MultiReader>(paths, m_options.reader);
      if (again->header() != m_in.header()) input_changed(m_in.source(0).display_name());
    }
    const csv::Layout layout(m_in.header(), dedupe_added_columns());
    main_out.write_row(m_in.header());
    duplicates.write_row(layout.header());
    const std::uint64_t base = m_in.bytes_read() + m_rosters.total_bytes();

    csv::Record r;
    std::vector<std::string> row;
    std::size_t next_review = 0;
    for (std::uint32_t i = 0; i < m_rows.size(); ++i) {
      if (m_spool) {
        m_spool->read(m_spool_at[i], r);
      } else {
        if (!again->next(r)) input_changed(m_in.source(m_rows[i].source).display_name());
        csv::stop_on_faulty_record(*again, r);
      }
      if (nik_key(cell(r, m_col_nik)).value_or(0) != m_rows[i].nik)
        input_changed(fmt::format("{}:{}", m_in.source(r.source).display_name(), r.line));

      std::uint32_t of = kNone;
      const Dest d = dest(i, &of);
      if (d == Dest::output) {
        ++m_counts.kept;
        main_out.write_row(r.fields);
      } else {
        layout.start_row(r.fields, row);
        row[layout.added_index(0)] = dest_code(d);
        row[layout.added_index(1)] = d == Dest::already_registered ? m_rosters.location(m_hits[m_uid[i]]) : asal_of(of);
        duplicates.write_row(row);
        ++(d == Dest::already_registered ? m_counts.already_registered
           : d == Dest::duplicate_nik    ? m_counts.duplicate_nik
                                         : m_counts.duplicate_person);
      }
      if (next_review < m_review_rows.size() && m_review_rows[next_review] == i) {
        m_review_cells[next_review++] = {std::string(trim(cell(r, m_col_nik))), std::string(trim(cell(r, m_col_name))),
                                         asal_of(i)};
      }
      if (m_progress && (i & 0x3fff) == 0 && again)
        m_progress->update(base + again->bytes_read(), m_progress_total);
    }
    if (again && again->next(r)) input_changed(again->location(r));
  }

  void write_review(csv::Writer& out) {
    out.write_row(review_columns());
    const auto cells = [&](std::uint32_t row) -> const ReviewCells& {
      return m_review_cells[static_cast<std::size_t>(std::lower_bound(m_review_rows.begin(), m_review_rows.end(), row) -
                                                     m_review_rows.begin())];
    };
    for (const auto& p : m_pairs) {
      const ReviewCells& a = cells(p.a);
      const ReviewCells& b = cells(p.b);
      out.write_row(std::vector<std::string>{a.nik, b.nik, a.name, b.name, date_text(m_review.birth[p.a]), a.asal, b.asal,
                                             fmt::format("{:.2f}", p.score.score), describe_pair(p.score), ""});
    }
  }

  struct ReviewCells {
    std::string nik, name, asal;
  };

  csv::MultiReader& m_in;
  const DedupeOptions& m_options;
  bool m_review_wanted;  // a review file was asked for
  Progress* m_progress;
  std::uint64_t m_progress_total = 0;
  Rosters m_rosters;
  Decisions m_decisions;
  int m_col_nik = -1, m_col_proposed = -1, m_col_asal = -1, m_col_name = -1, m_col_birth = -1, m_col_sex = -1;

  std::unique_ptr<RowSpool> m_spool;
  std::vector<std::uint64_t> m_spool_at;  // each row's offset in the spool
  std::vector<RowKey> m_rows;
  std::string m_asal;
  ReviewKeys m_review;

  std::vector<std::uint64_t> m_niks;     // sorted unique candidate NIKs
  std::vector<std::uint32_t> m_winner;   // per NIK: the row that stays
  std::vector<std::uint64_t> m_hits;     // per NIK: roster location, 0 = not registered
  std::vector<std::uint32_t> m_uid;      // per row: its NIK's index, kNone without one
  std::vector<std::pair<std::uint32_t, std::uint32_t>> m_person_of;  // (NIK index, row it duplicates), sorted

  std::vector<ReviewPair> m_pairs;
  std::vector<std::uint32_t> m_review_rows;  // rows named in a pair, sorted
  std::vector<ReviewCells> m_review_cells;   // their cells, filled in pass 2
  DedupeCounts m_counts;
};

}  // namespace

const std::vector<std::string>& dedupe_added_columns() {
  static const std::vector<std::string> columns = {"alasan", "duplikat_dari"};
  return columns;
}

const std::vector<std::string>& review_columns() {
  static const std::vector<std::string> columns = {"nik_a",  "nik_b",  "nama_a", "nama_b", "tanggal_lahir",
                                                   "asal_a", "asal_b", "skor",   "bukti",  "keputusan"};
  return columns;
}

DedupeCounts run_dedupe(csv::MultiReader& in, const DedupeOptions& options, csv::Writer& main_out,
                        csv::Writer& duplicates, csv::Writer* review, Progress* progress) {
  Dedupe dedupe(in, options, review != nullptr, progress);
  return dedupe.run(main_out, duplicates, review);
}

}  // namespace jamsos
