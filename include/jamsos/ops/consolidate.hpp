#pragma once
// `jamsos consolidate`: the verification team's one list of the year (Pasal 8 ayat (3)-(5)),
// covered from January of the following year (Pasal 8 ayat (6)), most in need first
// (Pasal 5 ayat (2)), as far as the quota or the budget allows (consideration a, Pasal 14).
// Contract: shared/spec/contract.md, `jamsos consolidate`.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "jamsos/core/money.hpp"
#include "jamsos/core/profile.hpp"
#include "jamsos/csv/reader.hpp"
#include "jamsos/csv/writer.hpp"
#include "jamsos/ops/progress.hpp"

namespace jamsos {

struct ConsolidateOptions {
  int year = 0;                      // coverage year Y: mulai_iuran = Y-01
  std::optional<std::size_t> quota;  // --quota N: the first N
  std::optional<Sen> budget;         // --budget RP: while the sum of iuran_tahun fits
  int forecast_years = 0;            // --forecast K: iuran_<Y+1> .. iuran_<Y+K> in the summary
  // The spooled rows are put in rank order this many bytes at a time (memory); 0 = 4 MiB.
  // Tests set it tiny so that every row is a bucket of its own.
  std::size_t bucket_bytes = 0;
};

// Why a candidate waits (the waitlist's `alasan`).
enum class WaitReason { ages_out_before_start, over_quota, over_budget };
const char* wait_reason_code(WaitReason reason);

// One line of the summary: a responsible agency, an occupation, or the total.
struct SummaryLine {
  enum class Group { agency, occupation, total };
  Group group = Group::total;
  std::string name;
  std::size_t count = 0;
  std::vector<Sen> premiums;  // [0] = iuran_tahun of Y, [k] = year Y+k (forecast)
};
const char* summary_group_code(SummaryLine::Group group);  // penanggung_jawab, pekerjaan, total

struct ConsolidateResult {
  std::size_t rows_in = 0;
  std::size_t decreed = 0;
  std::size_t ages_out_before_start = 0;
  std::size_t over_quota = 0;
  std::size_t over_budget = 0;
  Sen premium_total = 0;  // iuran_tahun of the decreed
  // Agencies (by name), occupations (profile order, then others by name), then the total.
  std::vector<SummaryLine> summary;

  std::size_t waitlisted() const { return ages_out_before_start + over_quota + over_budget; }
};

struct ConsolidateOutputs {
  csv::Writer& list;                // the decree list, `no` 1..n
  csv::Writer* waitlist = nullptr;  // null: a candidate who must wait stops the run (exit 2)
  csv::Writer* summary = nullptr;   // null: no summary CSV (the result still holds it)
};

// Reads every candidate, ranks them, and writes the list, the waitlist and the summary.
// Stops with DataError (65) on a faulty record, a missing nik/nama/tanggal_lahir column, a
// NIK that is not 16 digits, a `status` other than eligible, an unreadable tanggal_lahir
// where the profile caps premiums by age, and a repeated NIK (each naming FILE:LINE and
// the command to run first).
ConsolidateResult consolidate(csv::MultiReader& in, const Profile& profile,
                              const ConsolidateOptions& options, const ConsolidateOutputs& out,
                              Progress* progress = nullptr);

}  // namespace jamsos
