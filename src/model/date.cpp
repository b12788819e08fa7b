#include <factcheck/model/date.hpp>

#include <fmt/format.h>

#include <charconv>

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

} // namespace factcheck
