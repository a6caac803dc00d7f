// Exact money (contract, "CSV conventions"): int64 sen, never floating point, because the
// UMK that Pasal 5 ayat (1) huruf f compares against has sen (Balikpapan 2025:
// Rp 3.701.508,68). Boundary: income `3.701.508,67` and `3701508.67` are both 370150867 sen,
// one sen below the UMK, so eligible; `3.701.508,68` is not below it.
//
// Readable spellings, decided left to right with no backtracking:
//   [-] [Rp[.] [spaces]] [-] INTEGER [DECIMALS]
//   INTEGER   plain digits `3500000`, or Indonesian groups `3.500.000` (1-3 digits, not
//             starting with 0, then groups of exactly three after each `.`)
//   DECIMALS  `,` + 1-2 digits after either form; `.` + 1-2 digits after plain digits only
// so `3.500` is Rp 3.500 (a group), `3.50` is Rp 3,50 (decimals) and `1.2345`, `3.50.000`,
// `3,500,000`, `3.500.000,` fit neither.
#include "jamsos/core/money.hpp"

#include <charconv>
#include <cstdint>

#include "jamsos/core/text.hpp"

namespace jamsos {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

constexpr std::uint64_t max_rupiah = static_cast<std::uint64_t>(max_money / 100);

// Reads a money text from its front; every step consumes or rejects.
class MoneyReader {
public:
  explicit MoneyReader(std::string_view text) : m_text(text) {}

  std::optional<Sen> read() {
    bool negative = take('-');
    if (take_rp()) {
      skip_spaces();
      if (!negative) negative = take('-');  // "Rp -16.800"
    }
    if (m_text.empty() || !is_digit(m_text.front())) return std::nullopt;

    std::uint64_t rupiah = 0;
    const std::size_t lead = count_digits();
    const bool grouped = lead <= 3 && m_text.front() != '0' && is_group_next(lead);
    if (!take_digits(lead, rupiah)) return std::nullopt;
    if (grouped) {
      while (is_group_next(0)) {
        m_text.remove_prefix(1);  // the `.`
        if (!take_digits(3, rupiah)) return std::nullopt;
      }
    }

    std::uint64_t sen = 0;
    if (!m_text.empty() && (m_text.front() == ',' || (m_text.front() == '.' && !grouped))) {
      m_text.remove_prefix(1);
      const std::size_t n = count_digits();
      if (n < 1 || n > 2) return std::nullopt;  // `3.500.000,` and `1.2345`
      std::uint64_t decimals = 0;
      take_digits(n, decimals);
      sen = n == 1 ? decimals * 10 : decimals;  // `,5` is 50 sen
    }
    if (!m_text.empty()) return std::nullopt;

    const auto amount = static_cast<Sen>(rupiah * 100 + sen);  // rupiah <= max_rupiah: no overflow
    if (amount > max_money) return std::nullopt;
    return negative ? -amount : amount;
  }

private:
  bool take(char c) {
    if (m_text.empty() || m_text.front() != c) return false;
    m_text.remove_prefix(1);
    return true;
  }

  // `Rp`, `RP`, `rp`, and the common `Rp.`.
  bool take_rp() {
    if (m_text.size() < 2 || (m_text[0] != 'R' && m_text[0] != 'r') || (m_text[1] != 'p' && m_text[1] != 'P'))
      return false;
    m_text.remove_prefix(2);
    take('.');
    return true;
  }

  // Spaces, tabs and the no-break space (UTF-8 C2 A0) that currency formats insert.
  void skip_spaces() {
    for (;;) {
      if (take(' ') || take('\t')) continue;
      if (m_text.size() >= 2 && m_text[0] == '\xC2' && m_text[1] == '\xA0') {
        m_text.remove_prefix(2);
        continue;
      }
      return;
    }
  }

  std::size_t count_digits(std::size_t from = 0) const {
    std::size_t n = from;
    while (n < m_text.size() && is_digit(m_text[n])) ++n;
    return n - from;
  }

  // At `pos`: a `.` followed by exactly three digits, then the end, `.` or `,`.
  bool is_group_next(std::size_t pos) const {
    if (pos >= m_text.size() || m_text[pos] != '.') return false;
    if (count_digits(pos + 1) != 3) return false;
    const std::size_t after = pos + 4;
    return after == m_text.size() || m_text[after] == '.' || m_text[after] == ',';
  }

  // Appends n digits to value; false once the amount passes max_money.
  bool take_digits(std::size_t n, std::uint64_t& value) {
    for (std::size_t i = 0; i < n; ++i) {
      value = value * 10 + static_cast<std::uint64_t>(m_text[i] - '0');
      if (value > max_rupiah) return false;  // also stops a 30-digit string before it wraps
    }
    m_text.remove_prefix(n);
    return true;
  }

  std::string_view m_text;
};

std::uint64_t magnitude(Sen amount) {
  // 0 - unsigned(x) is |x| even for INT64_MIN.
  return amount < 0 ? 0 - static_cast<std::uint64_t>(amount) : static_cast<std::uint64_t>(amount);
}

void append_two_digits(std::string& out, std::uint64_t v) {
  out.push_back(static_cast<char>('0' + v / 10));
  out.push_back(static_cast<char>('0' + v % 10));
}

}  // namespace

std::optional<Sen> parse_money(std::string_view text) { return MoneyReader(trim(text)).read(); }

char* write_money_plain(char* out, Sen amount) {
  const std::uint64_t mag = magnitude(amount);
  if (amount < 0) *out++ = '-';
  out = std::to_chars(out, out + 20, mag / 100).ptr;  // at most 18 digits: |INT64_MIN| / 100
  if (const std::uint64_t sen = mag % 100; sen != 0) {
    *out++ = '.';
    *out++ = static_cast<char>('0' + sen / 10);
    *out++ = static_cast<char>('0' + sen % 10);
  }
  return out;
}

void append_money_plain(std::string& out, Sen amount) {
  char text[money_plain_max];
  out.append(text, write_money_plain(text, amount));
}

std::string format_money_plain(Sen amount) {
  std::string out;
  append_money_plain(out, amount);
  return out;
}

std::string format_rupiah(Sen amount) {
  const std::uint64_t mag = magnitude(amount);
  const std::string digits = std::to_string(mag / 100);
  std::string out = amount < 0 ? "-Rp " : "Rp ";
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i != 0 && (digits.size() - i) % 3 == 0) out.push_back('.');
    out.push_back(digits[i]);
  }
  if (const std::uint64_t sen = mag % 100; sen != 0) {
    out.push_back(',');
    append_two_digits(out, sen);
  }
  return out;
}

}  // namespace jamsos
