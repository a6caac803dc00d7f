// The processing record of one run (UU 27/2022 Pasal 31; format: core/audit.hpp).
// Worked example: `jamsos validate a.csv b.csv --rejects r.csv -o ok.csv --audit log.jsonl`
// hashes a.csv and b.csv as the Readers read them (ReaderOptions::on_bytes), ok.csv and r.csv
// as Output writes them, and appends one line to log.jsonl with exit 0 after both are
// committed; had b.csv held a broken quote, the line would say exit 65, list a.csv whole and
// b.csv with the bytes read and "sha256":null, and no output.
#include "audit.hpp"

#include <fcntl.h>
#include <fmt/core.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <mutex>
#include <tuple>

#include "jamsos/core/errors.hpp"
#include "jamsos/core/i18n.hpp"
#include "jamsos/core/sha256.hpp"

namespace jamsos::cli::audit {

namespace {

// What one Reader read. Only the thread reading with that Reader touches it (commands read
// on threads of their own: dedupe's rosters, reconcile's invoice); main() reads it at the end.
struct Stream {
  std::string path;
  std::string role;
  Sha256 sha;
  bool hashing = true;  // false: the same file was already read whole (dedupe's second pass)
  std::atomic<bool> complete{false};
  std::uint64_t bytes = 0;
};

}  // namespace

struct Recorder::Impl {
  AuditLog log;
  AuditRecord record;
  std::mutex streams_lock;  // Readers may be opened on other threads
  std::vector<std::shared_ptr<Stream>> streams;  // in the order the Readers were opened
  std::string profile_file;                      // a profile given by path

  explicit Impl(std::string path) : log(std::move(path)) {}
};

namespace {

Recorder::Impl* g_current = nullptr;  // the run's recorder; null when no record is kept

// The inputs one set of ReaderOptions will read, in order; shared by every copy of the hook.
struct Group {
  std::vector<std::pair<std::string, std::string>> inputs;  // path, role
  std::size_t opened = 0;

  std::shared_ptr<Stream> open_stream() {
    auto s = std::make_shared<Stream>();
    if (!g_current) return s;
    const std::lock_guard<std::mutex> hold(g_current->streams_lock);
    if (!inputs.empty()) std::tie(s->path, s->role) = inputs[opened++ % inputs.size()];
    for (const auto& other : g_current->streams)
      if (s->path != "-" && other->path == s->path && other->complete && other->hashing) s->hashing = false;
    g_current->streams.push_back(s);
    return s;
  }
};

// The on_bytes hook. Each Reader holds its own copy, which takes the group's next input the
// first time its Reader reads (Readers read their header when opened, so in opening order).
class Tap {
public:
  explicit Tap(std::shared_ptr<Group> group) : m_group(std::move(group)) {}
  void operator()(std::string_view block) {
    if (!m_stream) m_stream = m_group->open_stream();
    Stream& s = *m_stream;
    if (block.empty()) {  // end of input
      s.complete = true;
      return;
    }
    s.bytes += block.size();
    if (s.hashing) s.sha.update(block);
  }

private:
  std::shared_ptr<Group> m_group;
  std::shared_ptr<Stream> m_stream;
};

AuditFile hash_file(const std::string& path, const char* role) {
  AuditFile f{path, role, 0, {}, -1};
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return f;
  Sha256 sha;
  std::string block(1 << 16, '\0');
  ssize_t n;
  while ((n = ::read(fd, block.data(), block.size())) > 0) sha.update(std::string_view(block.data(), static_cast<std::size_t>(n)));
  ::close(fd);
  f.bytes = sha.size();
  if (n == 0) f.sha256 = to_hex(sha.digest());
  return f;
}

}  // namespace

csv::ReaderOptions reading(csv::ReaderOptions options, const std::vector<Input>& inputs) {
  if (!g_current) return options;
  auto group = std::make_shared<Group>();
  for (const auto& in : inputs) group->inputs.emplace_back(in.path, in.role);
  options.on_bytes = Tap(std::move(group));
  return options;
}

csv::ReaderOptions reading(csv::ReaderOptions options, const std::vector<std::string>& paths, const char* role) {
  std::vector<Input> inputs;
  for (const auto& p : paths.empty() ? std::vector<std::string>{"-"} : paths) inputs.push_back({p, role});
  return reading(std::move(options), inputs);
}

void output(csv::Output& out, const char* role) {
  if (!g_current) return;
  out.on_commit([role](const csv::Output& o, std::uint64_t bytes, const Sha256::Digest& digest) {
    if (g_current) g_current->record.outputs.push_back(AuditFile{o.path(), role, bytes, to_hex(digest), -1});
  });
}

void rows(const char* destination, std::uint64_t n) {
  if (!g_current) return;
  for (auto& [name, count] : g_current->record.rows)
    if (name == destination) {
      count = n;
      return;
    }
  g_current->record.rows.emplace_back(destination, n);
}

void profile(const Profile& p) {
  if (!g_current) return;
  g_current->record.profile_id = p.id;
  g_current->record.profile_version = p.version;
  if (is_profile_path(p.source)) g_current->profile_file = p.source;
}

Recorder::Recorder(std::string path, std::string command, int argc, const char* const* argv)
    : m_impl(std::make_unique<Impl>(std::move(path))) {
  AuditRecord& r = m_impl->record;
  r.time = audit_time(std::time(nullptr));
  r.version = JAMSOS_VERSION;
  r.command = std::move(command);
  r.argv = audit_argv(argc, argv);
  r.lang = lang() == Lang::en ? "en" : "id";
  g_current = m_impl.get();
}

Recorder::~Recorder() {
  if (g_current == m_impl.get()) g_current = nullptr;
}

bool Recorder::finish(int exit_code) {
  Impl& m = *m_impl;
  AuditRecord& r = m.record;
  r.exit_code = exit_code;
  // One entry per file, in the order first read: a file read twice (dedupe's second pass, or
  // named twice) is listed once, with the digest of a read that reached its end.
  if (!m.profile_file.empty()) r.inputs.push_back(hash_file(m.profile_file, "profile"));
  const std::size_t first_stream = r.inputs.size();
  for (const auto& s : m.streams) {
    AuditFile f{s->path, s->role, s->bytes, {}, -1};
    if (s->complete && s->hashing) f.sha256 = to_hex(s->sha.digest());
    bool listed = false;
    for (std::size_t i = first_stream; i < r.inputs.size() && !listed; ++i) {
      if (r.inputs[i].path != f.path || f.path == "-") continue;
      listed = true;
      if (r.inputs[i].sha256.empty() && !f.sha256.empty()) r.inputs[i] = f;
    }
    if (!listed) r.inputs.push_back(std::move(f));
  }
  for (auto& out : r.outputs)
    for (const auto& [name, count] : r.rows)
      if (name == out.role) out.rows = static_cast<std::int64_t>(count);
  try {
    m.log.append(audit_line(r));
    return true;
  } catch (const Error& e) {
    fmt::print(stderr, "jamsos: {}\n", e.what());
    return false;
  }
}

std::string record_path(const std::string& given) {
  if (!given.empty()) return given;
  const char* env = std::getenv("JAMSOS_AUDIT");
  return env ? std::string(env) : std::string();
}

std::string audit_flag_in(int argc, const char* const* argv) {
  std::string found;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--audit" && i + 1 < argc) found = argv[++i];
    else if (arg.rfind("--audit=", 0) == 0) found = arg.substr(8);
  }
  return found;
}

}  // namespace jamsos::cli::audit
