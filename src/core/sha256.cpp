// SHA-256 as FIPS 180-4 section 6.2 writes it, for the processing record (--audit).
// Worked example (FIPS 180-4 example 2, 56 bytes: the padding needs a second block):
// "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq" ->
// 248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1.
#include "jamsos/core/sha256.hpp"

#include <algorithm>
#include <cstring>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <cpuid.h>
#include <immintrin.h>
#define JAMSOS_SHA_NI 1
#endif

namespace jamsos {

namespace {

constexpr std::uint32_t kRound[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

constexpr std::uint32_t rotr(std::uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

inline std::uint32_t load_be32(const std::uint8_t* p) {
  return std::uint32_t{p[0]} << 24 | std::uint32_t{p[1]} << 16 | std::uint32_t{p[2]} << 8 | p[3];
}

// Section 6.2.2 on `blocks` consecutive 64-byte blocks.
void compress_portable(std::array<std::uint32_t, 8>& state, const std::uint8_t* data, std::size_t blocks) {
  for (; blocks > 0; --blocks, data += 64) {
    std::uint32_t w[64];
    for (std::size_t t = 0; t < 16; ++t) w[t] = load_be32(data + 4 * t);
    for (int t = 16; t < 64; ++t) {
      const std::uint32_t s0 = rotr(w[t - 15], 7) ^ rotr(w[t - 15], 18) ^ (w[t - 15] >> 3);
      const std::uint32_t s1 = rotr(w[t - 2], 17) ^ rotr(w[t - 2], 19) ^ (w[t - 2] >> 10);
      w[t] = w[t - 16] + s0 + w[t - 7] + s1;
    }
    std::uint32_t a = state[0], b = state[1], c = state[2], d = state[3];
    std::uint32_t e = state[4], f = state[5], g = state[6], h = state[7];
    for (int t = 0; t < 64; ++t) {
      const std::uint32_t t1 =
          h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + kRound[t] + w[t];
      const std::uint32_t t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
      h = g;
      g = f;
      f = e;
      e = d + t1;
      d = c;
      c = b;
      b = a;
      a = t1 + t2;
    }
    state[0] += a, state[1] += b, state[2] += c, state[3] += d;
    state[4] += e, state[5] += f, state[6] += g, state[7] += h;
  }
}

#ifdef JAMSOS_SHA_NI
// The same with the x86 SHA extensions (Intel SHA-NI: Goldmont, Zen and later), about ten
// times the portable speed, so that --audit costs little next to the reading it hashes. The
// state is kept as ABEF/CDGH, the order sha256rnds2 wants; each step does four rounds, its
// message words made four steps ahead by sha256msg1/msg2 (Intel's published scheme).
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wold-style-cast"  // the intrinsics are macros without optimisation
__attribute__((target("sha,sse4.1,ssse3"))) void compress_sha_ni(std::array<std::uint32_t, 8>& state,
                                                                  const std::uint8_t* data, std::size_t blocks) {
  const __m128i byte_swap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
  __m128i tmp = _mm_loadu_si128(reinterpret_cast<const __m128i*>(&state[0]));        // DCBA
  __m128i state1 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(&state[4]));     // HGFE
  tmp = _mm_shuffle_epi32(tmp, 0xB1);                                                // CDAB
  state1 = _mm_shuffle_epi32(state1, 0x1B);                                          // EFGH
  __m128i state0 = _mm_alignr_epi8(tmp, state1, 8);                                  // ABEF
  state1 = _mm_blend_epi16(state1, tmp, 0xF0);                                       // CDGH
  for (; blocks > 0; --blocks, data += 64) {
    const __m128i abef = state0, cdgh = state1;
    __m128i w[4];
    for (int i = 0; i < 4; ++i)
      w[i] = _mm_shuffle_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(data + 16 * static_cast<std::size_t>(i))), byte_swap);
#pragma GCC unroll 16
    for (int i = 0; i < 16; ++i) {
      __m128i msg = _mm_add_epi32(w[i & 3], _mm_loadu_si128(reinterpret_cast<const __m128i*>(&kRound[4 * static_cast<std::size_t>(i)])));
      state1 = _mm_sha256rnds2_epu32(state1, state0, msg);
      if (i >= 3 && i <= 14) {  // words 4(i+1)..4(i+1)+3
        w[(i + 1) & 3] = _mm_add_epi32(w[(i + 1) & 3], _mm_alignr_epi8(w[i & 3], w[(i - 1) & 3], 4));
        w[(i + 1) & 3] = _mm_sha256msg2_epu32(w[(i + 1) & 3], w[i & 3]);
      }
      msg = _mm_shuffle_epi32(msg, 0x0E);
      state0 = _mm_sha256rnds2_epu32(state0, state1, msg);
      if (i >= 1 && i <= 12) w[(i - 1) & 3] = _mm_sha256msg1_epu32(w[(i - 1) & 3], w[i & 3]);
    }
    state0 = _mm_add_epi32(state0, abef);
    state1 = _mm_add_epi32(state1, cdgh);
  }
  tmp = _mm_shuffle_epi32(state0, 0x1B);        // FEBA
  state1 = _mm_shuffle_epi32(state1, 0xB1);     // DCHG
  state0 = _mm_blend_epi16(tmp, state1, 0xF0);  // DCBA
  state1 = _mm_alignr_epi8(state1, tmp, 8);     // HGFE
  _mm_storeu_si128(reinterpret_cast<__m128i*>(&state[0]), state0);
  _mm_storeu_si128(reinterpret_cast<__m128i*>(&state[4]), state1);
}
#pragma GCC diagnostic pop

bool cpu_has_sha_ni() {
  unsigned a = 0, b = 0, c = 0, d = 0;
  if (!__get_cpuid(1, &a, &b, &c, &d)) return false;
  const bool ssse3_sse41 = (c & (1u << 9)) != 0 && (c & (1u << 19)) != 0;
  if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) return false;
  return ssse3_sse41 && (b & (1u << 29)) != 0;
}
#endif

