// io_floor IN OUT BYTES [OUT BYTES...]: the "I/O floor" of tools/bench. Does only the system
// calls a command cannot avoid: reads IN with read(2) in 2 MiB blocks (as memchr_count does),
// writes each OUT with exactly BYTES bytes (the size jamsos wrote there; the input's own
// bytes, its last block repeated once the input is used up) and fsyncs each, as jamsos's
// Output does before it renames a file into place. No parsing, no checks, no encoding: no
// command that writes those outputs durably can be faster than this on the same machine.
// Prints "<bytes read> <bytes written> <seconds>" on stdout, the time from the first open to
// the last fsync (monotonic clock). Exit 0; 66 if IN cannot be read; 73 if an
// OUT cannot be created; 74 on a failed write; 2 on bad usage.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <vector>

namespace {

struct Out {
  const char* path;
  int fd;
  unsigned long long left;
};

bool write_all(Out& o, const char* p, std::size_t n) {
  while (n > 0) {
    const ssize_t w = ::write(o.fd, p, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      std::fprintf(stderr, "io_floor: %s: %s\n", o.path, std::strerror(errno));
      return false;
    }
    p += w;
    n -= static_cast<std::size_t>(w);
  }
  return true;
}

// Hands `n` bytes of the current block to the outputs in turn, each up to its size.
bool spend(std::vector<Out>& outs, const char* p, std::size_t n, unsigned long long& written) {
  for (Out& o : outs) {
    if (n == 0) break;
    if (o.left == 0) continue;
    const std::size_t take = o.left < n ? static_cast<std::size_t>(o.left) : n;
    if (!write_all(o, p, take)) return false;
    o.left -= take;
    written += take;
    p += take;
    n -= take;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4 || argc % 2 != 0) {
    std::fputs("usage: io_floor IN OUT BYTES [OUT BYTES...]\n", stderr);
    return 2;
  }
  const auto start = std::chrono::steady_clock::now();
  const int in = ::open(argv[1], O_RDONLY | O_CLOEXEC);
  if (in < 0) {
    std::fprintf(stderr, "io_floor: %s: %s\n", argv[1], std::strerror(errno));
    return 66;
  }
  std::vector<Out> outs;
  for (int i = 2; i + 1 < argc; i += 2) {
    char* end = nullptr;
    const unsigned long long bytes = std::strtoull(argv[i + 1], &end, 10);
    if (end == argv[i + 1] || *end != '\0') {
      std::fprintf(stderr, "io_floor: not a byte count: %s\n", argv[i + 1]);
      return 2;
    }
    const int fd = ::open(argv[i], O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) {
      std::fprintf(stderr, "io_floor: %s: %s\n", argv[i], std::strerror(errno));
      return 73;
    }
    outs.push_back({argv[i], fd, bytes});
  }
  ::posix_fadvise(in, 0, 0, POSIX_FADV_SEQUENTIAL);
  const std::size_t block = std::size_t{2} << 20;
  const std::unique_ptr<char[]> buf(new char[block]);
  unsigned long long read_total = 0, written = 0;
  std::size_t last = 0;
  for (;;) {
    const ssize_t n = ::read(in, buf.get(), block);
    if (n < 0) {
      if (errno == EINTR) continue;
      std::fprintf(stderr, "io_floor: %s: %s\n", argv[1], std::strerror(errno));
      return 74;
    }
    if (n == 0) break;
    last = static_cast<std::size_t>(n);
    read_total += last;
    if (!spend(outs, buf.get(), last, written)) return 74;
  }
  ::close(in);
  // Outputs larger than the input (validate's are ~1.7x): the last block again until full.
  bool more = last > 0;
  while (more) {
    if (!spend(outs, buf.get(), last, written)) return 74;
    more = false;
    for (const Out& o : outs) more = more || o.left > 0;
  }
  for (Out& o : outs) {
    if (::fsync(o.fd) != 0 || ::close(o.fd) != 0) {
      std::fprintf(stderr, "io_floor: %s: %s\n", o.path, std::strerror(errno));
      return 74;
    }
  }
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
  std::printf("%llu %llu %.6f\n", read_total, written, took.count());
  return 0;
}
