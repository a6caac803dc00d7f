// bench_csv: how fast CSV can be read here, and by what (docs/BENCHMARKS.md, "CSV reader").
//
//   bench_csv --generate FILE [--mb 200] [--seed 1] [--runs 3]   write a seeded file, then time it
//   bench_csv FILE [--runs 3]                                     time an existing file
//
// Times, best of --runs, each over the whole file from the page cache:
//   (a) fast-cpp-csv-parser LineReader: line splitting only
//   (b) fast-cpp-csv-parser CSVReader: 4 fixed columns, RFC 4180 quotes (double_quote_escape)
//   (c) jamsos::csv::Reader: every field of every record, UTF-8 checked
//   (d) read(2) + memchr newline count: the floor nothing can beat
//   (e) Reader -> Writer to /dev/null: a pass-through command's whole CSV cost
// The generated file looks like an agency's proposal export: 17 columns, quoted addresses
// holding commas, a few `""`; no newline inside quotes, so that fccp can read it at all.
#include <fcntl.h>
#include <fmt/core.h>
// fccp's strncpy of file names into its error objects trips GCC 12's -Wstringop-truncation.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wstringop-truncation"
#include <libfccp/csv.h>
#pragma GCC diagnostic pop
#include <unistd.h>

#include <time.h>

#include <chrono>
#include <cstring>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "jamsos/core/errors.hpp"
#include "jamsos/csv/output_file.hpp"
#include "jamsos/csv/reader.hpp"
#include "jamsos/csv/writer.hpp"

namespace {

using Clock = std::chrono::steady_clock;

const std::vector<std::string> kHeader = {
    "nik",       "no_kk",        "nama",           "tempat_lahir", "tanggal_lahir", "jenis_kelamin",
    "alamat",    "no_telepon",   "kabkota_ktp",    "domisili_sejak", "pekerjaan",   "penghasilan",
    "kategori",  "punya_bpjstk", "p3ke",           "disabilitas",  "tanggal_usulan"};

void generate(const std::string& path, std::uint64_t megabytes, std::uint64_t seed) {
  static const char* const first[] = {"Ahmad", "Siti", "Budi", "Dewi", "Muhammad", "Nur", "Rina", "Agus",
                                      "Hj. Aminah", "Drs. Rudi", "Yusuf", "Fitri", "Andi", "Sri", "Eko"};
  static const char* const last[] = {"Saputra", "Rahmawati", "Hidayat", "Lestari", "Pratama", "Wahyuni",
                                     "Nugroho", "Sari", "Gunawan", "Kurniawan", "Syahrani", "Daeng"};
  static const char* const streets[] = {"Jl. Mawar", "Jl. Jend. Sudirman", "Jl. MT Haryono", "Gg. Damai",
                                        "Jl. Ruhui Rahayu", "Jl. Soekarno-Hatta Km. 5"};
  static const char* const places[] = {"Balikpapan", "Samarinda", "Makassar", "Banjarmasin", "Surabaya"};
  static const char* const jobs[] = {"a", "b", "c", "f", "pedagang keliling", "k", "n", "o", "buruh harian"};
  std::mt19937_64 rng(seed);
  const auto n = [&](std::uint64_t below) { return std::uniform_int_distribution<std::uint64_t>(0, below - 1)(rng); };
  jamsos::csv::Output out(path);
  jamsos::csv::Writer w(out, {});
  w.write_row(kHeader);
  std::vector<std::string> row(kHeader.size());
  const std::uint64_t limit = megabytes * 1000 * 1000;
  std::uint64_t written = 0;
  while (written < limit) {
    const unsigned day = 1 + static_cast<unsigned>(n(28)), month = 1 + static_cast<unsigned>(n(12));
    const unsigned year = 1960 + static_cast<unsigned>(n(47));
    const bool woman = n(2) == 1;
    row[0] = fmt::format("6471{:02}{:02}{:02}{:02}{:04}", 1 + n(6), day + (woman ? 40 : 0), month, year % 100,
                         1 + n(9999));
    row[1] = fmt::format("6471{:02}{:010}", 1 + n(6), n(10000000000ULL));
    row[2] = fmt::format("{} {}", first[n(std::size(first))], last[n(std::size(last))]);
    if (n(50) == 0) row[2] += " \"Ucok\"";  // a nickname in quotes: written `""`
    row[3] = places[n(std::size(places))];
    row[4] = n(4) == 0 ? fmt::format("{:02}/{:02}/{}", day, month, year) : fmt::format("{}-{:02}-{:02}", year, month, day);
    row[5] = woman ? "P" : "L";
    row[6] = fmt::format("{} No. {}, RT {:02} RW {:02}, Kel. Gunung Samarinda", streets[n(std::size(streets))],
                         1 + n(200), 1 + n(40), 1 + n(12));
    row[7] = fmt::format("08{:010}", n(10000000000ULL));
    row[8] = n(10) == 0 ? "64.71" : "6471";
    row[9] = fmt::format("{}-{:02}-01", 2000 + n(25), 1 + n(12));
    row[10] = jobs[n(std::size(jobs))];
    row[11] = n(3) == 0 ? fmt::format("{}.{:03}.000", 1 + n(4), n(1000)) : fmt::format("{}000", 500 + n(3500));
    row[12] = n(2) == 0 ? "FM" : "OTM";
    row[13] = n(8) == 0 ? "Y" : "N";
    row[14] = n(5) == 0 ? "Y" : "";
    row[15] = n(20) == 0 ? "Y" : "";
    row[16] = fmt::format("2025-0{}-{:02}", 1 + n(7), 1 + n(28));
    w.write_row(row);
    for (const auto& f : row) written += f.size() + 1;  // about the bytes written; quotes aside
  }
  out.commit();
}

std::uint64_t file_size(const std::string& path) {
  jamsos::csv::Reader r(path, {});
  return r.total_bytes();
}

// CPU seconds of the whole process (all threads: fccp reads ahead in a second one).
double cpu_seconds() {
  timespec ts{};
  ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// Best of `runs` timings of `f`, which returns a count shown beside the speed. Speed is
// given per CPU second and per wall second: on a shared machine the wall clock also
// measures the neighbours, the CPU clock only us.
void time_it(const char* name, int runs, std::uint64_t bytes, const std::function<std::uint64_t()>& f) {
  double best_cpu = 1e300, best_wall = 1e300;
  std::uint64_t count = 0;
  try {
    for (int i = 0; i < runs; ++i) {
      const auto start = Clock::now();
      const double cpu_start = cpu_seconds();
      count = f();
      best_cpu = std::min(best_cpu, cpu_seconds() - cpu_start);
      best_wall = std::min(best_wall, std::chrono::duration<double>(Clock::now() - start).count());
    }
  } catch (const std::exception& e) {
    fmt::print("{:<40} failed: {}\n", name, e.what());
    return;
  }
  const double mb = static_cast<double>(bytes) / 1e6;
  fmt::print("{:<40} {:7.0f} MB/s cpu {:7.0f} MB/s wall {:>9} rows\n", name, mb / best_cpu, mb / best_wall, count);
}

std::uint64_t memchr_lines(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY);
  if (fd < 0) throw std::runtime_error("open failed");
  std::vector<char> buf(1u << 20);
  std::uint64_t lines = 0;
  for (;;) {
    const ssize_t n = ::read(fd, buf.data(), buf.size());
    if (n <= 0) break;
    const char* p = buf.data();
    const char* const end = p + n;
    while ((p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)))) != nullptr) {
      ++lines;
      ++p;
    }
  }
  ::close(fd);
  return lines;
}

}  // namespace

