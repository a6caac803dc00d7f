#include "jamsos/core/i18n.hpp"

#include <atomic>

#include "jamsos/core/errors.hpp"
#include "jamsos/core/text.hpp"

namespace jamsos {

namespace {
std::atomic<Lang> g_lang{Lang::id};
}

void set_lang(Lang l) { g_lang.store(l, std::memory_order_relaxed); }
Lang lang() { return g_lang.load(std::memory_order_relaxed); }

Lang parse_lang(std::string_view text) {
  const std::string t = to_lower_ascii(trim(text));
  if (t == "id" || t == "in") return Lang::id;
  if (t == "en") return Lang::en;
  throw UsageError("--lang: pakai 'id' atau 'en' / use 'id' or 'en'");
}

}  // namespace jamsos
