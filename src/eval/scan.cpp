#include <factcheck/eval/scan.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <regex>

namespace factcheck::eval {

namespace {

bool
is_alnum(char c)
{
  return std::isalnum(static_cast<unsigned char>(c)) != 0;
}

char
lower(char c)
{
  return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

double
to_number(std::string text)
{
  text.erase(std::remove(text.begin(), text.end(), ','), text.end());
  double value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
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
  static const std::regex k_figure(
      R"((US\$|\$)?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:(\s?%)|([KMBT])(?![A-Za-z])|\s(thousand|million|billion|trillion)\b)?)");
  std::size_t pos = from;
  while (pos < text.size()) {
    std::match_results<std::string_view::const_iterator> match;
    if (!std::regex_search(
            text.begin() + static_cast<std::ptrdiff_t>(pos), text.end(), match, k_figure)) {
      return std::nullopt;
    }
    const auto begin = static_cast<std::size_t>(match[0].first - text.begin());
    const auto end = static_cast<std::size_t>(match[0].second - text.begin());
    // A digit glued to a letter or another figure is part of a name
    // ("H800", "DeepSeek-V3", "Q4"), not a figure.
    const bool glued_before =
        begin > 0
        && (is_alnum(text[begin - 1]) || text[begin - 1] == '.'
            || (text[begin - 1] == '-' && begin > 1 && is_alnum(text[begin - 2])));
    const bool glued_after =
        end < text.size() && std::isalpha(static_cast<unsigned char>(text[end])) != 0;
    if (glued_before || glued_after) {
      pos = end;
      continue;
    }
    FoundFigure figure;
    figure.value = to_number(match[2].str() + match[3].str());
    figure.begin = begin;
    figure.end = end;
    figure.text = match[0].str();
    if (match[1].matched) {
      figure.unit = quantity::Unit::usd;
    }
    if (match[4].matched) {
      figure.unit = quantity::Unit::percent;
    }
    std::string scale = match[5].matched ? match[5].str() : match[6].str();
    std::transform(scale.begin(), scale.end(), scale.begin(), lower);
    if (scale == "k" || scale == "thousand") {
      figure.value *= 1e3;
    } else if (scale == "m" || scale == "million") {
      figure.value *= 1e6;
    } else if (scale == "b" || scale == "billion") {
      figure.value *= 1e9;
    } else if (scale == "t" || scale == "trillion") {
      figure.value *= 1e12;
    }
    return figure;
  }
  return std::nullopt;
}

std::optional<FoundDate>
find_date(std::string_view text, std::size_t from)
{
  static const std::string k_month =
      "(January|February|March|April|May|June|July|August|September|October|November|"
      "December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sep\\.?|Sept\\.?|"
      "Oct\\.?|Nov\\.?|Dec\\.?)";
  // Alternatives from the most to the least precise; the leftmost match
  // wins, and at one position the first alternative that matches.
  static const std::regex k_date("\\b(\\d{4})[-/](\\d{1,2})(?:[-/](\\d{1,2}))?\\b"
                                 "|\\b(\\d{1,2}) "
                                 + k_month
                                 + " (\\d{4})\\b"
                                   "|\\b"
                                 + k_month
                                 + " (\\d{1,2}), (\\d{4})\\b"
                                   "|\\b"
                                 + k_month
                                 + " (\\d{4})\\b"
                                   "|\\b((?:19|20)\\d{2})\\b");
  std::match_results<std::string_view::const_iterator> m;
  if (from > text.size()
      || !std::regex_search(
          text.begin() + static_cast<std::ptrdiff_t>(from), text.end(), m, k_date)) {
    return std::nullopt;
  }
  const auto number = [&](int group) { return static_cast<int>(to_number(m[group].str())); };
  FoundDate found;
  found.begin = static_cast<std::size_t>(m[0].first - text.begin());
  found.end = static_cast<std::size_t>(m[0].second - text.begin());
  found.text = m[0].str();
  auto& date = found.date;
  if (m[1].matched) {
    date.year = number(1);
    date.month = static_cast<unsigned>(number(2));
    date.day = m[3].matched ? static_cast<unsigned>(number(3)) : 0;
  } else if (m[4].matched) {
    date.day = static_cast<unsigned>(number(4));
    date.month = month_number(m[5].str());
    date.year = number(6);
  } else if (m[7].matched) {
    date.month = month_number(m[7].str());
    date.day = static_cast<unsigned>(number(8));
    date.year = number(9);
  } else if (m[10].matched) {
    date.month = month_number(m[10].str());
    date.year = number(11);
  } else {
    date.year = number(12);
  }
  if (date.month > 12 || date.day > 31) {
    return std::nullopt;
  }
  return found;
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
  for (const std::string_view joiner : {", and ", " and "}) {
    for (auto at = list.find(joiner); at != std::string::npos; at = list.find(joiner)) {
      list.replace(at, joiner.size(), ",");
    }
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
