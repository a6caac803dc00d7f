#pragma once
// CSV out (contract, "Write"): UTF-8 without BOM, `,`, LF, quoting only where needed.
// `--excel`: BOM, `;`, CRLF, for a spreadsheet with Indonesian settings.
#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "jamsos/csv/output_file.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
// Sanitizers rightly flag the page-bounded over-read in RowEncoder::plain: use the byte loop there.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define JAMSOS_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || __has_feature(memory_sanitizer)
#define JAMSOS_ASAN 1
#endif
#endif

namespace jamsos::csv {

struct WriterOptions {
  bool excel = false;
};

// The encoding half of Writer, usable on any thread: appends CSV-encoded fields and rows
// to a byte string (workers format their batch's rows; Writer::write_encoded sends them).
class RowEncoder {
public:
  explicit RowEncoder(const WriterOptions& options);
  // Appends the delimiter first unless `first`.
  void field(std::string& out, std::string_view value, bool first) const {
    if (!first) out.push_back(m_delimiter);
    if (!m_excel && plain(value)) out.append(value);
    else field_slow(out, value);
  }
  void end_row(std::string& out) const { out.append(m_excel ? "\r\n" : "\n"); }
  // A row of one empty field is written `""` (an empty line would be skipped on reading).
  void lone_empty_field(std::string& out) const { out.append("\"\""); }

  // A whole row, ended: what Writer::write_row writes (a row passed through unchanged).
  template <typename Fields>
  void row(std::string& out, const Fields& fields) const {
    if (fields.size() == 1 && std::string_view(fields[0]).empty()) {
      lone_empty_field(out);
    } else {
      for (std::size_t i = 0; i < fields.size(); ++i) field(out, fields[i], i == 0);
    }
    end_row(out);
  }

  // A row of a Layout, ended: for each output column, Layout::column_sources() names the input
  // field (>= 0; empty if the record has fewer fields) or the added value (-1 - k: added[k]).
  template <typename Fields>
  void layout_row(std::string& out, const std::vector<int>& sources, const Fields& fields,
                  const std::string_view* added) const {
    for (std::size_t j = 0; j < sources.size(); ++j) {
      const int s = sources[j];
      const auto column = static_cast<std::size_t>(s);
      const std::string_view value = s < 0                    ? added[-1 - s]
                                     : column < fields.size() ? std::string_view(fields[column])
                                                              : std::string_view();
      field(out, value, j == 0);
    }
    end_row(out);
  }
  char delimiter() const { return m_delimiter; }
  bool excel() const { return m_excel; }

private:
  // No delimiter, `"`, CR or LF inside and no blank at either end: written as it is.
  bool plain(std::string_view value) const {
    if (value.empty()) return true;
    if (value.front() == ' ' || value.front() == '\t' || value.back() == ' ' || value.back() == '\t') return false;
    const char* p = value.data();
    std::size_t n = value.size();
#if defined(__SSE2__)
    for (; n >= 16; p += 16, n -= 16)
      if (special16(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p))) != 0) return false;
#if !defined(JAMSOS_ASAN)
    // The tail in one load when 16 bytes from p stay within p's page (so readable); the
    // bytes past the field are masked off. Not under a sanitizer, which rightly flags the read.
    if ((reinterpret_cast<std::uintptr_t>(p) & 4095) <= 4096 - 16)
      return (special16(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p))) & ((1u << n) - 1)) == 0;
#endif
    for (; n > 0; ++p, --n)
      if (m_needs_quotes[static_cast<unsigned char>(*p)]) return false;
    return true;
#else
    for (; n > 0; ++p, --n)
      if (m_needs_quotes[static_cast<unsigned char>(*p)]) return false;
    return true;
#endif
  }
#if defined(__SSE2__)
  unsigned special16(__m128i v) const {
    const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, m_v_delimiter), _mm_cmpeq_epi8(v, m_v_quote)),
                                     _mm_or_si128(_mm_cmpeq_epi8(v, m_v_cr), _mm_cmpeq_epi8(v, m_v_lf)));
    return static_cast<unsigned>(_mm_movemask_epi8(hit));
  }
  __m128i m_v_delimiter, m_v_quote = _mm_set1_epi8('"'), m_v_cr = _mm_set1_epi8('\r'), m_v_lf = _mm_set1_epi8('\n');
#endif
  void field_slow(std::string& out, std::string_view value) const;
  bool m_excel;
  char m_delimiter;
  std::array<bool, 256> m_needs_quotes{};  // the delimiter, `"`, CR, LF
};

class Writer {
public:
  // Writes into `out`, which the caller commits when the run succeeds.
  Writer(Output& out, const WriterOptions& options);

  void write_row(const std::vector<std::string>& fields);
  void write_row(const std::vector<std::string_view>& fields);
  // Rows already encoded by a RowEncoder with the same options (after the header row).
  void write_encoded(std::string_view bytes, std::size_t rows);
  std::size_t rows_written() const { return m_rows; }  // header excluded
  const RowEncoder& encoder() const { return m_encoder; }

private:
  template <typename Fields>
  void write_fields(const Fields& fields);
  void start();
  Output& m_out;
  RowEncoder m_encoder;
  std::string m_row;
  bool m_header_done = false;
  std::size_t m_rows = 0;
};

// Output columns: the input header, then each added column not already in it (an added
// column that exists keeps its place and takes the new value; contract, "Common rules").
class Layout {
public:
  Layout(std::vector<std::string> input_header, const std::vector<std::string>& added);
  const std::vector<std::string>& header() const { return m_header; }
  // Output index of an added column (by its position in `added`).
  std::size_t added_index(std::size_t i) const { return m_added_index[i]; }
  // Builds an output row: input fields copied, added columns left for the caller.
  void start_row(const std::vector<std::string>& input_fields, std::vector<std::string>& out) const;
  // Per output column: the input field index (>= 0), or -1 - i for added column i; lets a
  // command encode rows straight from the input fields without building a row first.
  std::vector<int> column_sources() const;

private:
  std::vector<std::string> m_header;
  std::vector<std::size_t> m_added_index;
  std::size_t m_input_width;
};

}  // namespace jamsos::csv
