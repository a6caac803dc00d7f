// consolidate's rows in rank order, a partition in memory at a time; see
// include/jamsos/ops/consolidate_order.hpp for the worked sizes (1M rows: 47 partitions).
#include "jamsos/ops/consolidate_order.hpp"

#include <algorithm>
#include <cstring>
#include <stdexcept>

namespace jamsos {

namespace {

constexpr std::size_t kSampleRows = 16384;          // first rows whose keys choose the boundaries
constexpr std::size_t kSampleBuckets = 1;           // ... or one bucket of their records
constexpr std::size_t kPipePartitions = 512;        // no size to go by: 2 GB of records in 4 MiB
constexpr std::size_t kMaxPartitions = 2048;
constexpr std::size_t kPendingBytes = 4u << 20;     // all partitions' write buffers together
constexpr std::size_t kWholeBuckets = 2;            // a partition up to 2 buckets is read whole

void append_tagged(std::string& out, std::uint32_t tag, std::string_view record) {
  char bytes[sizeof tag];
  std::memcpy(bytes, &tag, sizeof tag);
  out.append(bytes, sizeof tag).append(record);
}

std::uint32_t tag_at(const char* p) {
  std::uint32_t tag = 0;
  std::memcpy(&tag, p, sizeof tag);
  return tag;
}

std::size_t flush_size(std::size_t parts) {
  return std::clamp<std::size_t>(kPendingBytes / std::max<std::size_t>(parts, 1), 4u << 10, 32u << 10);
}

// Calls f(tag, record) for each tagged record in [p, end).
template <typename F>
void for_each_tagged(const char* p, const char* end, F&& f) {
  while (p < end) {
    const std::uint32_t tag = tag_at(p);
    p += sizeof tag;
    const std::size_t size = RowSpool::encoded_size(p);
    f(tag, p, size);
    p += size;
  }
}

}  // namespace

RankPartitions::RankPartitions(std::uint64_t expected_bytes, std::size_t bucket_bytes)
    : m_expected_bytes(expected_bytes), m_bucket_bytes(std::max<std::size_t>(bucket_bytes, 1)) {}

RankPartitions::~RankPartitions() = default;

void RankPartitions::add(std::uint32_t row, const RankKey& key, std::string_view record) {
  if (!m_sampling) {
    route(row, key, record);
    return;
  }
  append_tagged(m_sample, row, record);
  m_sample_keys.push_back(key);
  if (m_sample_keys.size() >= kSampleRows || m_sample.size() >= kSampleBuckets * m_bucket_bytes)
    choose_partitions();
}

// Enough rows seen to guess the key distribution: as many partitions as the input has buckets,
// their boundaries at the quantiles of the keys seen so far.
void RankPartitions::choose_partitions() {
  m_sampling = false;
  const std::size_t partitions =
      m_expected_bytes == 0
          ? kPipePartitions
          : static_cast<std::size_t>(std::clamp<std::uint64_t>(
                (m_expected_bytes + m_bucket_bytes - 1) / m_bucket_bytes, 1, kMaxPartitions));
  std::vector<RankKey> keys = m_sample_keys;
  std::sort(keys.begin(), keys.end(), ranks_before);
  for (std::size_t p = 1; p < partitions; ++p) m_bounds.push_back(keys[p * keys.size() / partitions]);
  m_parts.resize(partitions);
  m_flush_at = flush_size(partitions);
  m_spool = std::make_unique<RowSpool>();

  const std::string sample = std::move(m_sample);
  const std::vector<RankKey> sample_keys = std::move(m_sample_keys);
  std::string().swap(m_sample);
  std::vector<RankKey>().swap(m_sample_keys);
  std::size_t i = 0;
  for_each_tagged(sample.data(), sample.data() + sample.size(),
                  [&](std::uint32_t row, const char* record, std::size_t size) {
                    route(row, sample_keys[i++], std::string_view(record, size));
                  });
}

void RankPartitions::route(std::uint32_t row, const RankKey& key, std::string_view record) {
  // Partition p holds the keys from m_bounds[p - 1] (included) to m_bounds[p] (excluded).
  const auto p = static_cast<std::size_t>(
      std::upper_bound(m_bounds.begin(), m_bounds.end(), key, ranks_before) - m_bounds.begin());
  Part& part = m_parts[p];
  append_tagged(part.pending, row, record);
  part.bytes += sizeof(std::uint32_t) + record.size();
  ++part.rows;
  if (part.pending.size() >= m_flush_at) flush(part);
}

void RankPartitions::flush(Part& part) {
  part.chunks.push_back(Chunk{m_spool->append_encoded(part.pending), part.pending.size()});
  part.pending.clear();
  // A long record (up to --max-record-bytes) must not leave its size behind in every partition.
  if (part.pending.capacity() > 4 * m_flush_at) std::string().swap(part.pending);
}

void RankPartitions::finish() {
  if (m_sampling) return;  // everything is still in memory
  for (Part& part : m_parts) {
    if (!part.pending.empty()) flush(part);
    std::string().swap(part.pending);
  }
}

void RankPartitions::find(std::uint32_t row, csv::Record& out) {
  bool found = false;
  const auto look = [&](const char* p, const char* end) {
    for_each_tagged(p, end, [&](std::uint32_t tag, const char* record, std::size_t) {
      if (found || tag != row) return;
      RowSpool::View view;
      RowSpool::decode(record, view);
      out.fields.assign(view.fields.begin(), view.fields.end());
      out.source = view.source;
      out.line = view.line;
      out.fault = csv::RecordFault::none;
      out.raw_field_count = view.fields.size();
      found = true;
    });
  };
  if (m_sampling) {
    look(m_sample.data(), m_sample.data() + m_sample.size());
  } else {
    std::string block;
    for (const Part& part : m_parts) {
      for (const Chunk& chunk : part.chunks) {
        block.resize(chunk.size);
        m_spool->read_bytes(chunk.offset, block.data(), chunk.size);
        look(block.data(), block.data() + block.size());
        if (found) return;
      }
    }
  }
  if (!found) throw std::logic_error("consolidate: a row missing from its partitions");
}

RankOrder::RankOrder(RankPartitions& parts, const std::vector<Candidate>& ranked)
    : m_parts(parts), m_bucket_bytes(parts.m_bucket_bytes) {
  m_rank_of.resize(ranked.size());
  for (std::size_t r = 0; r < ranked.size(); ++r) m_rank_of[ranked[r].row] = static_cast<std::uint32_t>(r);

  if (parts.m_sampling) {  // a small input: its records never left memory
    if (!ranked.empty()) {
      Bucket all;
      all.count = ranked.size();
      all.bytes = parts.m_sample.size();
      m_buckets.push_back(std::move(all));
    }
  } else {
    // Partitions come in key order, so partition p holds exactly the ranks after those of the
    // partitions before it.
    std::size_t first = 0;
    for (RankPartitions::Part& part : parts.m_parts) {
      if (part.rows == 0) continue;
      if (part.bytes <= kWholeBuckets * m_bucket_bytes) {
        Bucket bucket;
        bucket.first = first;
        bucket.count = part.rows;
        bucket.spool = parts.m_spool.get();
        bucket.chunks = std::move(part.chunks);
        bucket.bytes = part.bytes;
        m_buckets.push_back(std::move(bucket));
      } else {
        split(part, first);
      }
      first += part.rows;
    }
  }
  // Sized once for the largest bucket: growing would leave the old block behind in the malloc
  // arena of whichever thread loads the buckets.
  std::uint64_t largest = 0;
  std::size_t most = 0;
  for (const Bucket& b : m_buckets) {
    largest = std::max(largest, b.bytes);
    most = std::max(most, b.count);
  }
  if (!m_buckets.empty() && m_buckets.front().spool != nullptr) m_data.reserve(static_cast<std::size_t>(largest));
  m_at.reserve(most);
}

RankOrder::~RankOrder() = default;

// Calls f(row, record, size) for each record of a partition, in the order they came.
template <typename F>
void RankOrder::read_part(const RankPartitions::Part& part, F&& f) {
  std::string block;
  for (const RankPartitions::Chunk& chunk : part.chunks) {
    block.resize(chunk.size);
    m_parts.m_spool->read_bytes(chunk.offset, block.data(), chunk.size);
    for_each_tagged(block.data(), block.data() + block.size(), f);
  }
}

// A partition too large to read whole (the first rows were no fair sample of the keys): read
// once for the record sizes in rank order, which cut it into pieces of at most bucket_bytes,
// and once more to copy each record, tagged with its rank, to its piece.
void RankOrder::split(RankPartitions::Part& part, std::size_t first) {
  std::vector<std::uint32_t> sizes(part.rows);  // by rank - first
  read_part(part, [&](std::uint32_t row, const char*, std::size_t size) {
    const std::size_t i = m_rank_of[row] - first;
    if (i >= sizes.size()) throw std::logic_error("consolidate: a row in the wrong partition");
    sizes[i] = static_cast<std::uint32_t>(size);
  });
  std::vector<std::size_t> piece_first = {first};
  std::uint64_t bytes = 0;
  for (std::size_t i = 0; i < sizes.size(); ++i) {
    const std::uint64_t size = std::uint64_t{sizes[i]} + sizeof(std::uint32_t);
    if (bytes > 0 && bytes + size > m_bucket_bytes) {
      piece_first.push_back(first + i);
      bytes = 0;
    }
    bytes += size;
  }
  piece_first.push_back(first + part.rows);
  std::vector<std::uint32_t>().swap(sizes);

  if (!m_pieces) m_pieces = std::make_unique<RowSpool>();
  const std::size_t pieces = piece_first.size() - 1;
  std::vector<Bucket> made(pieces);
  for (std::size_t k = 0; k < pieces; ++k) {
    made[k].first = piece_first[k];
    made[k].count = piece_first[k + 1] - piece_first[k];
    made[k].spool = m_pieces.get();
    made[k].tagged_by_row = false;
  }
  std::vector<std::string> pending(pieces);
  const std::size_t flush_at = flush_size(pieces);
  const auto flush = [&](std::size_t k) {
    made[k].chunks.push_back(RankPartitions::Chunk{m_pieces->append_encoded(pending[k]), pending[k].size()});
    pending[k].clear();
    if (pending[k].capacity() > 4 * flush_at) std::string().swap(pending[k]);
  };
  read_part(part, [&](std::uint32_t row, const char* record, std::size_t size) {
    const std::uint32_t r = m_rank_of[row];
    const auto k = static_cast<std::size_t>(
        std::upper_bound(piece_first.begin(), piece_first.end(), r) - piece_first.begin() - 1);
    append_tagged(pending[k], r, std::string_view(record, size));
    made[k].bytes += sizeof r + size;
    if (pending[k].size() >= flush_at) flush(k);
  });
  for (std::size_t k = 0; k < pieces; ++k)
    if (!pending[k].empty()) flush(k);
  std::vector<RankPartitions::Chunk>().swap(part.chunks);
  for (Bucket& b : made) m_buckets.push_back(std::move(b));
}

void RankOrder::load(std::size_t index) {
  m_loaded = index;
  Bucket& bucket = m_buckets[index];
  if (bucket.spool == nullptr) {
    m_data = std::move(m_parts.m_sample);
  } else {
    m_data.resize(static_cast<std::size_t>(bucket.bytes));
    std::size_t at = 0;
    for (const RankPartitions::Chunk& chunk : bucket.chunks) {
      bucket.spool->read_bytes(chunk.offset, m_data.data() + at, chunk.size);
      at += chunk.size;
    }
    std::vector<RankPartitions::Chunk>().swap(bucket.chunks);
  }
  m_at.assign(bucket.count, 0);
  std::size_t seen = 0;
  const char* base = m_data.data();
  for_each_tagged(base, base + m_data.size(), [&](std::uint32_t tag, const char* record, std::size_t) {
    const std::size_t rank = bucket.tagged_by_row ? m_rank_of[tag] : tag;
    if (rank - bucket.first >= bucket.count) throw std::logic_error("consolidate: a row in the wrong rank bucket");
    m_at[rank - bucket.first] = static_cast<std::size_t>(record - base);
    ++seen;
  });
  if (seen != bucket.count) throw std::logic_error("consolidate: a rank bucket lost or gained rows");
}

}  // namespace jamsos
