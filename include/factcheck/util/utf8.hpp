#pragma once

// The one UTF-8 decoder and encoder of the project. Inline: the extractor,
// the table's width and the escapers call it once a character.

#include <cstddef>
#include <string>
#include <string_view>

namespace factcheck::util {

// One code point read from possibly ill-formed UTF-8. An ill-formed
// sequence (a stray continuation byte, a truncated or overlong form, a
// surrogate, a value past U+10FFFF: Unicode's table 3-7) reads as U+FFFD of
// length 1 with `valid` false, so a loop over arbitrary bytes always moves
// on, one bad byte at a time.
struct CodePoint
{
  char32_t value = 0xFFFD;
  std::size_t length = 1;
  bool valid = false;
};

// The code point that starts at byte `at` (< text.size()).
constexpr CodePoint
utf8_at(std::string_view text, std::size_t at)
{
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[at + i]); };
  const unsigned char lead = byte(0);
  if (lead < 0x80) {
    return {lead, 1, true};
  }
  std::size_t length = 0;
  char32_t value = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
    value = lead & 0x1FU;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    value = lead & 0x0FU;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    value = lead & 0x07U;
  } else {
    return {};
  }
  if (text.size() - at < length) {
    return {};
  }
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(i) & 0xC0U) != 0x80U) {
      return {};
    }
    value = (value << 6U) | (byte(i) & 0x3FU);
  }
  const bool overlong = (length == 3 && value < 0x800) || (length == 4 && value < 0x10000);
  const bool surrogate = value >= 0xD800 && value <= 0xDFFF;
  if (overlong || surrogate || value > 0x10FFFF) {
    return {};
  }
  return {value, length, true};
}

// Appends the UTF-8 form of `cp` (at most U+10FFFF) to `out`.
inline void
append_utf8(std::string& out, char32_t cp)
{
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0U | (cp >> 6U));
    out += static_cast<char>(0x80U | (cp & 0x3FU));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0U | (cp >> 12U));
    out += static_cast<char>(0x80U | ((cp >> 6U) & 0x3FU));
    out += static_cast<char>(0x80U | (cp & 0x3FU));
  } else {
    out += static_cast<char>(0xF0U | (cp >> 18U));
    out += static_cast<char>(0x80U | ((cp >> 12U) & 0x3FU));
    out += static_cast<char>(0x80U | ((cp >> 6U) & 0x3FU));
    out += static_cast<char>(0x80U | (cp & 0x3FU));
  }
}

} // namespace factcheck::util
