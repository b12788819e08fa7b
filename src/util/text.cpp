#include <factcheck/util/text.hpp>

#include <fmt/format.h>
#include <openssl/evp.h>

#include <array>
#include <charconv>
#include <cstdint>

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
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  // EVP_Digest is the one-shot form; it only fails on allocation failure.
  if (EVP_Digest(data.data(), data.size(), digest.data(), &length, EVP_sha256(), nullptr) != 1) {
    return {};
  }
  static constexpr char k_hex[] = "0123456789abcdef";
  std::string out;
  out.reserve(2 * length);
  for (unsigned int i = 0; i < length; ++i) {
    out += k_hex[digest[i] >> 4U];
    out += k_hex[digest[i] & 0xFU];
  }
  return out;
}

namespace {

// Decodes one UTF-8 code point at `pos`, advancing it. Malformed bytes decode
// as themselves (one column each), which is what a terminal shows anyway.
char32_t
next_code_point(std::string_view text, std::size_t& pos)
{
  const auto lead = static_cast<unsigned char>(text[pos]);
  std::size_t length = 1;
  char32_t cp = lead;
  if (lead >= 0xF0 && lead < 0xF8) {
    length = 4;
    cp = lead & 0x07U;
  } else if (lead >= 0xE0) {
    length = 3;
    cp = lead & 0x0FU;
  } else if (lead >= 0xC0) {
    length = 2;
    cp = lead & 0x1FU;
  }
  if (length == 1 || pos + length > text.size()) {
    ++pos;
    return lead;
  }
  for (std::size_t i = 1; i < length; ++i) {
    const auto byte = static_cast<unsigned char>(text[pos + i]);
    if ((byte & 0xC0U) != 0x80U) {
      ++pos;
      return lead;
    }
    cp = (cp << 6U) | (byte & 0x3FU);
  }
  pos += length;
  return cp;
}

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
    const char32_t cp = next_code_point(text, pos);
    if (is_zero_width(cp)) {
      continue;
    }
    width += is_wide(cp) ? 2 : 1;
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

} // namespace factcheck::util
