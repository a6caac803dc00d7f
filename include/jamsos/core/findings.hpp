#pragma once
// A finding is one failed check on one row: its code (stable, the same in every
// language), the column it concerns, the article it applies, and its words. Rows that
// fail rules come back as findings, never as exceptions (style.md, "Habits").
#include <string>
#include <vector>

namespace jamsos {

enum class Severity {
  invalid,     // the data cannot be judged (missing:<col>, nik_format, date_format:<col>, ...)
  ineligible,  // a rule of the regulation fails (age_below_min, ...)
  warning,     // never changes the status (nik_sex_mismatch, ...)
};

struct Finding {
  std::string code;     // e.g. "age_below_min", "missing:nik", "date_format:tanggal_lahir"
  Severity severity = Severity::invalid;
  std::string column;   // the column it concerns, empty if the row as a whole
  std::string article;  // e.g. "Pasal 5 ayat (1) huruf c"; empty for pure data faults
  std::string text;     // in the run's language, the article appended: "... (Pasal 5 ayat (1) huruf c)"
};

using Findings = std::vector<Finding>;

}  // namespace jamsos
