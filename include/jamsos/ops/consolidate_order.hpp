#pragma once
// consolidate's rows handed back in rank order without memory holding them
// (docs/ARCHITECTURE.md, "consolidate"). Pass 1 gives every record, in input order, with its
// RankKey to RankPartitions, which parks it on disk in the partition of keys it falls in
// (boundaries: quantiles of the first rows' keys). After the sort each partition is a run of
// consecutive ranks, so RankOrder can give the records back in rank order with one partition
// in memory at a time. A partition that came out too large (the first rows were no fair
// sample, e.g. an input sorted by income) is cut, by exact rank, into pieces (read twice:
// the record sizes by rank, then the records to their pieces).
//
// Boundary: 1M rows of ~200 bytes from a 194 MB file make 47 partitions of ~4 MiB, each
// read once; an input under 4 MiB of records (16k rows) never touches the disk.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "jamsos/csv/reader.hpp"
#include "jamsos/ops/consolidate_premium.hpp"
#include "jamsos/ops/consolidate_rank.hpp"
#include "jamsos/ops/row_spool.hpp"

namespace jamsos {

// What consolidate holds per row: 32 bytes, whatever the width of the row.
struct Candidate {
  RankKey key;
  MonthIndex last_month = no_premium_cap;  // akhir_iuran
  std::uint32_t row = 0;                   // input order: 0, 1, ...
};
static_assert(sizeof(Candidate) == 32, "one candidate per row: keep it small");

class RankPartitions {
 public:
  // `expected_bytes`: about the records' total (the input's size), 0 when unknown (a pipe);
  // `bucket_bytes`: records held in memory at a time (consolidate: 4 MiB; tests: tiny).
  RankPartitions(std::uint64_t expected_bytes, std::size_t bucket_bytes);
  ~RankPartitions();
  RankPartitions(const RankPartitions&) = delete;
  RankPartitions& operator=(const RankPartitions&) = delete;

  // The next record in input order (RowSpool::encode form) and its key; rows count from 0.
  void add(std::uint32_t row, const RankKey& key, std::string_view record);
  // After the last add().
  void finish();
  // The record of `row`, found by reading everything again (for an error message).
  void find(std::uint32_t row, csv::Record& out);

  struct Chunk {
    std::uint64_t offset = 0;
    std::size_t size = 0;
  };
  // A part of the records, each stored as u32 tag (the row, or the rank once regrouped) and
  // the record, in the order they came.
  struct Part {
    std::vector<Chunk> chunks;  // where it lies in the spool
    std::string pending;        // not yet written
    std::uint64_t bytes = 0;
    std::size_t rows = 0;
  };

 private:
  friend class RankOrder;
  void choose_partitions();
  void route(std::uint32_t row, const RankKey& key, std::string_view record);
  void flush(Part& part);

  std::uint64_t m_expected_bytes;
  std::size_t m_bucket_bytes;
  bool m_sampling = true;        // still holding the first rows in m_sample
  std::string m_sample;          // (u32 row, record) in input order
  std::vector<RankKey> m_sample_keys;
  std::vector<RankKey> m_bounds;  // partition p holds the keys from m_bounds[p-1] up to m_bounds[p]
  std::vector<Part> m_parts;
  std::size_t m_flush_at = 0;
  std::unique_ptr<RowSpool> m_spool;
};

class RankOrder {
 public:
  // `ranked`: the candidates in rank order.
  RankOrder(RankPartitions& parts, const std::vector<Candidate>& ranked);
  ~RankOrder();
  RankOrder(const RankOrder&) = delete;
  RankOrder& operator=(const RankOrder&) = delete;

  // The record of rank `r` in RowSpool::encode form; ranks are asked for in increasing order.
  const char* record(std::size_t r) {
    while (m_loaded == kNone || r >= m_buckets[m_loaded].first + m_buckets[m_loaded].count)
      load(m_loaded == kNone ? 0 : m_loaded + 1);
    const std::size_t i = r - m_buckets[m_loaded].first;
    // The records of a bucket lie in input order: each rank is a cache miss, so ask early.
    if (i + kAhead < m_at.size()) __builtin_prefetch(m_data.data() + m_at[i + kAhead]);
    return m_data.data() + m_at[i];
  }

 private:
  static constexpr std::size_t kNone = ~std::size_t{0};
  static constexpr std::size_t kAhead = 8;
  struct Bucket {
    std::size_t first = 0, count = 0;  // ranks [first, first + count)
    RowSpool* spool = nullptr;          // null: the records still in memory (RankPartitions::m_sample)
    std::vector<RankPartitions::Chunk> chunks;
    std::uint64_t bytes = 0;
    bool tagged_by_row = true;  // the u32 before each record: its row (else its rank)
  };
  void split(RankPartitions::Part& part, std::size_t first);
  template <typename F>
  void read_part(const RankPartitions::Part& part, F&& f);
  void load(std::size_t index);

  RankPartitions& m_parts;
  std::size_t m_bucket_bytes;
  std::vector<std::uint32_t> m_rank_of;  // row -> rank
  std::vector<Bucket> m_buckets;
  std::unique_ptr<RowSpool> m_pieces;  // oversized partitions, regrouped by rank
  std::size_t m_loaded = kNone;
  std::string m_data;              // the loaded bucket
  std::vector<std::size_t> m_at;   // rank - first rank of the bucket -> record in m_data
};

}  // namespace jamsos
