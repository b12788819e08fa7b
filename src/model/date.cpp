#include <factcheck/model/date.hpp>
#include <factcheck/util/utf8.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <functional>
#include <vector>

namespace factcheck {

namespace {

bool
read_digits(std::string_view text, std::size_t pos, std::size_t count, int& out)
{
  if (pos + count > text.size()) {
    return false;
  }
  const auto* const first = text.data() + pos;
  const auto* const last = first + count;
  for (const auto* p = first; p != last; ++p) {
    if (*p < '0' || *p > '9') {
      return false;
    }
  }
  return std::from_chars(first, last, out).ec == std::errc();
}

} // namespace

std::optional<Date>
parse_date(std::string_view text, bool compact)
{
  int year = 0;
  int month = 0;
  int day = 0;
  if (compact && text.size() == 8) {
    if (!read_digits(text, 0, 4, year) || !read_digits(text, 4, 2, month)
        || !read_digits(text, 6, 2, day)) {
      return std::nullopt;
    }
  } else if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
    if (!read_digits(text, 0, 4, year) || !read_digits(text, 5, 2, month)
        || !read_digits(text, 8, 2, day)) {
      return std::nullopt;
    }
  } else {
    return std::nullopt;
  }
  const Date date{std::chrono::year{year},
                  std::chrono::month{static_cast<unsigned>(month)},
                  std::chrono::day{static_cast<unsigned>(day)}};
  if (!date.ok()) {
    return std::nullopt;
  }
  return date;
}

std::string
format_date(Date date)
{
  return fmt::format("{:04}-{:02}-{:02}",
                     static_cast<int>(date.year()),
                     static_cast<unsigned>(date.month()),
                     static_cast<unsigned>(date.day()));
}

Date
PartialDate::first_day() const
{
  return Date{std::chrono::year{year},
              std::chrono::month{month == 0 ? 1 : month},
              std::chrono::day{day == 0 ? 1 : day}};
}

Date
PartialDate::last_day() const
{
  using namespace std::chrono;
  if (month == 0) {
    return Date{std::chrono::year{year}, December, std::chrono::day{31}};
  }
  if (day == 0) {
    const year_month_day_last last{std::chrono::year{year},
                                   month_day_last{std::chrono::month{month}}};
    return Date{last};
  }
  return first_day();
}

std::optional<PartialDate>
parse_partial_date(std::string_view text)
{
  PartialDate date;
  if (text.size() == 4) {
    if (!read_digits(text, 0, 4, date.year)) {
      return std::nullopt;
    }
    return date;
  }
  if (text.size() == 7 && text[4] == '-') {
    int month = 0;
    if (!read_digits(text, 0, 4, date.year) || !read_digits(text, 5, 2, month) || month < 1
        || month > 12) {
      return std::nullopt;
    }
    date.month = static_cast<unsigned>(month);
    return date;
  }
  const auto full = parse_date(text);
  if (!full) {
    return std::nullopt;
  }
  date.year = static_cast<int>(full->year());
  date.month = static_cast<unsigned>(full->month());
  date.day = static_cast<unsigned>(full->day());
  return date;
}

std::string
format_partial_date(const PartialDate& date)
{
  if (date.month == 0) {
    return fmt::format("{:04}", date.year);
  }
  if (date.day == 0) {
    return fmt::format("{:04}-{:02}", date.year, date.month);
  }
  return fmt::format("{:04}-{:02}-{:02}", date.year, date.month, date.day);
}

