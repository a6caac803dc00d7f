#pragma once
// Messages, keterangan texts and reports are in Bahasa Indonesia by default; `--lang en`
// switches to English (contract, "Common rules"). The language is chosen once per run.
#include <fmt/core.h>

#include <string>
#include <string_view>

namespace jamsos {

enum class Lang { id, en };

void set_lang(Lang lang);
Lang lang();
// Parses "id" / "en" (any case); throws UsageError otherwise.
Lang parse_lang(std::string_view text);

// The text in the run's language: tr("berkas tidak ditemukan", "file not found").
inline const std::string& tr(const std::string& id, const std::string& en) {
  return lang() == Lang::en ? en : id;
}
inline std::string_view tr(std::string_view id, std::string_view en) {
  return lang() == Lang::en ? en : id;
}
inline const char* tr(const char* id, const char* en) { return lang() == Lang::en ? en : id; }

// A translated format string: fmt::format(trf("usia {} tahun", "age {}"), n). The language
// is chosen at run time, so fmt checks these at run time (tests run both languages).
inline auto trf(const char* id, const char* en) { return fmt::runtime(tr(id, en)); }

}  // namespace jamsos
