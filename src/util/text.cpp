#include <factcheck/util/text.hpp>
#include <factcheck/util/utf8.hpp>

#include <fmt/format.h>

#include <array>
#include <cctype>
#include <charconv>
#include <cstdint>
#include <nettle/sha2.h>

namespace factcheck::util {

std::string
percent_encode(std::string_view text)
{
  static constexpr char k_hex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    const bool unreserved = (byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z')
                            || (byte >= '0' && byte <= '9') || byte == '-' || byte == '.'
                            || byte == '_' || byte == '~';
    if (unreserved) {
      out += c;
    } else {
      out += '%';
      out += k_hex[byte >> 4U];
      out += k_hex[byte & 0xFU];
    }
  }
  return out;
}

std::vector<std::string_view>
split(std::string_view text, char separator)
{
  std::vector<std::string_view> fields;
  std::size_t start = 0;
  while (true) {
    const auto end = text.find(separator, start);
    if (end == std::string_view::npos) {
      fields.push_back(text.substr(start));
      return fields;
    }
    fields.push_back(text.substr(start, end - start));
    start = end + 1;
  }
}

std::string_view
trim(std::string_view text)
{
  const auto is_space = [](char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
  };
  while (!text.empty() && is_space(text.front())) {
    text.remove_prefix(1);
  }
  while (!text.empty() && is_space(text.back())) {
    text.remove_suffix(1);
  }
  return text;
}

std::string
sha256_hex(std::string_view data)
{
  // nettle rather than OpenSSL's libcrypto: a twentieth of its size, so
  // loading it costs every run about 0.5 ms less (bench/notes.md, Start-up).
  sha256_ctx context{};
  sha256_init(&context);
  sha256_update(&context, data.size(), reinterpret_cast<const std::uint8_t*>(data.data()));
  std::array<std::uint8_t, SHA256_DIGEST_SIZE> digest{};
  sha256_digest(&context, digest.size(), digest.data());
  static constexpr char k_hex[] = "0123456789abcdef";
  std::string out;
  out.reserve(std::size_t{2} * digest.size());
  for (const std::uint8_t byte : digest) {
    out += k_hex[byte >> 4U];
    out += k_hex[byte & 0xFU];
  }
  return out;
}

namespace {

// East Asian Wide (W) and Fullwidth (F) blocks, from Unicode's
// EastAsianWidth.txt, coarsened to whole blocks: CJK text, kana, Hangul,
// fullwidth forms and the wide emoji planes.
bool
is_wide(char32_t cp)
{
  struct Range
  {
    char32_t first;
    char32_t last;
  };
  static constexpr std::array k_wide{
      Range{0x1100, 0x115F},
      Range{0x2E80, 0x303E},
      Range{0x3041, 0x33FF},
      Range{0x3400, 0x4DBF},
      Range{0x4E00, 0x9FFF},
      Range{0xA000, 0xA4CF},
      Range{0xAC00, 0xD7A3},
      Range{0xF900, 0xFAFF},
      Range{0xFE30, 0xFE4F},
      Range{0xFF00, 0xFF60},
      Range{0xFFE0, 0xFFE6},
      Range{0x1F300, 0x1F64F},
      Range{0x1F900, 0x1F9FF},
      Range{0x20000, 0x3FFFD},
  };
  for (const auto& range : k_wide) {
    if (cp >= range.first && cp <= range.last) {
      return true;
    }
  }
  return false;
}

bool
is_zero_width(char32_t cp)
{
  return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x200B && cp <= 0x200F)
         || (cp >= 0xFE00 && cp <= 0xFE0F);
}

} // namespace

std::size_t
display_width(std::string_view text)
{
  std::size_t width = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    // ASCII is one column a byte: most of a report, and the table measures
    // every word it wraps (a tenth of a 10,000-claim table run in perf).
    if (static_cast<unsigned char>(text[pos]) < 0x80) {
      ++width;
      ++pos;
      continue;
    }
    // An ill-formed byte is one column, as a terminal shows U+FFFD.
    const auto cp = utf8_at(text, pos);
    pos += cp.length;
    if (is_zero_width(cp.value)) {
      continue;
    }
    width += is_wide(cp.value) ? 2 : 1;
  }
  return width;
}

bool
parse_double(std::string_view text, double& out)
{
  if (!text.empty() && text.front() == '+') {
    text.remove_prefix(1);
  }
  if (text.empty()) {
    return false;
  }
  const auto* const end = text.data() + text.size();
  const auto result = std::from_chars(text.data(), end, out);
  return result.ec == std::errc() && result.ptr == end;
}

std::string
count_of(std::size_t count, std::string_view noun)
{
  return fmt::format("{} {}{}", count, noun, count == 1 ? "" : "s");
}

namespace {

// windows-1252's 0x80..0x9F (0 where the code page leaves a hole).
constexpr std::array<unsigned, 32> k_cp1252_high{
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

} // namespace

std::optional<std::size_t>
first_invalid_utf8(std::string_view text)
{
  for (std::size_t pos = 0; pos < text.size();) {
    const auto cp = utf8_at(text, pos);
    if (!cp.valid) {
      return pos;
    }
    pos += cp.length;
  }
  return std::nullopt;
}

std::string
to_utf8(std::string_view text, std::string_view charset, std::size_t* replaced)
{
  std::string name;
  for (const char c : charset) {
    name += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  std::size_t replacements = 0;
  std::string out;
  out.reserve(text.size());
  const bool latin1 = name == "iso-8859-1" || name == "latin1" || name == "latin-1"
                      || name == "iso8859-1" || name == "l1";
  const bool cp1252 = name == "windows-1252" || name == "cp1252";
  if (latin1 || cp1252) {
    for (const char c : text) {
      const auto b = static_cast<unsigned char>(c);
      unsigned cp = b;
      if (cp1252 && b >= 0x80 && b <= 0x9F) {
        cp = k_cp1252_high[b - 0x80];
        if (cp == 0) {
          cp = 0xFFFD;
          ++replacements;
        }
      }
      append_utf8(out, cp);
    }
  } else {
    for (std::size_t pos = 0; pos < text.size();) {
      const auto cp = utf8_at(text, pos);
      if (cp.valid) {
        out.append(text, pos, cp.length);
      } else {
        out += "\xEF\xBF\xBD"; // U+FFFD for the one bad byte, then go on
        ++replacements;
      }
      pos += cp.length;
    }
  }
  if (replaced != nullptr) {
    *replaced = replacements;
  }
  return out;
}

} // namespace factcheck::util
