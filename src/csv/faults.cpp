// Record faults (contract, "CSV conventions"): `validate` rejects such a row as `invalid`
// with the fault's code; every other command stops with exit 65, saying where, what and
// how to fix it. Example: "dinsos.csv:12: baris ini punya 8 kolom, baris judul 9 ...".
#include <fmt/format.h>

#include "jamsos/core/errors.hpp"
#include "jamsos/core/i18n.hpp"
#include "jamsos/csv/reader.hpp"

namespace jamsos::csv {

const char* fault_code(RecordFault f) {
  switch (f) {
    case RecordFault::field_count: return "field_count";
    case RecordFault::quote: return "quote";
    case RecordFault::encoding: return "encoding";
    case RecordFault::none: break;
  }
  return "";
}

void stop_on_faulty_record(const MultiReader& in, const Record& r) {
  // Called for every record: FILE:LINE is formatted only for a fault (formatting it first
  // was 17% of reconcile's instructions in callgrind).
  if (r.fault == RecordFault::none) return;
  const std::string where = in.location(r);
  switch (r.fault) {
    case RecordFault::none:
      return;
    case RecordFault::field_count:
      throw DataError(fmt::format(
          fmt::runtime(tr("{}: baris ini punya {} kolom, baris judul {}. Periksa pemisah dan tanda kutip di baris itu "
                          "(kolom yang berisi pemisah harus diapit \"), atau jalankan jamsos validate untuk "
                          "memisahkan baris rusak.",
                          "{}: this record has {} fields, the header {}. Check the delimiters and quotes on that line "
                          "(a field holding the delimiter must be quoted), or run jamsos validate to set broken rows "
                          "aside.")),
          where, r.raw_field_count, in.source(r.source).header().size()));
    case RecordFault::quote:
      throw DataError(fmt::format(
          fmt::runtime(tr("{}: tanda kutip salah (teks sesudah kutip penutup, atau \" di tengah kolom tanpa kutip). "
                          "Kolom yang berisi \" harus diapit kutip dan \" di dalamnya ditulis \"\".",
                          "{}: misplaced quote (text after a closing quote, or a \" inside an unquoted field). A field "
                          "holding \" must be quoted, with each \" inside it written \"\".")),
          where));
    case RecordFault::encoding:
      throw DataError(fmt::format(
          fmt::runtime(tr("{}: baris ini bukan teks UTF-8; simpan ulang sebagai CSV UTF-8 atau pakai --encoding cp1252.",
                          "{}: this record is not UTF-8 text; save the file again as CSV UTF-8 or use --encoding "
                          "cp1252.")),
          where));
  }
}

}  // namespace jamsos::csv
