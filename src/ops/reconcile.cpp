// jamsos reconcile: Pasal 11 ayat (3)-(5) (Perwali Balikpapan 3/2025). Every month the
// city and BPJS Ketenagakerjaan reconcile the number of participants and the premium; the
// city pays what the minutes say.
//
// Worked boundary (balikpapan-2025, --month 2026-03): a roster row with mulai_iuran
// 2026-01 and akhir_iuran 2026-03 is expected (the month of 64 years 11 months is paid,
// Pasal 11 ayat (6)); with akhir_iuran 2026-02 it is not, and a bill for it is
// `not_expected`. A line with periode 2026-02 is `wrong_period` and bills nothing for March.
//
// The pipeline: read the roster into a compact table (one entry per NIK, names in one
// arena) -> index it by NIK (hash), stop on a repeated NIK -> stream the invoice, adding
// each line for M to its NIK (one probe of the index; NIKs not on the roster go to a hash
// map in first-seen order) and keeping lines of other periods aside -> emit the rows in the
// contract's order. Memory: 56 bytes per roster row, 8 for its index slots, and its name;
// the invoice is not kept, only its NIKs not on the roster and its wrong-period lines.
#include "jamsos/ops/premium_cap.hpp"
#include "jamsos/ops/reconcile.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <iterator>
#include <exception>
#include <thread>
#include <limits>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "jamsos/core/audit.hpp"  // mask_digit_runs: a cell quoted on stderr may hold a NIK
#include "jamsos/core/errors.hpp"
#include "jamsos/core/i18n.hpp"
#include "jamsos/core/nik.hpp"
#include "jamsos/core/ordered_pipeline.hpp"
#include "jamsos/core/text.hpp"

namespace jamsos {
namespace {

constexpr std::uint32_t no_row = std::numeric_limits<std::uint32_t>::max();
constexpr std::size_t progress_every = 16384;

// Names of a million rows in one buffer instead of a million strings.
struct NameRef {
  std::size_t offset = 0;
  std::uint32_t size = 0;
};

class NameArena {
 public:
  NameRef add(std::string_view name) {
    name = trim(name);
    const NameRef ref{m_text.size(),
                      static_cast<std::uint32_t>(std::min<std::size_t>(name.size(), no_row))};
    m_text.append(name.substr(0, ref.size));
    return ref;
  }
  std::string_view get(NameRef ref) const {
    return std::string_view(m_text).substr(ref.offset, ref.size);
  }

