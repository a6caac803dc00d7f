// Already registered (Perwali Balikpapan 3/2025 Pasal 8 ayat (2)): candidate NIKs looked
// up in the --against rosters. Boundary: a NIK on lines 7 and 9 of bpjs.csv is reported as
// bpjs.csv:7, the first, even when line 9 was matched first by the other thread (a hit keeps
// the smallest location code); a roster `nik` cell that is not 16 digits (6.47101E+15)
// matches nothing and is counted, so the summary can say how many roster lines could not be
// used.
#include "jamsos/ops/dedupe_against.hpp"

#include <algorithm>
#include <charconv>


namespace jamsos {

namespace {
constexpr int kLineBits = 48;  // location code: source << 48 | line (a line is never 0)
constexpr std::size_t kMatchBatch = 256;
}  // namespace

Rosters::Rosters(const std::vector<std::string>& paths, const csv::ReaderOptions& options) {
  if (paths.empty()) return;
  m_in = std::make_unique<csv::MultiReader>(paths, options);
  for (std::size_t i = 0; i < m_in->source_count(); ++i)
    csv::require_columns(m_in->source(i).header(), {"nik"}, m_in->source(i).display_name());
  // Only nik is matched: BPJS's other columns are checked for their faults but not copied
  // (a fifth of the roster's bytes copied, not all of them).
  m_in->read_only({"nik"});
}

Rosters::~Rosters() { cancel(); }

std::uint64_t Rosters::total_bytes() const { return m_in ? m_in->total_bytes() : 0; }

void Rosters::limit_parked(std::size_t rows, std::size_t chunk_rows) {
  m_parked_limit = rows;
  m_chunk_rows = chunk_rows;
}

std::size_t Rosters::parked_peak() {
  std::lock_guard lock(m_mutex);
  return m_parked_peak;
}

void Rosters::start(bool threaded) {
  if (!m_in || !threaded) return;
  m_thread = std::thread([this] { read_all(); });
}

void Rosters::cancel() noexcept {
  {
    std::lock_guard lock(m_mutex);
    m_stop = true;
  }
  m_changed.notify_all();
  if (m_thread.joinable()) m_thread.join();
}

void Rosters::finish(const NikIndex& index, std::vector<std::uint64_t>& hits) {
  hits.assign(index.size(), 0);
  if (!m_in) return;
  m_hits = &hits;
  {
    std::lock_guard lock(m_mutex);
    m_index.store(&index, std::memory_order_release);
  }
  m_changed.notify_all();
  if (m_thread.joinable()) {
    while (drain_one()) {
    }
    m_thread.join();
  } else {
    read_all();
  }
  if (m_error) std::rethrow_exception(m_error);
  while (drain_one()) {
  }
}

// The reading thread (or, with one thread, finish() itself).
void Rosters::read_all() {
  try {
    const auto col = static_cast<std::size_t>(m_in->column("nik"));
    csv::Record r;
    while (!m_stop.load(std::memory_order_relaxed) && m_in->next(r)) {
      if (r.fault != csv::RecordFault::none) csv::stop_on_faulty_record(*m_in, r);
      ++m_rows;
      if ((m_rows & 0xffff) == 0) m_bytes_read.store(m_in->bytes_read(), std::memory_order_relaxed);
      std::uint64_t key = 0;
      if (!read_nik_key(r.fields[col], key)) {
        ++m_without_nik;
        continue;
      }
      if (key == 0) continue;  // "0000000000000000": no candidate has it (dedupe: no NIK)
      add(key, static_cast<std::uint64_t>(r.source) << kLineBits | static_cast<std::uint64_t>(r.line));
    }
    m_bytes_read.store(m_in->bytes_read(), std::memory_order_relaxed);
    if (!m_current.keys.empty()) park_current();
    if (m_index.load(std::memory_order_acquire) != nullptr) {
      match_batch();
      while (drain_one()) {
      }
    }
  } catch (...) {
    m_error = std::current_exception();
  }
}

void Rosters::add(std::uint64_t key, std::uint64_t code) {
  if (m_index.load(std::memory_order_acquire) != nullptr) {
    if (!m_current.keys.empty()) park_current();  // matched by whichever thread drains it
    m_batch_keys.push_back(key);
    m_batch_codes.push_back(code);
    if (m_batch_keys.size() == kMatchBatch) match_batch();
    return;
  }
  const bool fits = !m_current.keys.empty() && code >> kLineBits == m_current.base >> kLineBits &&
                    code - m_current.base <= UINT32_MAX && m_current.keys.size() < m_chunk_rows;
  if (!fits) {
    if (!m_current.keys.empty()) park_current();
    m_current.base = code;
    m_current.keys.reserve(m_chunk_rows);
    m_current.offsets.reserve(m_chunk_rows);
  }
  m_current.keys.push_back(key);
  m_current.offsets.push_back(static_cast<std::uint32_t>(code - m_current.base));
}

void Rosters::park_current() {
  std::unique_lock lock(m_mutex);
  m_parked_rows += m_current.keys.size();
  m_parked_peak = std::max(m_parked_peak, m_parked_rows);
  m_parked.push_back(std::move(m_current));
  m_current = Chunk{};
  // Memory stays bounded: past kParkedRows, wait for the index (or the end of the run).
  m_changed.wait(lock, [&] {
    return m_parked_rows < m_parked_limit || m_stop.load(std::memory_order_relaxed) ||
           m_index.load(std::memory_order_relaxed) != nullptr;
  });
}

bool Rosters::drain_one() {
  Chunk chunk;
  {
    std::lock_guard lock(m_mutex);
    if (m_parked.empty()) return false;
    chunk = std::move(m_parked.front());
    m_parked.pop_front();
    m_parked_rows -= chunk.keys.size();
  }
  match_chunk(chunk);
  return true;
}

void Rosters::hit(std::uint32_t number, std::uint64_t code) {
  std::atomic_ref<std::uint64_t> slot((*m_hits)[number]);
  std::uint64_t seen = slot.load(std::memory_order_relaxed);
  while ((seen == 0 || code < seen) && !slot.compare_exchange_weak(seen, code, std::memory_order_relaxed)) {
  }
}

void Rosters::match_batch() {
  const NikIndex& index = *m_index.load(std::memory_order_acquire);
  std::uint32_t numbers[kMatchBatch];
  index.find_many(m_batch_keys.data(), m_batch_keys.size(), numbers);
  for (std::size_t i = 0; i < m_batch_keys.size(); ++i)
    if (numbers[i] != NikIndex::kNone) hit(numbers[i], m_batch_codes[i]);
  m_batch_keys.clear();
  m_batch_codes.clear();
}

void Rosters::match_chunk(const Chunk& chunk) {
  const NikIndex& index = *m_index.load(std::memory_order_acquire);
  std::uint32_t numbers[kMatchBatch];
  for (std::size_t start = 0; start < chunk.keys.size(); start += kMatchBatch) {
    const std::size_t n = std::min(kMatchBatch, chunk.keys.size() - start);
    index.find_many(chunk.keys.data() + start, n, numbers);
    for (std::size_t i = 0; i < n; ++i)
      if (numbers[i] != NikIndex::kNone) hit(numbers[i], chunk.base + chunk.offsets[start + i]);
  }
}

std::string Rosters::location(std::uint64_t hit) const {
  std::string out;
  append_location(hit, out);
  return out;
}

void Rosters::append_location(std::uint64_t hit, std::string& out) const {
  const auto source = static_cast<std::size_t>(hit >> kLineBits);
  const std::uint64_t line = hit & ((std::uint64_t{1} << kLineBits) - 1);
  out.append(m_in->source(source).display_name()).push_back(':');
  char digits[24];
  out.append(digits, std::to_chars(digits, digits + sizeof digits, line).ptr);
}

}  // namespace jamsos
