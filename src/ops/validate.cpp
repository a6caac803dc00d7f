// `jamsos validate`, the streaming part: every row read once, judged, written to exactly
// one output (contract, "Common rules": nothing is dropped silently).
#include <fmt/core.h>

#include "jamsos/core/i18n.hpp"
#include "jamsos/csv/encoding.hpp"
#include "jamsos/ops/validate.hpp"

namespace jamsos {

const std::vector<std::string>& validate_added_columns() {
  static const std::vector<std::string> columns = {"status", "alasan",     "peringatan",       "keterangan",
                                                   "usia",   "prioritas", "penanggung_jawab", "asal"};
  return columns;
}

ValidateCounts run_validate(csv::MultiReader& in, const Profile& profile, const ValidateOptions& options,
                            csv::Writer& main_out, csv::Writer* rejects, Progress* progress) {
  // A needed column missing from any input stops the run before a row is written (65).
  for (std::size_t i = 0; i < in.source_count(); ++i)
    csv::require_columns(in.source(i).header(), profile.required_columns, in.source(i).display_name());

  Validator validator(profile, options, in.header());
  std::vector<std::size_t> widths;
  for (std::size_t i = 0; i < in.source_count(); ++i) widths.push_back(in.source(i).header().size());
  validator.set_source_widths(std::move(widths));
  const csv::Layout layout(in.header(), validate_added_columns());
  main_out.write_row(layout.header());
  if (rejects) rejects->write_row(layout.header());

  ValidateCounts counts;
  csv::Record record;
  std::vector<std::string> row;
  std::string alasan, peringatan, keterangan;
  while (in.next(record)) {
    ++counts.rows;
    const std::string where = in.location(record);
    const Verdict v = validator.check(record, where);

    alasan.clear(), peringatan.clear(), keterangan.clear();
    for (const auto& f : v.findings) {
      std::string& codes = f.severity == Severity::warning ? peringatan : alasan;
      if (!codes.empty()) codes += ';';
      codes += f.code;
      if (!keterangan.empty()) keterangan += "; ";
      keterangan += f.text;
      if (f.severity != Severity::warning) ++counts.by_code[f.code];
    }
    if (!peringatan.empty()) ++counts.with_warnings;

    // A row rejected for its bytes still goes out as UTF-8 (contract, "Write"), with U+FFFD
    // where the bytes were, so a pipe into the next command does not stop on it.
    if (record.fault == csv::RecordFault::encoding)
      for (auto& field : record.fields)
        if (!csv::is_valid_utf8(field)) field = csv::replace_invalid_utf8(field);
    layout.start_row(record.fields, row);
    const std::string added[] = {status_code(v.status), alasan, peringatan, keterangan,
                                 v.age ? std::to_string(*v.age) : "", std::to_string(v.priority), v.agency, where};
    for (std::size_t i = 0; i < std::size(added); ++i) row[layout.added_index(i)] = added[i];

    switch (v.status) {
      case Status::eligible: ++counts.eligible; break;
      case Status::ineligible: ++counts.ineligible; break;
      case Status::invalid: ++counts.invalid; break;
    }
    if (v.status == Status::eligible || options.all || !rejects) main_out.write_row(row);
    else rejects->write_row(row);
    if (progress && (counts.rows & 0x3fff) == 0) progress->update(in.bytes_read(), in.total_bytes());
  }
  if (progress) progress->finish();
  return counts;
}

}  // namespace jamsos
