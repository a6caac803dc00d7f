// memchr_count FILE [--block-mib N]: the "memchr ceiling" of tools/bench. Reads FILE with
// read(2) in large blocks (default 2 MiB) and counts '\n' with memchr, nothing else: no
// fields, no quotes, no output. A command that reads the same file can go no faster than
// this on the same machine, so tools/bench reports validate's speed as a share of it.
// Prints "<newlines> <bytes> <seconds>" on stdout, the time from open to the last read
// (monotonic clock; tools/bench uses it, finer than /usr/bin/time's hundredths). Exit 0, or 66 when FILE cannot be read.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string_view>

int main(int argc, char** argv) {
  const char* path = nullptr;
  std::size_t block = std::size_t{2} << 20;
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (a == "--block-mib" && i + 1 < argc) {
      const long mib = std::strtol(argv[++i], nullptr, 10);
      if (mib < 1 || mib > 1024) {
        std::fputs("memchr_count: --block-mib takes 1..1024\n", stderr);
        return 2;
      }
      block = static_cast<std::size_t>(mib) << 20;
    } else if (path == nullptr) {
      path = argv[i];
    } else {
      std::fputs("usage: memchr_count FILE [--block-mib N]\n", stderr);
      return 2;
    }
  }
  if (path == nullptr) {
    std::fputs("usage: memchr_count FILE [--block-mib N]\n", stderr);
    return 2;
  }
  const auto start = std::chrono::steady_clock::now();
  const int fd = ::open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    std::fprintf(stderr, "memchr_count: %s: %s\n", path, std::strerror(errno));
    return 66;
  }
  ::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
  const std::unique_ptr<char[]> buf(new char[block]);
  std::size_t lines = 0, bytes = 0;
  for (;;) {
    const ssize_t n = ::read(fd, buf.get(), block);
    if (n < 0) {
      if (errno == EINTR) continue;
      std::fprintf(stderr, "memchr_count: %s: %s\n", path, std::strerror(errno));
      return 74;
    }
    if (n == 0) break;
    bytes += static_cast<std::size_t>(n);
    const char* p = buf.get();
    const char* const end = p + n;
    while (p < end) {
      const void* hit = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
      if (hit == nullptr) break;
      ++lines;
      p = static_cast<const char*>(hit) + 1;
    }
  }
  ::close(fd);
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
  std::printf("%zu %zu %.6f\n", lines, bytes, took.count());
  return 0;
}
