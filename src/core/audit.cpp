// The processing record, UU 27/2022 Pasal 31 (include/jamsos/core/audit.hpp): one JSON line per
// run, no personal data in it.
// Worked example of the masking: `--audit log.jsonl -o keluar_6471010101900001.csv` is recorded
// as "keluar_647101******0001.csv"; `--signer-city "Budi Santoso"` as "--signer-city","***".
#include "jamsos/core/audit.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "jamsos/core/errors.hpp"
#include "jamsos/core/i18n.hpp"
#include "jamsos/core/nik.hpp"

namespace jamsos {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Length of the valid UTF-8 sequence starting at s[i], or 0 when the byte there starts none
// (overlong forms, surrogates and code points past U+10FFFF are not valid).
std::size_t utf8_length(std::string_view s, std::size_t i) {
  const auto b = [&s](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  std::size_t n = 0;
  unsigned lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (c >= 0xC2 && c <= 0xDF) n = 2;
  else if (c >= 0xE0 && c <= 0xEF) n = 3, lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
  else if (c >= 0xF0 && c <= 0xF4) n = 4, lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
  else return 0;
  if (i + n > s.size() || b(i + 1) < lo || b(i + 1) > hi) return 0;
  for (std::size_t k = 2; k < n; ++k)
    if (b(i + k) < 0x80 || b(i + k) > 0xBF) return 0;
  return n;
}

// A JSON string of `text`, its digit runs masked first.
void append_string(std::string& out, std::string_view raw) {
  const std::string text = mask_digit_runs(raw);
  out.push_back('"');
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(static_cast<char>(c));
    } else if (c < 0x20 || c == 0x7F) {
      out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
    } else if (c >= 0x80) {
      const std::size_t n = utf8_length(text, i);
      if (n == 0) {
        out += "\\ufffd";  // a byte that is not UTF-8 (a path in another encoding)
        ++i;
      } else {
        out.append(text, i, n);
        i += n;
      }
      continue;
    } else {
      out.push_back(static_cast<char>(c));
    }
    ++i;
  }
  out.push_back('"');
}

void append_file(std::string& out, const AuditFile& f) {
  out += "{\"path\":";
  append_string(out, f.path);
  out += ",\"role\":";
  append_string(out, f.role);
  if (f.rows >= 0) out += fmt::format(",\"rows\":{}", f.rows);
  out += fmt::format(",\"bytes\":{},\"sha256\":", f.bytes);
  // Hex, written as it is: a digest may hold 16 digits in a row by chance, and is no NIK.
  if (f.sha256.empty()) out += "null";
  else out += "\"" + f.sha256 + "\"";
  out.push_back('}');
}

}  // namespace

std::string mask_digit_runs(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    std::size_t j = i;
    while (j < text.size() && is_digit(text[j])) ++j;
    if (j - i >= 16) {
      out += mask_nik(text.substr(i, j - i));
    } else if (j > i) {
      out.append(text.substr(i, j - i));
    } else {
      out.push_back(text[i]);
      ++j;
    }
    i = j;
  }
  return out;
}

std::string audit_line(const AuditRecord& r) {
  std::string out;
  out += "{\"time\":";
  append_string(out, r.time);
  out += ",\"jamsos\":";
  append_string(out, r.version);
  out += ",\"command\":";
  append_string(out, r.command);
  out += ",\"argv\":[";
  for (std::size_t i = 0; i < r.argv.size(); ++i) {
    if (i > 0) out.push_back(',');
    append_string(out, r.argv[i]);
  }
  out += "],\"lang\":";
  append_string(out, r.lang);
  out += ",\"profile\":";
  if (r.profile_id.empty()) {
    out += "null";
  } else {
    out += "{\"id\":";
    append_string(out, r.profile_id);
    out += ",\"version\":";
    append_string(out, r.profile_version);
    out.push_back('}');
  }
  for (const auto& [key, files] : {std::pair{"inputs", &r.inputs}, std::pair{"outputs", &r.outputs}}) {
    out += fmt::format(",\"{}\":[", key);
    for (std::size_t i = 0; i < files->size(); ++i) {
      if (i > 0) out.push_back(',');
      append_file(out, (*files)[i]);
    }
    out.push_back(']');
  }
  out += ",\"rows\":{";
  for (std::size_t i = 0; i < r.rows.size(); ++i) {
    if (i > 0) out.push_back(',');
    append_string(out, r.rows[i].first);
    out += fmt::format(":{}", r.rows[i].second);
  }
  out += fmt::format("}},\"exit\":{}}}\n", r.exit_code);
  return out;
}

std::string audit_time(std::time_t when) {
  std::tm local{};
  ::localtime_r(&when, &local);
  char text[40];
  const std::size_t n = std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &local);
  const long offset = local.tm_gmtoff / 60;  // minutes east of UTC
  const long minutes = offset < 0 ? -offset : offset;
  return fmt::format("{}{}{:02}:{:02}", std::string_view(text, n), offset < 0 ? '-' : '+', minutes / 60,
                     minutes % 60);
}

std::vector<std::string> audit_argv(int argc, const char* const* argv) {
  static constexpr std::string_view kNames[] = {"--signer-city", "--signer-bpjs"};
  std::vector<std::string> out;
  bool hide_next = false;
  for (int i = 0; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (hide_next) {
      out.emplace_back("***");
      hide_next = false;
      continue;
    }
    bool done = false;
    for (const std::string_view name : kNames) {
      if (arg == name) {
        hide_next = true;
      } else if (arg.size() > name.size() && arg.substr(0, name.size()) == name && arg[name.size()] == '=') {
        out.push_back(std::string(name) + "=***");
        done = true;
      }
    }
    if (!done) out.emplace_back(arg);
  }
  return out;
}

AuditLog::AuditLog(std::string path) : m_path(std::move(path)) {
  do m_fd = ::open(m_path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
  while (m_fd < 0 && errno == EINTR);
  if (m_fd < 0) {
    const int err = errno;
    throw IoError(fmt::format(trf("tidak bisa menulis catatan pemrosesan {}: {}. Tidak ada yang diproses; periksa "
                                  "--audit atau JAMSOS_AUDIT.",
                                  "cannot write the processing record {}: {}. Nothing was processed; check --audit "
                                  "or JAMSOS_AUDIT."),
                              m_path, std::strerror(err)));
  }
}

AuditLog::~AuditLog() {
  if (m_fd >= 0) ::close(m_fd);
}

void AuditLog::append(std::string_view line) {
  const auto fail = [this](int err) {
    return IoError(fmt::format(trf("gagal menulis catatan pemrosesan {}: {}. Keluaran yang sudah selesai tetap ada, "
                                   "tetapi proses ini tidak tercatat.",
                                   "cannot write the processing record {}: {}. The outputs already finished stay, "
                                   "but this run is not recorded."),
                               m_path, std::strerror(err)));
  };
  // One write(2) with O_APPEND: the kernel puts the whole line at the end in one step, so two
  // cron jobs appending at once do not interleave. A short write is a failure (disk full).
  ssize_t n;
  do n = ::write(m_fd, line.data(), line.size());
  while (n < 0 && errno == EINTR);
  if (n < 0) throw fail(errno);
  if (static_cast<std::size_t>(n) != line.size()) throw fail(ENOSPC);
  // A pipe or terminal (--audit /dev/stderr while trying things) cannot be synced: EINVAL.
  if (::fsync(m_fd) != 0 && errno != EINVAL) throw fail(errno);
}

}  // namespace jamsos
