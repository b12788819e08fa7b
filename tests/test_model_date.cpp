#include <factcheck/model/date.hpp>
#include <factcheck/model/series.hpp>

#include <catch2/catch.hpp>

using factcheck::format_date;
using factcheck::parse_date;
using factcheck::parse_partial_date;

TEST_CASE("model::parse_date: real days only", "[model]")
{
  CHECK(format_date(*parse_date("2025-01-27")) == "2025-01-27");
  CHECK(format_date(*parse_date("20250127", true)) == "2025-01-27");
  CHECK(format_date(*parse_date("2024-02-29")) == "2024-02-29");
  CHECK_FALSE(parse_date("2025-02-29"));
  CHECK_FALSE(parse_date("2025-13-01"));
  CHECK_FALSE(parse_date("2025-1-27"));
  CHECK_FALSE(parse_date("20250127"));
  CHECK_FALSE(parse_date("2025-01-27x"));
  CHECK_FALSE(parse_date(""));
}

TEST_CASE("model::parse_partial_date: year, month or day precision", "[model]")
{
  const auto year = *parse_partial_date("2022");
  CHECK(format_date(year.first_day()) == "2022-01-01");
  CHECK(format_date(year.last_day()) == "2022-12-31");
  const auto month = *parse_partial_date("2024-02");
  CHECK(format_date(month.last_day()) == "2024-02-29");
  CHECK(factcheck::format_partial_date(month) == "2024-02");
  CHECK_FALSE(parse_partial_date("2024-13"));
  CHECK_FALSE(parse_partial_date("22"));
}

TEST_CASE("model::Series: find and previous skip days without trading", "[model]")
{
  // Synthetic rows around the 2025-01-20 holiday.
  factcheck::Series s;
  for (const auto* day : {"2025-01-16", "2025-01-17", "2025-01-21"}) {
    factcheck::Row row;
    row.date = *parse_date(day);
    s.rows.push_back(row);
  }
  CHECK(s.find(*parse_date("2025-01-20")) == nullptr);
  CHECK(format_date(s.previous(*parse_date("2025-01-21"))->date) == "2025-01-17");
  CHECK(format_date(s.previous(*parse_date("2025-01-20"))->date) == "2025-01-17");
  CHECK(s.previous(*parse_date("2025-01-16")) == nullptr);
}

namespace {

using factcheck::DateContext;
using factcheck::DateInference;
using factcheck::format_partial_date;
using factcheck::parse_written_date;

DateContext
published(const char* date)
{
  return DateContext{parse_date(date)};
}

struct WrittenCase
{
  const char* text;
  const char* published; // nullptr: the article has no published date
  const char* expected;  // format_partial_date of the result
  DateInference inferred;
  bool vague;
};

void
check_cases(const std::vector<WrittenCase>& cases)
{
  for (const auto& c : cases) {
    const auto context = c.published ? published(c.published) : DateContext{};
    const auto read = parse_written_date(c.text, context);
    INFO(c.text << (c.published ? std::string(" published ") + c.published : std::string()));
    REQUIRE(read.has_value());
    CHECK(format_partial_date(read->date) == c.expected);
    CHECK(read->inferred == c.inferred);
    CHECK(read->vague == c.vague);
    CHECK(read->published.has_value() == (c.inferred != DateInference::none));
  }
}

std::string
error_of(const char* text, const DateContext& context = {})
{
  const auto read = parse_written_date(text, context);
  INFO(text);
  REQUIRE_FALSE(read.has_value());
  return read.error();
}

constexpr auto k_none = DateInference::none;
constexpr auto k_year = DateInference::year;
constexpr auto k_date = DateInference::whole_date;

} // namespace

TEST_CASE("model::parse_written_date: ISO and slashed dates", "[model][written_date]")
{
  check_cases({
      {"2022", nullptr, "2022", k_none, false},
      {"2022-06", nullptr, "2022-06", k_none, false},
      {"2022-06-13", nullptr, "2022-06-13", k_none, false},
      {"2022/06/13", nullptr, "2022-06-13", k_none, false},
      {"2025/01/15", nullptr, "2025-01-15", k_none, false},
      {"2025/1/5", nullptr, "2025-01-05", k_none, false},
      {"2025-1-27", nullptr, "2025-01-27", k_none, false},
      {"2025.01.27", nullptr, "2025-01-27", k_none, false},
      {"2024-02-29", nullptr, "2024-02-29", k_none, false},
      {"  2022-06-13 ", nullptr, "2022-06-13", k_none, false},
      {"２０２５／０１／１５", nullptr, "2025-01-15", k_none, false},
      // A published date changes nothing when the text is complete.
      {"2022-06-13", "2025-01-27", "2022-06-13", k_none, false},
  });
}

