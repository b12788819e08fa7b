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