 private:
  std::string m_text;
};

struct Participant {
  std::uint64_t nik = 0;
  NameRef name;
  std::uint32_t source = 0;
  std::uint32_t line = 0;
  RosterState state = RosterState::active;
  Month bound{};                   // mulai_iuran (not_started) or akhir_iuran (ended)
  std::uint32_t billed_lines = 0;  // invoice lines for M
  Sen billed = 0;
};

// Billed for M, not on the roster.
struct Stranger {
  std::uint64_t nik = 0;
  NameRef name;
  std::uint32_t billed_lines = 0;
  Sen billed = 0;
};

// A NIK billed for M but not expected, in invoice order: a roster entry or a stranger.
struct Unexpected {
  bool on_roster = false;
  std::uint32_t index = 0;
};

struct OtherPeriodLine {
  std::uint64_t nik = 0;
  NameRef name;
  Sen amount = 0;
  Month period{};
  std::uint32_t participant = no_row;
};

std::string nik_text(std::uint64_t nik) { return fmt::format("{:016}", nik); }

// The 16 digits into a reused string (a million rows: no allocation, no formatting).
void assign_nik_text(std::string& out, std::uint64_t nik) {
  out.assign(16, '0');
  for (std::size_t i = 16; i-- > 0 && nik != 0; nik /= 10) out[i] = static_cast<char>('0' + nik % 10);
}

// A sum that leaves int64 would be silently wrong money: stop instead. `where()` names
// the place, and is only called then (it formats FILE:LINE, once per invoice line otherwise).
template <typename Where>
Sen add_money(Sen total, Sen amount, const Where& where) {
  Sen result = 0;
  if (__builtin_add_overflow(total, amount, &result))
    throw DataError(
        fmt::format(trf("{}: jumlah uang melampaui batas perhitungan; periksa kolom iuran.",
                        "{}: the money total overflows; check the iuran column."),
                    where()));
  return result;
}

std::string in_totals() { return "reconcile"; }

std::uint64_t read_nik(const csv::MultiReader& in, const csv::Record& rec, std::size_t col,
                       const char* what_id, const char* what_en) {
  const std::string_view text = trim(rec.fields[col]);
  if (const auto key = nik_key(text)) return *key;
  const bool scientific = check_nik(text) == NikProblem::scientific;
  throw DataError(
      fmt::format(trf("{}: NIK '{}' bukan 16 digit; {} hanya boleh berisi NIK yang sah. {}",
                      "{}: NIK '{}' is not 16 digits; {} holds valid NIKs only. {}"),
                  in.location(rec), mask_nik(text), tr(what_id, what_en),
                  scientific ? tr("Spreadsheet mengubahnya menjadi angka ilmiah dan digitnya "
                                  "hilang: ekspor ulang dengan kolom nik "
                                  "berformat teks.",
                                  "A spreadsheet turned it into scientific notation and its digits "
                                  "are lost: export again with the "
                                  "nik column formatted as text.")
                             : tr("Perbaiki baris ini.", "Fix this row.")));
}

// A month cell: YYYY-MM, or a date whose month is meant (a spreadsheet may have saved
// 2026-03 back as 2026-03-01).
std::optional<Month> read_month(std::string_view text) {
  if (const auto m = parse_month(text)) return m;
  if (const auto d = parse_date(text)) return month_of(*d);
  return std::nullopt;
}

[[noreturn]] void bad_month(const csv::MultiReader& in, const csv::Record& rec,
                            std::string_view column, std::string_view text) {
  throw DataError(
      fmt::format(trf("{}: {} '{}' tidak terbaca; tulis sebagai YYYY-MM (mis. 2026-03).",
                      "{}: {} '{}' cannot be read; write it as YYYY-MM (e.g. 2026-03)."),
                  in.location(rec), column, mask_digit_runs(text)));
}

// ---- the roster -------------------------------------------------------------

struct RosterColumns {
  std::size_t nik = 0;
  std::size_t nama = 0;
  bool has_nama = false;
  std::size_t mulai_iuran = 0;
};

std::size_t column_or_zero(const csv::MultiReader& in, std::string_view name) {
  return static_cast<std::size_t>(std::max(in.column(name), 0));
}

RosterColumns roster_columns(const csv::MultiReader& in) {
  RosterColumns cols;
  for (std::size_t s = 0; s < in.source_count(); ++s) {
    const csv::Reader& src = in.source(s);
    csv::require_columns(src.header(), {"nik", "mulai_iuran"}, src.display_name());
  }
  cols.nik = column_or_zero(in, "nik");
  cols.has_nama = in.column("nama") >= 0;
  cols.nama = column_or_zero(in, "nama");
  cols.mulai_iuran = column_or_zero(in, "mulai_iuran");
  return cols;
}

Month first_premium_month(const csv::MultiReader& in, const csv::Record& rec,
                          const RosterColumns& cols) {
  const std::string_view text = trim(rec.fields[cols.mulai_iuran]);
  if (text.empty())
    throw DataError(
        fmt::format(trf("{}: mulai_iuran kosong; isi bulan iuran pertama (YYYY-MM), seperti "
                        "yang ditulis jamsos consolidate.",
                        "{}: mulai_iuran is empty; fill in the first premium month (YYYY-MM), "
                        "as jamsos consolidate writes it."),
                    in.location(rec)));
  if (const auto m = read_month(text)) return *m;
  bad_month(in, rec, "mulai_iuran", text);
}

// NIK -> roster row: open addressing with linear probing, at most half full. One cache miss
// a lookup, where a binary search over a sorted index of 1M NIKs cost ~20 and was a third
// of the run (perf; BENCHMARKS.md).
class NikIndex {
 public:
  explicit NikIndex(std::size_t count) {
    unsigned bits = 4;
    while ((std::size_t{1} << bits) < 2 * count) ++bits;
    m_shift = 64 - bits;
    m_slots.assign(std::size_t{1} << bits, Slot{});
  }
  // Adds `row` under its NIK; returns the row that already has that NIK, or no_row.
  std::uint32_t insert(std::uint32_t row, const std::vector<Participant>& rows) {
    const std::uint64_t nik = rows[row].nik;
    for (std::size_t i = slot_of(nik);; i = next(i)) {
      if (m_slots[i].row == no_row) {
        m_slots[i] = Slot{nik, row};
        return no_row;
      }
      if (m_slots[i].nik == nik) return m_slots[i].row;
    }
  }
  std::uint32_t find(std::uint64_t nik, const std::vector<Participant>& /*rows*/) const {
    for (std::size_t i = slot_of(nik);; i = next(i))
      if (m_slots[i].row == no_row || m_slots[i].nik == nik) return m_slots[i].row;
  }
  void prefetch(std::uint64_t nik) const { __builtin_prefetch(&m_slots[slot_of(nik)]); }