TEST_CASE("model::parse_written_date: English dates", "[model][written_date]")
{
  check_cases({
      {"July 2024", nullptr, "2024-07", k_none, false},
      {"Jul 2024", nullptr, "2024-07", k_none, false},
      {"Jul. 2024", nullptr, "2024-07", k_none, false},
      {"in July 2024", nullptr, "2024-07", k_none, false},
      {"Sept. 2024", nullptr, "2024-09", k_none, false},
      {"Sept. 5, 2024", nullptr, "2024-09-05", k_none, false},
      {"Sep 5 2024", nullptr, "2024-09-05", k_none, false},
      {"Jan. 27, 2025", nullptr, "2025-01-27", k_none, false},
      {"January 27, 2025", nullptr, "2025-01-27", k_none, false},
      {"January 27th, 2025", nullptr, "2025-01-27", k_none, false},
      {"27 January 2025", nullptr, "2025-01-27", k_none, false},
      {"27 Jan 2025", nullptr, "2025-01-27", k_none, false},
      {"the 27th of January 2025", nullptr, "2025-01-27", k_none, false},
      {"2nd Feb 2025", nullptr, "2025-02-02", k_none, false},
      {"Monday, January 27, 2025", nullptr, "2025-01-27", k_none, false},
      {"Monday 27 January 2025", nullptr, "2025-01-27", k_none, false},
      {"Mon, Jan 27, 2025", nullptr, "2025-01-27", k_none, false},
      {"JANUARY 27, 2025", nullptr, "2025-01-27", k_none, false},
      {"january 27, 2025", nullptr, "2025-01-27", k_none, false},
      {"dEcEmBeR 2024", nullptr, "2024-12", k_none, false},
      {"February 29, 2024", nullptr, "2024-02-29", k_none, false},
  });
}

TEST_CASE("model::parse_written_date: Chinese dates", "[model][written_date]")
{
  check_cases({
      {"2024年7月", nullptr, "2024-07", k_none, false},
      {"2023年3月", nullptr, "2023-03", k_none, false},
      {"2023年", nullptr, "2023", k_none, false},
      {"2025年1月27日", nullptr, "2025-01-27", k_none, false},
      {"2025年1月27號", nullptr, "2025-01-27", k_none, false},
      {"2025年1月27号", nullptr, "2025-01-27", k_none, false},
      {"2025 年 1 月 27 日", nullptr, "2025-01-27", k_none, false},
      {"２０２５年１月２７日", nullptr, "2025-01-27", k_none, false},
      {"二〇二五年一月二十七日", nullptr, "2025-01-27", k_none, false},
      {"二零二四年十二月三十一日", nullptr, "2024-12-31", k_none, false},
      {"二〇二四年十月", nullptr, "2024-10", k_none, false},
      {"2025年1月27日（週一）", nullptr, "2025-01-27", k_none, false},
      {"2025年1月27日(一)", nullptr, "2025-01-27", k_none, false},
      {"2025年1月26日（星期日）", nullptr, "2025-01-26", k_none, false},
      {"2025年1月27日 星期一", nullptr, "2025-01-27", k_none, false},
      {"民國114年1月27日", nullptr, "2025-01-27", k_none, false},
      {"民国113年7月", nullptr, "2024-07", k_none, false},
  });
}

