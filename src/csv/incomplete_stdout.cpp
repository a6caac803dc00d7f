// The closing line of a stdout stream a failing command leaves behind (incomplete_stdout.hpp).
#include "jamsos/csv/incomplete_stdout.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <string>

#include "jamsos/core/i18n.hpp"

namespace jamsos::csv {
namespace {
std::atomic<bool> g_stdout_written{false};
}  // namespace

void note_stdout_written() { g_stdout_written.store(true, std::memory_order_relaxed); }

void end_stdout_as_incomplete(int exit_code) {
  if (!g_stdout_written.load(std::memory_order_relaxed) || ::isatty(1) == 1) return;
  // No quote, delimiter or newline inside the words: the opening quote must stay open.
  const std::string line = fmt::format(
      fmt::runtime(tr("\n\"jamsos: KELUARAN TIDAK LENGKAP. jamsos berhenti dengan kode {} sebelum selesai (lihat "
                      "pesannya di stderr). Jangan pakai data ini; perbaiki penyebabnya lalu jalankan lagi.\n",
                      "\n\"jamsos: INCOMPLETE OUTPUT. jamsos stopped with code {} before it finished (see its "
                      "message on stderr). Do not use this data; fix the cause and run again.\n")),
      exit_code);
  std::size_t done = 0;
  while (done < line.size()) {
    const ssize_t n = ::write(1, line.data() + done, line.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    done += static_cast<std::size_t>(n);
  }
}

}  // namespace jamsos::csv
