#pragma once
// The --against rosters of `jamsos dedupe` (Perwali Balikpapan 3/2025 Pasal 8 ayat (2):
// BPJS Ketenagakerjaan checks that no candidate is already registered). A roster is any
// CSV with a `nik` column: BPJS's member export, this year's participants; millions of
// rows. It is streamed once and never held: each NIK is looked up in the sorted vector of
// candidate NIKs, and only hits are kept (the roster's FILE:LINE of the first one).
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "jamsos/csv/reader.hpp"
#include "jamsos/ops/progress.hpp"

namespace jamsos {

class Rosters {
public:
  // Opens every roster and reads its header: a missing file stops the run (66), one
  // without a `nik` column too (65, naming the file). No paths: nothing to check.
  Rosters(const std::vector<std::string>& paths, const csv::ReaderOptions& options);
  ~Rosters();

  // For each of `niks` (sorted, unique), where it is first found: hits[i] = a location
  // code (see location()), 0 = in no roster. A faulty record stops the run (65).
  // `progress_base` is added to the bytes reported.
  void scan(const std::vector<std::uint64_t>& niks, std::vector<std::uint64_t>& hits, Progress* progress,
            std::uint64_t progress_base, std::uint64_t progress_total);

  std::string location(std::uint64_t hit) const;  // "bpjs_peserta.csv:1234"
  std::uint64_t total_bytes() const;              // 0 if unknown (a pipe) or no roster
  std::size_t rows() const { return m_rows; }
  std::size_t rows_without_nik() const { return m_without_nik; }

private:
  std::unique_ptr<csv::MultiReader> m_in;
  std::size_t m_rows = 0;
  std::size_t m_without_nik = 0;
};

}  // namespace jamsos
