#include <unistd.h>

#include <filesystem>

#include "command.hpp"
#include "jamsos/core/errors.hpp"
#include "jamsos/core/i18n.hpp"
#include "jamsos/core/text.hpp"

namespace jamsos::cli {

void add_common_options(CLI::App& app, CommonOptions& o) {
  app.add_option("--profile", o.profile,
                 tr("profil regulasi: nama bawaan atau berkas .toml", "regulation profile: built-in name or .toml file"))
      ->capture_default_str();
  app.add_option("--lang", o.lang, tr("bahasa pesan: id atau en", "message language: id or en"))
      ->check(CLI::IsMember({"id", "en"}, CLI::ignore_case))
      ->capture_default_str();
  app.add_flag("-q,--quiet", o.quiet, tr("tanpa ringkasan di stderr", "no summary on stderr"));
  app.add_flag("--excel", o.excel,
               tr("tulis CSV untuk Excel berpengaturan Indonesia (BOM, ';', CRLF)",
                  "write CSV for a spreadsheet with Indonesian settings (BOM, ';', CRLF)"));
  app.add_option("--delimiter", o.delimiter,
                 tr("pemisah kolom masukan: , ; atau tab (bawaan: dideteksi)", "input delimiter: , ; or tab (default: detected)"));
  app.add_option("--encoding", o.encoding, tr("encoding masukan: utf-8, cp1252, latin1", "input encoding: utf-8, cp1252, latin1"))
      ->capture_default_str();
  app.add_option("--max-record-bytes", o.max_record_bytes,
                 tr("batas panjang satu baris data (byte)", "longest record accepted (bytes)"))
      ->capture_default_str();
  app.add_option("--audit", o.audit,
                 tr("tambahkan catatan pemrosesan (satu baris JSON: berkas, SHA-256, jumlah baris, kode keluar; "
                    "tanpa data pribadi) ke FILE (UU 27/2022 Pasal 31); bawaan: $JAMSOS_AUDIT",
                    "append the processing record (one JSON line: files, SHA-256, row counts, exit code; no "
                    "personal data) to FILE (UU 27/2022 Pasal 31); default: $JAMSOS_AUDIT"))
      ->type_name("FILE");
}

csv::ReaderOptions reader_options(const CommonOptions& o) {
  csv::ReaderOptions r;
  r.max_record_bytes = o.max_record_bytes;
  const std::string enc = to_lower_ascii(o.encoding);
  if (enc == "utf-8" || enc == "utf8") {
    r.encoding = csv::Encoding::utf8;
  } else if (enc == "cp1252" || enc == "latin1" || enc == "latin-1" || enc == "iso-8859-1" || enc == "windows-1252") {
    r.encoding = csv::Encoding::cp1252;
  } else {
    throw UsageError(std::string(tr("--encoding tidak dikenal: ", "unknown --encoding: ")) + o.encoding +
                     tr(" (pakai utf-8, cp1252 atau latin1)", " (use utf-8, cp1252 or latin1)"));
  }
  if (o.delimiter.empty()) {
    r.delimiter = 0;
  } else if (o.delimiter == "," || o.delimiter == ";") {
    r.delimiter = o.delimiter[0];
  } else if (o.delimiter == "\\t" || o.delimiter == "\t" || iequals(o.delimiter, "tab")) {
    r.delimiter = '\t';
  } else {
    throw UsageError(std::string(tr("--delimiter harus , ; atau tab, bukan ", "--delimiter must be , ; or tab, not ")) +
                     o.delimiter);
  }
  return r;
}

csv::WriterOptions writer_options(const CommonOptions& o) {
  csv::WriterOptions w;
  w.excel = o.excel;
  return w;
}

bool want_progress(const CommonOptions& o) { return !o.quiet && isatty(2) == 1; }

bool same_output(const std::string& a, const std::string& b) {
  if (a == "-" || b == "-") return a == b;
  std::error_code ec;
  const auto place = [&ec](const std::string& p) {
    return std::filesystem::weakly_canonical(std::filesystem::absolute(p, ec), ec);
  };
  return place(a) == place(b);
}

void require_distinct_outputs(const std::vector<std::string>& paths) {
  for (std::size_t j = 1; j < paths.size(); ++j) {
    std::error_code ec;
    if (paths[j].empty() || std::filesystem::is_character_file(paths[j], ec)) continue;
    for (std::size_t i = 0; i < j; ++i)
      if (!paths[i].empty() && same_output(paths[i], paths[j]))
        throw UsageError(fmt::format(trf("dua keluaran ke tempat yang sama: {}; beri setiap keluaran berkasnya sendiri",
                                         "two outputs to the same place: {}; give each output a file of its own"),
                                     paths[j] == "-" ? "stdout" : paths[j]));
  }
}

}  // namespace jamsos::cli
