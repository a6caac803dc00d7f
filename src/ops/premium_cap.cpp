// Pasal 11 ayat (6) (Perwali Balikpapan 3/2025): premiums are paid until the participant is
// 64 years 11 months old. Worked boundary: born 1961-03-15 -> akhir_iuran 2026-02 (the
// February premium is paid, none after). A roster row gives it in `akhir_iuran`; where the
// cell is empty or the column absent, the profile computes it from `tanggal_lahir`.
#include "jamsos/ops/premium_cap.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <string_view>

#include "jamsos/core/audit.hpp"  // mask_digit_runs: a cell quoted on stderr may hold a NIK
#include "jamsos/core/errors.hpp"
#include "jamsos/core/i18n.hpp"
#include "jamsos/core/text.hpp"

namespace jamsos {

PremiumCap::PremiumCap(const csv::MultiReader& roster, const Profile& profile)
    : m_profile(profile),
      // -1 (absent from every file) is never read: m_by_source says which a file has.
      m_akhir_iuran(static_cast<std::size_t>(std::max(roster.column("akhir_iuran"), 0))),
      m_tanggal_lahir(static_cast<std::size_t>(std::max(roster.column("tanggal_lahir"), 0))) {
  for (std::size_t s = 0; s < roster.source_count(); ++s) {
    const csv::Reader& src = roster.source(s);
    const Columns has{src.column("akhir_iuran") >= 0, src.column("tanggal_lahir") >= 0};
    if (profile.premium_cap_rule.enabled && !has.akhir_iuran && !has.tanggal_lahir)
      throw DataError(fmt::format(
          trf("{}: kolom akhir_iuran atau tanggal_lahir tidak ada; salah satunya wajib untuk batas "
              "usia iuran ({}). Pakai daftar keluaran jamsos consolidate.",
              "{}: neither an akhir_iuran nor a tanggal_lahir column; one of them is needed for "
              "the premium age cap ({}). Use the list jamsos consolidate wrote."),
          src.display_name(), profile.premium_cap_rule.article));
    m_by_source.push_back(has);
  }
}

std::optional<Month> PremiumCap::last_month(const csv::MultiReader& roster,
                                            const csv::Record& rec) const {
  const Columns has = m_by_source[rec.source];
  if (has.akhir_iuran) {
    const std::string_view text = trim(rec.fields[m_akhir_iuran]);
    if (const auto m = parse_month(text)) return m;
    // A spreadsheet may have saved 2026-02 back as a date: its month is meant.
    if (const auto d = parse_date(text)) return month_of(*d);
    if (!text.empty())
      throw DataError(fmt::format(
          trf("{}: akhir_iuran '{}' tidak terbaca; tulis sebagai YYYY-MM (mis. 2026-02), atau "
              "kosongkan bila tidak ada batas usia.",
              "{}: akhir_iuran '{}' cannot be read; write it as YYYY-MM (e.g. 2026-02), or leave "
              "it empty where there is no age cap."),
          roster.location(rec), mask_digit_runs(text)));
  }
  // Empty (consolidate's "no cap") or absent: the profile decides; the regulation wins
  // over a blanked cell.
  if (!m_profile.premium_cap_rule.enabled) return std::nullopt;
  const std::string_view text =
      has.tanggal_lahir ? trim(rec.fields[m_tanggal_lahir]) : std::string_view{};
  if (const auto birth = parse_date(text)) return m_profile.last_premium_month(*birth);
  throw DataError(fmt::format(
      trf("{}: akhir_iuran kosong dan tanggal_lahir '{}' tidak terbaca, jadi bulan iuran terakhir "
          "({}) tidak bisa dihitung; isi akhir_iuran (YYYY-MM) atau tanggal_lahir (YYYY-MM-DD, "
          "DD-MM-YYYY, DD/MM/YYYY).",
          "{}: akhir_iuran is empty and tanggal_lahir '{}' cannot be read, so the last premium "
          "month ({}) cannot be computed; fill in akhir_iuran (YYYY-MM) or tanggal_lahir "
          "(YYYY-MM-DD, DD-MM-YYYY, DD/MM/YYYY)."),
      roster.location(rec), mask_digit_runs(text), m_profile.premium_cap_rule.article));
}

}  // namespace jamsos
