// `jamsos dedupe` as a pipeline (Perwali Balikpapan 3/2025 Pasal 8 ayat (2); contract,
// `dedupe`; docs/ARCHITECTURE.md, "dedupe"):
//   1. pass 1: per row only its keys (NIK, tanggal_usulan, asal; birth date, folded name
//      and sex when reviewing); a pipe is spooled to an unlinked temporary file meanwhile;
//      the --against rosters are read at the same time on a thread of their own
//      (dedupe_against.hpp);
//   2. NIK groups: the (NIK, row) pairs radix-sorted; per NIK the row that stays (the latest
//      tanggal_usulan, ties to the first row); the sorted NIKs become the index;
//   3. the rosters matched against the index;
//   4. `same` decisions merge NIKs into one person;
//   5. review pairs among the rows that stay, blocked by birth date, the blocks spread over
//      the threads;
//   6. pass 2: every row routed, in input order, to the output or the duplicates: one thread
//      parses, the calling thread decides, encodes and writes.
// The outputs are byte for byte those of one thread (JAMSOS_THREADS=1).
// Boundary: NIK X on dinsos.csv:2 (usulan 2025-08-01) and dishub.csv:5 (2025-08-15): the
// dishub row stays, the dinsos row goes to the duplicates with duplikat_dari=dishub.csv:5;
// were X also in bpjs.csv, both rows would go, as already_registered.
#include "jamsos/ops/dedupe.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <climits>
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <functional>
#include <iterator>
#include <memory>
#include <mutex>
#include <numeric>
#include <string_view>
#include <thread>
#include <unordered_map>

#include "jamsos/core/dates.hpp"
#include "jamsos/core/errors.hpp"
#include "jamsos/core/i18n.hpp"
#include "jamsos/core/nik.hpp"
#include "jamsos/core/ordered_pipeline.hpp"
#include "jamsos/core/text.hpp"
#include "jamsos/ops/dedupe_against.hpp"
#include "jamsos/ops/dedupe_decisions.hpp"
#include "jamsos/ops/dedupe_index.hpp"
#include "jamsos/ops/dedupe_review.hpp"
#include "jamsos/ops/name_match.hpp"
#include "jamsos/ops/row_spool.hpp"

namespace jamsos {

namespace {

constexpr std::int32_t kNoDate = INT32_MIN;  // empty or unreadable: the oldest (contract)
constexpr std::uint32_t kNone = UINT32_MAX;
constexpr std::size_t kBatchRows = 256;  // small enough that a batch is still in the cache when worked on

std::int32_t day_number(std::string_view text) {
  const auto d = parse_date(text);
  return d ? static_cast<std::int32_t>(date::sys_days(*d).time_since_epoch().count()) : kNoDate;
}

std::string date_text(std::int32_t days) { return format_date(Date{date::sys_days{date::days{days}}}); }

void append_number(std::string& out, std::uint64_t n) {
  char digits[24];
  out.append(digits, std::to_chars(digits, digits + sizeof digits, n).ptr);
}

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

// Every row's `asal` in 8 bytes, plus what cannot be rebuilt. validate writes "FILE:LINE",
// the same FILE on every row, so a text "PREFIX:N" (N up to 9 digits, written without a
// leading zero) is kept as (the prefix's number, N); any other text goes to an arena,
// preceded by its length. Boundary: "dinsos.csv:0012" is not rebuilt by printing 12, so it
// goes to the arena, as it was written.
class AsalStore {
public:
  void push(std::string_view text) {
    if (text.empty()) {
      m_codes.push_back(0);
      return;
    }
    const std::size_t colon = text.rfind(':');
    if (colon != std::string_view::npos) {
      const std::string_view digits = text.substr(colon + 1);
      if (!digits.empty() && digits.size() <= 9 && (digits.size() == 1 || digits[0] != '0') &&
          std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        std::uint64_t number = 0;
        for (const char c : digits) number = number * 10 + static_cast<std::uint64_t>(c - '0');
        const std::uint32_t id = prefix_id(text.substr(0, colon));
        if (id != kNone) {
          m_codes.push_back(kPrefixed | static_cast<std::uint64_t>(id) << 32 | number);
          return;
        }
      }
    }
    m_codes.push_back(m_arena.size() + 1);
    for (std::size_t n = text.size();; n >>= 7) {  // the length, 7 bits a byte
      m_arena.push_back(static_cast<char>((n & 0x7f) | (n > 0x7f ? 0x80 : 0)));
      if (n <= 0x7f) break;
    }
    m_arena.append(text);
  }