TEST_CASE("model::parse_written_date: the year from the published date", "[model][written_date]")
{
  check_cases({
      {"1月27日", "2025-01-27", "2025-01-27", k_year, false},
      {"一月二十七日", "2025-01-27", "2025-01-27", k_year, false},
      {"1月27號", "2025-01-27", "2025-01-27", k_year, false},
      {"January 27", "2025-01-27", "2025-01-27", k_year, false},
      {"Jan. 27", "2025-01-27", "2025-01-27", k_year, false},
      {"27 Jan", "2025-01-27", "2025-01-27", k_year, false},
      {"27th of January", "2025-01-27", "2025-01-27", k_year, false},
      {"Monday, January 27", "2025-01-28", "2025-01-27", k_year, false},
      {"1月27日（週一）", "2025-01-28", "2025-01-27", k_year, false},
      {"July", "2025-08-01", "2025-07", k_year, false},
      {"7月", "2025-08-01", "2025-07", k_year, false},
      // More than ~6 months after the published date: the year before.
      {"12月30日", "2025-01-05", "2024-12-30", k_year, false},
      {"December 30", "2025-01-05", "2024-12-30", k_year, false},
      {"12月", "2025-01-05", "2024-12", k_year, false},
      // Up to 183 days after it: still the published year.
      {"July 7", "2025-01-05", "2025-07-07", k_year, false},
      {"July 8", "2025-01-05", "2024-07-08", k_year, false},
      // This year, last year: exactly, whatever the 183 days.
      {"今年", "2025-01-27", "2025", k_year, false},
      {"今年12月", "2025-01-27", "2025-12", k_year, false},
      {"去年12月30日", "2025-01-27", "2024-12-30", k_year, false},
      {"去年7月", "2025-01-27", "2024-07", k_year, false},
      {"前年3月", "2025-01-27", "2023-03", k_year, false},
      {"明年1月", "2025-01-27", "2026-01", k_year, false},
      {"去年底", "2025-01-27", "2024", k_year, true},
      {"今年初", "2025-01-27", "2025", k_year, true},
      {"今年1月初", "2025-01-27", "2025-01", k_year, true},
      {"去年聖誕節", "2025-01-27", "2024-12-25", k_year, true},
      // A leap day read in the year the rule picks.
      {"2月29日", "2024-03-01", "2024-02-29", k_year, false},
  });
}

TEST_CASE("model::parse_written_date: weekdays and days relative to the published date",
          "[model][written_date]")
{
  // 2025-01-28 is a Tuesday.
  check_cases({
      {"Monday", "2025-01-28", "2025-01-27", k_date, false},
      {"on Monday", "2025-01-28", "2025-01-27", k_date, false},
      {"Mon", "2025-01-28", "2025-01-27", k_date, false},
      {"周一", "2025-01-28", "2025-01-27", k_date, false},
      {"週一", "2025-01-28", "2025-01-27", k_date, false},
      {"星期一", "2025-01-28", "2025-01-27", k_date, false},
      {"禮拜一", "2025-01-28", "2025-01-27", k_date, false},
      {"礼拜一", "2025-01-28", "2025-01-27", k_date, false},
      // On or before: the published day itself when it is that weekday.
      {"Tuesday", "2025-01-28", "2025-01-28", k_date, false},
      {"週二", "2025-01-28", "2025-01-28", k_date, false},
      {"Wednesday", "2025-01-28", "2025-01-22", k_date, false},
      {"Sunday", "2025-01-28", "2025-01-26", k_date, false},
      {"星期日", "2025-01-28", "2025-01-26", k_date, false},
      {"星期天", "2025-01-28", "2025-01-26", k_date, false},
      {"週日", "2025-01-28", "2025-01-26", k_date, false},
      {"today", "2025-01-28", "2025-01-28", k_date, false},
      {"今天", "2025-01-28", "2025-01-28", k_date, false},
      {"當天", "2025-01-28", "2025-01-28", k_date, false},
      {"当天", "2025-01-28", "2025-01-28", k_date, false},
      {"yesterday", "2025-01-28", "2025-01-27", k_date, false},
      {"Yesterday", "2025-03-01", "2025-02-28", k_date, false},
      {"昨天", "2025-01-01", "2024-12-31", k_date, false},
      {"前天", "2025-01-28", "2025-01-26", k_date, false},
      // The previous week, Monday to Sunday.
      {"上周一", "2025-01-28", "2025-01-20", k_date, false},
      {"上週一", "2025-01-28", "2025-01-20", k_date, false},
      {"上星期五", "2025-01-28", "2025-01-24", k_date, false},
      {"上周日", "2025-01-28", "2025-01-26", k_date, false},
      {"上周一", "2025-01-27", "2025-01-20", k_date, false},
      {"上周一", "2025-01-26", "2025-01-13", k_date, false},
  });
}

