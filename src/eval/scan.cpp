#include <factcheck/eval/scan.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>

namespace factcheck::eval {

namespace {

char
lower(char c)
{
  return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

constexpr std::array<std::string_view, 12> k_months{"january",
                                                    "february",
                                                    "march",
                                                    "april",
                                                    "may",
                                                    "june",
                                                    "july",
                                                    "august",
                                                    "september",
                                                    "october",
                                                    "november",
                                                    "december"};

unsigned
month_number(std::string name)
{
  if (!name.empty() && name.back() == '.') {
    name.pop_back();
  }
  std::transform(name.begin(), name.end(), name.begin(), lower);
  for (std::size_t i = 0; i < k_months.size(); ++i) {
    // "Dec." and "December" both name the twelfth month.
    if (k_months[i].starts_with(name) && name.size() >= 3) {
      return static_cast<unsigned>(i + 1);
    }
  }
  return 0;
}

bool
is_sentence_end(std::string_view text, std::size_t i)
{
  const char c = text[i];
  if (c == '\n') {
    return true;
  }
  if ((c == '.' || c == '!' || c == '?')
      && (i + 1 == text.size() || text[i + 1] == ' ' || text[i + 1] == '\n')) {
    // "Dec. 18" and "e.g. x" are abbreviations, not ends: a sentence ends
    // before a capital letter or a digit would be ambiguous, so require
    // that the word before is not a month abbreviation.
    std::size_t start = i;
    while (start > 0 && std::isalpha(static_cast<unsigned char>(text[start - 1])) != 0) {
      --start;
    }
    const auto word = std::string(text.substr(start, i - start));
    return !(word.size() == 3 && month_number(word) != 0) && word != "e.g" && word != "i.e";
  }
  // Full-width ends: 。！？ (UTF-8 E3 80 82, EF BC 81, EF BC 9F).
  return text.substr(i).starts_with("。") || text.substr(i).starts_with("！")
         || text.substr(i).starts_with("？");
}

} // namespace

std::optional<AnchorHit>
find_anchor(const Document& document, std::string_view anchor)
{
  // Compare ignoring case and collapsing whitespace in the anchor: texts are
  // normalised to single spaces already.
  std::string needle;
  for (const char c : anchor) {
    if (c == ' ' || c == '\n' || c == '\t') {
      if (!needle.empty() && needle.back() != ' ') {
        needle += ' ';
      }
      continue;
    }
    needle += lower(c);
  }
  while (!needle.empty() && needle.back() == ' ') {
    needle.pop_back();
  }
  if (needle.empty()) {
    return std::nullopt;
  }
  for (const auto& page : document.pages) {
    std::string haystack = page.text;
    std::transform(haystack.begin(), haystack.end(), haystack.begin(), [](char c) {
      return c == '\n' ? ' ' : lower(c);
    });
    const auto at = haystack.find(needle);
    if (at != std::string::npos) {
      return AnchorHit{&page, at, at + needle.size()};
    }
  }
  return std::nullopt;
}

std::optional<FoundFigure>
find_figure(std::string_view text, std::size_t from)
{
  const auto mention = quantity::find_quantity(text, from);
  if (!mention) {
    return std::nullopt;
  }
  FoundFigure figure;
  figure.value = mention->quantity.low;
  figure.unit = mention->quantity.unit;
  figure.text = mention->quantity.text;
  figure.begin = mention->begin;
  figure.end = mention->end;
  return figure;
}

namespace {

// Digits at `pos`, at least `min` and at most `max` of them, not glued to
// more digits.
std::optional<int>
digits_at(std::string_view text, std::size_t& pos, std::size_t min, std::size_t max)
{
  std::size_t end = pos;
  while (end < text.size() && std::isdigit(static_cast<unsigned char>(text[end])) != 0) {
    ++end;
  }
  const std::size_t count = end - pos;
  if (count < min || count > max) {
    return std::nullopt;
  }
  int value = 0;
  std::from_chars(text.data() + pos, text.data() + end, value);
  pos = end;
  return value;
}

// A month name or abbreviation at `pos` ("July", "Jul", "Jul.", "Sept."),
// ending a word.
unsigned
month_at(std::string_view text, std::size_t& pos)
{
  std::size_t end = pos;
  while (end < text.size() && std::isalpha(static_cast<unsigned char>(text[end])) != 0) {
    ++end;
  }
  const std::string word(text.substr(pos, end - pos));
  std::string lowered = word;
  std::transform(lowered.begin(), lowered.end(), lowered.begin(), lower);
  for (std::size_t i = 0; i < k_months.size(); ++i) {
    const bool full = lowered == k_months[i];
    const bool abbreviated = lowered.size() >= 3 && lowered.size() <= 4
                             && k_months[i].starts_with(lowered)
                             && (lowered.size() == 3 || lowered == "sept");
    if (word.empty() || (!full && !abbreviated)
        || std::isupper(static_cast<unsigned char>(word[0])) == 0) {
      continue;
    }
    if (!full && end < text.size() && text[end] == '.') {
      ++end;
    }
    pos = end;
    return static_cast<unsigned>(i + 1);
  }
  return 0;
}

bool
word_start(std::string_view text, std::size_t pos)
{
  return pos == 0 || std::isalnum(static_cast<unsigned char>(text[pos - 1])) == 0;
}

bool
word_end(std::string_view text, std::size_t pos)
{
  return pos >= text.size() || std::isalnum(static_cast<unsigned char>(text[pos])) == 0;
}

// The most precise date that starts at `pos`: 2023-07-17, 2025/01/20,
// 17 July 2023, July 17, 2023, July 2023, 2023.
std::optional<FoundDate>
date_at(std::string_view text, std::size_t pos)
{
  if (!word_start(text, pos)) {
    return std::nullopt;
  }
  FoundDate found;
  found.begin = pos;
  auto& date = found.date;
  const auto finish = [&](std::size_t end) -> std::optional<FoundDate> {
    if (!word_end(text, end) || date.month > 12 || date.day > 31) {
      return std::nullopt;
    }
    found.end = end;
    found.text = std::string(text.substr(pos, end - pos));
    return found;
  };
  std::size_t p = pos;
  if (const auto year = digits_at(text, p, 4, 4)) {
    // 2023-07-17, 2025/01/20, 2023-07
    if (p < text.size() && (text[p] == '-' || text[p] == '/')) {
      const char separator = text[p];
      std::size_t q = p + 1;
      if (const auto month = digits_at(text, q, 1, 2)) {
        date.year = *year;
        date.month = static_cast<unsigned>(*month);
        std::size_t r = q;
        if (r < text.size() && text[r] == separator) {
          ++r;
          if (const auto day = digits_at(text, r, 1, 2)) {
            date.day = static_cast<unsigned>(*day);
            return finish(r);
          }
        }
        return finish(q);
      }
    }
    if (*year >= 1900 && *year < 2100) {
      date.year = *year;
      return finish(p);
    }
    return std::nullopt;
  }
  p = pos;
  if (const auto day = digits_at(text, p, 1, 2)) {
    // 17 July 2023
    if (p < text.size() && text[p] == ' ') {
      std::size_t q = p + 1;
      if (const auto month = month_at(text, q); month != 0 && q < text.size() && text[q] == ' ') {
        ++q;
        if (const auto year = digits_at(text, q, 4, 4)) {
          date = PartialDate{*year, month, static_cast<unsigned>(*day)};
          return finish(q);
        }
      }
    }
    return std::nullopt;
  }
  p = pos;
  if (const auto month = month_at(text, p); month != 0 && p < text.size() && text[p] == ' ') {
    std::size_t q = p + 1;
    // July 17, 2023
    if (const auto day = digits_at(text, q, 1, 2)) {
      if (q + 1 < text.size() && text[q] == ',' && text[q + 1] == ' ') {
        std::size_t r = q + 2;
        if (const auto year = digits_at(text, r, 4, 4)) {
          date = PartialDate{*year, month, static_cast<unsigned>(*day)};
          return finish(r);
        }
      }
      return std::nullopt;
    }
    // July 2023
    q = p + 1;
    if (const auto year = digits_at(text, q, 4, 4)) {
      date = PartialDate{*year, month, 0};
      return finish(q);
    }
  }
  return std::nullopt;
}

} // namespace

std::optional<FoundDate>
find_date(std::string_view text, std::size_t from)
{
  for (std::size_t pos = from; pos < text.size(); ++pos) {
    if (auto found = date_at(text, pos)) {
      return found;
    }
  }
  return std::nullopt;
}

std::vector<std::string>
find_list(std::string_view text, std::size_t from)
{
  std::size_t end = from;
  while (end < text.size() && !is_sentence_end(text, end)) {
    ++end;
  }
  std::string list(text.substr(from, end - from));
  // "A, B, and C" / "A, B and C" / "A and B": commas and a final "and"
  // separate the names.
  // (Rebuilt rather than replaced in place: g++ 12 warns falsely about
  // std::string::replace with -Wrestrict.)
  for (const std::string_view joiner : {", and ", " and "}) {
    std::string joined;
    std::size_t start = 0;
    for (auto at = list.find(joiner); at != std::string::npos; at = list.find(joiner, start)) {
      joined.append(list, start, at - start);
      joined += ',';
      start = at + joiner.size();
    }
    joined.append(list, start, std::string::npos);
    list = std::move(joined);
  }
  std::vector<std::string> names;
  std::size_t start = 0;
  while (start <= list.size()) {
    auto comma = list.find(',', start);
    if (comma == std::string::npos) {
      comma = list.size();
    }
    auto name = list.substr(start, comma - start);
    const auto first = name.find_first_not_of(" :");
    const auto last = name.find_last_not_of(' ');
    if (first != std::string::npos) {
      names.push_back(name.substr(first, last - first + 1));
    }
    start = comma + 1;
  }
  return names;
}

std::string
sentence_around(std::string_view text, std::size_t begin, std::size_t end)
{
  std::size_t start = begin;
  while (start > 0 && !is_sentence_end(text, start - 1)) {
    --start;
  }
  std::size_t stop = std::max(end, begin);
  while (stop < text.size() && !is_sentence_end(text, stop)) {
    ++stop;
  }
  if (stop < text.size() && text[stop] != '\n') {
    // Keep the full stop; a full-width one is three bytes.
    stop += static_cast<unsigned char>(text[stop]) >= 0x80 ? 3 : 1;
  }
  std::string sentence(text.substr(start, stop - start));
  const auto first = sentence.find_first_not_of(' ');
  return first == std::string::npos ? std::string() : sentence.substr(first);
}

bool
dates_agree(const PartialDate& claimed, const PartialDate& observed)
{
  if (claimed.year != observed.year) {
    return false;
  }
  if (claimed.month == 0 || observed.month == 0) {
    return true;
  }
  if (claimed.month != observed.month) {
    return false;
  }
  return claimed.day == 0 || observed.day == 0 || claimed.day == observed.day;
}

std::string_view
shared_precision(const PartialDate& a, const PartialDate& b)
{
  if (a.month == 0 || b.month == 0) {
    return "year";
  }
  if (a.day == 0 || b.day == 0) {
    return "month";
  }
  return "day";
}

} // namespace factcheck::eval
