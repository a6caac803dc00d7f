// `jamsos profiles`: the regulation profiles a run can use (contract, "Common rules").
//   jamsos profiles                  built-ins, one per line: id, region, title
//   jamsos profiles show NAME|FILE   the TOML text (a file is checked first: 78 if invalid)
//   jamsos profiles check FILE       checks a profile, prints a one-line summary
// Loading and checking live in jamsos/core/profile.hpp; this file only prints.
#include <fmt/core.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "command.hpp"
#include "jamsos/core/errors.hpp"
#include "jamsos/core/i18n.hpp"
#include "jamsos/core/profile.hpp"

namespace jamsos::cli {

namespace {

struct ProfilesOptions {
  std::string lang{"id"};
  std::string name;  // show / check: a built-in id or a file
};

void write_stdout(const std::string& text) {
  if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size() || std::fflush(stdout) != 0) {
    if (errno == EPIPE) throw BrokenPipe();
    throw IoError(tr("gagal menulis ke stdout", "cannot write to stdout"));
  }
}

int list_profiles() {
  std::vector<Profile> profiles;
  for (const auto& e : embedded_profiles()) profiles.push_back(load_profile(e.id));
  std::size_t id_width = 0, region_width = 0;
  for (const auto& p : profiles) {
    id_width = std::max(id_width, p.id.size());
    region_width = std::max(region_width, p.region_code.size() + 1 + p.region_name.size());
  }
  std::string out;
  for (const auto& p : profiles)
    out += fmt::format("{:<{}}  {:<{}}  {}\n", p.id, id_width, p.region_code + " " + p.region_name, region_width,
                       p.title);
  write_stdout(out);
  return 0;
}

int show_profile(const std::string& name) {
  // A file is checked first, so that what is shown is a profile a run would accept.
  if (is_profile_path(name)) load_profile(name);
  write_stdout(profile_text(name));
  return 0;
}

// What the profile will do, on one line: `OK daerahku.toml: balikpapan-2025 (6471 Kota
// Balikpapan), versi 2025.1: 8 aturan kelayakan, 16 pekerjaan, UMK 2024-2026, ...`.
std::string summary(const Profile& p) {
  const RuleRef* eligibility[] = {&p.already_insured, &p.category_rule, &p.age_min_rule, &p.age_max_rule,
                                  &p.region_rule,     &p.domicile_rule, &p.income_rule,  &p.occupation_rule};
  const auto rules_on = std::count_if(std::begin(eligibility), std::end(eligibility), [](const RuleRef* r) { return r->enabled; });
  std::string umk = tr("tanpa UMK", "no UMK");
  if (p.income_rule.enabled && !p.umk_by_year.empty())
    umk = p.umk_by_year.size() == 1 ? fmt::format("UMK {}", p.umk_by_year.begin()->first)
                                    : fmt::format("UMK {}-{}", p.umk_by_year.begin()->first, p.umk_by_year.rbegin()->first);
  else if (p.income_rule.enabled)
    umk = tr("UMK hanya lewat --umk", "UMK only via --umk");
  // The premium of the first month any period is in force.
  Month first = p.premiums.front().from;
  for (const auto& period : p.premiums) first = std::min(first, period.from);
  const std::string cap = p.premium_cap_rule.enabled
                              ? fmt::format(fmt::runtime(tr("iuran sampai usia {} th {} bln", "premiums until age {}y{}m")),
                                            p.premium_cap_years, p.premium_cap_months)
                              : std::string(tr("iuran tanpa batas usia", "premiums with no age cap"));
  const std::string occupations =
      p.occupation_rule.enabled ? fmt::format(fmt::runtime(tr("{} pekerjaan", "{} occupations")), p.occupations.size())
                                : std::string(tr("semua pekerjaan", "any occupation"));
  const std::string name = p.source == p.id ? p.id : fmt::format("{}: {}", p.source, p.id);
  return fmt::format(fmt::runtime(tr("OK {} ({} {}), versi {}: {} aturan kelayakan, {}, {}, iuran {} per {}, {}",
                                     "OK {} ({} {}), version {}: {} eligibility rules, {}, {}, premium {} from {}, {}")),
                     name, p.region_code, p.region_name, p.version, rules_on, occupations, umk,
                     format_rupiah(p.premium_for(first)), format_month(first), cap);
}

int check_profile(const std::string& name) {
  write_stdout(summary(load_profile(name)) + "\n");
  return 0;
}

}  // namespace

void add_profiles(CLI::App& sub, Runner& run) {
  auto o = std::make_shared<ProfilesOptions>();
  // The language itself was applied from argv before parsing (main.cpp), wherever --lang stands.
  sub.add_option("--lang", o->lang, tr("bahasa pesan: id atau en", "message language: id or en"))
      ->check(CLI::IsMember({"id", "en"}, CLI::ignore_case))
      ->capture_default_str();
  sub.footer(tr("Contoh:\n"
                "  # daftar profil bawaan\n"
                "  jamsos profiles\n"
                "  # salin profil bawaan sebagai awal profil daerah Anda, lalu ubah isinya\n"
                "  jamsos profiles show balikpapan-2025 > daerahku.toml\n"
                "  # periksa profil itu (kode keluar 78 bila salah, dengan baris dan kuncinya)\n"
                "  jamsos profiles check daerahku.toml\n"
                "  # pakai profil itu\n"
                "  jamsos validate --profile daerahku.toml usulan.csv --rejects ditolak.csv -o layak.csv\n",
                "Examples:\n"
                "  # list the built-in profiles\n"
                "  jamsos profiles\n"
                "  # copy a built-in profile as the start of your region's own, then edit it\n"
                "  jamsos profiles show balikpapan-2025 > myregion.toml\n"
                "  # check it (exit code 78 when wrong, naming the line and the key)\n"
                "  jamsos profiles check myregion.toml\n"
                "  # use it\n"
                "  jamsos validate --profile myregion.toml proposals.csv --rejects rejected.csv -o eligible.csv\n"));

  CLI::App* list = sub.add_subcommand("list", tr("daftar profil bawaan (bila tanpa subperintah)", "list the built-in profiles (the default)"));
  CLI::App* show = sub.add_subcommand("show", tr("tampilkan isi TOML sebuah profil", "print a profile's TOML text"));
  show->add_option("profile", o->name, tr("nama profil bawaan atau berkas .toml", "built-in profile name or .toml file"))
      ->required();
  CLI::App* check = sub.add_subcommand("check", tr("periksa berkas profil", "check a profile file"));
  check->add_option("profile", o->name, tr("berkas .toml (atau nama profil bawaan)", "a .toml file (or a built-in name)"))
      ->required();
  for (CLI::App* s : {list, show, check}) s->fallthrough();  // --lang after the subcommand too
  sub.require_subcommand(0, 1);

  sub.callback([&run, o, show, check] {
    const bool is_show = show->parsed(), is_check = check->parsed();
    run = [o, is_show, is_check] {
      if (is_show) return show_profile(o->name);
      if (is_check) return check_profile(o->name);
      return list_profiles();
    };
  });
}

}  // namespace jamsos::cli
