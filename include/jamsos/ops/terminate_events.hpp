#pragma once
// The events of one terminate run (columns `nik`, `alasan`, `tanggal`), loaded whole
// before the roster is streamed: they are few (a city reports tens to thousands a month)
// and whether an event matches anybody is known only after the whole roster was read.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "jamsos/csv/reader.hpp"
#include "jamsos/ops/terminate.hpp"

namespace jamsos {

class EventBook {
 public:
  // Reads every event. A faulty record or a missing column stops the run (DataError, 65).
  explicit EventBook(csv::MultiReader& in);

  const std::vector<std::string>& header() const { return m_header; }
  std::size_t size() const { return m_events.size(); }

  // A roster NIK's events, in two halves for a roster judged on several threads: find()
  // reads only (any thread) and gives the position whose earliest() is the earliest readable
  // event (equal dates: the first in input order), or null; mark() records that the roster
  // has this NIK, so its events are matched (one thread, the one that writes in input order).
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);
  std::size_t find(std::uint64_t nik) const {
    const std::size_t i = position(nik);
    return i == m_keys.size() ? npos : i;
  }
  const EventEnd* earliest(std::size_t found) const { return m_by_nik[found].earliest; }
  void mark(std::size_t found) { m_by_nik[found].on_roster = true; }

  // After the roster pass: why event i (input order) is unmatched, or nullopt if matched.
  std::optional<EventProblem> problem(std::size_t i) const;
  const std::vector<std::string>& fields(std::size_t i) const { return m_events[i].fields; }
  const std::string& location(std::size_t i) const { return m_events[i].location; }

 private:
  struct Stored {
    std::vector<std::string> fields;
    std::string location;                    // FILE:LINE, for `asal`
    std::optional<std::uint64_t> nik;        // nullopt: not 16 digits, cannot be on any roster
    std::optional<EventEnd> end;             // nullopt: reason or date unreadable
    std::optional<EventProblem> unreadable;  // reason_unknown or date_format
  };
  // The NIKs that have events, sorted, with what find() and mark() need beside them. Most roster
  // NIKs have no event: a 2^20-bit filter (128 KiB, stays in cache) answers most of those
  // at once; the rest is a binary search over dense 8-byte keys. Profiled at 1M roster
  // rows and 50k events: std::unordered_map took 37% of the run (a bucket-chain walk with
  // a modulo and a cache miss per node), this 9%.
  struct PerNik {
    const EventEnd* earliest = nullptr;
    bool on_roster = false;
  };
  static std::size_t filter_bit(std::uint64_t nik);
  // Index of the NIK in m_keys, or m_keys.size() if it has no events.
  std::size_t position(std::uint64_t nik) const;

  std::vector<std::string> m_header;
  std::vector<Stored> m_events;
  std::vector<std::uint64_t> m_keys;
  std::vector<PerNik> m_by_nik;  // parallel to m_keys
  std::vector<std::uint64_t> m_filter;
};

}  // namespace jamsos
