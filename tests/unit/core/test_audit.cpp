// The processing record's line (src/core/audit.cpp): masking, escaping, the time, and the file
// appended to by concurrent runs.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "jamsos/core/audit.hpp"
#include "jamsos/core/errors.hpp"

using namespace jamsos;

namespace {

AuditRecord sample() {
  AuditRecord r;
  r.time = "2026-03-06T07:00:01+08:00";
  r.version = "0.1.0";
  r.command = "validate";
  r.argv = {"jamsos", "validate", "a.csv", "--rejects", "r.csv"};
  r.lang = "id";
  r.profile_id = "balikpapan-2025";
  r.profile_version = "2025.1";
  r.inputs.push_back({"a.csv", "input", 120, std::string(64, 'a'), -1});
  r.outputs.push_back({"r.csv", "rejects", 80, std::string(64, 'b'), 2});
  r.rows = {{"read", 5}, {"main", 3}, {"rejects", 2}};
  r.exit_code = 0;
  return r;
}

std::string temp_dir() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "jamsos-audit-XXXXXX").string();
  REQUIRE(::mkdtemp(tmpl.data()) != nullptr);
  return tmpl;
}

}  // namespace

TEST_CASE("audit::mask_digit_runs", "[audit]") {
  CHECK(mask_digit_runs("keluar_6471010101900001.csv") == "keluar_647101******0001.csv");
  CHECK(mask_digit_runs("6471010101900001") == "647101******0001");
  SECTION("15 digits and shorter runs stay; dates and amounts are not NIKs") {
    CHECK(mask_digit_runs("647101010190000") == "647101010190000");
    CHECK(mask_digit_runs("2026-03-06 3000000000") == "2026-03-06 3000000000");
  }
  SECTION("longer runs show two digits only, as mask_nik shows anything not a NIK") {
    CHECK(mask_digit_runs("x12345678901234567890y") == "x12******************y");
  }
  SECTION("several runs, each on its own") {
    CHECK(mask_digit_runs("6471010101900001-6471010101900002") == "647101******0001-647101******0002");
  }
}

TEST_CASE("audit::audit_argv hides names given to the signers", "[audit]") {
  const char* argv[] = {"jamsos",        "reconcile", "--signer-city", "Budi Santoso", "--signer-bpjs=Ani",
                        "--place",       "Balikpapan", "-o",           "selisih.csv"};
  const auto out = audit_argv(9, argv);
  const std::vector<std::string> want = {"jamsos",  "reconcile",  "--signer-city", "***",        "--signer-bpjs=***",
                                         "--place", "Balikpapan", "-o",            "selisih.csv"};
  CHECK(out == want);
}

TEST_CASE("audit::audit_line", "[audit]") {
  SECTION("one line, keys in a fixed order") {
    const std::string line = audit_line(sample());
    CHECK(line ==
          "{\"time\":\"2026-03-06T07:00:01+08:00\",\"jamsos\":\"0.1.0\",\"command\":\"validate\","
          "\"argv\":[\"jamsos\",\"validate\",\"a.csv\",\"--rejects\",\"r.csv\"],\"lang\":\"id\","
          "\"profile\":{\"id\":\"balikpapan-2025\",\"version\":\"2025.1\"},"
          "\"inputs\":[{\"path\":\"a.csv\",\"role\":\"input\",\"bytes\":120,\"sha256\":\"" +
              std::string(64, 'a') +
              "\"}],"
              "\"outputs\":[{\"path\":\"r.csv\",\"role\":\"rejects\",\"rows\":2,\"bytes\":80,\"sha256\":\"" +
              std::string(64, 'b') +
              "\"}],"
              "\"rows\":{\"read\":5,\"main\":3,\"rejects\":2},\"exit\":0}\n");
  }
  SECTION("no profile, an input not read to its end: null") {
    AuditRecord r = sample();
    r.profile_id.clear();
    r.inputs[0].sha256.clear();
    r.exit_code = 65;
    const std::string line = audit_line(r);
    CHECK_THAT(line, Catch::Contains("\"profile\":null"));
    CHECK_THAT(line, Catch::Contains("\"bytes\":120,\"sha256\":null}"));
    CHECK_THAT(line, Catch::EndsWith("\"exit\":65}\n"));
  }
  SECTION("escaping: quotes, backslashes, control characters, bytes that are not UTF-8") {
    AuditRecord r = sample();
    r.argv = {"a \"b\"\\c", "tab\there\nnew", "caf\xC3\xA9", "bad\xFF", "\xE2\x82", "\xED\xA0\x80"};
    const std::string line = audit_line(r);
    CHECK_THAT(line, Catch::Contains(R"("argv":["a \"b\"\\c","tab\u0009here\u000anew","café","bad\ufffd",)"
                                     R"("\ufffd\ufffd","\ufffd\ufffd\ufffd"])"));
    CHECK(line.find('\n') == line.size() - 1);
  }
  SECTION("NIK-like digit runs in paths and arguments are masked; digests are not") {
    AuditRecord r = sample();
    r.argv.push_back("usulan_6471010101900001.csv");
    r.inputs[0].path = "6471010101900001.csv";
    r.inputs[0].sha256 = "1234567890123456789012345678901234567890123456789012345678901234";
    const std::string line = audit_line(r);
    CHECK_THAT(line, Catch::Contains("usulan_647101******0001.csv"));
    CHECK_THAT(line, Catch::Contains("\"path\":\"647101******0001.csv\""));
    CHECK_THAT(line, Catch::Contains(r.inputs[0].sha256));
    // Outside the digests, no run of 16 digits is left.
    const std::string without = std::regex_replace(line, std::regex("\"sha256\":\"[0-9a-f]{64}\""), "");
    CHECK_FALSE(std::regex_search(without, std::regex("[0-9]{16}")));
  }
}

