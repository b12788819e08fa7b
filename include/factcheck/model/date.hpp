#pragma once

#include <factcheck/util/expected.hpp>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace factcheck {

// A calendar day. Trading calendars are not modelled: a day without trading is
// simply absent from a series.
using Date = std::chrono::year_month_day;

// Parses "YYYY-MM-DD" (also "YYYYMMDD" when `compact` is true). Returns
// std::nullopt for anything else, including impossible days like 2025-02-30.
std::optional<Date> parse_date(std::string_view text, bool compact = false);

// Formats as "YYYY-MM-DD".
std::string format_date(Date date);

// A date known to year, month or day precision ("2022", "2023-03",
// "2025-01-27").
struct PartialDate
{
  int year = 0;
  unsigned month = 0; // 0 when only the year is known
  unsigned day = 0;   // 0 when only the year or month is known

  // The first and last days the partial date stands for.
  Date first_day() const;
  Date last_day() const;
};

// Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD". Returns std::nullopt otherwise.
std::optional<PartialDate> parse_partial_date(std::string_view text);

std::string format_partial_date(const PartialDate& date);

// The partial date in English words, for evidence read by people:
// "27 January 2025", "July 2024", "2024".
std::string format_partial_date_in_words(const PartialDate& date);

// What a relative or partial date is resolved against: the article's
// published date.
struct DateContext
{
  std::optional<Date> published;
};

// What of a written date was taken from DateContext::published rather than
// read from the text.
enum class DateInference {
  none,       // everything was written ("2025年1月27日", "late 2024")
  year,       // the month (and day) were written, the year inferred ("1月27日")
  whole_date, // the date is counted from the published date ("Monday", "昨天")
};

// A date as an article writes it, read to a PartialDate.
struct WrittenDate
{
  PartialDate date;
  DateInference inferred = DateInference::none;
  // The published date it was resolved against, set exactly when `inferred`
  // is not none.
  std::optional<Date> published;
  // The text names a looser time than `date` says: a part of the period
  // ("late 2024" is read as 2024, "1月初" as January) or a holiday standing
  // for its season ("Christmas 2024" is read as 2024-12-25).
  bool vague = false;
};

// Reads a date as people write it, in English or Chinese (Traditional or
// Simplified; ASCII, full-width or Chinese numerals; English names in any
// case). Forms, with P the published date:
// - as written: "2022", "2022-06", "2022-06-13", "2025/1/15", "2025.01.15";
//   "July 2024", "Jul. 2024", "Sept. 2024", "Jan. 27, 2025",
//   "27 January 2025", "Monday, January 27, 2025"; "2023年", "2024年7月",
//   "2025年1月27日" (or 號, 号), "２０２５年１月２７日",
//   "二〇二五年一月二十七日", "2025年1月27日（週一）", "民國114年1月27日". A
//   weekday written beside a date must be that date's weekday.
// - without a year ("1月27日", "January 27", "27 Jan", "July", "7月"): P's
//   year, or the year before when P's year would put the date (its first day)
//   more than 183 days after P; an article of 2025-01-05 saying "12月30日"
//   means 2024-12-30. "今年", "去年", "前年", "明年" are P's year, the
//   year before, two before and the year after, exactly ("去年12月30日",
//   "去年底", "今年1月初").
// - a weekday alone ("Monday", "Mon", "周一", "週一", "星期一", "禮拜一",
//   "星期日"): the most recent such day on or before P, so P itself when P is
//   that weekday; on Tuesday 2025-01-28, "Monday" is 2025-01-27.
// - the previous week ("上周一", "上週日", "上星期五"): that weekday in the
//   week before P's, weeks running Monday to Sunday; on Tuesday 2025-01-28,
//   "上周一" is 2025-01-20 and "上周日" 2025-01-26.
// - "today", "今天", "當天", "当天": P; "yesterday", "昨天": the day before P;
//   "前天": two days before.
// - vague: "Christmas 2024", "2024年聖誕節", "2024年圣诞节" (and without a
//   year) are 25 December; "late 2024", "end of 2024", "early 2025",
//   "mid-2024", "2024年底", "2024年末", "2025年初", "2024年中" are the year;
//   "early January 2025", "mid-January 2025", "end of January 2025",
//   "2025年1月初", "2025年1月底", "2025年1月中旬", "1月初" are the month.
// A leading "in" or "on" and any "the" are skipped; commas, full stops,
// hyphens and slashes separate ("mid-2024", "Jan. 27, 2025").
//
// Returns an error (quoting the text) when the text is none of these, saying
// which word is not part of a date and how to write one; when it names an
// impossible day or month ("2025-02-30", "2025-13"); when its weekday is not
// its date's, naming the real one; and when it needs P but `context` has no
// published date, saying to write the year or date or to set the article's
// published date. Deterministic: no locale, no clock.
Expected<WrittenDate> parse_written_date(std::string_view text, const DateContext& context);

// What evidence should add about how a written date was read, or "" when it
// was read as written and exactly: "year taken from the article's date
// 2025-01-27", "counted from the article's date 2025-01-28", "vague", or one
// of the first two then ", vague".
std::string written_date_note(const WrittenDate& date);

} // namespace factcheck
