#pragma once
// Messy CSV inputs for the row-conservation property (tests/property/row_conservation.cpp):
// the tables an agency, BPJS or a kelurahan really sends (BOM or not, `,` `;` tab, CRLF,
// quoted delimiters, newlines and `""`, empty cells, bad dates/money/NIKs, NIKs a
// spreadsheet turned into 6.47101E+15, repeated NIKs, cp1252 bytes, short and long rows, a
// broken quote now and then), written byte by byte here, apart from jamsos's Writer.
//
// Every data row carries a `ref` tag in its first column (unknown columns pass through
// unchanged, contract "CSV conventions"), so a row can be followed into the outputs and
// cannot be swapped for another. The writer records what a correct reader must see: the
// records, the physical line each starts on, and which faults it holds.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace jamsos::property {

// splitmix64: small, fast, and the same stream on every platform for one seed.
class Rng {
public:
  explicit Rng(std::uint64_t seed) : m_state(seed) {}
  std::uint64_t next();
  std::size_t below(std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(next() % n); }
  int between(int lo, int hi) { return lo + static_cast<int>(below(static_cast<std::size_t>(hi - lo + 1))); }
  bool chance(double p) { return static_cast<double>(next() >> 11) * 0x1.0p-53 < p; }
  template <class T>
  const T& pick(const std::vector<T>& v) { return v[below(v.size())]; }

private:
  std::uint64_t m_state;
};

std::uint64_t mix_seed(std::uint64_t seed, std::uint64_t index);

struct Table {
  std::vector<std::string> header;              // as written (spelling varies; jamsos normalises)
  std::vector<std::vector<std::string>> rows;   // logical cells; rows[i][0] is the ref tag
};

// How a table becomes bytes, and how much is broken on the way.
struct Style {
  char delimiter = ',';
  bool bom = false;
  bool crlf = false;
  bool final_newline = true;
  double quote_extra = 0;      // chance a field is quoted though it need not be
  bool excel_nik = false;      // digit-only cells of a `nik` column as ="6471..." (Excel export)
  int nik_column = -1;
  // Per data row: chances of a fault confined to that record.
  double short_row = 0, long_row = 0, bare_quote = 0, text_after_quote = 0, cp1252 = 0;
  double empty_line = 0;       // a completely empty line before a row (skipped, not a record)
  double blank_row = 0;        // a row of empty cells only (`;;;;`): a record
  bool open_quote = false;     // the last field of the file opens a quote never closed: exit 65
};

struct Written {
  std::string bytes;
  std::vector<std::size_t> lines;   // physical line (1-based) each data record starts on
  std::vector<std::string> refs;    // each record's ref cell as a reader must return it
  bool record_faults = false;       // field_count or quote in some record
  bool non_utf8 = false;            // cp1252 bytes in some record (a fault unless --encoding cp1252)
  bool blank_rows = false;          // a row of empty cells (no NIK: commands past validate may stop)
  bool fatal = false;               // unterminated quote: every command stops with 65
};

Written write_csv(const Table& table, const Style& style, Rng& rng);

// A style for one file: `mess` 0 (tidy but varied) .. 1 (very messy). Faults only when
// `faults` is true; `fatal_chance` is the chance of an unterminated quote.
Style random_style(Rng& rng, double mess, bool faults, double fatal_chance);

// ---- the tables, with the contract's columns -------------------------------------------

struct Dates {
  int as_of_year = 2025, as_of_month = 8, as_of_day = 15;  // validate --as-of
  int year = 2026;                                       // consolidate --year
  int month_year = 2026, month = 3;                      // terminate/reconcile --month
};

// A pool of people whose NIKs the tables share (repeats within and across files, the BPJS
// export, events and invoices refer to them).
struct Person {
  std::string nik, kk, name, birth;  // birth as YYYY-MM-DD
  bool female = false;
};
std::vector<Person> make_people(Rng& rng, std::size_t n, const Dates& dates);

// Candidates (validate, dedupe, consolidate inputs). `mess`: the share of cells spelled
// badly (bad dates, money, NIKs, unknown codes); 0 = every row eligible and well formed.
// `drop_required`: leave out one column a profile needs.
Table candidates(Rng& rng, const std::vector<Person>& people, const Dates& dates, double mess,
                 bool drop_required, const std::string& ref_prefix);
// BPJS's member export (dedupe --against): `NIK` among other columns.
Table bpjs_export(Rng& rng, const std::vector<Person>& people, double mess, const std::string& ref_prefix);
// A decree list as consolidate writes it (terminate's and reconcile's roster).
Table roster(Rng& rng, const std::vector<Person>& people, const Dates& dates, double mess,
             const std::string& ref_prefix);
// Exit events for people of `nik_pool` (plus unknown NIKs, reasons and dates when messy).
Table events(Rng& rng, const std::vector<std::string>& nik_pool, const Dates& dates, double mess,
             const std::string& ref_prefix);
// BPJS's bill for --month, for people of `nik_pool` (plus strangers, repeats, other periods).
Table invoice(Rng& rng, const std::vector<std::string>& nik_pool, const Dates& dates, double mess,
              const std::string& ref_prefix);

}  // namespace jamsos::property
