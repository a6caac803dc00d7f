#pragma once
// jamsos terminate: last month's roster and the reported events -> this month's roster
// (contract, "jamsos terminate").
//
// Pasal 10 ends coverage when a participant a. dies, b. moves out of the region, c. can
// pay the premium independently, d. becomes a formal-sector worker; Pasal 11 ayat (6)
// pays premiums until 64 years 11 months. An event's month is the last premium month:
// a death on 2026-01-31 ends the participant in the run for 2026-02 with
// iuran_terakhir=2026-01, and keeps them in the run for 2026-01.
#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

#include "jamsos/core/dates.hpp"
#include "jamsos/core/profile.hpp"
#include "jamsos/csv/reader.hpp"
#include "jamsos/csv/writer.hpp"
#include "jamsos/ops/progress.hpp"

namespace jamsos {

// Why a participant leaves: Pasal 10 huruf a-d, or the age cap (Pasal 11 ayat (6)).
enum class EndReason { meninggal, pindah, mampu_mandiri, pekerja_formal, usia };
inline constexpr std::size_t end_reason_count = 5;

// The `alasan_berhenti` word: "meninggal", "pindah", "mampu_mandiri", "pekerja_formal", "usia".
const char* end_reason_code(EndReason r);

// An event's `alasan`: the word or its Pasal 10 letter (`a`..`d`, also `a.` / `a)`), any
// case, spaces trimmed, spaces and `-` read as `_` ("Mampu Mandiri"), plus "meninggal
// dunia". Never `usia`: age-outs come from the roster, not from events.
std::optional<EndReason> parse_event_reason(std::string_view text);

// Why an event is listed in --unmatched (contract: `masalah`). One code per event, the
// first that applies in this order.
enum class EventProblem { nik_not_in_roster, reason_unknown, date_format };
inline constexpr std::size_t event_problem_count = 3;
const char* event_problem_code(EventProblem p);

// The readable end of a participant from an event.
struct EventEnd {
  EndReason reason = EndReason::meninggal;
  Date date;
};

struct Exit {
  EndReason reason = EndReason::usia;
  Month last_month;  // iuran_terakhir
};

// The decision for one participant in month `m`. `last_premium` is akhir_iuran (nullopt:
// no cap); `event` the earliest readable event for the NIK. The earlier last month
// decides, the event on a tie; nobody leaves whose last month is `m` or later.
// Born 1961-03-15 (akhir_iuran 2026-02): stays for 2026-02, leaves for 2026-03.
std::optional<Exit> decide_exit(Month m, std::optional<Month> last_premium,
                                std::optional<EventEnd> event);

struct TerminateOptions {
  Month month;  // M: the month whose roster is produced
};

struct TerminateCounts {
  std::size_t roster_rows = 0;
  std::size_t kept = 0;
  std::size_t ended = 0;
  std::array<std::size_t, end_reason_count> ended_by{};  // by EndReason
  std::size_t events = 0;
  std::size_t events_matched = 0;
  // Matched, decisive for its participant, but its month is M or later: the participant
  // stays this month and the event must be given again to a later month's run.
  std::size_t events_later = 0;
  std::size_t events_unmatched = 0;
  std::array<std::size_t, event_problem_count> unmatched_by{};  // by EventProblem
};

// Where a run writes. `unmatched` may be null only when there are no events.
struct TerminateOutputs {
  csv::Writer& roster;
  csv::Writer& ended;
  csv::Writer* unmatched = nullptr;
};

// Streams the roster once; the events (small) are loaded first. `events` may be null
// (age-outs only). Throws DataError (65) on a faulty record, a missing column, a roster
// NIK that is not 16 digits or appears twice, and an unreadable akhir_iuran /
// tanggal_lahir; each message names FILE:LINE and what to do.
TerminateCounts run_terminate(csv::MultiReader& roster, csv::MultiReader* events,
                              const TerminateOutputs& out, const Profile& profile,
                              const TerminateOptions& options, Progress* progress);

}  // namespace jamsos
