#pragma once
// The --against rosters of `jamsos dedupe` (Perwali Balikpapan 3/2025 Pasal 8 ayat (2):
// BPJS Ketenagakerjaan checks that no candidate is already registered). A roster is any
// CSV with a `nik` column: BPJS's member export, this year's participants; millions of
// rows. Its rows are never held: only each row's NIK, looked up in the candidates' NikIndex,
// and for each candidate NIK the roster's FILE:LINE of its first hit.
//
// The rosters are read on a thread of their own while the candidates' first pass is still
// running (start()). Until the candidate index is complete a roster NIK cannot be looked up,
// so it is parked: 12 bytes (key, line) in chunks, at most kParkedRows of them (96 MB), after
// which the thread waits for the index. finish() then matches the parked NIKs and the rest
// of the rosters, on both threads. A hit keeps the smallest location code (source, line),
// which is the first in reading order whichever thread found it. With JAMSOS_THREADS=1
// nothing runs early: finish() reads the rosters and matches them as it goes.
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "jamsos/csv/reader.hpp"
#include "jamsos/ops/dedupe_index.hpp"

namespace jamsos {

class Rosters {
public:
  static constexpr std::size_t kParkedRows = std::size_t{8} << 20;

  // Opens every roster and reads its header: a missing file stops the run (66), one
  // without a `nik` column too (65, naming the file). No paths: nothing to check.
  Rosters(const std::vector<std::string>& paths, const csv::ReaderOptions& options);
  ~Rosters();  // cancel()
  Rosters(const Rosters&) = delete;
  Rosters& operator=(const Rosters&) = delete;

  // Starts reading on a thread of its own, unless `threaded` is false or there is no roster.
  void start(bool threaded);
  // For each NIK of `index` (complete now), where it is first found: hits[number] = a
  // location code (see location()), 0 = in no roster. Rethrows what stopped the reading
  // (a faulty record: 65, FILE:LINE).
  void finish(const NikIndex& index, std::vector<std::uint64_t>& hits);
  // Stops and joins the thread (when the run failed elsewhere first). Idempotent.
  void cancel() noexcept;

  std::string location(std::uint64_t hit) const;            // "bpjs_peserta.csv:1234"
  void append_location(std::uint64_t hit, std::string& out) const;  // the same, appended
  std::uint64_t total_bytes() const;                        // 0 if unknown (a pipe) or no roster
  std::uint64_t bytes_read() const { return m_bytes_read.load(std::memory_order_relaxed); }
  std::size_t rows() const { return m_rows; }
  std::size_t rows_without_nik() const { return m_without_nik; }

  // Tests: park in chunks of `chunk_rows`, wait past `rows` (default kParkedRows, 64Ki a
  // chunk); call before start(). parked_peak(): the most rows parked at once so far.
  void limit_parked(std::size_t rows, std::size_t chunk_rows);
  std::size_t parked_peak();

private:
  struct Chunk {
    std::uint64_t base = 0;  // location code of offset 0 (source << 48 | line)
    std::vector<std::uint64_t> keys;
    std::vector<std::uint32_t> offsets;  // line - the base's line
  };

  void read_all();
  void add(std::uint64_t key, std::uint64_t code);
  void park_current();
  void match_batch();
  void match_chunk(const Chunk& chunk);
  bool drain_one();
  void hit(std::uint32_t number, std::uint64_t code);

  std::unique_ptr<csv::MultiReader> m_in;
  std::size_t m_rows = 0;
  std::size_t m_without_nik = 0;
  std::atomic<std::uint64_t> m_bytes_read{0};

  std::thread m_thread;
  std::mutex m_mutex;
  std::condition_variable m_changed;
  std::atomic<const NikIndex*> m_index{nullptr};  // set once the candidates are all read
  std::vector<std::uint64_t>* m_hits = nullptr;
  std::atomic<bool> m_stop{false};
  std::exception_ptr m_error;
  std::deque<Chunk> m_parked;  // under m_mutex
  std::size_t m_parked_rows = 0, m_parked_peak = 0;
  std::size_t m_parked_limit = kParkedRows, m_chunk_rows = std::size_t{1} << 16;
  Chunk m_current;  // being filled by the reading thread
  std::vector<std::uint64_t> m_batch_keys, m_batch_codes;  // matched as they come, once the index is there
};

}  // namespace jamsos