TEST_CASE("model::parse_written_date: vague dates", "[model][written_date]")
{
  check_cases({
      {"2024年聖誕節", nullptr, "2024-12-25", k_none, true},
      {"2024年圣诞节", nullptr, "2024-12-25", k_none, true},
      {"Christmas 2024", nullptr, "2024-12-25", k_none, true},
      {"Christmas Day 2024", nullptr, "2024-12-25", k_none, true},
      {"Christmas", "2025-01-05", "2024-12-25", k_year, true},
      {"聖誕節", "2024-12-20", "2024-12-25", k_year, true},
      {"2024年底", nullptr, "2024", k_none, true},
      {"2024年末", nullptr, "2024", k_none, true},
      {"late 2024", nullptr, "2024", k_none, true},
      {"end of 2024", nullptr, "2024", k_none, true},
      {"the end of 2024", nullptr, "2024", k_none, true},
      {"end-2024", nullptr, "2024", k_none, true},
      {"year-end 2024", nullptr, "2024", k_none, true},
      {"early 2025", nullptr, "2025", k_none, true},
      {"2025年初", nullptr, "2025", k_none, true},
      {"mid-2024", nullptr, "2024", k_none, true},
      {"Mid 2024", nullptr, "2024", k_none, true},
      {"2024年中", nullptr, "2024", k_none, true},
      {"early January 2025", nullptr, "2025-01", k_none, true},
      {"mid-January 2025", nullptr, "2025-01", k_none, true},
      {"late Jan. 2025", nullptr, "2025-01", k_none, true},
      {"end of January 2025", nullptr, "2025-01", k_none, true},
      {"2025年1月初", nullptr, "2025-01", k_none, true},
      {"2025年1月底", nullptr, "2025-01", k_none, true},
      {"2025年1月中旬", nullptr, "2025-01", k_none, true},
      {"二〇二五年一月下旬", nullptr, "2025-01", k_none, true},
      {"1月初", "2025-01-27", "2025-01", k_year, true},
      {"early January", "2025-01-27", "2025-01", k_year, true},
  });
}

TEST_CASE("model::parse_written_date: impossible days and months are rejected",
          "[model][written_date]")
{
  CHECK(error_of("2025-02-30")
        == "\"2025-02-30\" is not a real day: February 2025 has 28 days, 30 is not one");
  CHECK(error_of("2025-02-29")
        == "\"2025-02-29\" is not a real day: February 2025 has 28 days, 29 is not one");
  CHECK(error_of("2025-13-01") == "\"2025-13-01\" has no month 13: months run from 1 to 12");
  CHECK(error_of("2025-13") == "\"2025-13\" has no month 13: months run from 1 to 12");
  CHECK(error_of("2025-00") == "\"2025-00\" has no month 0: months run from 1 to 12");
  CHECK(error_of("2025-01-00")
        == "\"2025-01-00\" is not a real day: January 2025 has 31 days, 0 is not one");
  CHECK(error_of("2025年1月0日")
        == "\"2025年1月0日\" is not a real day: January 2025 has 31 days, 0 is not one");
  CHECK(error_of("2025年13月") == "\"2025年13月\" has no month 13: months run from 1 to 12");
  CHECK(error_of("2025年2月30日")
        == "\"2025年2月30日\" is not a real day: February 2025 has 28 days, 30 is not one");
  CHECK(error_of("April 31, 2025")
        == "\"April 31, 2025\" is not a real day: April 2025 has 30 days, 31 is not one");
  CHECK(error_of("0 January 2025")
        == "\"0 January 2025\" is not a real day: January 2025 has 31 days, 0 is not one");
  // Read in the year the published date gives it.
  CHECK(error_of("2月29日", published("2025-01-27"))
        == "\"2月29日\" is not a real day: February 2025 has 28 days, 29 is not one");
  CHECK(error_of("13月1日", published("2025-01-27"))
        == "\"13月1日\" has no month 13: months run from 1 to 12");
}

TEST_CASE("model::parse_written_date: a weekday must agree with its date", "[model][written_date]")
{
  CHECK(error_of("Monday, January 28, 2025")
        == "\"Monday, January 28, 2025\" does not agree with itself: 28 January 2025 is a "
           "Tuesday, not a Monday");
  CHECK(error_of("2025年1月28日（週一）")
        == "\"2025年1月28日（週一）\" does not agree with itself: 28 January 2025 is a "
           "Tuesday, not a Monday");
  CHECK(error_of("Sunday, January 27", published("2025-01-28"))
        == "\"Sunday, January 27\" does not agree with itself: 27 January 2025 is a Monday, "
           "not a Sunday");
}

TEST_CASE("model::parse_written_date: without a published date, say what to write",
          "[model][written_date]")
{
  const auto no_year = error_of("1月27日");
  CHECK(no_year
        == "\"1月27日\" has no year, and there is no published date to take it from: write the "
           "year (as in \"27 January 2025\" or \"2025年1月27日\") or set the article's published "
           "date");
  CHECK(error_of("January 27").find("has no year") != std::string::npos);
  CHECK(error_of("Christmas").find("has no year") != std::string::npos);
  CHECK(error_of("1月初").find("has no year") != std::string::npos);
  const auto relative = error_of("Monday");
  CHECK(relative
        == "\"Monday\" is relative to the article's date, and there is no published date: write "
           "the date (as in \"2025-01-27\") or set the article's published date");
  CHECK(error_of("昨天").find("is relative to the article's date") != std::string::npos);
  CHECK(error_of("上周一").find("is relative to the article's date") != std::string::npos);
  CHECK(error_of("去年12月")
        == "\"去年12月\" is relative to the article's date, and there is no published date: "
           "write the date (as in \"2025-01-27\") or set the article's published date");
}

