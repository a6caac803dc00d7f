// The closing line of a stdout stream a failing command leaves behind (incomplete_stdout.hpp).
#include "jamsos/csv/incomplete_stdout.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <string>

#include "jamsos/core/i18n.hpp"

namespace jamsos::csv {
namespace {
std::atomic<bool> g_stdout_written{false};
static_assert(std::atomic<bool>::is_always_lock_free, "read from a signal handler");

// The signal's line, prepared before any signal can come: a handler may only write(2).
char g_signal_line[512];
std::size_t g_signal_prefix = 0;  // bytes before the signal number
char g_signal_suffix[256];
std::size_t g_signal_suffix_size = 0;
bool g_stdout_is_terminal = true;

void write_fully(const char* data, std::size_t size) {
  while (size > 0) {
    const ssize_t n = ::write(1, data, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    data += n;
    size -= static_cast<std::size_t>(n);
  }
}

extern "C" void on_stop_signal(int sig) {
  const int saved_errno = errno;
  if (g_stdout_written.load(std::memory_order_relaxed) && !g_stdout_is_terminal) {
    char line[sizeof g_signal_line + sizeof g_signal_suffix + 4];
    std::size_t n = 0;
    for (std::size_t i = 0; i < g_signal_prefix; ++i) line[n++] = g_signal_line[i];
    if (sig >= 10) line[n++] = static_cast<char>('0' + sig / 10);
    line[n++] = static_cast<char>('0' + sig % 10);
    for (std::size_t i = 0; i < g_signal_suffix_size; ++i) line[n++] = g_signal_suffix[i];
    write_fully(line, n);
  }
  errno = saved_errno;
  (void)std::signal(sig, SIG_DFL);  // die of the signal, as a script expects (exit 128 + sig)
  (void)std::raise(sig);
}
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
  write_fully(line.data(), line.size());
}

void mark_stdout_incomplete_on_signals() {
  g_stdout_is_terminal = ::isatty(1) == 1;
  const std::string prefix = tr("\n\"jamsos: KELUARAN TIDAK LENGKAP. jamsos dihentikan oleh sinyal ",
                                "\n\"jamsos: INCOMPLETE OUTPUT. jamsos was stopped by signal ");
  const std::string suffix = tr(" sebelum selesai. Jangan pakai data ini; jalankan lagi sampai selesai.\n",
                                " before it finished. Do not use this data; run it again to the end.\n");
  if (prefix.size() > sizeof g_signal_line || suffix.size() > sizeof g_signal_suffix) return;
  prefix.copy(g_signal_line, prefix.size());
  g_signal_prefix = prefix.size();
  suffix.copy(g_signal_suffix, suffix.size());
  g_signal_suffix_size = suffix.size();
  for (const int sig : {SIGTERM, SIGINT, SIGHUP}) {
    struct sigaction old {};
    if (::sigaction(sig, nullptr, &old) != 0 || old.sa_handler == SIG_IGN) continue;  // nohup: leave it
    struct sigaction act {};
    act.sa_handler = on_stop_signal;
    sigemptyset(&act.sa_mask);
    act.sa_flags = SA_RESETHAND;
    ::sigaction(sig, &act, nullptr);
  }
}

}  // namespace jamsos::csv
