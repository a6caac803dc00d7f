// Pasal 10 (Perwali Balikpapan 3/2025): coverage ends when the participant a. dies,
// b. moves out of the region, c. can pay independently, d. becomes a formal worker.
// Pasal 11 ayat (6): premiums are paid until 64 years 11 months.
//
// Worked boundary: born 1961-03-15, cap 64y11m -> akhir_iuran 2026-02. Processed for
// 2026-02 the participant stays (February's premium is still paid); for 2026-03 they
// leave with alasan_berhenti=usia, iuran_terakhir=2026-02. A death on 2026-02-10 gives
// the same last month: the tie goes to the event (alasan_berhenti=meninggal).
#include <string>

#include "jamsos/core/text.hpp"
#include "jamsos/ops/terminate.hpp"

namespace jamsos {

const char* end_reason_code(EndReason r) {
  switch (r) {
    case EndReason::meninggal:
      return "meninggal";
    case EndReason::pindah:
      return "pindah";
    case EndReason::mampu_mandiri:
      return "mampu_mandiri";
    case EndReason::pekerja_formal:
      return "pekerja_formal";
    case EndReason::usia:
      return "usia";
  }
  return "?";
}

const char* event_problem_code(EventProblem p) {
  switch (p) {
    case EventProblem::nik_not_in_roster:
      return "nik_not_in_roster";
    case EventProblem::reason_unknown:
      return "reason_unknown";
    case EventProblem::date_format:
      return "date_format";
  }
  return "?";
}

std::optional<EndReason> parse_event_reason(std::string_view text) {
  std::string word = to_lower_ascii(trim(text));
  for (char& c : word)
    if (c == ' ' || c == '-') c = '_';
  // "a." and "a)" as the letter is often written after the article's numbering.
  if (word.size() == 2 && (word[1] == '.' || word[1] == ')')) word.resize(1);
  // Pasal 10 huruf a-d, in the article's order.
  if (word == "a" || word == "meninggal" || word == "meninggal_dunia") return EndReason::meninggal;
  if (word == "b" || word == "pindah") return EndReason::pindah;
  if (word == "c" || word == "mampu_mandiri") return EndReason::mampu_mandiri;
  if (word == "d" || word == "pekerja_formal") return EndReason::pekerja_formal;
  return std::nullopt;
}

std::optional<Exit> decide_exit(Month m, std::optional<Month> last_premium,
                                std::optional<EventEnd> event) {
  std::optional<Exit> end;
  if (event) end = Exit{event->reason, month_of(event->date)};
  // Pasal 11 ayat (6) only when strictly earlier: on a tie the event names the reason.
  if (last_premium && (!end || *last_premium < end->last_month))
    end = Exit{EndReason::usia, *last_premium};
  // The last month's premium is still paid: leave only when it is before M.
  if (end && end->last_month < m) return end;
  return std::nullopt;
}

}  // namespace jamsos
