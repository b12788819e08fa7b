#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace factcheck::extract::detail {

// One code point of possibly broken UTF-8: a bad byte reads as U+FFFD of
// length 1, so every loop over arbitrary bytes advances.
struct CodePoint
{
  char32_t value = 0;
  std::size_t length = 1;
};

inline CodePoint
decode(std::string_view text, std::size_t at)
{
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char b0 = byte(at);
  if (b0 < 0x80) {
    return {b0, 1};
  }
  std::size_t length = 0;
  char32_t value = 0;
  if ((b0 & 0xE0) == 0xC0) {
    length = 2;
    value = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    length = 3;
    value = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    length = 4;
    value = b0 & 0x07;
  } else {
    return {0xFFFD, 1};
  }
  if (at + length > text.size()) {
    return {0xFFFD, 1};
  }
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(at + i) & 0xC0) != 0x80) {
      return {0xFFFD, 1};
    }
    value = (value << 6) | (byte(at + i) & 0x3F);
  }
  // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
  constexpr char32_t k_smallest[] = {0, 0, 0x80, 0x800, 0x10000};
  if (value < k_smallest[length] || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
    return {0xFFFD, 1};
  }
  return {value, length};
}

// The start of the code point before byte `at` (at > 0).
inline std::size_t
previous(std::string_view text, std::size_t at)
{
  std::size_t i = at - 1;
  while (i > 0 && at - i < 4 && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) {
    --i;
  }
  return i;
}

inline bool
is_ascii_alnum(char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

inline bool
is_space(char32_t c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0x3000 || c == 0xA0;
}

} // namespace factcheck::extract::detail
