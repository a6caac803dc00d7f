// Events reported for a terminate run (Pasal 10 huruf a-d), each with its effective date.
// Worked example: two events for one NIK, `pindah` on 2026-02-20 and `meninggal` on
// 2026-01-31: the earliest decides (meninggal, last month 2026-01); both are matched and
// neither appears in any output. An event whose NIK is not 16 digits can be on no roster,
// so it is `nik_not_in_roster` (the contract has no `nik_format` for events).
#include "jamsos/ops/terminate_events.hpp"

#include <algorithm>

#include "jamsos/core/nik.hpp"
#include "jamsos/core/text.hpp"

namespace jamsos {

namespace {
constexpr unsigned kFilterBits = 20;
}  // namespace

EventBook::EventBook(csv::MultiReader& in) : m_header(in.header()) {
  // Each file must have the columns: a union header would hide one that lacks `tanggal`.
  for (std::size_t s = 0; s < in.source_count(); ++s)
    csv::require_columns(in.source(s).header(), {"nik", "alasan", "tanggal"},
                         in.source(s).display_name());
  const auto nik_col = static_cast<std::size_t>(in.column("nik"));
  const auto reason_col = static_cast<std::size_t>(in.column("alasan"));
  const auto date_col = static_cast<std::size_t>(in.column("tanggal"));

  csv::Record rec;
  while (in.next(rec)) {
    csv::stop_on_faulty_record(in, rec);
    Stored e;
    e.location = in.location(rec);
    e.nik = nik_key(trim(rec.fields[nik_col]));
    const auto reason = parse_event_reason(rec.fields[reason_col]);
    const auto date = parse_date(rec.fields[date_col]);
    if (!reason)
      e.unreadable = EventProblem::reason_unknown;
    else if (!date)
      e.unreadable = EventProblem::date_format;
    else
      e.end = EventEnd{*reason, *date};
    e.fields = rec.fields;  // copied: the reader reuses rec's buffers
    m_events.push_back(std::move(e));
  }

  for (const Stored& e : m_events)
    if (e.nik) m_keys.push_back(*e.nik);
  std::sort(m_keys.begin(), m_keys.end());
  m_keys.erase(std::unique(m_keys.begin(), m_keys.end()), m_keys.end());
  m_by_nik.resize(m_keys.size());
  m_filter.assign((std::size_t{1} << kFilterBits) / 64, 0);
  for (const std::uint64_t nik : m_keys)
    m_filter[filter_bit(nik) / 64] |= 1ull << (filter_bit(nik) % 64);
  // Pointers into m_events are taken only now that it no longer grows. In input order, and
  // strictly earlier only: on the same date the first in input order decides.
  for (const Stored& e : m_events) {
    if (!e.nik || !e.end) continue;
    PerNik& slot = m_by_nik[position(*e.nik)];
    if (!slot.earliest || e.end->date < slot.earliest->date) slot.earliest = &*e.end;
  }
}

std::size_t EventBook::filter_bit(std::uint64_t nik) {
  // Fibonacci hashing: NIKs share long prefixes (region, birth date), so mix before taking bits.
  return static_cast<std::size_t>((nik * 0x9E3779B97F4A7C15ull) >> (64 - kFilterBits));
}

std::size_t EventBook::position(std::uint64_t nik) const {
  const std::size_t bit = filter_bit(nik);
  if (!(m_filter[bit / 64] >> (bit % 64) & 1)) return m_keys.size();
  const auto it = std::lower_bound(m_keys.begin(), m_keys.end(), nik);
  return it != m_keys.end() && *it == nik ? static_cast<std::size_t>(it - m_keys.begin())
                                          : m_keys.size();
}

std::optional<EventProblem> EventBook::problem(std::size_t i) const {
  const Stored& e = m_events[i];
  // The NIK first: an event about nobody on the roster needs its NIK checked before
  // anything else about it is worth fixing.
  if (!e.nik || !m_by_nik[position(*e.nik)].on_roster) return EventProblem::nik_not_in_roster;
  return e.unreadable;
}

}  // namespace jamsos
