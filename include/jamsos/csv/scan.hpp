#pragma once
// The Reader's inner loop: find the next byte that ends a run of plain field text. Used
// only by src/csv/reader.cpp; here so that it can be read (and benchmarked) on its own.
//
// A run ends at any of up to four ASCII bytes (delimiter, `"`, LF, CR) or at a byte >= 0x80
// (so the Reader knows which fields need a UTF-8 check or CP1252 conversion, for free).
// With SSE2 (every x86-64) 16 bytes are tested at once; elsewhere a 256-entry table.
//
// Contract with the caller: the text ends with a byte the scanner stops at (the Reader puts
// a '\n' sentinel after its data), and 15 readable bytes follow that sentinel.
#include <array>
#include <cstddef>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace jamsos::csv {

inline constexpr std::size_t kScanPadding = 16;

class StopScanner {
public:
  // `stops`: the ASCII bytes that end a run; unused slots repeat one of them.
  StopScanner(char a, char b, char c, char d) {
    for (const char s : {a, b, c, d}) m_table[static_cast<unsigned char>(s)] = true;
    for (std::size_t i = 0x80; i < 256; ++i) m_table[i] = true;
#if defined(__SSE2__)
    m_a = _mm_set1_epi8(a);
    m_b = _mm_set1_epi8(b);
    m_c = _mm_set1_epi8(c);
    m_d = _mm_set1_epi8(d);
#endif
  }

  const char* find(const char* p) const {
#if defined(__SSE2__)
    for (;;) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
      const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, m_a), _mm_cmpeq_epi8(v, m_b)),
                                       _mm_or_si128(_mm_cmpeq_epi8(v, m_c), _mm_cmpeq_epi8(v, m_d)));
      // movemask of `v` itself sets a bit for every byte >= 0x80.
      const unsigned bits = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(hit, v)));
      if (bits != 0) return p + __builtin_ctz(bits);
      p += 16;
    }
#else
    while (!m_table[static_cast<unsigned char>(*p)]) ++p;
    return p;
#endif
  }

private:
  std::array<bool, 256> m_table{};
#if defined(__SSE2__)
  __m128i m_a, m_b, m_c, m_d;
#endif
};

// The plain-field fast path's view of 16 bytes (Reader::Impl::parse_plain_fields): one bit
// per byte, bit i for p[i], for the delimiter, and for the bytes a plain field cannot hold
// (`"`, CR, LF, >= 0x80). SSE2 where there is one; a loop elsewhere.
struct ByteClasses {
  unsigned delimiters = 0;
  unsigned special = 0;
};

class PlainFieldScanner {
public:
#if defined(__SSE2__)
  explicit PlainFieldScanner(char delimiter) : m_v_delimiter(_mm_set1_epi8(delimiter)) {}
#else
  explicit PlainFieldScanner(char delimiter) : m_delimiter(delimiter) {}
#endif

  // Needs 16 readable bytes at p (the Reader's sentinel and kScanPadding guarantee them).
  ByteClasses classify16(const char* p) const {
#if defined(__SSE2__)
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, m_v_quote), _mm_cmpeq_epi8(v, m_v_cr)),
                                     _mm_cmpeq_epi8(v, m_v_lf));
    return {static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, m_v_delimiter))),
            static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(hit, v)))};  // v: bytes >= 0x80
#else
    ByteClasses c;
    for (unsigned i = 0; i < 16; ++i) {
      const auto b = static_cast<unsigned char>(p[i]);
      if (b == static_cast<unsigned char>(m_delimiter)) c.delimiters |= 1u << i;
      if (b == '"' || b == '\r' || b == '\n' || b >= 0x80) c.special |= 1u << i;
    }
    return c;
#endif
  }

private:
#if defined(__SSE2__)
  __m128i m_v_delimiter, m_v_quote = _mm_set1_epi8('"'), m_v_cr = _mm_set1_epi8('\r'), m_v_lf = _mm_set1_epi8('\n');
#else
  char m_delimiter;
#endif
};

}  // namespace jamsos::csv