bool g_portable_only = false;

void compress(std::array<std::uint32_t, 8>& state, const std::uint8_t* data, std::size_t blocks) {
  if (blocks == 0) return;
#ifdef JAMSOS_SHA_NI
  static const bool hardware = cpu_has_sha_ni();
  if (hardware && !g_portable_only) return compress_sha_ni(state, data, blocks);
#endif
  compress_portable(state, data, blocks);
}

}  // namespace

bool sha256_hardware(bool allowed) {
  g_portable_only = !allowed;
#ifdef JAMSOS_SHA_NI
  return allowed && cpu_has_sha_ni();
#else
  return false;
#endif
}

void Sha256::reset() {
  m_state = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  m_fill = 0;
  m_size = 0;
}

void Sha256::update(std::string_view bytes) {
  const auto* p = reinterpret_cast<const std::uint8_t*>(bytes.data());
  std::size_t n = bytes.size();
  m_size += n;
  if (m_fill > 0) {
    const std::size_t take = std::min(n, m_block.size() - m_fill);
    std::memcpy(m_block.data() + m_fill, p, take);
    m_fill += take, p += take, n -= take;
    if (m_fill < m_block.size()) return;
    compress(m_state, m_block.data(), 1);
    m_fill = 0;
  }
  compress(m_state, p, n / 64);  // whole blocks straight from the caller's bytes
  p += n / 64 * 64;
  n %= 64;
  std::memcpy(m_block.data(), p, n);
  m_fill = n;
}

Sha256::Digest Sha256::digest() {
  // Section 5.1.1: a 1 bit, zeros, and the length in bits as a 64-bit big-endian number.
  const std::uint64_t bits = m_size * 8;
  m_block[m_fill++] = 0x80;
  if (m_fill > 56) {
    std::memset(m_block.data() + m_fill, 0, 64 - m_fill);
    compress(m_state, m_block.data(), 1);
    m_fill = 0;
  }
  std::memset(m_block.data() + m_fill, 0, 56 - m_fill);
  for (std::size_t i = 0; i < 8; ++i) m_block[56 + i] = static_cast<std::uint8_t>(bits >> (56 - 8 * i));
  compress(m_state, m_block.data(), 1);
  Digest out{};
  for (std::size_t i = 0; i < 8; ++i)
    for (std::size_t j = 0; j < 4; ++j) out[4 * i + j] = static_cast<std::uint8_t>(m_state[i] >> (24 - 8 * j));
  reset();
  return out;
}

std::string to_hex(const Sha256::Digest& digest) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string text(64, '0');
  for (std::size_t i = 0; i < digest.size(); ++i) {
    text[2 * i] = kHex[digest[i] >> 4];
    text[2 * i + 1] = kHex[digest[i] & 15];
  }
  return text;
}

std::string sha256_hex(std::string_view bytes) {
  Sha256 h;
  h.update(bytes);
  return to_hex(h.digest());
}

}  // namespace jamsos