int main(int argc, char** argv) {
  std::string path, generate_to;
  std::uint64_t megabytes = 200, seed = 1;
  int runs = 3;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const bool has_value = i + 1 < argc;
    if (arg == "--generate" && has_value) generate_to = argv[++i];
    else if (arg == "--mb" && has_value) megabytes = std::stoull(argv[++i]);
    else if (arg == "--seed" && has_value) seed = std::stoull(argv[++i]);
    else if (arg == "--runs" && has_value) runs = std::stoi(argv[++i]);
    else if (arg[0] != '-') path = arg;
    else {
      fmt::print(stderr, "usage: bench_csv --generate FILE [--mb 200] [--seed 1] [--runs 3] | bench_csv FILE [--runs 3]\n");
      return 2;
    }
  }
  try {
    if (!generate_to.empty()) {
      const auto start = Clock::now();
      generate(generate_to, megabytes, seed);
      path = generate_to;
      fmt::print("generated {} ({} MB, seed {}) in {:.1f} s\n", path, megabytes, seed,
                 std::chrono::duration<double>(Clock::now() - start).count());
    }
    if (path.empty()) {
      fmt::print(stderr, "bench_csv: name a FILE or --generate FILE\n");
      return 2;
    }
    const std::uint64_t bytes = file_size(path);
    fmt::print("{}: {:.1f} MB, best of {} runs\n", path, static_cast<double>(bytes) / 1e6, runs);
    memchr_lines(path);  // warm the page cache

    time_it("(a) fccp LineReader (lines only)", runs, bytes, [&] {
      io::LineReader in(path);
      std::uint64_t n = 0;
      while (in.next_line()) ++n;
      return n;
    });
    time_it("(b) fccp CSVReader, 4 fixed columns", runs, bytes, [&] {
      io::CSVReader<4, io::trim_chars<>, io::double_quote_escape<',', '"'>> in(path);
      in.read_header(io::ignore_extra_column, "nik", "nama", "alamat", "tanggal_usulan");
      char *nik, *nama, *alamat, *tanggal;
      std::uint64_t n = 0;
      while (in.read_row(nik, nama, alamat, tanggal)) ++n;
      return n;
    });
    time_it("(c) jamsos::csv::Reader, all columns", runs, bytes, [&] {
      jamsos::csv::Reader in(path, {});
      jamsos::csv::Record r;
      std::uint64_t n = 0, faults = 0;
      while (in.next(r)) {
        ++n;
        faults += r.fault != jamsos::csv::RecordFault::none;
      }
      if (faults) fmt::print("    ({} faulty records)\n", faults);
      return n;
    });
    time_it("(d) read(2) + memchr newline count", runs, bytes, [&] { return memchr_lines(path); });
    time_it("(e) Reader -> Writer to /dev/null", runs, bytes, [&] {
      jamsos::csv::Reader in(path, {});
      jamsos::csv::Output sink("/dev/null");
      jamsos::csv::Writer w(sink, {});
      w.write_row(in.header());
      jamsos::csv::Record r;
      while (in.next(r)) w.write_row(r.fields);
      sink.commit();
      return static_cast<std::uint64_t>(w.rows_written());
    });
  } catch (const jamsos::Error& e) {
    fmt::print(stderr, "bench_csv: {}\n", e.what());
    return static_cast<int>(e.code());
  }
  return 0;
}
