// `jamsos consolidate` (Pasal 8 ayat (3)-(6), Pasal 5 ayat (2), Pasal 11 ayat (6)).
//
// Boundary: --year 2026 --budget 100800 at Rp 16.800 a month. The first candidate costs
// Rp 50.400 (last premium month 2026-03: three months), the second a full year, Rp 201.600:
// it does not fit, so the list stops there and everyone after it waits as over_budget,
// even a cheaper one further down (the contract: stop at the first that does not fit).
//
// The pipeline, one step per block of consolidate():
//   1. read: check each record, keep a 32-byte Candidate, park the record on disk in the
//      partition of rank keys it falls in (RankPartitions, consolidate_order.hpp); one thread
//      parses, the others check and encode batches, this one takes them in input order
//   2. one person once: the NIKs sorted, a repeat stops the run ("run jamsos dedupe first")
//   3. rank: sort by RankKey (consolidate_rank.hpp), at the same time as step 2
//   4. select and write in rank order (RankOrder: a partition of ~4 MiB in memory at a time):
//      the decision on one thread, the rows encoded on the others, written in rank order:
//      list (no 1..n), waitlist, summary totals
//   5. summary CSV
// The outputs are byte for byte what one thread writes (JAMSOS_THREADS=1).
#include "jamsos/ops/consolidate.hpp"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include <algorithm>
#include <charconv>
#include <cstring>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <stdexcept>
#include <string_view>
#include <system_error>
#include <thread>
#include <unordered_map>
#include <utility>

#include "jamsos/core/audit.hpp"  // mask_digit_runs: a cell quoted to people may hold a NIK
#include "jamsos/core/errors.hpp"
#include "jamsos/core/i18n.hpp"
#include "jamsos/core/nik.hpp"
#include "jamsos/core/ordered_pipeline.hpp"
#include "jamsos/core/text.hpp"
#include "jamsos/ops/consolidate_order.hpp"
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

// Rows per batch: a read batch holds parsed records (~1 KB a row with the strings), a write
// batch only bytes (~600 a row); fewer, larger batches mean fewer thread hand-offs.
constexpr std::size_t kReadBatchRows = 1024;
constexpr std::size_t kWriteBatchRows = 2048;
// ... and at most about 1 MiB of fields, so that wide rows (up to --max-record-bytes each) do
// not multiply the memory by the rows of a batch; a field string grown past 64 KiB is let go.
constexpr std::size_t kBatchBytes = 1u << 20;
constexpr std::size_t kKeepFieldBytes = 64u << 10;
constexpr std::size_t kBucketBytes = 4u << 20;     // records of one rank bucket in memory
constexpr std::size_t kCacheLimit = 4096;          // texts remembered per thread (free text stays bounded)

// A vector that grows by chunks (what it holds is never copied while it grows) and hands over
// one std::vector at the end, each chunk freed as soon as it is copied: the keys of 10M rows
// from a pipe (no size to reserve from) never pass through a doubling.
template <typename T>
class ChunkedVector {
 public:
  void push_back(const T& value) {
    if (m_chunks.empty() || m_chunks.back().size() == kChunk) {
      m_chunks.emplace_back();
      m_chunks.back().reserve(kChunk);
    }
    m_chunks.back().push_back(value);
    ++m_size;
  }
  std::size_t size() const { return m_size; }
  std::vector<T> take() {
    if (m_chunks.size() == 1) {
      std::vector<T> out = std::move(m_chunks.front());
      m_chunks.clear();
      m_size = 0;
      return out;
    }
    std::vector<T> out;
    out.reserve(m_size);
    for (auto& chunk : m_chunks) {
      out.insert(out.end(), chunk.begin(), chunk.end());
      std::vector<T>().swap(chunk);
    }
    m_chunks.clear();
    m_size = 0;
    return out;
  }

 private:
  // 32 MiB: glibc's largest mmap threshold, so that each chunk is its own mapping and goes
  // back to the system when freed (1M candidates in one chunk; pages never written cost nothing).
  static constexpr std::size_t kChunk = (std::size_t{32} << 20) / sizeof(T);
  std::vector<std::vector<T>> m_chunks;
  std::size_t m_size = 0;
};

// Gives the pages of freed blocks back to the system. glibc keeps what a thread frees in that
// thread's malloc arena; after a pipeline's batches are gone, several MB sit in each arena.
void release_free_memory() {
#if defined(__GLIBC__)
  malloc_trim(0);
#endif
}