namespace {

constexpr std::array<std::string_view, 12> k_month_names = {"January",
                                                            "February",
                                                            "March",
                                                            "April",
                                                            "May",
                                                            "June",
                                                            "July",
                                                            "August",
                                                            "September",
                                                            "October",
                                                            "November",
                                                            "December"};

// Sunday first, as std::chrono::weekday::c_encoding() counts.
constexpr std::array<std::string_view, 7> k_weekday_names = {
    "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};

// A month or day the text does not give.
constexpr int k_absent = -1;

// The "more than ~6 months after the published date" of the year rule.
constexpr int k_future_limit_days = 183;

constexpr std::string_view k_how_to_write =
    "write it as \"2025-01-27\", \"27 January 2025\" or \"2025年1月27日\", or to the "
    "month or year (\"2025-01\", \"2025\")";

// --- Text to code points ---------------------------------------------------

// False when `text` is not well-formed UTF-8.
bool
decode_utf8(std::string_view text, std::u32string& out)
{
  for (std::size_t i = 0; i < text.size();) {
    const auto cp = util::utf8_at(text, i);
    if (!cp.valid) {
      return false;
    }
    out.push_back(cp.value);
    i += cp.length;
  }
  return true;
}

std::string
encode_utf8(std::u32string_view text)
{
  std::string out;
  for (const auto cp : text) {
    util::append_utf8(out, cp);
  }
  return out;
}

// Full-width forms to ASCII, ideographic and no-break spaces to a space,
// ASCII letters to lowercase.
char32_t
normalise(char32_t cp)
{
  if (cp >= 0xFF01 && cp <= 0xFF5E) {
    cp -= 0xFEE0;
  } else if (cp == 0x3000 || cp == 0xA0 || cp == '\t' || cp == '\n' || cp == '\r') {
    cp = ' ';
  }
  if (cp >= 'A' && cp <= 'Z') {
    cp += 'a' - 'A';
  }
  return cp;
}

bool
is_ascii_digit(char32_t cp)
{
  return cp >= '0' && cp <= '9';
}

bool
is_ascii_letter(char32_t cp)
{
  return cp >= 'a' && cp <= 'z';
}

// 0-9 for a Chinese digit, 10 for 十, -1 otherwise.
int
chinese_numeral(char32_t cp)
{
  switch (cp) {
  case U'〇':
  case U'零':
    return 0;
  case U'一':
    return 1;
  case U'二':
  case U'两':
  case U'兩':
    return 2;
  case U'三':
    return 3;
  case U'四':
    return 4;
  case U'五':
    return 5;
  case U'六':
    return 6;
  case U'七':
    return 7;
  case U'八':
    return 8;
  case U'九':
    return 9;
  case U'十':
    return 10;
  default:
    return -1;
  }
}

// --- Tokens ------------------------------------------------------------------

struct Token
{
  enum class Kind { number, word, mark, unknown };
  Kind kind = Kind::unknown;
  std::string text;  // normalised: a lowercase word, a mark in UTF-8
  std::string shown; // as written
  int value = 0;     // a number's value
  int digits = 0;    // a number's digits as written; 0 for "二十七" (with 十)
};

// The words and marks a date is made of, longest first where one begins
// another ("月初" before "月").
constexpr std::u32string_view k_marks[] = {
    U"月上旬", U"月中旬", U"月下旬", U"上星期", U"上禮拜", U"上礼拜", U"聖誕節", U"圣诞节",
    U"上周",   U"上週",   U"星期",   U"禮拜",   U"礼拜",   U"當天",   U"当天",   U"今天",
    U"昨天",   U"前天",   U"聖誕",   U"圣诞",   U"年底",   U"年末",   U"年初",   U"年中",
    U"月初",   U"月中",   U"月底",   U"月末",   U"上旬",   U"中旬",   U"下旬",   U"民國",
    U"今年",   U"去年",   U"前年",   U"明年",   U"民国",   U"周",     U"週",     U"年",
    U"月",     U"日",     U"號",     U"号",     U"天",     U"(",      U")"};

std::size_t
mark_at(std::u32string_view text, std::size_t pos)
{
  std::size_t best = 0;
  for (const auto mark : k_marks) {
    if (mark.size() > best && text.substr(pos, mark.size()) == mark) {
      best = mark.size();
    }
  }
  return best;
}

// Reads a run of Chinese numerals: digit by digit for years ("二〇二五"),
// with 十 for months and days ("十二", "二十七", "三十").
bool
read_chinese_number(std::u32string_view run, Token& token)
{
  const auto ten = run.find(U'十');
  if (ten == std::u32string_view::npos) {
    int value = 0;
    for (const auto cp : run) {
      value = value * 10 + chinese_numeral(cp);
    }
    token.value = value;
    token.digits = static_cast<int>(run.size());
    return run.size() <= 4;
  }
  if (run.find(U'十', ten + 1) != std::u32string_view::npos || ten > 1 || run.size() - ten > 2) {
    return false;
  }
  int tens = 1;
  if (ten == 1) {
    tens = chinese_numeral(run[0]);
    if (tens < 2) {
      return false;
    }
  }
  int units = 0;
  if (ten + 1 < run.size()) {
    units = chinese_numeral(run[ten + 1]);
    if (units < 1 || units > 9) {
      return false;
    }
  }
  token.value = tens * 10 + units;
  token.digits = 0;
  return true;
}

// Splits normalised text into tokens. Spaces, commas, full stops, hyphens and
// slashes only separate ("Jan. 27, 2025", "mid-2024"); "the" is dropped
// ("the end of 2024"), and so are ordinal suffixes ("27th").
std::vector<Token>
tokenize(std::u32string_view text, std::u32string_view shown)
{
  std::vector<Token> tokens;
  std::size_t i = 0;
  const auto is_separator = [](char32_t cp) {
    return cp == ' ' || cp == ',' || cp == '.' || cp == '-' || cp == '/' || cp == U'、'
           || cp == U'。';
  };
  while (i < text.size()) {
    const auto cp = text[i];
    if (is_separator(cp)) {
      ++i;
      continue;
    }
    Token token;
    const auto start = i;
    if (is_ascii_digit(cp)) {
      while (i < text.size() && is_ascii_digit(text[i])) {
        ++i;
      }
      token.kind = Token::Kind::number;
      token.digits = static_cast<int>(i - start);
      token.value = 0;
      for (auto k = start; k < i; ++k) {
        token.value = token.digits > 9 ? 0 : token.value * 10 + static_cast<int>(text[k] - '0');
      }
      auto letters = i;
      while (letters < text.size() && is_ascii_letter(text[letters])) {
        ++letters;
      }
      const auto suffix = encode_utf8(text.substr(i, letters - i));
      if (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th") {
        token.shown = encode_utf8(shown.substr(start, i - start));
        token.text = token.shown;
        tokens.push_back(token);
        i = letters;
        continue;
      }
    } else if (is_ascii_letter(cp)) {
      while (i < text.size() && is_ascii_letter(text[i])) {
        ++i;
      }
      token.kind = Token::Kind::word;
    } else if (const auto length = mark_at(text, i); length > 0) {
      i += length;
      token.kind = Token::Kind::mark;
    } else if (chinese_numeral(cp) >= 0) {
      while (i < text.size() && chinese_numeral(text[i]) >= 0) {
        ++i;
      }
      token.kind = read_chinese_number(text.substr(start, i - start), token) ? Token::Kind::number
                                                                             : Token::Kind::unknown;
    } else {
      ++i;
      while (i < text.size() && !is_separator(text[i]) && !is_ascii_digit(text[i])
             && !is_ascii_letter(text[i]) && mark_at(text, i) == 0
             && chinese_numeral(text[i]) < 0) {
        ++i;
      }
      token.kind = Token::Kind::unknown;
    }
    token.text = encode_utf8(text.substr(start, i - start));
    token.shown = encode_utf8(shown.substr(start, i - start));
    if (token.kind == Token::Kind::word && token.text == "the") {
      continue;
    }
    tokens.push_back(std::move(token));
  }
  return tokens;
}

// 1-12 for an English month name or abbreviation, 0 otherwise.
int
month_of(std::string_view word)
{
  static constexpr std::array<std::string_view, 12> k_short = {
      "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  for (std::size_t m = 0; m < 12; ++m) {
    std::string full(k_month_names[m]);
    full[0] = static_cast<char>(full[0] - 'A' + 'a');
    if (word == full || word == k_short[m]) {
      return static_cast<int>(m + 1);
    }
  }
  return word == "sept" ? 9 : 0;
}

// 0-6 (Sunday 0) for an English weekday name or abbreviation, -1 otherwise.
int
weekday_of(std::string_view word)
{
  static constexpr std::array<std::string_view, 7> k_short = {
      "sun", "mon", "tue", "wed", "thu", "fri", "sat"};
  for (std::size_t w = 0; w < 7; ++w) {
    std::string full(k_weekday_names[w]);
    full[0] = static_cast<char>(full[0] - 'A' + 'a');
    if (word == full || word == k_short[w]) {
      return static_cast<int>(w);
    }
  }
  if (word == "tues") {
    return 2;
  }
  if (word == "thur" || word == "thurs") {
    return 4;
  }
  return -1;
}

// Words a date may contain besides month and weekday names.
bool
is_date_word(std::string_view word)
{
  static constexpr std::array<std::string_view, 15> k_words = {"christmas",
                                                               "day",
                                                               "early",
                                                               "mid",
                                                               "middle",
                                                               "late",
                                                               "end",
                                                               "beginning",
                                                               "start",
                                                               "of",
                                                               "today",
                                                               "yesterday",
                                                               "year",
                                                               "in",
                                                               "on"};
  return std::find(k_words.begin(), k_words.end(), word) != k_words.end();
}

bool
one_of(std::string_view text, std::string_view alternatives)
{
  while (true) {
    const auto bar = alternatives.find('|');
    if (alternatives.substr(0, bar) == text) {
      return true;
    }
    if (bar == std::string_view::npos) {
      return false;
    }
    alternatives.remove_prefix(bar + 1);
  }
}

// A Chinese weekday after its 星期/禮拜/周/週: 一 to 六 or 日/天 (Sunday 0).
int
chinese_weekday(const Token& token)
{
  if (token.kind == Token::Kind::number && token.value >= 1 && token.value <= 6
      && token.digits <= 1) {
    return token.value;
  }
  if (token.kind == Token::Kind::mark && one_of(token.text, "日|天")) {
    return 0;
  }
  return -1;
}

constexpr std::string_view k_weekday_prefixes = "星期|禮拜|礼拜|周|週";
constexpr std::string_view k_last_week_prefixes = "上周|上週|上星期|上禮拜|上礼拜";

// Matches the whole of `tokens` against `pattern`, whose elements are
//   "Y"  a year of four digits ("2025", "二〇二五"),
//   "N"  a month or day number ("7", "07", "二十七"),
//   "M"  an English month name,
//   "W"  a weekday ("Monday", "Mon", "星期一", "週日"),
//   "w"  a bare Chinese weekday, as in "(一)",
//   "LW" a weekday of the previous week ("上周一", "上週日"),
// or literal words and marks, alternatives split by '|'. Returns the numbers,
// months and weekdays read (weekdays Sunday 0), in order.
std::optional<std::vector<int>>
match(const std::vector<Token>& tokens, const std::vector<std::string_view>& pattern)
{
  std::vector<int> values;
  std::size_t i = 0;
  for (const auto element : pattern) {
    if (i == tokens.size()) {
      return std::nullopt;
    }
    const auto& token = tokens[i];
    if (element == "Y") {
      if (token.kind != Token::Kind::number || token.digits != 4) {
        return std::nullopt;
      }
      values.push_back(token.value);
    } else if (element == "N") {
      if (token.kind != Token::Kind::number || token.digits > 2) {
        return std::nullopt;
      }
      values.push_back(token.value);
    } else if (element == "M") {
      const auto month = token.kind == Token::Kind::word ? month_of(token.text) : 0;
      if (month == 0) {
        return std::nullopt;
      }
      values.push_back(month);
    } else if (element == "W" || element == "LW") {
      const auto prefixes = element == "W" ? k_weekday_prefixes : k_last_week_prefixes;
      if (element == "W" && token.kind == Token::Kind::word && weekday_of(token.text) >= 0) {
        values.push_back(weekday_of(token.text));
      } else if (token.kind == Token::Kind::mark && one_of(token.text, prefixes)
                 && i + 1 < tokens.size() && chinese_weekday(tokens[i + 1]) >= 0) {
        ++i;
        values.push_back(chinese_weekday(tokens[i]));
      } else {
        return std::nullopt;
      }
    } else if (element == "w") {
      if (chinese_weekday(token) < 0) {
        return std::nullopt;
      }
      values.push_back(chinese_weekday(token));
    } else if ((token.kind != Token::Kind::word && token.kind != Token::Kind::mark)
               || !one_of(token.text, element)) {
      return std::nullopt;
    }
    ++i;
  }
  if (i != tokens.size()) {
    return std::nullopt;
  }
  return values;
}

// --- Building the date -------------------------------------------------------

std::chrono::sys_days
days_of(Date date)
{
  return std::chrono::sys_days{date};
}

Date
date_of(std::chrono::sys_days days)
{
  return Date{days};
}

PartialDate
partial_of(Date date)
{
  PartialDate partial;
  partial.year = static_cast<int>(date.year());
  partial.month = static_cast<unsigned>(date.month());
  partial.day = static_cast<unsigned>(date.day());
  return partial;
}

class Reader
{
public:
  Reader(std::string_view text, const DateContext& context) : m_text(text), m_context(context)
  {}

  // A year, month or day as written, month and day k_absent when not given;
  // weekday (Sunday 0) when one was written beside the date, to be checked
  // against it.
  Expected<WrittenDate>
  written(int year, int month, int day, int weekday = -1) const
  {
    return make(year, month, day, weekday, DateInference::none);
  }

  // A month or day without a year: the published year, or the year before
  // when that puts the date more than k_future_limit_days after the
  // published date (an article of 2025-01-05 saying "12月30日" means
  // 2024-12-30).
  Expected<WrittenDate>
  without_year(int month, int day, int weekday = -1) const
  {
    if (!m_context.published) {
      return unexpected(fmt::format(
          "\"{}\" has no year, and there is no published date to take it from: write the year "
          "(as in \"27 January 2025\" or \"2025年1月27日\") or set the article's published date",
          m_text));
    }
    FACTCHECK_TRY(check_month(month));
    const auto published = *m_context.published;
    auto year = static_cast<int>(published.year());
    // Day 1 plus (day - 1) days stays a real day even for a day the month
    // lacks; that day is rejected below, with the year it was read in.
    const auto first = days_of(Date{std::chrono::year{year},
                                    std::chrono::month{static_cast<unsigned>(month)},
                                    std::chrono::day{1}})
                       + std::chrono::days{std::max(day, 1) - 1};
    if (first > days_of(published) + std::chrono::days{k_future_limit_days}) {
      --year;
    }
    return make(year, month, day, weekday, DateInference::year);
  }

  // The published year plus `offset`, for "今年" (0) and "去年" (-1).
  Expected<int>
  published_year(int offset) const
  {
    FACTCHECK_TRY(need_published());
    return static_cast<int>(m_context.published->year()) + offset;
  }

  // A whole date `offset` days from the published date ("yesterday" is -1).
  Expected<WrittenDate>
  from_published(int offset) const
  {
    FACTCHECK_TRY(need_published());
    return relative(days_of(*m_context.published) + std::chrono::days{offset});
  }

  // Rules for a weekday without a date, both counted from the published date
  // P:
  // - "Monday", "週一", "星期一": the most recent such day on or before P, so
  //   P itself when P is that day (an article of Tuesday 2025-01-28 saying
  //   "Monday" means 2025-01-27);
  // - "上周一", "上週日": that day of the week before P's, weeks running
  //   Monday to Sunday as Chinese counts them (from Tuesday 2025-01-28,
  //   "上周一" is 2025-01-20 and "上周日" is 2025-01-26).
  Expected<WrittenDate>
  weekday_on_or_before(int weekday) const
  {
    FACTCHECK_TRY(need_published());
    const auto published = days_of(*m_context.published);
    const auto back =
        std::chrono::weekday{published} - std::chrono::weekday{static_cast<unsigned>(weekday)};
    return relative(published - back);
  }

  Expected<WrittenDate>
  weekday_of_last_week(int weekday) const
  {
    FACTCHECK_TRY(need_published());
    const auto published = days_of(*m_context.published);
    const auto monday = published - (std::chrono::weekday{published} - std::chrono::Monday);
    const auto into_week =
        std::chrono::weekday{static_cast<unsigned>(weekday)} - std::chrono::Monday;
    return relative(monday - std::chrono::days{7} + into_week);
  }

private:
  Expected<int>
  check_month(int month) const
  {
    if (month < 1 || month > 12) {
      return unexpected(
          fmt::format("\"{}\" has no month {}: months run from 1 to 12", m_text, month));
    }
    return month;
  }

  Expected<int>
  need_published() const
  {
    if (!m_context.published) {
      return unexpected(fmt::format(
          "\"{}\" is relative to the article's date, and there is no published date: write "
          "the date (as in \"2025-01-27\") or set the article's published date",
          m_text));
    }
    return 0;
  }

  Expected<WrittenDate>
  relative(std::chrono::sys_days days) const
  {
    WrittenDate out;
    out.date = partial_of(date_of(days));
    out.inferred = DateInference::whole_date;
    out.published = m_context.published;
    return out;
  }

  Expected<WrittenDate>
  make(int year, int month, int day, int weekday, DateInference inferred) const
  {
    WrittenDate out;
    out.inferred = inferred;
    if (inferred != DateInference::none) {
      out.published = m_context.published;
    }
    out.date.year = year;
    if (month == k_absent) {
      return out;
    }
    FACTCHECK_TRY(check_month(month));
    out.date.month = static_cast<unsigned>(month);
    if (day == k_absent) {
      return out;
    }
    const std::chrono::year_month_day_last last{
        std::chrono::year{year}, std::chrono::month_day_last{std::chrono::month{out.date.month}}};
    const auto days_in_month = static_cast<int>(static_cast<unsigned>(last.day()));
    if (day < 1 || day > days_in_month) {
      return unexpected(fmt::format("\"{}\" is not a real day: {} {} has {} days, {} is not one",
                                    m_text,
                                    k_month_names[out.date.month - 1],
                                    year,
                                    days_in_month,
                                    day));
    }
    out.date.day = static_cast<unsigned>(day);
    if (weekday >= 0) {
      const std::chrono::weekday actual{days_of(out.date.first_day())};
      if (actual.c_encoding() != static_cast<unsigned>(weekday)) {
        return unexpected(fmt::format("\"{}\" does not agree with itself: {} is a {}, not a {}",
                                      m_text,
                                      format_partial_date_in_words(out.date),
                                      k_weekday_names[actual.c_encoding()],
                                      k_weekday_names[static_cast<std::size_t>(weekday)]));
      }
    }
    return out;
  }

  std::string_view m_text;
  const DateContext& m_context;
};

Expected<WrittenDate>
vague(Expected<WrittenDate> date)
{
  if (date) {
    date->vague = true;
  }
  return date;
}

// "2022", "2022-06", "2022-06-13", "2025/1/15", "2025.01.15": four digits of
// year, then months and days of one or two, one separator throughout.
std::optional<Expected<WrittenDate>>
read_numeric(std::string_view text, std::string_view shown, const Reader& reader)
{
  if (text.empty() || !std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= '0' && c <= '9') || c == '-' || c == '/' || c == '.';
      })) {
    return std::nullopt;
  }
  const auto separator_at = text.find_first_of("-/.");
  const char separator = separator_at == std::string_view::npos ? '-' : text[separator_at];
  std::array<int, 3> fields{k_absent, k_absent, k_absent};
  const auto last_separator = text.find_last_of("-/.");
  if (separator_at >= 1 && separator_at <= 2 && last_separator != separator_at
      && text.size() - last_separator - 1 == 4) {
    return unexpected(fmt::format("cannot read \"{}\" as a date: with the year last, which of "
                                  "the other numbers is the day and which the month is unclear; "
                                  "write the year first (\"YYYY-MM-DD\") or the month in words "
                                  "(\"27 January 2025\")",
                                  shown));
  }
  std::size_t count = 0;
  std::size_t start = 0;
  while (true) {
    const auto end = std::min(text.find(separator, start), text.size());
    const auto field = text.substr(start, end - start);
    const std::size_t width = field.size();
    const bool width_ok = count == 0 ? width == 4 : width >= 1 && width <= 2;
    if (count == 3 || !width_ok || field.find_first_of("-/.") != std::string_view::npos) {
      return std::nullopt;
    }
    std::from_chars(field.data(), field.data() + field.size(), fields[count]);
    ++count;
    if (end == text.size()) {
      break;
    }
    start = end + 1;
  }
  return reader.written(fields[0], fields[1], fields[2]);
}

} // namespace

