// Header names (contract, "CSV conventions"): they match after trimming, lower-casing and
// turning spaces and `-` into `_`. Worked example: " Tanggal-Lahir " -> "tanggal_lahir";
// "No KK" -> "no_kk". Letters outside ASCII are left as they are.
#include <fmt/format.h>

#include "jamsos/core/errors.hpp"
#include "jamsos/core/i18n.hpp"
#include "jamsos/core/text.hpp"
#include "jamsos/csv/reader.hpp"

namespace jamsos::csv {

std::string normalize_header(std::string_view name) {
  std::string out = to_lower_ascii(trim(name));
  for (char& c : out)
    if (c == ' ' || c == '-') c = '_';
  return out;
}

void require_columns(const std::vector<std::string>& header, const std::vector<std::string>& needed,
                     std::string_view file_name) {
  std::string missing;
  for (const auto& name : needed) {
    bool found = false;
    for (const auto& h : header) found = found || h == name;
    if (!found) missing += (missing.empty() ? "" : ", ") + name;
  }
  if (missing.empty()) return;
  throw DataError(fmt::format(
      fmt::runtime(tr("{}: kolom wajib tidak ada: {}. Tambahkan kolom itu di baris judul (nama dicocokkan tanpa beda "
                      "huruf besar/kecil; spasi dan - dibaca _).",
                      "{}: required column missing: {}. Add it to the header row (names match regardless of case; "
                      "spaces and - read as _).")),
      file_name, missing));
}

}  // namespace jamsos::csv
