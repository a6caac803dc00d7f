#pragma once
// A batch of records for core/ordered_pipeline.hpp: filled on the reading thread, judged on a
// worker. The records are reused from batch to batch (their strings keep their capacity), so
// a run allocates nothing per row once the pool of batches has grown.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "jamsos/csv/reader.hpp"

namespace jamsos::csv {

struct RecordBatch {
  std::vector<Record> records;
  std::size_t size = 0;             // records in use
  std::uint64_t bytes_read = 0;     // after this batch, for the progress bar (read on the writing thread)
  std::uint64_t total_bytes = 0;

  // Up to `rows` records from `in`; false when the input had none left.
  bool fill(MultiReader& in, std::size_t rows) {
    if (records.size() < rows) records.resize(rows);
    size = 0;
    while (size < rows && in.next(records[size])) ++size;
    bytes_read = in.bytes_read();
    total_bytes = in.total_bytes();
    return size > 0;
  }
};

}  // namespace jamsos::csv
