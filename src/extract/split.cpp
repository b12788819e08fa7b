// Sentence and clause splitting for Chinese and English running text.
#include "utf8.hpp"

#include <factcheck/extract/extract.hpp>

#include <array>
#include <string>

namespace factcheck::extract {

namespace {

using detail::is_ascii_alnum;
using detail::is_space;

bool
is_opener(char32_t c)
{
  return c == U'「' || c == U'『' || c == U'“' || c == U'（' || c == U'(' || c == U'《'
         || c == U'【' || c == U'[';
}

bool
is_closer(char32_t c)
{
  return c == U'」' || c == U'』' || c == U'”' || c == U'）' || c == U')' || c == U'》'
         || c == U'】' || c == U']';
}

bool
is_terminator(char32_t c)
{
  return c == U'。' || c == U'！' || c == U'？' || c == U'；' || c == U'!' || c == U'?'
         || c == U';';
}

// Words whose full stop does not end an English sentence.
constexpr std::array k_abbreviations = {
    "jan", "feb", "mar", "apr", "jun", "jul", "aug",  "sep", "sept", "oct", "nov", "dec",    "mr",
    "mrs", "ms",  "dr",  "st",  "vs",  "inc", "corp", "co",  "ltd",  "no",  "etc", "approx", "est",
    "fig", "jr",  "sr",  "u.s", "u.k", "e.g", "i.e",  "a.m", "p.m",  "n.y", "d.c"};

// Whether the full stop at `dot` ends a sentence.
bool
full_stop_ends_sentence(std::string_view text, std::size_t dot)
{
  const std::size_t next = dot + 1;
  if (next < text.size() && !is_space(util::utf8_at(text, next).value) && text[next] != '"'
      && text[next] != ')') {
    return false; // 3.07, U.S.A, example.com
  }
  // The word before the dot, letters and inner dots.
  std::size_t start = dot;
  while (start > 0 && (is_ascii_alnum(text[start - 1]) || text[start - 1] == '.')) {
    --start;
  }
  std::string word;
  for (std::size_t i = start; i < dot; ++i) {
    const char c = text[i];
    word += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  // "1. " opening a line is a list number.
  if (!word.empty() && word.find_first_not_of("0123456789") == std::string::npos) {
    std::size_t line = start;
    while (line > 0 && text[line - 1] != '\n' && is_space(util::utf8_at(text, line - 1).value)) {
      --line;
    }
    if (line == 0 || text[line - 1] == '\n') {
      return false;
    }
  }
  if (word.size() == 1 && word[0] >= 'a' && word[0] <= 'z') {
    return false; // an initial: "J. Smith"
  }
  for (const auto* abbreviation : k_abbreviations) {
    if (word == abbreviation) {
      return false;
    }
  }
  return true;
}

bool
is_clause_separator(std::string_view text, std::size_t at, const util::CodePoint& cp)
{
  if (cp.value == U'，' || cp.value == U'：') {
    return true;
  }
  if (cp.value == ',' || cp.value == ':') {
    // Not inside a number: "2,000", "10:30".
    const bool digit_before = at > 0 && text[at - 1] >= '0' && text[at - 1] <= '9';
    const bool digit_after = at + 1 < text.size() && text[at + 1] >= '0' && text[at + 1] <= '9';
    return !(digit_before && digit_after);
  }
  return false;
}

// Skips white space, list bullets and section numbers ("1.1 ", "2. ") at a
// line's start.
std::size_t
skip_lead(std::string_view text, std::size_t at, std::size_t end, bool line_start)
{
  while (at < end) {
    const auto cp = util::utf8_at(text, at);
    if (is_space(cp.value)) {
      at += cp.length;
      continue;
    }
    if (cp.value == U'•' || cp.value == U'・' || cp.value == U'·' || cp.value == U'●'
        || cp.value == U'▪' || cp.value == U'◆' || cp.value == U'■') {
      at += cp.length;
      line_start = true;
      continue;
    }
    if ((cp.value == '-' || cp.value == '*' || cp.value == U'–') && at + cp.length < end
        && is_space(util::utf8_at(text, at + cp.length).value)) {
      at += cp.length;
      continue;
    }
    if (line_start && text[at] >= '0' && text[at] <= '9') {
      std::size_t i = at;
      while (i < end && ((text[i] >= '0' && text[i] <= '9') || text[i] == '.')) {
        ++i;
      }
      if (i < end && i > at && (text[i] == ' ' || text[i - 1] == '.')
          && (text[i] == ' ' || text[i] == '\t')) {
        at = i;
        continue;
      }
    }
    break;
  }
  return at;
}

std::size_t
trim_end(std::string_view text, std::size_t begin, std::size_t end)
{
  while (end > begin) {
    const std::size_t prev = detail::previous(text, end);
    if (!is_space(util::utf8_at(text, prev).value)) {
      break;
    }
    end = prev;
  }
  return end;
}

struct RawSentence
{
  std::size_t begin = 0;
  std::size_t end = 0;
  bool line_start = false;
  bool heading = false; // ended by a line end without sentence punctuation
};

std::vector<RawSentence>
raw_sentences(std::string_view text)
{
  std::vector<RawSentence> out;
  std::size_t begin = 0;
  bool line_start = true;
  int depth = 0;
  std::size_t i = 0;
  const auto close = [&](std::size_t end, bool heading) {
    out.push_back({begin, end, line_start, heading && line_start});
  };
  while (i < text.size()) {
    const auto cp = util::utf8_at(text, i);
    const std::size_t next = i + cp.length;
    if (cp.value == '\n') {
      close(i, true);
      begin = next;
      line_start = true;
      depth = 0;
      i = next;
      continue;
    }
    if (is_opener(cp.value)) {
      ++depth;
    } else if (is_closer(cp.value)) {
      depth = depth > 0 ? depth - 1 : 0;
    } else if (depth == 0
               && (is_terminator(cp.value)
                   || (cp.value == '.' && full_stop_ends_sentence(text, i)))) {
      // Closing quotes right after the stop belong to the sentence.
      std::size_t end = next;
      while (end < text.size() && is_closer(util::utf8_at(text, end).value)) {
        end += util::utf8_at(text, end).length;
      }
      close(end, false);
      begin = end;
      line_start = false;
      i = end;
      continue;
    }
    i = next;
  }
  close(text.size(), true);
  return out;
}

} // namespace

std::vector<Sentence>
split_sentences(std::string_view text)
{
  std::vector<Sentence> out;
  for (const auto& raw : raw_sentences(text)) {
    const std::size_t begin = skip_lead(text, raw.begin, raw.end, raw.line_start);
    const std::size_t end = trim_end(text, begin, raw.end);
    if (end > begin) {
      out.push_back({begin, end});
    }
  }
  return out;
}

std::vector<Clause>
split_clauses(std::string_view text)
{
  std::vector<Clause> out;
  std::size_t sentence = 0;
  for (const auto& raw : raw_sentences(text)) {
    const std::size_t s_begin = skip_lead(text, raw.begin, raw.end, raw.line_start);
    const std::size_t s_end = trim_end(text, s_begin, raw.end);
    if (s_end <= s_begin) {
      continue;
    }
    const auto push = [&](std::size_t begin, std::size_t end) {
      begin = skip_lead(text, begin, end, false);
      end = trim_end(text, begin, end);
      // The stop that ends the sentence is not part of its last clause
      // ("輝達股價暴跌17%。" quotes as "輝達股價暴跌17%"), as in hand catalogues.
      if (end > begin) {
        const std::size_t last = detail::previous(text, end);
        const auto cp = util::utf8_at(text, last);
        if (is_terminator(cp.value) || (cp.value == '.' && end == s_end)) {
          end = trim_end(text, begin, last);
        }
      }
      if (end > begin) {
        out.push_back({begin, end, sentence, raw.heading});
      }
    };
    int depth = 0;
    std::size_t begin = s_begin;
    std::size_t i = s_begin;
    while (i < s_end) {
      const auto cp = util::utf8_at(text, i);
      if (is_opener(cp.value)) {
        ++depth;
      } else if (is_closer(cp.value)) {
        depth = depth > 0 ? depth - 1 : 0;
      } else if (depth == 0 && is_clause_separator(text, i, cp)) {
        push(begin, i);
        begin = i + cp.length;
      }
      i += cp.length;
    }
    push(begin, s_end);
    ++sentence;
  }
  return out;
}

std::pair<std::size_t, std::size_t>
code_point_span(std::string_view text, std::size_t begin, std::size_t end)
{
  // Code points that start before a byte offset.
  const auto count_before = [&](std::size_t offset) {
    std::size_t count = 0;
    std::size_t i = 0;
    while (i < text.size() && i < offset) {
      i += util::utf8_at(text, i).length;
      ++count;
    }
    return count;
  };
  return {count_before(begin), count_before(end)};
}

} // namespace factcheck::extract
