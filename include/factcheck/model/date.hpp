#pragma once

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

} // namespace factcheck