// Lookups by the text as read, without building a std::string per row.
struct TextHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};
template <typename T>
using TextMap = std::unordered_map<std::string, T, TextHash, std::equal_to<>>;

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

std::string_view cell(const std::vector<std::string_view>& fields, int column) {
  return column < 0 ? std::string_view{} : fields[static_cast<std::size_t>(column)];
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

void append_number(std::string& out, std::uint64_t n) {
  char digits[24];
  const auto end = std::to_chars(digits, digits + sizeof digits, n).ptr;
  out.append(digits, end);
}

// akhir_iuran as format_month writes it (YYYY-MM), without an allocation for years 0-9999.
void append_month(std::string& out, MonthIndex i) {
  if (i < 0 || i >= 10000 * 12) {
    out += format_month(month_from_index(i));
    return;
  }
  const int y = i / 12, m = i % 12 + 1;
  const char text[7] = {static_cast<char>('0' + y / 1000),     static_cast<char>('0' + y / 100 % 10),
                        static_cast<char>('0' + y / 10 % 10),  static_cast<char>('0' + y % 10),
                        '-',
                        static_cast<char>('0' + m / 10),       static_cast<char>('0' + m % 10)};
  out.append(text, sizeof text);
}

// Summary totals, keyed so that iteration gives the contract's order (step 5). Each worker
// keeps its own and they are merged at the end (sums do not depend on the order).
class SummaryTotals {
 public:
  SummaryTotals(const Profile& profile, std::size_t years) : m_profile(profile), m_years(years) {
    m_total.group = SummaryLine::Group::total;
    m_total.name = tr("seluruh peserta", "all participants");
    m_total.premiums.assign(years, 0);
  }

  void add(std::string_view agency, const Occupation* occupation,
           std::string_view occupation_text, const Sen* premiums) {
    add_to(line_of(m_agencies, std::pair<bool, std::string_view>{agency.empty(), agency}), premiums);
    // The profile's occupations in its order, then other texts by name, then the empty cell.
    if (occupation != nullptr) {
      add_to(line_of(m_occupations,
                     std::pair<std::size_t, std::string_view>{
                         static_cast<std::size_t>(occupation - m_profile.occupations.data()), occupation->name}),
             premiums);
    } else {
      const std::string text = to_lower_ascii(trim(occupation_text));
      add_to(line_of(m_occupations,
                     std::pair<std::size_t, std::string_view>{text.empty() ? kEmpty : kEmpty - 1, text}),
             premiums);
    }
    add_to(m_total, premiums);
  }

  void merge(const SummaryTotals& other) {
    for (const auto& [key, line] : other.m_agencies) merge_into(m_agencies[key], line);
    for (const auto& [key, line] : other.m_occupations) merge_into(m_occupations[key], line);
    merge_into(m_total, other.m_total);
  }

  std::vector<SummaryLine> lines() const {
    std::vector<SummaryLine> out;
    for (const auto& [key, line] : m_agencies) {
      out.push_back(line);
      out.back().group = SummaryLine::Group::agency;
      out.back().name =
          key.first ? tr("(tanpa penanggung jawab)", "(no responsible agency)") : mask_digit_runs(key.second);
    }
    for (const auto& [key, line] : m_occupations) {
      out.push_back(line);
      out.back().group = SummaryLine::Group::occupation;
      // Texts outside the profile are as written: a NIK pasted there must not reach the summary.
      out.back().name = key.second.empty() ? tr("(kosong)", "(empty)") : mask_digit_runs(key.second);
    }
    out.push_back(m_total);
    return out;
  }

 private:
  // (first, text) pairs in std::pair's order, found by a string_view without allocating.
  struct KeyLess {
    using is_transparent = void;
    template <typename A, typename B>
    bool operator()(const A& a, const B& b) const {
      if (a.first != b.first) return a.first < b.first;
      return std::string_view(a.second) < std::string_view(b.second);
    }
  };
  template <typename Map, typename Key>
  static SummaryLine& line_of(Map& map, const Key& key) {
    auto it = map.find(key);
    if (it == map.end()) {
      it = map.emplace(typename Map::key_type{key.first, std::string(key.second)}, SummaryLine{}).first;
    }
    return it->second;
  }
  void add_to(SummaryLine& line, const Sen* premiums) const {
    if (line.premiums.empty()) line.premiums.assign(m_years, 0);
    ++line.count;
    for (std::size_t k = 0; k < m_years; ++k) line.premiums[k] += premiums[k];
  }
  void merge_into(SummaryLine& line, const SummaryLine& more) const {
    if (line.premiums.empty()) line.premiums.assign(m_years, 0);
    line.count += more.count;
    for (std::size_t k = 0; k < m_years && k < more.premiums.size(); ++k) line.premiums[k] += more.premiums[k];
  }

  static constexpr std::size_t kEmpty = std::numeric_limits<std::size_t>::max();
  const Profile& m_profile;
  std::size_t m_years;
  std::map<std::pair<bool, std::string>, SummaryLine, KeyLess>
      m_agencies;  // (empty, name): the empty one last
  std::map<std::pair<std::size_t, std::string>, SummaryLine, KeyLess> m_occupations;
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

// Computed columns take a handful of values over a whole list (prioritas 1 or 2, Y-01, the 13
// possible iuran_tahun, an agency of the profile, an akhir_iuran month...): each value is
// encoded once, with the delimiter before it, and its bytes appended after that.
class EncodedValues {
 public:
  // Ids 0 .. ids - 1. The slots never move, so what get() returned stays valid.
  EncodedValues(const csv::RowEncoder& encoder, std::size_t ids) : m_encoder(&encoder), m_slots(ids) {}
  // `value` as the encoder writes it after the first column, remembered under `id`: an id
  // stands for one value only.
  const std::string& get(std::size_t id, std::string_view value) {
    Slot& slot = m_slots.at(id);
    if (!slot.known) {
      m_encoder->field(slot.bytes, value, false);
      slot.known = true;
    }
    return slot.bytes;
  }
  // A value not worth remembering, encoded into `scratch`.
  const std::string& once(std::string& scratch, std::string_view value) const {
    scratch.clear();
    m_encoder->field(scratch, value, false);
    return scratch;
  }

 private:
  struct Slot {
    bool known = false;
    std::string bytes;
  };
  const csv::RowEncoder* m_encoder;
  std::vector<Slot> m_slots;
};

// Step 1's unit of work: records parsed on the reading thread, checked and encoded on a worker.
struct ReadBatch {
  std::vector<csv::Record> records;  // reused: the strings keep their capacity
  std::size_t size = 0;
  std::uint64_t bytes_read = 0, total_bytes = 0;  // after the batch (progress, reserve)
  std::string spool;                               // the records in spool form
  std::vector<std::uint32_t> sizes;                // each record's bytes in `spool`
  std::vector<Candidate> candidates;               // `row` filled in input order by emit
};

// Step 5's unit of work: a run of ranks, decided on the reading thread, encoded on a worker.
struct WriteBatch {
  std::size_t first = 0, size = 0;  // ranks [first, first + size)
  std::size_t decreed_before = 0;   // `no` of the batch's first decreed row, minus one
  std::string records;              // spool form, in rank order
  std::vector<std::uint8_t> reasons;  // kDecreed, or 1 + WaitReason
  std::string closed_words;         // why over_quota / over_budget rows wait
  std::string list_bytes, wait_bytes;
  std::size_t list_rows = 0, wait_rows = 0;
};
constexpr std::uint8_t kDecreed = 0;

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
  const unsigned thread_count = pipeline_workers();

  // 1. read: check each record, park it, keep its key.
  RankPartitions parts(in.total_bytes(), options.bucket_bytes > 0 ? options.bucket_bytes : kBucketBytes);
  ChunkedVector<Candidate> keys;
  ConsolidateResult result;
  {
    std::vector<TextMap<std::uint8_t>> category_caches(thread_count);
    const auto fill = [&](ReadBatch& b) {
      if (b.records.size() < kReadBatchRows) b.records.resize(kReadBatchRows);
      b.size = 0;
      std::size_t bytes = 0;
      while (b.size < kReadBatchRows && bytes < kBatchBytes && in.next(b.records[b.size])) {
        for (const std::string& field : b.records[b.size].fields) bytes += field.size();
        ++b.size;
      }
      b.bytes_read = in.bytes_read();
      b.total_bytes = in.total_bytes();
      return b.size > 0;
    };
    const auto work = [&](ReadBatch& b, unsigned w) {
      TextMap<std::uint8_t>& categories = category_caches[w];
      b.spool.clear();
      b.sizes.clear();
      b.candidates.clear();
      for (std::size_t i = 0; i < b.size; ++i) {
        csv::Record& rec = b.records[i];
        if (rec.fault != csv::RecordFault::none) csv::stop_on_faulty_record(in, rec);
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
        std::optional<Date> birth;
        if (cols.tanggal_lahir >= 0) birth = parse_date(cell(rec, cols.tanggal_lahir));
        if (capped) {
          if (!birth) {
            stop_run_validate_first(where(in, rec, cols.asal),
                                    std::string(tr("tanggal_lahir '", "tanggal_lahir '")) +
                                        mask_digit_runs(cell(rec, cols.tanggal_lahir)) +
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
        const std::string_view kategori = cell(rec, cols.kategori);
        auto found = categories.find(kategori);
        if (found == categories.end()) {
          const std::uint8_t rank = category_rank(profile, kategori);
          if (categories.size() >= kCacheLimit) categories.clear();
          found = categories.emplace(std::string(kategori), rank).first;
        }
        c.key = make_rank_key(RankCells{cell(rec, cols.prioritas), cell(rec, cols.p3ke),
                                        cell(rec, cols.disabilitas), kategori,
                                        cell(rec, cols.penghasilan), cell(rec, cols.tanggal_usulan)},
                              *key, found->second);
        // Both outputs write tanggal_lahir as YYYY-MM-DD where it reads as a date (contract,
        // "CSV conventions"), and nothing else reads it: the spool keeps it written so.
        if (birth) rec.fields[static_cast<std::size_t>(cols.tanggal_lahir)] = format_date(*birth);
        const std::size_t before = b.spool.size();
        RowSpool::encode(rec, b.spool);
        b.sizes.push_back(static_cast<std::uint32_t>(b.spool.size() - before));
        for (std::string& field : rec.fields)
          if (field.capacity() > kKeepFieldBytes) std::string().swap(field);
        b.candidates.push_back(c);
      }
    };
    const auto emit = [&](ReadBatch& b) {
      if (keys.size() + b.size > std::numeric_limits<std::uint32_t>::max())
        throw DataError(tr("masukan terlalu besar: lebih dari 4 miliar baris", "input too large: over 4 billion rows"));
      std::size_t at = 0;
      for (std::size_t i = 0; i < b.size; ++i) {
        const auto row = static_cast<std::uint32_t>(keys.size());
        parts.add(row, b.candidates[i].key, std::string_view(b.spool.data() + at, b.sizes[i]));
        at += b.sizes[i];
        b.candidates[i].row = row;
        keys.push_back(b.candidates[i]);
      }
      if (progress != nullptr) progress->update(b.bytes_read, b.total_bytes * 2);
    };
    OrderedPipeline<ReadBatch>::run(thread_count, fill, work, emit);
  }
  parts.finish();
  std::vector<Candidate> candidates = keys.take();
  result.rows_in = candidates.size();
  release_free_memory();  // the read batches, freed in the arenas of the threads that grew them

  // 2. one person once (Pasal 8 ayat (3): the consolidated list names each person once), and
  // 3. rank (Pasal 5 ayat (2) and the contract's tie-breaks): a copy of the NIKs is sorted on
  // a second thread while this one sorts the candidates by rank.
  bool repeated = false;
  {
    std::vector<std::uint64_t> niks(candidates.size());
    for (std::size_t i = 0; i < candidates.size(); ++i) niks[i] = candidates[i].key.nik;
    const auto check = [&niks, &repeated] {
      std::sort(niks.begin(), niks.end());
      repeated = std::adjacent_find(niks.begin(), niks.end()) != niks.end();
    };
    std::thread checker;
    if (thread_count > 1) {
      try {
        checker = std::thread(check);
      } catch (const std::system_error&) {
        // no second thread: check after the sort
      }
    }
    std::sort(candidates.begin(), candidates.end(),
              [](const Candidate& a, const Candidate& b) { return ranks_before(a.key, b.key); });
    if (checker.joinable()) checker.join();
    else check();
  }
  if (repeated) {
    // Name the repeat that comes first in input order and the row it repeats.
    std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
      return a.key.nik != b.key.nik ? a.key.nik < b.key.nik : a.row < b.row;
    });
    const Candidate* repeat = nullptr;
    const Candidate* original = nullptr;
    for (std::size_t i = 1; i < candidates.size(); ++i) {
      if (candidates[i].key.nik == candidates[i - 1].key.nik &&
          (repeat == nullptr || candidates[i].row < repeat->row)) {
        repeat = &candidates[i];
        original = &candidates[i - 1];
      }
    }
    if (repeat == nullptr || original == nullptr) throw std::logic_error("consolidate: the repeated NIK is gone");
    csv::Record rec;
    parts.find(original->row, rec);
    const std::string first_at = where(in, rec, cols.asal);
    parts.find(repeat->row, rec);
    throw DataError(where(in, rec, cols.asal) + ": NIK " + mask_nik(trim(cell(rec, cols.nik))) +
                    tr(" sudah ada di ", " already appears at ") + first_at +
                    tr(". Jalankan jamsos dedupe dulu.", ". Run jamsos dedupe first."));
  }

  // 4. select and write in rank order.
  RankOrder order(parts, candidates);
  release_free_memory();  // the NIK copy (and the buffers of a partition cut in pieces)
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
  const std::vector<int> wait_source = wait_layout.column_sources();
  const std::size_t input_width = in.header().size();
  const std::size_t keterangan_at = wait_layout.added_index(w_keterangan);
  if (out.waitlist != nullptr) out.waitlist->write_row(wait_layout.header());

  const std::string first_month_text = format_month(month_from_index(first_month));
  const std::string monthly_text = format_money_plain(calendar.month(first_month));
  std::string year_texts[13];  // iuran_tahun of Y by the months paid
  for (int k = 0; k <= 12; ++k) year_texts[k] = format_money_plain(calendar.year_total(options.year, first_month + k - 1));
  // An age-out's words: "iuran terakhir <akhir_iuran> (article) sebelum iuran pertama Y-01 (article)".
  const std::string ages_out_head = tr("iuran terakhir ", "last premium month ");
  const std::string ages_out_tail =
      with_article("", profile.premium_cap_rule.article) +
      tr(" sebelum iuran pertama ", " is before the first premium month ") +
      with_article(first_month_text, profile.coverage_start_rule.article);
  const std::size_t years = static_cast<std::size_t>(options.forecast_years) + 1;
  const csv::RowEncoder list_encoder = out.list.encoder();
  const csv::RowEncoder wait_encoder = out.waitlist != nullptr ? out.waitlist->encoder() : list_encoder;

  // The decision, in rank order on the reading thread (it is cheap and sequential).
  std::optional<WaitReason> closed;  // once a limit stops the list, everyone after waits
  std::string closed_words;          // ... and this says why, with what was left
  Sen used = 0;
  std::size_t next = 0;
  const std::size_t n = candidates.size();
  const auto fill = [&](WriteBatch& b) {
    if (next == n) return false;
    b.first = next;
    b.decreed_before = result.decreed;
    b.records.clear();
    b.reasons.clear();
    while (b.reasons.size() < kWriteBatchRows && next + b.reasons.size() < n && b.records.size() < kBatchBytes) {
      const std::size_t rank = next + b.reasons.size();
      const Candidate& c = candidates[rank];
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
      if (!reason) {
        ++result.decreed;
        used += cost;
        b.reasons.push_back(kDecreed);
      } else {
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
        b.reasons.push_back(static_cast<std::uint8_t>(1 + static_cast<int>(*reason)));
      }
      const char* record = order.record(rank);
      b.records.append(record, RowSpool::encoded_size(record));
    }
    b.size = b.reasons.size();
    if (closed) b.closed_words = closed_words;
    // The rows' bytes are reserved here, on one thread, so that the workers do not grow them
    // in malloc arenas of their own (9 MB more peak memory with two workers).
    const std::size_t listed = static_cast<std::size_t>(std::count(b.reasons.begin(), b.reasons.end(), kDecreed));
    const std::size_t per_row = b.records.size() / b.size + 256;  // + the computed columns
    b.list_bytes.reserve(listed * per_row);
    b.wait_bytes.reserve((b.size - listed) * (per_row + b.closed_words.size()));
    next += b.size;
    return true;
  };

  struct Worker {
    SummaryTotals totals;
    EncodedValues list, wait;  // computed values as each writer encodes them
    TextMap<const Occupation*> occupations;
    RowSpool::View view;
    std::string number, last, words;
    std::string agency_bytes, last_bytes, words_bytes, closed_bytes;  // encoded once
    std::vector<Sen> premiums;
  };
  // EncodedValues ids: one per value of a computed column.
  enum : std::size_t { id_priority = 0, id_first_month = 2, id_empty, id_monthly, id_zero, id_reason, id_year = id_reason + 3,
                       id_agency = id_year + 13 };
  constexpr MonthIndex kMonthWindow = 2400;  // akhir_iuran within 100 years of Y-01: remembered
  const MonthIndex month_low = first_month - kMonthWindow / 2;
  const std::size_t id_month = id_agency + profile.occupations.size();
  const std::size_t id_ages_out = id_month + kMonthWindow;  // the words of an age-out, by month
  const std::size_t ids = id_ages_out + kMonthWindow;
  std::vector<Worker> workers;
  workers.reserve(thread_count);
  for (unsigned w = 0; w < thread_count; ++w) {
    workers.push_back(Worker{SummaryTotals(profile, years), EncodedValues(list_encoder, ids),
                             EncodedValues(wait_encoder, ids), {}, {}, {}, {}, {}, {}, {}, {}, {},
                             std::vector<Sen>(years)});
  }
  const bool first_is_added = !wait_source.empty() && wait_source[0] < 0;  // a waitlist starting with prioritas

  const auto work = [&](WriteBatch& b, unsigned w) {
    Worker& k = workers[w];
    b.list_bytes.clear();
    b.wait_bytes.clear();
    b.list_rows = b.wait_rows = 0;
    const auto occupation_of = [&](std::string_view text) {
      text = trim(text);
      auto it = k.occupations.find(text);
      if (it != k.occupations.end()) return it->second;
      const Occupation* found = profile.find_occupation(text);
      if (k.occupations.size() < kCacheLimit) k.occupations.emplace(std::string(text), found);
      return found;
    };
    if (!b.closed_words.empty()) k.wait.once(k.closed_bytes, b.closed_words);
    std::size_t decreed = b.decreed_before;
    const char* p = b.records.data();
    for (std::size_t j = 0; j < b.size; ++j) {
      p += RowSpool::decode(p, k.view);
      const std::vector<std::string_view>& f = k.view.fields;
      const Candidate& c = candidates[b.first + j];
      k.last.clear();
      if (c.last_month != no_premium_cap) append_month(k.last, c.last_month);
      // The input's penanggung_jawab when given, else the occupation's agency (Lampiran I).
      const std::string_view pekerjaan = cell(f, cols.pekerjaan);
      std::string_view agency = trim(cell(f, cols.penanggung_jawab));
      const Occupation* occupation = nullptr;
      bool looked_up = false;
      if (agency.empty()) {
        occupation = occupation_of(pekerjaan);
        looked_up = true;
        if (occupation != nullptr) agency = occupation->agency;
      }
      const std::string_view priority = c.key.priority == 1 ? "1" : "2";
      const std::string& cost_text =
          year_texts[static_cast<std::size_t>(PremiumCalendar::months_paid(options.year, c.last_month))];

      const auto months_paid = static_cast<std::size_t>(PremiumCalendar::months_paid(options.year, c.last_month));
      const bool in_window = c.last_month >= month_low && c.last_month < month_low + kMonthWindow;
      const std::size_t month_slot = in_window ? static_cast<std::size_t>(c.last_month - month_low) : 0;
      // The computed columns as `values` encodes them (with the delimiter before each).
      const auto agency_bytes = [&](EncodedValues& values) -> const std::string& {
        if (occupation != nullptr && agency.data() == occupation->agency.data())
          return values.get(id_agency + static_cast<std::size_t>(occupation - profile.occupations.data()), agency);
        return values.once(k.agency_bytes, agency);
      };
      const auto last_bytes = [&](EncodedValues& values) -> const std::string& {
        if (c.last_month == no_premium_cap) return values.get(id_empty, "");
        return in_window ? values.get(id_month + month_slot, k.last) : values.once(k.last_bytes, k.last);
      };

      if (b.reasons[j] == kDecreed) {
        ++decreed;
        k.number.clear();
        append_number(k.number, decreed);
        std::string& row = b.list_bytes;
        list_encoder.field(row, k.number, true);
        list_encoder.field(row, trim(cell(f, cols.nik)), false);
        list_encoder.field(row, cell(f, cols.nama), false);
        list_encoder.field(row, cell(f, cols.tanggal_lahir), false);
        list_encoder.field(row, pekerjaan, false);
        list_encoder.field(row, cell(f, cols.kategori), false);
        row.append(k.list.get(id_priority + (c.key.priority == 1 ? 0 : 1), priority));
        row.append(agency_bytes(k.list));
        row.append(k.list.get(id_first_month, first_month_text));
        row.append(last_bytes(k.list));
        row.append(k.list.get(id_monthly, monthly_text));
        row.append(k.list.get(id_year + months_paid, cost_text));
        for (std::size_t i = c_list_fixed; i < list_source.size(); ++i)
          list_encoder.field(row, f[static_cast<std::size_t>(list_source[i])], false);
        list_encoder.end_row(row);
        ++b.list_rows;
        for (std::size_t y = 0; y < years; ++y)
          k.premiums[y] = calendar.year_total(options.year + static_cast<int>(y), c.last_month);
        if (!looked_up) occupation = occupation_of(pekerjaan);
        k.totals.add(agency, occupation, pekerjaan, k.premiums.data());
      } else {
        const auto reason = static_cast<WaitReason>(b.reasons[j] - 1);
        const bool ages_out = reason == WaitReason::ages_out_before_start;
        // validate's keterangan may hold warning words: keep them, add why the row waits.
        const bool earlier_words = keterangan_at < input_width && !f[keterangan_at].empty();
        k.words.clear();
        if (earlier_words || ages_out || first_is_added) {
          if (earlier_words) k.words.append(f[keterangan_at]).append("; ");
          if (ages_out) k.words.append(ages_out_head).append(k.last).append(ages_out_tail);
          else k.words.append(b.closed_words);
        }
        std::string& row = b.wait_bytes;
        if (first_is_added) {
          // An input whose first column is one the waitlist fills: every value encoded here.
          const std::string_view added[w_added] = {
              priority,
              agency,
              ages_out ? std::string_view() : std::string_view(first_month_text),
              k.last,
              ages_out ? std::string_view("0") : std::string_view(monthly_text),
              cost_text,
              wait_reason_code(reason),
              k.words};
          wait_encoder.layout_row(row, wait_source, f, added);
        } else {
          EncodedValues& v = k.wait;
          const std::string* added[w_added] = {
              &v.get(id_priority + (c.key.priority == 1 ? 0 : 1), priority),
              &agency_bytes(v),
              ages_out ? &v.get(id_empty, "") : &v.get(id_first_month, first_month_text),
              &last_bytes(v),
              ages_out ? &v.get(id_zero, "0") : &v.get(id_monthly, monthly_text),
              &v.get(id_year + months_paid, cost_text),
              &v.get(id_reason + static_cast<std::size_t>(reason), wait_reason_code(reason)),
              earlier_words ? &v.once(k.words_bytes, k.words)
              : ages_out    ? (in_window ? &v.get(id_ages_out + month_slot, k.words) : &v.once(k.words_bytes, k.words))
                            : &k.closed_bytes};
          for (std::size_t i = 0; i < wait_source.size(); ++i) {
            const int s = wait_source[i];
            if (s >= 0) wait_encoder.field(row, f[static_cast<std::size_t>(s)], i == 0);
            else row.append(*added[-1 - s]);
          }
          wait_encoder.end_row(row);
        }
        ++b.wait_rows;
      }
    }
  };

  const std::uint64_t total_bytes = in.total_bytes();
  const auto emit = [&](WriteBatch& b) {
    if (b.list_rows > 0) out.list.write_encoded(b.list_bytes, b.list_rows);
    if (b.wait_rows > 0) out.waitlist->write_encoded(b.wait_bytes, b.wait_rows);
    if (progress != nullptr && total_bytes > 0)
      progress->update(total_bytes + total_bytes * (b.first + b.size) / n, total_bytes * 2);
  };
  OrderedPipeline<WriteBatch>::run(thread_count, fill, work, emit);
  result.premium_total = used;

  // 5. summary (Pasal 12 monitoring, Pasal 14 budget).
  SummaryTotals totals(profile, years);
  for (const Worker& k : workers) totals.merge(k.totals);
  result.summary = totals.lines();
  if (out.summary != nullptr)
    write_summary(*out.summary, result.summary, options.year, options.forecast_years);
  if (progress != nullptr) progress->finish();
  return result;
}

}  // namespace jamsos
