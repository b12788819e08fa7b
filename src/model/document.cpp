#include <factcheck/model/document.hpp>

#include <cctype>
#include <cstddef>

namespace factcheck {

namespace {

bool
is_blank(char c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

} // namespace

std::string
normalise_text(std::string_view text)
{
  std::string out;
  out.reserve(text.size());
  // What separates the next word from the last one written: nothing, a
  // space, or a paragraph break.
  enum class Gap { none, space, paragraph } gap = Gap::none;
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    // A non-breaking space (U+00A0) separates words like a space.
    if (c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0') {
      gap = gap == Gap::paragraph ? gap : Gap::space;
      i += 2;
      continue;
    }
    if (is_blank(c)) {
      gap = gap == Gap::paragraph ? gap : Gap::space;
      ++i;
      continue;
    }
    if (c == '\n') {
      // Count the line breaks in this run of whitespace: two or more make a
      // paragraph break.
      std::size_t breaks = 0;
      std::size_t j = i;
      while (j < text.size() && (text[j] == '\n' || is_blank(text[j]))) {
        breaks += text[j] == '\n' ? 1 : 0;
        ++j;
      }
      // "exam-\nple": a hyphen at the end of a line between two lower-case
      // letters is a word broken for layout, not a compound.
      if (breaks == 1 && out.size() >= 2 && out.back() == '-'
          && std::islower(static_cast<unsigned char>(out[out.size() - 2])) != 0 && j < text.size()
          && std::islower(static_cast<unsigned char>(text[j])) != 0 && gap == Gap::none) {
        out.pop_back();
        i = j;
        continue;
      }
      gap = breaks >= 2 || gap == Gap::paragraph ? Gap::paragraph : Gap::space;
      i = j;
      continue;
    }
    if (!out.empty()) {
      if (gap == Gap::paragraph) {
        out += '\n';
      } else if (gap == Gap::space) {
        out += ' ';
      }
    }
    gap = Gap::none;
    out += c;
    ++i;
  }
  return out;
}

} // namespace factcheck
