// A read position in UTF-8 text with the matching primitives the quantity
// grammar needs. UTF-8 is self-synchronising, so a literal that matches at a
// code point boundary also ends on one: no decoding is needed, and nothing
// depends on the locale.
#pragma once

#include "lexicon.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace factcheck::quantity::detail {

inline bool
is_ascii_letter(char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

inline bool
is_digit(char c)
{
  return c >= '0' && c <= '9';
}

inline char
ascii_lower(char c)
{
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

class Cursor
{
public:
  explicit Cursor(std::string_view text) : m_text(text)
  {}

  bool
  at_end() const
  {
    return m_pos == m_text.size();
  }

  std::string_view
  rest() const
  {
    return m_text.substr(m_pos);
  }

  std::string_view
  text() const
  {
    return m_text;
  }

  // The byte `offset` bytes ahead, or NUL past the end.
  char
  peek(std::size_t offset = 0) const
  {
    return m_pos + offset < m_text.size() ? m_text[m_pos + offset] : '\0';
  }

  void
  advance(std::size_t bytes = 1)
  {
    m_pos += bytes;
  }

  std::size_t
  position() const
  {
    return m_pos;
  }

  void
  rewind(std::size_t position)
  {
    m_pos = position;
  }

  // Skips spaces; true if there were any.
  bool
  skip_spaces()
  {
    const std::size_t before = m_pos;
    m_pos = skip_spaces_from(m_pos);
    return m_pos != before;
  }

  bool
  starts_with(std::string_view literal) const
  {
    return rest().starts_with(literal);
  }

  // Consumes `literal` byte for byte.
  bool
  consume_exact(std::string_view literal)
  {
    if (starts_with(literal)) {
      m_pos += literal.size();
      return true;
    }
    return false;
  }

  // Consumes `literal` byte for byte when no ASCII letter follows it, so that
  // the "m" of a scale suffix does not eat the start of a word.
  bool
  consume_suffix(std::string_view literal)
  {
    if (starts_with(literal) && !is_ascii_letter(peek(literal.size()))) {
      m_pos += literal.size();
      return true;
    }
    return false;
  }

  // Consumes `token`: a word or phrase if it starts with an ASCII letter
  // (case-insensitive, each space matching a run of spaces, not followed by a
  // letter: "more  than", but not the "over" of "overall"), else exactly.
  bool
  consume_token(std::string_view token)
  {
    if (token.empty() || !is_ascii_letter(token.front())) {
      return consume_exact(token);
    }
    std::size_t pos = m_pos;
    for (const char c : token) {
      if (c == ' ') {
        const std::size_t after = skip_spaces_from(pos);
        if (after == pos) {
          return false;
        }
        pos = after;
      } else if (pos < m_text.size() && ascii_lower(m_text[pos]) == ascii_lower(c)) {
        ++pos;
      } else {
        return false;
      }
    }
    if (pos < m_text.size() && is_ascii_letter(m_text[pos])) {
      return false;
    }
    m_pos = pos;
    return true;
  }

  template <typename Words>
  bool
  consume_any(const Words& words)
  {
    for (const std::string_view word : words) {
      if (consume_token(word)) {
        return true;
      }
    }
    return false;
  }

  // The first entry of `table` (entries with a `text` member) found here.
  template <typename Table>
  auto
  consume_entry(const Table& table) -> std::optional<typename Table::value_type>
  {
    for (const auto& entry : table) {
      if (consume_token(entry.text)) {
        return entry;
      }
    }
    return std::nullopt;
  }

  // Like consume_entry, without consuming.
  template <typename Table>
  auto
  peek_entry(const Table& table) const -> std::optional<typename Table::value_type>
  {
    Cursor probe = *this;
    return probe.consume_entry(table);
  }

private:
  std::string_view m_text;
  std::size_t m_pos = 0;

  std::size_t
  skip_spaces_from(std::size_t pos) const
  {
    bool moved = true;
    while (moved) {
      moved = false;
      for (const std::string_view space : k_spaces) {
        if (m_text.substr(pos).starts_with(space)) {
          pos += space.size();
          moved = true;
        }
      }
    }
    return pos;
  }
};

// Text with full-width ASCII forms (U+FF01–U+FF5E: "３", "－", "％", "，")
// folded to ASCII and U+2212 MINUS SIGN to "-", with, for each byte of the
// folded text, the offset of the byte it came from, so that a match can be
// mapped back onto what the article wrote.
struct Folded
{
  std::string text;
  std::vector<std::size_t> origin; // origin.size() == text.size() + 1
};

inline Folded
fold_width(std::string_view text)
{
  Folded out;
  out.text.reserve(text.size());
  out.origin.reserve(text.size() + 1);
  for (std::size_t i = 0; i < text.size();) {
    const auto b0 = static_cast<unsigned char>(text[i]);
    if (b0 == 0xEF && i + 2 < text.size()) {
      const auto b1 = static_cast<unsigned char>(text[i + 1]);
      const auto b2 = static_cast<unsigned char>(text[i + 2]);
      // U+FF01..U+FF3F is EF BC 81..BF; U+FF40..U+FF5E is EF BD 80..9E.
      unsigned code = 0;
      if (b1 == 0xBC && b2 >= 0x81 && b2 <= 0xBF) {
        code = 0xFF00 + (b2 - 0x80);
      } else if (b1 == 0xBD && b2 >= 0x80 && b2 <= 0x9E) {
        code = 0xFF40 + (b2 - 0x80);
      }
      if (code != 0) {
        out.text += static_cast<char>(code - 0xFF00 + 0x20);
        out.origin.push_back(i);
        i += 3;
        continue;
      }
    }
    if (text.substr(i).starts_with("\u2212")) {
      out.text += '-';
      out.origin.push_back(i);
      i += 3;
      continue;
    }
    out.text += text[i];
    out.origin.push_back(i);
    ++i;
  }
  out.origin.push_back(text.size());
  return out;
}

} // namespace factcheck::quantity::detail