  bool empty(std::size_t row) const { return m_codes[row] == 0; }

  void append(std::size_t row, std::string& out) const {
    const std::uint64_t code = m_codes[row];
    if (code == 0) return;
    if (code & kPrefixed) {
      out.append(m_prefixes[static_cast<std::size_t>(code >> 32 & 0x7fffffffu)]).push_back(':');
      append_number(out, code & 0xffffffffu);
      return;
    }
    std::size_t at = static_cast<std::size_t>(code - 1), n = 0;
    for (unsigned shift = 0;; shift += 7) {
      const auto byte = static_cast<unsigned char>(m_arena[at++]);
      n |= static_cast<std::size_t>(byte & 0x7f) << shift;
      if (!(byte & 0x80)) break;
    }
    out.append(m_arena, at, n);
  }

private:
  static constexpr std::uint64_t kPrefixed = std::uint64_t{1} << 63;

  std::uint32_t prefix_id(std::string_view prefix) {
    if (m_last != kNone && m_prefixes[m_last] == prefix) return m_last;
    auto it = m_ids.find(std::string(prefix));
    if (it == m_ids.end()) {
      if (m_prefixes.size() >= 0x7fffffffu) return kNone;
      it = m_ids.emplace(std::string(prefix), static_cast<std::uint32_t>(m_prefixes.size())).first;
      m_prefixes.emplace_back(prefix);
    }
    return m_last = it->second;
  }

  std::vector<std::uint64_t> m_codes;  // per row: 0 empty, kPrefixed | id << 32 | N, else arena offset + 1
  std::string m_arena;
  std::vector<std::string> m_prefixes;
  std::unordered_map<std::string, std::uint32_t> m_ids;
  std::uint32_t m_last = kNone;
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

char sex_code(std::string_view cell) {
  const std::string_view sex = trim(cell);
  return iequals(sex, "L") ? 'L' : iequals(sex, "P") ? 'P' : '\0';
}

// Pass 1: a batch of records read, and the keys taken from them.
struct KeyBatch {
  std::vector<csv::Record> records;  // reused: the strings keep their capacity
  std::size_t size = 0;
  std::exception_ptr error;          // what stopped the reading after these records
  std::uint64_t bytes_read = 0;
  std::vector<std::uint64_t> spool_at;
  std::vector<std::uint64_t> nik;
  std::vector<std::int32_t> proposed;
  std::vector<std::string_view> asal;  // into records
  std::vector<std::int32_t> birth;     // when reviewing
  std::string names;
  std::vector<std::uint32_t> name_end;
  std::vector<char> sex;
};

// Pass 2: a batch of records read again, and their output rows once encoded.
struct RouteBatch {
  std::vector<csv::Record> records;
  std::size_t size = 0;
  std::uint32_t first = 0;  // row number of records[0]
  std::exception_ptr error;
  std::uint64_t bytes_read = 0;
  std::string main_bytes, duplicate_bytes;
  std::size_t main_rows = 0, duplicate_rows = 0;
  std::size_t by_dest[4] = {0, 0, 0, 0};
};

// Two threads, one after the other: `produce` fills batches on a thread of its own, a few
// ahead; `consume` takes them on the calling thread, in order. An exception in produce is
// rethrown at its batch's turn, after the batches before it were consumed.
template <typename Batch>
void read_ahead(const std::function<bool(Batch&)>& produce, const std::function<void(Batch&)>& consume) {
  constexpr std::size_t kDepth = 4;
  struct Slot {
    Batch batch;
    bool full = false, last = false;
    std::exception_ptr error;
  };
  std::vector<Slot> slots(kDepth);
  std::mutex mutex;
  std::condition_variable filled, emptied;
  bool stop = false;
  std::thread producer([&] {
    for (std::size_t k = 0;; k = (k + 1) % kDepth) {
      Slot& slot = slots[k];
      {
        std::unique_lock lock(mutex);
        emptied.wait(lock, [&] { return stop || !slot.full; });
        if (stop) return;
      }
      bool more = false;
      try {
        more = produce(slot.batch);
      } catch (...) {
        slot.error = std::current_exception();
      }
      {
        std::lock_guard lock(mutex);
        slot.full = true;
        slot.last = !more || slot.error;
      }
      filled.notify_one();
      if (!more || slot.error) return;
    }
  });
  const auto finish = [&] {
    {
      std::lock_guard lock(mutex);
      stop = true;
    }
    emptied.notify_one();
    producer.join();
  };
  try {
    for (std::size_t k = 0;; k = (k + 1) % kDepth) {
      Slot& slot = slots[k];
      {
        std::unique_lock lock(mutex);
        filled.wait(lock, [&] { return slot.full; });
      }
      if (slot.error) std::rethrow_exception(slot.error);
      if (slot.last) break;  // produce returned false: no batch
      consume(slot.batch);
      {
        std::lock_guard lock(mutex);
        slot.full = false;
      }
      emptied.notify_one();
    }
  } catch (...) {
    finish();
    throw;
  }
  finish();
}

class Dedupe {
public:
  Dedupe(csv::MultiReader& in, const DedupeOptions& options, bool review, Progress* progress)
      : m_in(in), m_options(options), m_review_wanted(review), m_progress(progress),
        m_rosters(options.against, options.reader), m_threads(pipeline_workers()) {
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
    // Pass 1 reads only its keys (pass 2 reads the file again, whole); a spooled pipe keeps
    // whole records for pass 2.
    else
      in.read_only(review ? std::vector<std::string>{"nik", "tanggal_usulan", "asal", "nama", "tanggal_lahir", "jenis_kelamin"}
                          : std::vector<std::string>{"nik", "tanggal_usulan", "asal"});
    const std::uint64_t input = in.total_bytes();
    m_progress_total = input > 0 ? 2 * input + m_rosters.total_bytes() : 0;
  }