 private:
  // The NIK sits in its slot: a probe is one cache miss, not two (slot, then row).
  struct Slot {
    std::uint64_t nik = 0;
    std::uint32_t row = no_row;
  };
  // Fibonacci hashing: NIKs share long prefixes (region, birth date); the top bits of the
  // product spread them.
  std::size_t slot_of(std::uint64_t nik) const {
    return static_cast<std::size_t>((nik * 0x9E3779B97F4A7C15ULL) >> m_shift);
  }
  std::size_t next(std::size_t i) const { return (i + 1) & (m_slots.size() - 1); }
  std::vector<Slot> m_slots;
  unsigned m_shift = 60;
};

// After the first rows, the number of rows a file will have, from its size (0 for a pipe).
// Reserving it once spares the kernel zeroing the pages of every doubling of a vector of a
// million rows (a third of the run in perf before).
std::size_t expected_rows(const csv::MultiReader& in, std::size_t rows_so_far) {
  const std::uint64_t total = in.total_bytes(), read = in.bytes_read();
  if (total == 0 || read == 0) return 0;
  return static_cast<std::size_t>(static_cast<double>(total) / static_cast<double>(read) *
                                  static_cast<double>(rows_so_far) * 1.02) + 16;
}

struct Roster {
  std::vector<Participant> rows;
  NikIndex index{0};
};

Roster read_roster(csv::MultiReader& in, const Profile& profile,
                   Month month, NameArena& names, Progress* progress) {
  const RosterColumns cols = roster_columns(in);
  // The last premium month as jamsos terminate reads it: one roster means the same to both.
  const PremiumCap cap(in, profile);
  // The columns read below; the others (pekerjaan, penanggung_jawab, ...) are checked for
  // their faults but not copied.
  in.read_only({"nik", "nama", "mulai_iuran", "akhir_iuran", "tanggal_lahir"});
  Roster roster;
  csv::Record rec;
  while (in.next(rec)) {
    csv::stop_on_faulty_record(in, rec);
    Participant p;
    p.nik = read_nik(in, rec, cols.nik, "daftar peserta", "a roster");
    if (cols.has_nama) p.name = names.add(rec.fields[cols.nama]);
    p.source = static_cast<std::uint32_t>(rec.source);
    p.line = static_cast<std::uint32_t>(std::min<std::size_t>(rec.line, no_row));
    const Month first = first_premium_month(in, rec, cols);
    const std::optional<Month> last = cap.last_month(in, rec);
    if (month < first) {
      p.state = RosterState::not_started, p.bound = first;
    } else if (last && *last < month) {
      p.state = RosterState::ended, p.bound = *last;
    }
    if (roster.rows.size() >= no_row)
      throw DataError(tr("daftar peserta terlalu besar", "roster too large"));
    if (roster.rows.size() == 4096) roster.rows.reserve(expected_rows(in, roster.rows.size()));
    roster.rows.push_back(p);
    // The bar follows the roster; the invoice is read meanwhile on its own thread.
    if (progress && roster.rows.size() % progress_every == 0) progress->update(in.bytes_read(), in.total_bytes());
  }

  // Contract: a duplicate NIK where uniqueness is required is bad input (65). Added in
  // file order, the first repeat found is the one whose second row comes first.
  roster.index = NikIndex(roster.rows.size());
  for (std::uint32_t i = 0; i < roster.rows.size(); ++i) {
    const std::uint32_t earlier = roster.index.insert(i, roster.rows);
    if (earlier == no_row) continue;
    const auto where = [&in](const Participant& p) {
      return fmt::format("{}:{}", in.source(p.source).display_name(), p.line);
    };
    throw DataError(fmt::format(trf("{}: NIK {} sudah ada di {}; daftar peserta harus satu baris "
                                    "per NIK. Jalankan jamsos dedupe dulu.",
                                    "{}: NIK {} already appears at {}; a roster holds one row per "
                                    "NIK. Run jamsos dedupe first."),
                                where(roster.rows[i]), mask_nik(nik_text(roster.rows[i].nik)),
                                where(roster.rows[earlier])));
  }
  return roster;
}

// ---- the invoice ------------------------------------------------------------
//
// Read on its own thread while the roster is read (2 cores: the two files at once), into
// compact lines; then applied to the roster in invoice order. The apply loop prefetches the
// index slot of the line a few ahead: a million random probes into a table larger than the
// cache were most of the run (perf).

struct InvoiceLine {
  std::uint64_t nik = 0;
  Sen amount = 0;
  NameRef name;
  std::uint32_t source = 0;
  std::uint32_t line = 0;
  Month period{};
  bool has_period = false;
};

struct ParsedInvoice {
  std::vector<InvoiceLine> lines;
  NameArena names;
};

ParsedInvoice parse_invoice(csv::MultiReader& in, std::atomic<bool>& stop) {
  for (std::size_t s = 0; s < in.source_count(); ++s)
    csv::require_columns(in.source(s).header(), {"nik", "iuran"}, in.source(s).display_name());
  const auto nik_col = static_cast<std::size_t>(in.column("nik"));
  const auto iuran_col = static_cast<std::size_t>(in.column("iuran"));
  const int nama_col = in.column("nama");
  const int periode_col = in.column("periode");

  ParsedInvoice parsed;
  csv::Record rec;
  while (in.next(rec)) {
    if ((parsed.lines.size() & 0xfff) == 0 && stop.load(std::memory_order_relaxed)) break;
    csv::stop_on_faulty_record(in, rec);
    InvoiceLine line;
    line.nik = read_nik(in, rec, nik_col, "tagihan", "an invoice");
    const std::string_view amount_text = trim(rec.fields[iuran_col]);
    const std::optional<Sen> amount = parse_money(amount_text);
    if (!amount)
      throw DataError(fmt::format(
          trf("{}: iuran '{}' bukan jumlah uang; tulis misalnya 16800, 16.800 atau Rp 16.800.",
              "{}: iuran '{}' is not an amount; write e.g. 16800, 16.800 or Rp 16.800."),
          in.location(rec), mask_digit_runs(amount_text)));
    line.amount = *amount;
    // Contract: a line whose periode is present and not M is listed on its own and
    // counts as not billed for M.
    if (periode_col >= 0) {
      const std::string_view text = trim(rec.fields[static_cast<std::size_t>(periode_col)]);
      if (!text.empty()) {
        const auto period = read_month(text);
        if (!period) bad_month(in, rec, "periode", text);
        line.period = *period;
        line.has_period = true;
      }
    }
    if (nama_col >= 0) line.name = parsed.names.add(rec.fields[static_cast<std::size_t>(nama_col)]);
    line.source = static_cast<std::uint32_t>(rec.source);
    line.line = static_cast<std::uint32_t>(std::min<std::size_t>(rec.line, no_row));
    if (parsed.lines.size() == 4096) parsed.lines.reserve(expected_rows(in, parsed.lines.size()));
    parsed.lines.push_back(line);
  }
  return parsed;
}

struct Billing {
  std::vector<Stranger> strangers;
  std::vector<Unexpected> unexpected;  // billed for M, not expected: first-line order
  std::vector<OtherPeriodLine> other_periods;
};

Billing apply_invoice(const ParsedInvoice& parsed, const csv::MultiReader& in, Roster& roster, Month month,
                      NameArena& names, ReconcileSummary& summary) {
  Billing billing;
  std::unordered_map<std::uint64_t, std::uint32_t> stranger_index;
  constexpr std::size_t ahead = 8;
  const auto& lines = parsed.lines;
  summary.invoice_lines = lines.size();
  for (std::size_t k = 0; k < lines.size(); ++k) {
    if (k + ahead < lines.size()) roster.index.prefetch(lines[k + ahead].nik);
    const InvoiceLine& l = lines[k];
    const auto where = [&in, &l] { return fmt::format("{}:{}", in.source(l.source).display_name(), l.line); };
    const std::string_view name = parsed.names.get(l.name);
    const std::uint32_t row = roster.index.find(l.nik, roster.rows);

    if (l.has_period && l.period != month) {
      OtherPeriodLine line{l.nik, {}, l.amount, l.period, row};
      if (row == no_row || roster.rows[row].name.size == 0) line.name = names.add(name);
      billing.other_periods.push_back(line);
      ++summary.wrong_period_lines;
      summary.wrong_period_total = add_money(summary.wrong_period_total, l.amount, where);
      continue;
    }

    ++summary.billed_lines;
    summary.billed_total = add_money(summary.billed_total, l.amount, where);
    if (row != no_row) {
      Participant& p = roster.rows[row];
      if (p.billed_lines == 0) {
        ++summary.billed_niks;
        if (p.state != RosterState::active) billing.unexpected.push_back({true, row});
        if (p.name.size == 0) p.name = names.add(name);
      }
      ++p.billed_lines;
      p.billed = add_money(p.billed, l.amount, where);
      continue;
    }
    const auto [it, added] =
        stranger_index.try_emplace(l.nik, static_cast<std::uint32_t>(billing.strangers.size()));
    if (added) {
      ++summary.billed_niks;
      billing.strangers.push_back({l.nik, names.add(name), 0, 0});
      billing.unexpected.push_back({false, it->second});
    }
    Stranger& s = billing.strangers[it->second];
    ++s.billed_lines;
    s.billed = add_money(s.billed, l.amount, where);
  }
  return billing;
}

// ---- the rows ---------------------------------------------------------------

// The row sums of ReconcileSummary, kept per batch of rows when the rows are formed on
// several threads, and added up in row order.
struct RowSums {
  std::size_t expected_count = 0;
  Sen expected_total = 0;
  std::array<std::size_t, reconcile_status_count> rows{};
  std::array<Sen, reconcile_status_count> expected_sum{};
  std::array<Sen, reconcile_status_count> billed_sum{};
  std::array<Sen, reconcile_status_count> difference_sum{};
  std::size_t payable_count = 0;
  Sen payable_total = 0;
};

void add_sums(ReconcileSummary& total, const RowSums& part) {
  total.expected_count += part.expected_count;
  total.expected_total = add_money(total.expected_total, part.expected_total, in_totals);
  for (std::size_t s = 0; s < reconcile_status_count; ++s) {
    total.rows[s] += part.rows[s];
    total.expected_sum[s] = add_money(total.expected_sum[s], part.expected_sum[s], in_totals);
    total.billed_sum[s] = add_money(total.billed_sum[s], part.billed_sum[s], in_totals);
    total.difference_sum[s] = add_money(total.difference_sum[s], part.difference_sum[s], in_totals);
  }
  total.payable_count += part.payable_count;
  total.payable_total = add_money(total.payable_total, part.payable_total, in_totals);
}

using RowCallback = std::function<void(const ReconcileRow&)>;

class Emitter {
 public:
  Emitter(const ReconcileSummary& run, RowSums& sums, const RowCallback& on_row)
      : m_month(run.month), m_premium(run.premium), m_sums(sums), m_on_row(on_row) {}