TEST_CASE("model::parse_written_date: what cannot be read is named, with how to write it",
          "[model][written_date]")
{
  const std::string how = "write it as \"2025-01-27\", \"27 January 2025\" or \"2025年1月27日\", "
                          "or to the month or year (\"2025-01\", \"2025\")";
  CHECK(error_of("Janury 27, 2025")
        == "cannot read \"Janury 27, 2025\" as a date: \"Janury\" is not part of a date this "
           "reader knows; "
               + how);
  CHECK(error_of("去年底前", published("2025-01-27")).find("\"底前\" is not part of a date")
        != std::string::npos);
  CHECK(error_of("2025年1月27日晚上")
        == "cannot read \"2025年1月27日晚上\" as a date: \"晚上\" is not part of a date this "
           "reader knows; "
               + how);
  CHECK(error_of("27 2025") == "cannot read \"27 2025\" as a date: " + how);
  CHECK(error_of("2025 January") == "cannot read \"2025 January\" as a date: " + how);
  CHECK(error_of("22") == "cannot read \"22\" as a date: " + how);
  CHECK(error_of("2025-1-27-3") == "cannot read \"2025-1-27-3\" as a date: " + how);
  CHECK(error_of("2025/01-27") == "cannot read \"2025/01-27\" as a date: " + how);
  CHECK(error_of("-2025") == "cannot read \"-2025\" as a date: " + how);
  CHECK(error_of("2025/") == "cannot read \"2025/\" as a date: " + how);
  CHECK(error_of("") == "empty date: " + how);
  CHECK(error_of("   ") == "empty date: " + how);
  CHECK(error_of("\xff") == "cannot read a date from text that is not UTF-8");
  CHECK(error_of("114年1月27日")
        == "cannot read \"114年1月27日\" as a date: the year 114 has fewer than four digits; "
           "write a Republic of China year with 民國 (\"民國114年\" is 2025) or the year in full "
           "(\"2025年\")");
  CHECK(error_of("12/30/2024")
        == "cannot read \"12/30/2024\" as a date: with the year last, which of the other "
           "numbers is the day and which the month is unclear; write the year first "
           "(\"YYYY-MM-DD\") or the month in words (\"27 January 2025\")");
  CHECK(error_of("２７．０１．２０２５").find("with the year last") != std::string::npos);
  // A weekday alone in parentheses only follows a Chinese date.
  CHECK(error_of("(一)", published("2025-01-28")).find("cannot read") == 0);
}

TEST_CASE("model::format_partial_date_in_words", "[model][written_date]")
{
  using factcheck::format_partial_date_in_words;
  CHECK(format_partial_date_in_words(*parse_partial_date("2025-01-27")) == "27 January 2025");
  CHECK(format_partial_date_in_words(*parse_partial_date("2024-07")) == "July 2024");
  CHECK(format_partial_date_in_words(*parse_partial_date("2024")) == "2024");
  CHECK(format_partial_date_in_words(*parse_partial_date("2024-12-05")) == "5 December 2024");
  // format_partial_date is unchanged.
  CHECK(format_partial_date(*parse_partial_date("2024-07")) == "2024-07");
}

TEST_CASE("model::written_date_note: what evidence says about how a date was read",
          "[model][written_date]")
{
  using factcheck::written_date_note;
  const auto context = published("2025-01-27");
  CHECK(written_date_note(*parse_written_date("2025年1月27日", context)).empty());
  CHECK(written_date_note(*parse_written_date("1月27日", context))
        == "year taken from the article's date 2025-01-27");
  CHECK(written_date_note(*parse_written_date("Monday", context))
        == "counted from the article's date 2025-01-27");
  CHECK(written_date_note(*parse_written_date("late 2024", context)) == "vague");
  CHECK(written_date_note(*parse_written_date("1月初", context))
        == "year taken from the article's date 2025-01-27, vague");
  const auto read = *parse_written_date("1月27日", context);
  REQUIRE(read.published);
  CHECK(format_date(*read.published) == "2025-01-27");
}