  DedupeCounts run(csv::Writer& main_out, csv::Writer& duplicates, csv::Writer* review) {
    m_rosters.start(m_threads > 1);
    try {
      read_keys();
      group_by_nik();
    } catch (...) {
      m_rosters.cancel();  // pass 1's error first, as when the rosters were read after it
      throw;
    }
    m_rosters.finish(m_index, m_hits);
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

  std::uint64_t nik_of(std::uint32_t row) const { return m_uid[row] == kNone ? 0 : m_nik[m_uid[row]]; }

  std::size_t source_of(std::uint32_t row) const {
    const auto it = std::upper_bound(m_source_starts.begin(), m_source_starts.end(), row,
                                     [](std::uint32_t r, const std::pair<std::uint32_t, std::uint32_t>& s) {
                                       return r < s.first;
                                     });
    return it == m_source_starts.begin() ? 0 : std::prev(it)->second;
  }

  // 1. Pass 1: keys only.
  void read_keys() {
    bool done = false;
    const auto fill = [&](KeyBatch& b) {
      if (done) return false;
      if (b.records.size() < kBatchRows) b.records.resize(kBatchRows);
      b.size = 0;
      b.error = nullptr;
      b.spool_at.clear();
      try {
        while (b.size < kBatchRows) {
          csv::Record& r = b.records[b.size];
          if (!m_in.next(r)) {
            done = true;
            break;
          }
          if (r.fault != csv::RecordFault::none) csv::stop_on_faulty_record(m_in, r);
          if (m_spool) b.spool_at.push_back(m_spool->append(r));
          ++b.size;
        }
      } catch (...) {
        b.error = std::current_exception();
        done = true;
      }
      b.bytes_read = m_in.bytes_read();
      return b.size > 0 || b.error;
    };
    const auto work = [&](KeyBatch& b, unsigned) {
      b.nik.resize(b.size);
      b.proposed.resize(b.size);
      b.asal.resize(b.size);
      for (std::size_t i = 0; i < b.size; ++i) {
        const csv::Record& r = b.records[i];
        read_nik_key(cell(r, m_col_nik), b.nik[i]);
        b.proposed[i] = day_number(cell(r, m_col_proposed));
        b.asal[i] = trim(cell(r, m_col_asal));
      }
      if (!m_review_wanted) return;
      b.birth.resize(b.size);
      b.sex.resize(b.size);
      b.name_end.resize(b.size);
      b.names.clear();
      for (std::size_t i = 0; i < b.size; ++i) {
        const csv::Record& r = b.records[i];
        b.birth[i] = day_number(cell(r, m_col_birth));
        b.names.append(normalize_person_name(cell(r, m_col_name)));
        b.name_end[i] = static_cast<std::uint32_t>(b.names.size());
        b.sex[i] = sex_code(cell(r, m_col_sex));
      }
    };
    const auto emit = [&](KeyBatch& b) {
      for (std::size_t i = 0; i < b.size; ++i) {
        if (m_uid.size() == kNone)
          throw DataError(tr("masukan terlalu besar: lebih dari 4 miliar baris", "input too large: over 4 billion rows"));
        const csv::Record& r = b.records[i];
        const auto row = static_cast<std::uint32_t>(m_uid.size());
        if (b.nik[i] != 0) m_nik_rows.push_back({b.nik[i], row, b.proposed[i]});
        else ++m_counts.rows_without_nik;
        m_uid.push_back(kNone);  // its NIK's number, once they are sorted
        m_line.push_back(static_cast<std::uint32_t>(r.line));
        const auto source = static_cast<std::uint32_t>(r.source);
        if (m_source_starts.empty() || m_source_starts.back().second != source) m_source_starts.emplace_back(row, source);
        m_asal.push(b.asal[i]);
        if (m_spool) m_spool_at.push_back(b.spool_at[i]);
        if (m_review_wanted) {
          m_review.birth.push_back(b.birth[i]);
          m_review.names.append(b.names, i == 0 ? 0 : b.name_end[i - 1],
                                b.name_end[i] - (i == 0 ? 0 : b.name_end[i - 1]));
          m_review.name_end.push_back(m_review.names.size());
          m_review.sex.push_back(b.sex[i]);
        }
      }
      if (m_progress) m_progress->update(b.bytes_read + m_rosters.bytes_read(), m_progress_total);
      if (b.error) std::rethrow_exception(b.error);
    };
    // The folded names are worth spreading over the cores; a row's other keys cost less than
    // handing its record to another core, so without the review one thread parses while the
    // calling thread takes the keys, or, with rosters, the rosters' thread is the other core's.
    if (m_review_wanted) {
      OrderedPipeline<KeyBatch>::run(m_threads, fill, work, emit);
    } else if (m_threads > 1 && m_options.against.empty()) {
      read_ahead<KeyBatch>(fill, [&](KeyBatch& b) {
        work(b, 0);
        emit(b);
      });
    } else {
      KeyBatch b;
      while (fill(b)) {
        work(b, 0);
        emit(b);
      }
    }
    m_counts.rows = m_uid.size();
  }

  // 2. NIK groups: the distinct NIKs, numbered in order of first appearance (so the second
  // pass reads the per-NIK arrays nearly in order), the row that stays for each, each row's
  // NIK number; the index of the sorted NIKs for the rosters and the decisions.
  void group_by_nik() {
    sort_nik_rows(m_nik_rows);
    std::size_t distinct = 0;
    for (std::size_t i = 0; i < m_nik_rows.size(); ++i) distinct += i == 0 || m_nik_rows[i].nik != m_nik_rows[i - 1].nik;
    std::vector<std::uint64_t> keys;  // by rank
    std::vector<std::uint32_t> first_row, winner;
    std::vector<std::int32_t> date;
    keys.reserve(distinct), first_row.reserve(distinct), winner.reserve(distinct), date.reserve(distinct);
    for (std::size_t s = 0; s < m_nik_rows.size();) {
      const auto rank = static_cast<std::uint32_t>(keys.size());
      keys.push_back(m_nik_rows[s].nik);
      first_row.push_back(m_nik_rows[s].row);  // the sort kept input order
      // The row that stays: the strictly latest tanggal_usulan, so a tie stays with the
      // first row in input order (contract, `dedupe`).
      std::uint32_t w = m_nik_rows[s].row;
      std::int32_t d = m_nik_rows[s].proposed;
      std::size_t e = s;
      for (; e < m_nik_rows.size() && m_nik_rows[e].nik == m_nik_rows[s].nik; ++e) {
        if (m_nik_rows[e].proposed > d) w = m_nik_rows[e].row, d = m_nik_rows[e].proposed;
        m_uid[m_nik_rows[e].row] = rank;
      }
      winner.push_back(w);
      date.push_back(d);
      s = e;
    }
    std::vector<NikRow>().swap(m_nik_rows);

    std::vector<std::uint32_t> number(keys.size());
    m_nik.resize(keys.size());
    m_winner.resize(keys.size());
    m_winner_date.resize(keys.size());
    std::uint32_t next = 0;
    for (std::uint32_t row = 0; row < m_uid.size(); ++row) {
      const std::uint32_t rank = m_uid[row];
      if (rank == kNone) continue;
      if (first_row[rank] == row) {
        number[rank] = next;
        m_nik[next] = keys[rank];
        m_winner[next] = winner[rank];
        m_winner_date[next] = date[rank];
        ++next;
      }
      m_uid[row] = number[rank];
    }
    m_index.assign(std::move(keys), std::move(number));
  }

  // Of two NIKs' winner rows, the one that stays: the later tanggal_usulan (empty or
  // unreadable is the oldest), on a tie the first in input order (contract, `dedupe`).
  bool stays_before(std::uint32_t uid_a, std::uint32_t uid_b) const {
    if (m_winner_date[uid_a] != m_winner_date[uid_b]) return m_winner_date[uid_a] > m_winner_date[uid_b];
    return m_winner[uid_a] < m_winner[uid_b];
  }

  // 3. Pairs judged `same`: one person. Connected NIKs form a group; a registered member
  // anchors it, else the latest-proposed (then first) winner row stays.
  void merge_same_persons() {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
    for (const auto& [a, b] : m_decisions.same_pairs()) {
      const std::uint32_t ua = m_index.find(a), ub = m_index.find(b);
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
      return hx ? m_winner[x.second] < m_winner[y.second] : stays_before(x.second, y.second);
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

  // Where row i goes, and for a duplicate the row it duplicates.
  Dest dest(std::uint32_t i, std::uint32_t* of = nullptr) const {
    const std::uint32_t uid = m_uid[i];
    if (uid == kNone) return Dest::output;
    if (m_hits[uid] != 0) return Dest::already_registered;
    if (m_winner[uid] != i) {
      if (of) *of = m_winner[uid];
      return Dest::duplicate_nik;
    }
    if (m_person_of.empty()) return Dest::output;
    const auto it = std::lower_bound(m_person_of.begin(), m_person_of.end(), std::make_pair(uid, std::uint32_t{0}));
    if (it != m_person_of.end() && it->first == uid) {
      if (of) *of = it->second;
      return Dest::duplicate_person;
    }
    return Dest::output;
  }

  // A row's `asal`, or its FILE:LINE when the input has none; appended to `out`.
  void append_asal(std::uint32_t i, std::string& out) const {
    if (!m_asal.empty(i)) {
      m_asal.append(i, out);
      return;
    }
    out.append(m_in.source(source_of(i)).display_name()).push_back(':');
    append_number(out, m_line[i]);
  }

  std::string asal_of(std::uint32_t i) const {
    std::string out;
    append_asal(i, out);
    return out;
  }

  // 4. Review pairs among the rows that stay, one birth-date block at a time.
  void find_pairs() {
    // Rows without a 16-digit NIK take no part: a reviewer could not record the pair in a
    // decisions file, and such a row never reaches the decree (validate: nik_format).
    std::vector<std::uint64_t> order;  // (birth, row): blocks of one birth date, rows ascending
    for (std::uint32_t i = 0; i < m_uid.size(); ++i)
      if (m_review.birth[i] != kNoDate && m_uid[i] != kNone && dest(i) == Dest::output)
        order.push_back(static_cast<std::uint64_t>(static_cast<std::uint32_t>(m_review.birth[i]) ^ 0x80000000u) << 32 | i);
    std::sort(order.begin(), order.end());
    std::vector<std::size_t> starts;  // where each birth date's block starts in `order`
    for (std::size_t s = 0; s < order.size(); ++s)
      if (s == 0 || order[s] >> 32 != order[s - 1] >> 32) starts.push_back(s);
    const std::size_t blocks = starts.size();
    starts.push_back(order.size());

    // Blocks are independent: the threads take 64 at a time; the pairs are sorted at the end,
    // so the list does not depend on which thread found what.
    struct Part {
      std::vector<ReviewPair> pairs;
      BlockStats stats;
      std::exception_ptr error;
    };
    constexpr std::size_t kBlocksAtOnce = 64;
    const auto threads = static_cast<unsigned>(std::max<std::size_t>(
        1, std::min<std::size_t>(m_threads, (blocks + kBlocksAtOnce - 1) / kBlocksAtOnce)));
    std::vector<Part> parts(threads);
    std::atomic<std::size_t> next{0};
    const auto work = [&](Part& part) {
      try {
        std::vector<PersonKey> people;
        std::vector<std::uint32_t> rows;
        for (;;) {
          const std::size_t first = next.fetch_add(kBlocksAtOnce);
          if (first >= blocks) break;
          for (std::size_t block = first; block < std::min(blocks, first + kBlocksAtOnce); ++block) {
            people.clear(), rows.clear();
            for (std::size_t k = starts[block]; k < starts[block + 1]; ++k) {
              const auto i = static_cast<std::uint32_t>(order[k] & 0xffffffffu);
              PersonKey p;
              p.nik = nik_of(i);
              p.birth = m_review.birth[i];
              p.has_birth = true;
              p.name = m_review.name(i);
              p.sex = m_review.sex[i];
              // The block's rows are scattered over the input: ask for all their names at once
              // rather than miss the cache on each in turn when the block is compared.
              __builtin_prefetch(p.name.data());
              people.push_back(p);
              rows.push_back(i);
            }
            review_block(people, rows, m_decisions, part.pairs, part.stats);
          }
        }
      } catch (...) {
        part.error = std::current_exception();
        next = blocks;  // the others stop too
      }
    };
    std::vector<std::thread> pool;
    try {
      for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work, std::ref(parts[t]));
    } catch (...) {
      next = blocks;
      for (auto& t : pool) t.join();
      throw;
    }
    work(parts[0]);
    for (auto& t : pool) t.join();
    BlockStats stats;
    for (auto& part : parts) {
      if (part.error) std::rethrow_exception(part.error);
      m_pairs.insert(m_pairs.end(), part.pairs.begin(), part.pairs.end());
      stats.comparisons += part.stats.comparisons;
      stats.decided += part.stats.decided;
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

  // 5. Pass 2: every row to exactly one output, in input order.
  void route(csv::Writer& main_out, csv::Writer& duplicates) {
    std::unique_ptr<csv::MultiReader> again;
    if (!m_spool) {
      std::vector<std::string> paths;
      for (std::size_t i = 0; i < m_in.source_count(); ++i) paths.push_back(m_in.source(i).path());
      again = std::make_unique<csv::MultiReader>(paths, m_options.reader);
      if (again->header() != m_in.header()) input_changed(m_in.source(0).display_name());
    }
    const csv::Layout layout(m_in.header(), dedupe_added_columns());
    const std::vector<int> sources = layout.column_sources();
    main_out.write_row(m_in.header());
    duplicates.write_row(layout.header());
    const csv::RowEncoder main_encoder = main_out.encoder();
    const csv::RowEncoder duplicate_encoder = duplicates.encoder();
    const std::uint64_t base = m_in.bytes_read() + m_rosters.total_bytes();
    const auto rows = static_cast<std::uint32_t>(m_uid.size());

    std::uint32_t next_row = 0;
    bool done = false;
    csv::Record extra;
    const auto fill = [&](RouteBatch& b) {
      if (done) return false;
      if (b.records.size() < kBatchRows) b.records.resize(kBatchRows);
      b.size = 0;
      b.first = next_row;
      b.error = nullptr;
      try {
        while (b.size < kBatchRows && next_row < rows) {
          csv::Record& r = b.records[b.size];
          if (m_spool) {
            m_spool->read(m_spool_at[next_row], r);
          } else {
            if (!again->next(r)) input_changed(m_in.source(source_of(next_row)).display_name());
            if (r.fault != csv::RecordFault::none) csv::stop_on_faulty_record(*again, r);
          }
          ++b.size;
          ++next_row;
        }
        if (next_row == rows) {
          done = true;
          if (again && again->next(extra)) input_changed(again->location(extra));
        }
      } catch (...) {
        b.error = std::current_exception();
        done = true;
      }
      b.bytes_read = again ? again->bytes_read() : 0;
      return b.size > 0 || b.error;
    };

    std::string from;  // the duplikat_dari cell
    const auto work = [&](RouteBatch& b) {
      b.main_bytes.clear(), b.duplicate_bytes.clear();
      b.main_rows = b.duplicate_rows = 0;
      std::fill(std::begin(b.by_dest), std::end(b.by_dest), std::size_t{0});
      std::size_t next_review = static_cast<std::size_t>(
          std::lower_bound(m_review_rows.begin(), m_review_rows.end(), b.first) - m_review_rows.begin());
      for (std::size_t j = 0; j < b.size; ++j) {
        const csv::Record& r = b.records[j];
        const auto i = static_cast<std::uint32_t>(b.first + j);
        std::uint64_t nik = 0;
        read_nik_key(cell(r, m_col_nik), nik);
        if (nik != nik_of(i))
          input_changed(fmt::format("{}:{}", m_in.source(r.source).display_name(), r.line));

        std::uint32_t of = kNone;
        const Dest d = dest(i, &of);
        ++b.by_dest[static_cast<std::size_t>(d)];
        if (d == Dest::output) {
          ++b.main_rows;
          main_encoder.row(b.main_bytes, r.fields);
        } else {
          ++b.duplicate_rows;
          from.clear();
          if (d == Dest::already_registered) m_rosters.append_location(m_hits[m_uid[i]], from);
          else append_asal(of, from);
          const std::string_view added[] = {dest_code(d), from};
          duplicate_encoder.layout_row(b.duplicate_bytes, sources, r.fields, added);
        }
        if (next_review < m_review_rows.size() && m_review_rows[next_review] == i) {
          m_review_cells[next_review++] = {std::string(trim(cell(r, m_col_nik))), std::string(trim(cell(r, m_col_name))),
                                           asal_of(i)};
        }
      }
    };

    const auto emit = [&](RouteBatch& b) {
      if (b.main_rows > 0) main_out.write_encoded(b.main_bytes, b.main_rows);
      if (b.duplicate_rows > 0) duplicates.write_encoded(b.duplicate_bytes, b.duplicate_rows);
      m_counts.kept += b.by_dest[static_cast<std::size_t>(Dest::output)];
      m_counts.already_registered += b.by_dest[static_cast<std::size_t>(Dest::already_registered)];
      m_counts.duplicate_nik += b.by_dest[static_cast<std::size_t>(Dest::duplicate_nik)];
      m_counts.duplicate_person += b.by_dest[static_cast<std::size_t>(Dest::duplicate_person)];
      if (m_progress && again) m_progress->update(base + b.bytes_read, m_progress_total);
      if (b.error) std::rethrow_exception(b.error);
    };
    // One thread parses; the calling thread decides, encodes and writes: about 0.3 s of CPU
    // each for 1M rows. Encoding on the parsing thread left it twice as busy as the other;
    // an OrderedPipeline (records handed to two workers) cost 50% more CPU in cache misses
    // and wake-ups than the encoding it spread.
    const auto decide_and_write = [&](RouteBatch& b) {
      work(b);
      emit(b);
    };
    if (m_threads > 1) {
      read_ahead<RouteBatch>(fill, decide_and_write);
    } else {
      RouteBatch b;
      while (fill(b)) decide_and_write(b);
    }
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
  unsigned m_threads;
  int m_col_nik = -1, m_col_proposed = -1, m_col_asal = -1, m_col_name = -1, m_col_birth = -1, m_col_sex = -1;

  std::unique_ptr<RowSpool> m_spool;
  std::vector<std::uint64_t> m_spool_at;  // each row's offset in the spool

  // Per row, 16 bytes: its NIK's number (kNone without one), line, `asal`.
  std::vector<std::uint32_t> m_uid;
  std::vector<std::uint32_t> m_line;
  AsalStore m_asal;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> m_source_starts;  // (first row, source)
  ReviewKeys m_review;

  std::vector<NikRow> m_nik_rows;  // pass 1's rows with a NIK, until grouped

  // Per distinct NIK (numbered in order of first appearance): its key, the row that stays,
  // that row's tanggal_usulan, the roster location of its first hit (0 = not registered).
  NikIndex m_index;
  std::vector<std::uint64_t> m_nik;
  std::vector<std::uint32_t> m_winner;
  std::vector<std::int32_t> m_winner_date;
  std::vector<std::uint64_t> m_hits;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> m_person_of;  // (NIK number, row it duplicates), sorted

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