  // An active participant of M (expected), in roster order.
  void expected() {
    ++m_sums.expected_count;
    m_sums.expected_total = add_money(m_sums.expected_total, m_premium, in_totals);
  }

  // One NIK billed for M and/or expected.
  void nik(std::uint64_t nik, std::string_view name, bool expected, std::uint32_t billed_lines,
           Sen billed, RosterState state, std::optional<Month> bound) {
    m_row.status = decide_status(expected, billed_lines, billed, m_premium);
    m_row.expected = expected ? std::optional<Sen>(m_premium) : std::nullopt;
    m_row.billed = billed_lines > 0 ? std::optional<Sen>(billed) : std::nullopt;
    m_row.period = m_month;
    m_row.billed_lines = billed_lines;
    m_row.roster = state;
    m_row.roster_bound = bound;
    if (expected && billed_lines > 0) {
      ++m_sums.payable_count;
      m_sums.payable_total = add_money(m_sums.payable_total, m_premium, in_totals);
    }
    emit(nik, name);
  }

  void other_period(std::uint64_t nik, std::string_view name, Sen amount, Month period,
                    RosterState state) {
    m_row.status = ReconcileStatus::wrong_period;
    m_row.expected.reset();
    m_row.billed = amount;
    m_row.period = period;
    m_row.billed_lines = 1;
    m_row.roster = state;
    m_row.roster_bound.reset();
    emit(nik, name);
  }