TEST_CASE("audit::audit_time", "[audit]") {
  const char* before = std::getenv("TZ");
  const std::string saved = before ? before : "";
  ::setenv("TZ", "Asia/Makassar", 1);
  ::tzset();
  CHECK(audit_time(1772751601) == "2026-03-06T07:00:01+08:00");
  ::setenv("TZ", "UTC", 1);
  ::tzset();
  CHECK(audit_time(1772751601) == "2026-03-05T23:00:01+00:00");
  ::setenv("TZ", "America/St_Johns", 1);  // a negative offset with minutes
  ::tzset();
  CHECK(audit_time(1772751601) == "2026-03-05T19:30:01-03:30");
  if (before) ::setenv("TZ", saved.c_str(), 1);
  else ::unsetenv("TZ");
  ::tzset();
}

TEST_CASE("audit::AuditLog", "[audit]") {
  const std::string dir = temp_dir();
  const std::string path = dir + "/catatan.jsonl";
  SECTION("created 0600, lines appended") {
    {
      AuditLog log(path);
      log.append("{\"a\":1}\n");
    }
    AuditLog(path).append("{\"a\":2}\n");
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    CHECK(text.str() == "{\"a\":1}\n{\"a\":2}\n");
  }
  SECTION("a folder that does not exist: IoError (74) naming the file") {
    try {
      AuditLog log(dir + "/tidak_ada/catatan.jsonl");
      FAIL("no error");
    } catch (const IoError& e) {
      CHECK_THAT(e.what(), Catch::Contains("tidak_ada/catatan.jsonl"));
    }
  }
  SECTION("a full disk: IoError on append") {
    AuditLog log("/dev/full");
    CHECK_THROWS_AS(log.append("{}\n"), IoError);
  }
  SECTION("concurrent runs: every line whole") {
    constexpr int kRuns = 8, kLines = 200;
    std::vector<pid_t> children;
    for (int c = 0; c < kRuns; ++c) {
      const pid_t child = ::fork();
      REQUIRE(child >= 0);
      if (child == 0) {
        int code = 0;
        try {
          for (int i = 0; i < kLines; ++i) {
            AuditLog log(path);  // as each cron run opens it
            log.append("{\"run\":" + std::to_string(c) + ",\"pad\":\"" + std::string(3000, static_cast<char>('a' + c)) + "\"}\n");
          }
        } catch (...) {
          code = 1;
        }
        ::_exit(code);
      }
      children.push_back(child);
    }
    for (const pid_t child : children) {
      int status = 0;
      REQUIRE(::waitpid(child, &status, 0) == child);
      CHECK((WIFEXITED(status) && WEXITSTATUS(status) == 0));
    }
    std::ifstream in(path);
    std::string line;
    int lines = 0;
    while (std::getline(in, line)) {
      ++lines;
      REQUIRE(line.size() == 16 + 3000 + 2);
      const char fill = line[16];
      REQUIRE(line == "{\"run\":" + std::to_string(fill - 'a') + ",\"pad\":\"" + std::string(3000, fill) + "\"}");
    }
    CHECK(lines == kRuns * kLines);
  }
  std::filesystem::remove_all(dir);
}
