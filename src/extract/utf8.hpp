#pragma once

#include <factcheck/util/utf8.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace factcheck::extract::detail {

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