 private:
  void emit(std::uint64_t nik, std::string_view name) {
    assign_nik_text(m_row.nik, nik);
    m_row.nama.assign(name);
    m_row.difference = m_row.billed.value_or(0) - m_row.expected.value_or(0);
    const auto s = static_cast<std::size_t>(m_row.status);
    ++m_sums.rows[s];
    m_sums.expected_sum[s] = add_money(m_sums.expected_sum[s], m_row.expected.value_or(0), in_totals);
    m_sums.billed_sum[s] = add_money(m_sums.billed_sum[s], m_row.billed.value_or(0), in_totals);
    m_sums.difference_sum[s] = add_money(m_sums.difference_sum[s], m_row.difference, in_totals);
    m_on_row(m_row);
  }

  Month m_month;
  Sen m_premium;
  RowSums& m_sums;
  const RowCallback& m_on_row;
  ReconcileRow m_row;
};

std::optional<Month> bound_of(const Participant& p) {
  return p.state == RosterState::active ? std::nullopt : std::optional<Month>(p.bound);
}

// Everything decided before the first row is written: the roster, the invoice applied to it.
struct Prepared {
  ReconcileSummary summary;  // all but the row sums
  NameArena names;
  Roster roster;
  Billing billing;

  // The rows in the contract's order, numbered: roster rows (those expected in M give a row),
  // then the NIKs billed but not expected, then the lines of other periods.
  std::size_t items() const {
    return roster.rows.size() + billing.unexpected.size() + billing.other_periods.size();
  }
  void emit_items(std::size_t begin, std::size_t end, Emitter& emit) const;
};

void Prepared::emit_items(std::size_t begin, std::size_t end, Emitter& emit) const {
  const std::size_t roster_end = roster.rows.size();
  const std::size_t unexpected_end = roster_end + billing.unexpected.size();
  for (std::size_t i = begin; i < end; ++i) {
    if (i < roster_end) {
      // 1. Expected participants, in roster order.
      const Participant& p = roster.rows[i];
      if (p.state != RosterState::active) continue;
      emit.expected();
      emit.nik(p.nik, names.get(p.name), true, p.billed_lines, p.billed, p.state, std::nullopt);
    } else if (i < unexpected_end) {
      // 2. Billed for M but not expected, in the invoice order of their first line.
      const Unexpected& u = billing.unexpected[i - roster_end];
      if (u.on_roster) {
        const Participant& p = roster.rows[u.index];
        emit.nik(p.nik, names.get(p.name), false, p.billed_lines, p.billed, p.state, bound_of(p));
      } else {
        const Stranger& s = billing.strangers[u.index];
        emit.nik(s.nik, names.get(s.name), false, s.billed_lines, s.billed, RosterState::absent,
                 std::nullopt);
      }
    } else {
      // 3. Lines of other periods, in invoice order.
      const OtherPeriodLine& line = billing.other_periods[i - unexpected_end];
      const Participant* p = line.participant == no_row ? nullptr : &roster.rows[line.participant];
      const std::string_view name = p && p->name.size > 0 ? names.get(p->name) : names.get(line.name);
      emit.other_period(line.nik, name, line.amount, line.period, p ? p->state : RosterState::absent);
    }
  }
}

Prepared prepare(csv::MultiReader& roster_in, csv::MultiReader& invoice_in, const Profile& profile,
                 const ReconcileOptions& options, Progress* progress) {
  Prepared prepared;
  ReconcileSummary& summary = prepared.summary;
  summary.month = options.month;
  summary.premium = profile.premium_for(options.month);
  if (summary.premium <= 0)
    throw ConfigError(fmt::format(trf("profil {}: tidak ada iuran yang berlaku untuk {}; tambahkan "
                                      "periode [[premiums]] yang mencakup "
                                      "bulan itu.",
                                      "profile {}: no premium in force for {}; add a [[premiums]] "
                                      "period covering that month."),
                                  profile.id, format_month(options.month)));

  // The invoice is parsed on a second thread while this one reads the roster. A fault in
  // the roster is reported first, as when the files were read one after the other.
  std::atomic<bool> stop{false};
  ParsedInvoice parsed;
  std::exception_ptr invoice_error;
  std::thread invoice_thread([&] {
    try {
      parsed = parse_invoice(invoice_in, stop);
    } catch (...) {
      invoice_error = std::current_exception();
    }
  });
  try {
    prepared.roster = read_roster(roster_in, profile, options.month, prepared.names, progress);
  } catch (...) {
    stop = true;
    invoice_thread.join();
    throw;
  }
  invoice_thread.join();
  if (invoice_error) std::rethrow_exception(invoice_error);
  summary.roster_rows = prepared.roster.rows.size();
  prepared.billing = apply_invoice(parsed, invoice_in, prepared.roster, options.month, prepared.names, summary);
  return prepared;
}

// A diff row, encoded. Without --excel the NIK, codes, amounts and month are digits, letters,
// `_`, `-` and `.`, which never need quotes, so they go into the block as they are and only
// nama and keterangan pass through RowEncoder::field (a third of the rows' cost in callgrind);
// with --excel every cell does, as a NIK must be written `="..."`.
void encode_row(std::string& block, const csv::RowEncoder& encoder, const ReconcileRow& row,
                std::string_view note) {
  char text[1 + 32 + 3 * (1 + money_plain_max) + 1];
  if (encoder.excel()) {
    const auto field = [&](std::string_view value, bool first = false) { encoder.field(block, value, first); };
    const auto money = [&](const std::optional<Sen>& s) {
      field(std::string_view(text, s ? static_cast<std::size_t>(write_money_plain(text, *s) - text) : 0));
    };
    field(row.nik, true);
    field(row.nama);
    field(status_code(row.status));
    money(row.expected);
    money(row.billed);
    money(row.difference);
    std::string month;
    append_month(month, row.period);
    field(month);
  } else {
    const char d = encoder.delimiter();
    block.append(row.nik);
    encoder.field(block, row.nama, false);
    char* w = text;
    *w++ = d;
    for (const char* c = status_code(row.status); *c != '\0'; ++c) *w++ = *c;
    *w++ = d;
    if (row.expected) w = write_money_plain(w, *row.expected);
    *w++ = d;
    if (row.billed) w = write_money_plain(w, *row.billed);
    *w++ = d;
    w = write_money_plain(w, row.difference);
    *w++ = d;
    block.append(text, static_cast<std::size_t>(w - text));
    append_month(block, row.period);
  }
  encoder.field(block, note, false);
  encoder.end_row(block);
}

}  // namespace

ReconcileSummary reconcile(csv::MultiReader& roster_in, csv::MultiReader& invoice_in,
                           const Profile& profile, const ReconcileOptions& options,
                           const std::function<void(const ReconcileRow&)>& on_row,
                           Progress* progress) {
  const Prepared prepared = prepare(roster_in, invoice_in, profile, options, progress);
  ReconcileSummary summary = prepared.summary;
  RowSums sums;
  Emitter emit(summary, sums, on_row);
  prepared.emit_items(0, prepared.items(), emit);
  add_sums(summary, sums);
  if (progress) progress->finish();
  return summary;
}

ReconcileSummary run_reconcile(csv::MultiReader& roster, csv::MultiReader& invoice,
                               const Profile& profile, const ReconcileOptions& options,
                               csv::Writer& out, std::vector<ReconcileRow>* differences,
                               Progress* progress) {
  out.write_row(reconcile_columns());
  const Prepared prepared = prepare(roster, invoice, profile, options, progress);
  ReconcileSummary summary = prepared.summary;

  // The rows are formed and encoded in batches on both cores and written in order: a
  // million rows took 0.14 s on one (BENCHMARKS.md). Each batch keeps its own sums, added
  // up in row order, so the totals and the bytes are those of one thread.
  struct Batch {
    std::size_t begin = 0, end = 0;
    std::string block;  // the batch's rows, encoded
    std::size_t rows = 0;
    RowSums sums;
    std::vector<ReconcileRow> differences;
  };
  constexpr std::size_t batch_items = 4096;
  const csv::RowEncoder encoder = out.encoder();
  std::size_t next = 0;
  const auto fill = [&](Batch& b) {
    if (next >= prepared.items()) return false;
    b.begin = next;
    b.end = std::min(prepared.items(), next + batch_items);
    next = b.end;
    return true;
  };
  const auto work = [&](Batch& b, unsigned /*worker*/) {
    b.block.clear();
    b.rows = 0;
    b.sums = RowSums{};
    b.differences.clear();
    const RowCallback encode = [&](const ReconcileRow& row) {
      const bool match = row.status == ReconcileStatus::match;
      encode_row(b.block, encoder, row, match ? std::string() : reconcile_note(row, options.month, profile));
      ++b.rows;
      if (differences && !match) b.differences.push_back(row);
    };
    Emitter emit(summary, b.sums, encode);
    prepared.emit_items(b.begin, b.end, emit);
  };
  const auto emit = [&](Batch& b) {
    out.write_encoded(b.block, b.rows);
    add_sums(summary, b.sums);
    if (differences)
      differences->insert(differences->end(), std::make_move_iterator(b.differences.begin()),
                          std::make_move_iterator(b.differences.end()));
  };
  OrderedPipeline<Batch>::run(pipeline_workers(), fill, work, emit);
  if (progress) progress->finish();
  return summary;
}

}  // namespace jamsos
