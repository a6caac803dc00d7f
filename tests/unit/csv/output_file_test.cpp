// Output: atomic, owner-only files (unnamed O_TMPFILE temporaries, or named ones where the
// file system has no O_TMPFILE); the digest for --audit; errors with the contract's exit codes.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>

#include "csv_test_util.hpp"
#include "jamsos/core/errors.hpp"
#include "jamsos/core/sha256.hpp"
#include "jamsos/csv/output_file.hpp"

using namespace jamsos;
using namespace jamsos::csv;
using namespace jamsos::csv::test;

namespace {

std::size_t files_in(const std::string& dir) {
  std::size_t n = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir)) ++n;
  return n;
}

// Runs a test with unnamed temporaries allowed (the default) and then without (the fallback
// for file systems without O_TMPFILE), restoring the default after.
struct TemporaryKind {
  explicit TemporaryKind(bool unnamed) : m_before(Output::allow_unnamed_temporaries(unnamed)) {}
  ~TemporaryKind() { Output::allow_unnamed_temporaries(m_before); }
  bool m_before;
};

}  // namespace

TEST_CASE("csv::Output is atomic", "[csv][output]") {
  const bool unnamed = GENERATE(true, false);
  TemporaryKind kind(unnamed);
  INFO("unnamed (O_TMPFILE) temporaries allowed: " << unnamed);
  TempDir dir;
  const std::string target = dir.file("out.csv", "old content\n");

  SECTION("commit replaces the file, mode 0600, no temporary left") {
    {
      Output out(target);
      out.write("new\n");
      CHECK(slurp(target) == "old content\n");  // nothing visible before commit
      out.commit();
    }
    CHECK(slurp(target) == "new\n");
    struct stat st {};
    REQUIRE(::stat(target.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    CHECK(files_in(dir.path()) == 1);
  }
  SECTION("a run that fails before commit leaves the old file and no temporary") {
    try {
      Output out(target);
      out.write(std::string(3 << 20, 'x'));  // beyond the buffer: really written to the temporary
      // Named only without O_TMPFILE (or where the file system lacks it: then 2 either way).
      if (!unnamed) CHECK(files_in(dir.path()) == 2);
      throw std::runtime_error("the run fails");
    } catch (const std::runtime_error&) {
    }
    CHECK(slurp(target) == "old content\n");
    CHECK(files_in(dir.path()) == 1);
  }
  SECTION("a new file is created 0600 too") {
    const std::string fresh = dir.at("fresh.csv");
    Output out(fresh);
    out.write("a\n");
    out.commit();
    struct stat st {};
    REQUIRE(::stat(fresh.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    CHECK(slurp(fresh) == "a\n");
  }
  SECTION("large writes arrive whole and in order") {
    std::string big;
    for (int i = 0; i < 200000; ++i) big += std::to_string(i) + "\n";
    Output out(target);
    out.write("head\n");
    out.write(big);
    out.write("tail\n");
    out.commit();
    CHECK(slurp(target) == "head\n" + big + "tail\n");
  }
}

TEST_CASE("csv::Output killed before commit", "[csv][output]") {
  const bool unnamed = GENERATE(true, false);
  TemporaryKind kind(unnamed);
  TempDir dir;
  const std::string target = dir.file("out.csv", "old content\n");
  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    Output out(target);
    out.write(std::string(3 << 20, 'x'));
    ::raise(SIGKILL);  // no destructor, no handler: what `kill -9` does mid-run
    ::_exit(0);
  }
  int status = 0;
  REQUIRE(::waitpid(child, &status, 0) == child);
  REQUIRE(WIFSIGNALED(status));
  CHECK(slurp(target) == "old content\n");
  // With O_TMPFILE nothing is left; the named fallback leaves its temporary (documented).
  std::size_t expected = unnamed ? 1 : 2;
  if (unnamed) {
    // A file system without O_TMPFILE falls back to a named temporary even when allowed.
    const int probe = ::open(dir.path().c_str(), O_TMPFILE | O_WRONLY, 0600);
    if (probe < 0) expected = 2;
    else ::close(probe);
  }
  CHECK(files_in(dir.path()) == expected);
}

TEST_CASE("csv::Output digest for --audit", "[csv][output]") {
  const bool unnamed = GENERATE(true, false);
  TemporaryKind kind(unnamed);
  TempDir dir;
  const std::string target = dir.file("out.csv", "old content\n");
  std::string path;
  std::uint64_t bytes = 0;
  std::string hex;
  int calls = 0;
  const auto hear = [&](const Output& o, std::uint64_t n, const Sha256::Digest& d) {
    path = o.path(), bytes = n, hex = to_hex(d), ++calls;
  };
  SECTION("size and SHA-256 of what is in the file once committed, large writes included") {
    Output out(target);
    out.on_commit(hear);
    out.write("head\n");
    out.write(std::string(3 << 20, 'y'));  // past the buffer: straight to write(2)
    out.flush();
    out.write("tail\n");
    CHECK(calls == 0);
    out.commit();
    out.commit();  // once only
    CHECK(calls == 1);
    CHECK(path == target);
    const std::string content = slurp(target);
    CHECK(bytes == content.size());
    CHECK(hex == sha256_hex(content));
  }
  SECTION("nothing is heard from a run that fails before commit") {
    {
      Output out(target);
      out.on_commit(hear);
      out.write("new\n");
    }
    CHECK(calls == 0);
    CHECK(slurp(target) == "old content\n");
  }
  SECTION("a device is committed too: what was written to it") {
    Output out("/dev/null");
    out.on_commit(hear);
    out.write("abc");
    out.commit();
    CHECK(calls == 1);
    CHECK(bytes == 3);
    CHECK(hex == sha256_hex("abc"));
  }
}

TEST_CASE("csv::Output errors", "[csv][output]") {
  TempDir dir;
  SECTION("a missing folder: 73 naming the folder, before any work") {
    try {
      Output out(dir.at("nope/out.csv"));
      FAIL("no error");
    } catch (const OutputCreateError& e) {
      CHECK_THAT(e.what(), Catch::Contains(dir.at("nope")));
    }
  }
  SECTION("a folder as target: 73") {
    CHECK_THROWS_AS(Output(dir.path()), OutputCreateError);
  }
  SECTION("/dev/full: the write or commit fails with 74") {
    Output out("/dev/full");
    CHECK_THROWS_AS((out.write("x\n"), out.commit()), IoError);
  }
  SECTION("/dev/null is written directly, not renamed over") {
    {
      Output out("/dev/null");
      out.write("x\n");
      out.commit();
    }
    struct stat st {};
    REQUIRE(::stat("/dev/null", &st) == 0);
    CHECK(S_ISCHR(st.st_mode));
  }
}

TEST_CASE("csv::Output stdout with a closed reader ends as BrokenPipe", "[csv][output]") {
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  ::close(fds[0]);  // the reader is gone before anything is written
  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    ::signal(SIGPIPE, SIG_IGN);  // as main() does
    ::dup2(fds[1], 1);
    int code = 1;
    try {
      Output out("-");
      out.write("row\n");
      out.flush();
    } catch (const BrokenPipe&) {
      code = 42;
    } catch (...) {
      code = 2;
    }
    ::_exit(code);
  }
  ::close(fds[1]);
  int status = 0;
  REQUIRE(::waitpid(child, &status, 0) == child);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 42);
}