std::string
format_partial_date_in_words(const PartialDate& date)
{
  if (date.month == 0 || date.month > 12) {
    return fmt::format("{}", date.year);
  }
  if (date.day == 0) {
    return fmt::format("{} {}", k_month_names[date.month - 1], date.year);
  }
  return fmt::format("{} {} {}", date.day, k_month_names[date.month - 1], date.year);
}

Expected<WrittenDate>
parse_written_date(std::string_view text, const DateContext& context)
{
  std::u32string shown;
  if (!decode_utf8(text, shown)) {
    return unexpected("cannot read a date from text that is not UTF-8");
  }
  // Trimmed, for messages.
  std::u32string normalised;
  for (const auto cp : shown) {
    normalised.push_back(normalise(cp));
  }
  const auto first = normalised.find_first_not_of(U' ');
  if (first == std::u32string::npos) {
    return unexpected(fmt::format("empty date: {}", k_how_to_write));
  }
  const auto last = normalised.find_last_not_of(U' ');
  normalised = normalised.substr(first, last - first + 1);
  shown = shown.substr(first, last - first + 1);
  const auto trimmed = encode_utf8(shown);
  const Reader reader(trimmed, context);

  if (const auto numeric = read_numeric(encode_utf8(normalised), trimmed, reader)) {
    return *numeric;
  }
  // A separator only separates: "-2025" is not 2025 (a full stop may end
  // the text).
  if (normalised.front() == '-' || normalised.front() == '/' || normalised.front() == '.'
      || normalised.back() == '-' || normalised.back() == '/') {
    return unexpected(fmt::format("cannot read \"{}\" as a date: {}", trimmed, k_how_to_write));
  }

  auto tokens = tokenize(normalised, shown);
  // A year counted from the published year: 今年 (this year), 去年, 前年,
  // 明年, read as that year written out, "去年底" as "2024年底".
  bool relative_year = false;
  if (!tokens.empty() && tokens[0].kind == Token::Kind::mark
      && one_of(tokens[0].text, "今年|去年|前年|明年")) {
    const auto offset = tokens[0].text == "今年"   ? 0
                        : tokens[0].text == "去年" ? -1
                        : tokens[0].text == "前年" ? -2
                                                   : 1;
    const auto year = reader.published_year(offset);
    FACTCHECK_TRY(year);
    Token number = tokens[0];
    number.kind = Token::Kind::number;
    number.value = *year;
    number.digits = 4;
    Token nian;
    nian.kind = Token::Kind::mark;
    nian.text = "年";
    if (tokens.size() >= 2 && tokens[1].kind == Token::Kind::unknown
        && one_of(tokens[1].text, "底|末|初|中")) {
      nian.text += tokens[1].text;
      tokens.erase(tokens.begin() + 1);
    }
    nian.shown = nian.text;
    tokens[0] = number;
    tokens.insert(tokens.begin() + 1, nian);
    relative_year = true;
  }
  for (const auto& token : tokens) {
    if (token.kind == Token::Kind::unknown
        || (token.kind == Token::Kind::word && month_of(token.text) == 0
            && weekday_of(token.text) < 0 && !is_date_word(token.text))) {
      return unexpected(fmt::format("cannot read \"{}\" as a date: \"{}\" is not part of a date "
                                    "this reader knows; {}",
                                    trimmed,
                                    token.shown,
                                    k_how_to_write));
    }
  }
  // "in", "on" as in "in July 2024", "on Monday".
  if (!tokens.empty() && tokens.front().kind == Token::Kind::word
      && one_of(tokens.front().text, "in|on")) {
    tokens.erase(tokens.begin());
  }
  // A Republic of China year, as Taiwan writes them: 民國114年 is 2025.
  if (tokens.size() >= 3 && tokens[0].kind == Token::Kind::mark
      && one_of(tokens[0].text, "民國|民国") && tokens[1].kind == Token::Kind::number
      && tokens[1].digits >= 1 && tokens[1].digits <= 3 && tokens[1].value >= 1
      && tokens[2].text == "年") {
    tokens.erase(tokens.begin());
    tokens[0].value += 1911;
    tokens[0].digits = 4;
  } else if (tokens.size() >= 2 && tokens[0].kind == Token::Kind::number && tokens[0].digits >= 2
             && tokens[0].digits <= 3 && tokens[1].text == "年") {
    return unexpected(fmt::format("cannot read \"{}\" as a date: the year {} has fewer than four "
                                  "digits; write a Republic of China year with 民國 (\"民國{}年\" "
                                  "is {}) or the year in full (\"{}年\")",
                                  trimmed,
                                  tokens[0].shown,
                                  tokens[0].value,
                                  tokens[0].value + 1911,
                                  tokens[0].value + 1911));
  }

  using Values = std::vector<int>;
  using Read = std::function<Expected<WrittenDate>(const Values&)>;
  struct Rule
  {
    std::vector<std::string_view> pattern;
    Read read;
  };
  constexpr std::string_view k_day_mark = "日|號|号";
  constexpr std::string_view k_christmas = "聖誕節|圣诞节|聖誕|圣诞";
  constexpr std::string_view k_year_part = "年底|年末|年初|年中";
  constexpr std::string_view k_month_part = "月初|月中|月底|月末|月上旬|月中旬|月下旬";
  constexpr std::string_view k_part = "early|mid|late";
  constexpr std::string_view k_part_of = "beginning|start|middle|end";
  const auto year = [&](const Values& v) { return reader.written(v[0], k_absent, k_absent); };
  const auto month_year = [&](const Values& v) { return reader.written(v[1], v[0], k_absent); };
  const auto year_month = [&](const Values& v) { return reader.written(v[0], v[1], k_absent); };
  const auto ymd = [&](const Values& v) { return reader.written(v[0], v[1], v[2]); };
  const auto ymdw = [&](const Values& v) { return reader.written(v[0], v[1], v[2], v[3]); };
  const auto md = [&](const Values& v) { return reader.without_year(v[0], v[1]); };
  const auto mdw = [&](const Values& v) { return reader.without_year(v[0], v[1], v[2]); };
  const auto month = [&](const Values& v) { return reader.without_year(v[0], k_absent); };
  const std::vector<Rule> rules = {
      // As written.
      {{"Y"}, year},
      {{"Y", "年"}, year},
      {{"M", "Y"}, month_year},
      {{"Y", "年", "N", "月"}, year_month},
      {{"M", "N", "Y"}, [&](const Values& v) { return reader.written(v[2], v[0], v[1]); }},
      {{"N", "M", "Y"}, [&](const Values& v) { return reader.written(v[2], v[1], v[0]); }},
      {{"N", "of", "M", "Y"}, [&](const Values& v) { return reader.written(v[2], v[1], v[0]); }},
      {{"W", "M", "N", "Y"},
       [&](const Values& v) { return reader.written(v[3], v[1], v[2], v[0]); }},
      {{"W", "N", "M", "Y"},
       [&](const Values& v) { return reader.written(v[3], v[2], v[1], v[0]); }},
      {{"Y", "年", "N", "月", "N", k_day_mark}, ymd},
      {{"Y", "年", "N", "月", "N", k_day_mark, "W"}, ymdw},
      {{"Y", "年", "N", "月", "N", k_day_mark, "(", "W", ")"}, ymdw},
      {{"Y", "年", "N", "月", "N", k_day_mark, "(", "w", ")"}, ymdw},
      // Without a year.
      {{"M", "N"}, md},
      {{"N", "M"}, [&](const Values& v) { return reader.without_year(v[1], v[0]); }},
      {{"N", "of", "M"}, [&](const Values& v) { return reader.without_year(v[1], v[0]); }},
      {{"W", "M", "N"}, [&](const Values& v) { return reader.without_year(v[1], v[2], v[0]); }},
      {{"W", "N", "M"}, [&](const Values& v) { return reader.without_year(v[2], v[1], v[0]); }},
      {{"N", "月", "N", k_day_mark}, md},
      {{"N", "月", "N", k_day_mark, "W"}, mdw},
      {{"N", "月", "N", k_day_mark, "(", "W", ")"}, mdw},
      {{"N", "月", "N", k_day_mark, "(", "w", ")"}, mdw},
      {{"M"}, month},
      {{"N", "月"}, month},
      // Relative to the published date.
      {{"W"}, [&](const Values& v) { return reader.weekday_on_or_before(v[0]); }},
      {{"LW"}, [&](const Values& v) { return reader.weekday_of_last_week(v[0]); }},
      {{"today|今天|當天|当天"}, [&](const Values&) { return reader.from_published(0); }},
      {{"yesterday|昨天"}, [&](const Values&) { return reader.from_published(-1); }},
      {{"前天"}, [&](const Values&) { return reader.from_published(-2); }},
      // Vague: a holiday for its season, part of a year or month.
      {{"christmas", "Y"}, [&](const Values& v) { return vague(reader.written(v[0], 12, 25)); }},
      {{"christmas", "day", "Y"},
       [&](const Values& v) { return vague(reader.written(v[0], 12, 25)); }},
      {{"Y", "年", k_christmas},
       [&](const Values& v) { return vague(reader.written(v[0], 12, 25)); }},
      {{"Y", k_christmas}, [&](const Values& v) { return vague(reader.written(v[0], 12, 25)); }},
      {{"christmas"}, [&](const Values&) { return vague(reader.without_year(12, 25)); }},
      {{"christmas", "day"}, [&](const Values&) { return vague(reader.without_year(12, 25)); }},
      {{k_christmas}, [&](const Values&) { return vague(reader.without_year(12, 25)); }},
      {{k_part, "Y"}, [&](const Values& v) { return vague(year(v)); }},
      {{k_part_of, "of", "Y"}, [&](const Values& v) { return vague(year(v)); }},
      {{"end", "Y"}, [&](const Values& v) { return vague(year(v)); }},
      {{"year", "end", "Y"}, [&](const Values& v) { return vague(year(v)); }},
      {{"Y", k_year_part}, [&](const Values& v) { return vague(year(v)); }},
      {{k_part, "M", "Y"}, [&](const Values& v) { return vague(month_year(v)); }},
      {{k_part_of, "of", "M", "Y"}, [&](const Values& v) { return vague(month_year(v)); }},
      {{"Y", "年", "N", k_month_part}, [&](const Values& v) { return vague(year_month(v)); }},
      {{k_part, "M"}, [&](const Values& v) { return vague(month(v)); }},
      {{k_part_of, "of", "M"}, [&](const Values& v) { return vague(month(v)); }},
      {{"N", k_month_part}, [&](const Values& v) { return vague(month(v)); }},
  };
  for (const auto& rule : rules) {
    if (const auto values = match(tokens, rule.pattern)) {
      auto read = rule.read(*values);
      if (read && relative_year) {
        read->inferred = DateInference::year;
        read->published = context.published;
      }
      return read;
    }
  }
  return unexpected(fmt::format("cannot read \"{}\" as a date: {}", trimmed, k_how_to_write));
}

std::string
written_date_note(const WrittenDate& date)
{
  std::string note;
  if (date.inferred != DateInference::none && date.published) {
    note = fmt::format("{} the article's date {}",
                       date.inferred == DateInference::year ? "year taken from" : "counted from",
                       format_date(*date.published));
  }
  if (date.vague) {
    note += note.empty() ? "vague" : ", vague";
  }
  return note;
}

} // namespace factcheck
