// `jamsos validate`, the streaming part: every row read once, judged, written to exactly
// one output (contract, "Common rules": nothing is dropped silently).
//
// Rows go through an OrderedPipeline in batches: one thread parses, the others judge and
// encode their batch's output rows, the calling thread writes the batches in input order.
// The output is byte for byte what one thread would write (JAMSOS_THREADS=1).
#include <fmt/core.h>

#include <charconv>

#include "jamsos/core/i18n.hpp"
#include "jamsos/core/ordered_pipeline.hpp"
#include "jamsos/csv/encoding.hpp"
#include "jamsos/csv/record_batch.hpp"
#include "jamsos/ops/validate.hpp"

namespace jamsos {

namespace {

constexpr std::size_t kBatchRows = 256;  // a batch stays in L2 between parsing and judging (perf)

struct Batch : csv::RecordBatch {
  std::string main_bytes, reject_bytes;  // encoded rows
  std::size_t main_rows = 0, reject_rows = 0;
  ValidateCounts counts;
};

// What one worker reuses from row to row.
struct Worker {
  Validator validator;
  std::string alasan, peringatan, keterangan, where, usia, prioritas;
};

void append_number(std::string& out, std::size_t n) {
  char digits[24];
  const auto end = std::to_chars(digits, digits + sizeof digits, n).ptr;
  out.append(digits, end);
}

}  // namespace

const std::vector<std::string>& validate_added_columns() {
  static const std::vector<std::string> columns = {"status", "alasan",     "peringatan",       "keterangan",
                                                   "usia",   "prioritas", "penanggung_jawab", "asal"};
  return columns;
}

ValidateCounts run_validate(csv::MultiReader& in, const Profile& profile, const ValidateOptions& options,
                            csv::Writer& main_out, csv::Writer* rejects, Progress* progress) {
  // A needed column missing from any input stops the run before a row is written (65).
  std::vector<std::size_t> widths;
  std::vector<std::string> source_names;
  for (std::size_t i = 0; i < in.source_count(); ++i) {
    csv::require_columns(in.source(i).header(), profile.required_columns, in.source(i).display_name());
    widths.push_back(in.source(i).header().size());
    source_names.push_back(in.source(i).display_name());
  }

  const unsigned thread_count = pipeline_workers();
  std::vector<Worker> workers;
  workers.reserve(thread_count);
  for (unsigned w = 0; w < thread_count; ++w) {
    workers.push_back(Worker{Validator(profile, options, in.header()), {}, {}, {}, {}, {}, {}});
    workers.back().validator.set_source_widths(widths);
  }
  const csv::Layout layout(in.header(), validate_added_columns());
  const std::vector<int> sources = layout.column_sources();
  main_out.write_row(layout.header());
  if (rejects) rejects->write_row(layout.header());
  const csv::RowEncoder encoder = main_out.encoder();

  const auto fill = [&](Batch& b) { return b.fill(in, kBatchRows); };

  const auto work = [&](Batch& b, unsigned w) {
    Worker& k = workers[w];
    b.main_bytes.clear(), b.reject_bytes.clear();
    b.main_rows = b.reject_rows = 0;
    b.counts = ValidateCounts{};
    ValidateCounts& counts = b.counts;
    for (std::size_t i = 0; i < b.size; ++i) {
      csv::Record& record = b.records[i];
      ++counts.rows;
      k.where.assign(source_names[record.source]).push_back(':');
      append_number(k.where, record.line);
      const Verdict v = k.validator.check(record, k.where);

      k.alasan.clear(), k.peringatan.clear(), k.keterangan.clear();
      for (const auto& f : v.findings) {
        std::string& codes = f.severity == Severity::warning ? k.peringatan : k.alasan;
        if (!codes.empty()) codes += ';';
        codes += f.code;
        if (!k.keterangan.empty()) k.keterangan += "; ";
        k.keterangan += f.text;
        if (f.severity != Severity::warning) ++counts.by_code[f.code];
      }
      if (!k.peringatan.empty()) ++counts.with_warnings;
      switch (v.status) {
        case Status::eligible: ++counts.eligible; break;
        case Status::ineligible: ++counts.ineligible; break;
        case Status::invalid: ++counts.invalid; break;
      }

      // A row rejected for its bytes still goes out as UTF-8 (contract, "Write"), with U+FFFD
      // where the bytes were, so a pipe into the next command does not stop on it.
      if (record.fault == csv::RecordFault::encoding)
        for (auto& field : record.fields)
          if (!csv::is_valid_utf8(field)) field = csv::replace_invalid_utf8(field);

      k.usia.clear(), k.prioritas.clear();
      if (v.age) append_number(k.usia, static_cast<std::size_t>(*v.age));
      append_number(k.prioritas, static_cast<std::size_t>(v.priority));
      const std::string_view added[] = {status_code(v.status), k.alasan, k.peringatan, k.keterangan,
                                        k.usia,                k.prioritas, v.agency,  k.where};
      const bool to_main = v.status == Status::eligible || options.all || !rejects;
      std::string& out = to_main ? b.main_bytes : b.reject_bytes;
      ++(to_main ? b.main_rows : b.reject_rows);
      encoder.layout_row(out, sources, record.fields, added);
    }
  };

  ValidateCounts counts;
  const auto emit = [&](Batch& b) {
    if (b.main_rows > 0) main_out.write_encoded(b.main_bytes, b.main_rows);
    if (b.reject_rows > 0) rejects->write_encoded(b.reject_bytes, b.reject_rows);
    counts.rows += b.counts.rows;
    counts.eligible += b.counts.eligible;
    counts.ineligible += b.counts.ineligible;
    counts.invalid += b.counts.invalid;
    counts.with_warnings += b.counts.with_warnings;
    for (const auto& [code, n] : b.counts.by_code) counts.by_code[code] += n;
    if (progress) progress->update(b.bytes_read, b.total_bytes);
  };

  OrderedPipeline<Batch>::run(thread_count, fill, work, emit);
  if (progress) progress->finish();
  return counts;
}

}  // namespace jamsos
