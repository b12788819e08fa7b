#pragma once

// Helpers shared by the parsers in src/sources/ (not a public header).

#include <factcheck/http/client.hpp>
#include <factcheck/model/date.hpp>
#include <factcheck/model/series.hpp>
#include <factcheck/sources/source.hpp>
#include <factcheck/util/expected.hpp>
#include <factcheck/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace factcheck::sources::detail {

// One non-blank line of a body with its 1-based line number, so that errors
// can say "row N" where N is the line an editor or spreadsheet shows.
struct Line
{
  std::size_t number = 0;
  std::string_view text;
};

// A parsed row and the line it came from.
struct NumberedRow
{
  Row row;
  std::size_t line = 0;
};

// The body without a leading UTF-8 byte order mark.
inline std::string_view
strip_bom(std::string_view body)
{
  if (body.starts_with("\xEF\xBB\xBF")) {
    body.remove_prefix(3);
  }
  return body;
}

// True when the body is an HTML (or XML) page: error and consent pages are
// served with status 200 by some of these sites.
inline bool
looks_like_html(std::string_view body)
{
  return util::trim(strip_bom(body)).starts_with('<');
}

// Splits a body into lines, dropping a trailing "\r" from each (some sources
// serve CRLF) and skipping blank lines.
inline std::vector<Line>
split_lines(std::string_view body)
{
  std::vector<Line> lines;
  std::size_t number = 0;
  for (std::string_view text : util::split(strip_bom(body), '\n')) {
    ++number;
    if (text.ends_with('\r')) {
      text.remove_suffix(1);
    }
    if (!util::trim(text).empty()) {
      lines.push_back(Line{number, text});
    }
  }
  return lines;
}

// The base URL without trailing slashes, so "https://x/" + "/path" stays
// canonical.
inline std::string_view
without_trailing_slash(std::string_view url)
{
  while (url.ends_with('/')) {
    url.remove_suffix(1);
  }
  return url;
}

// Wraps a parser's result as the Data a Source::parse returns.
template <typename T>
Expected<Data>
to_data(Expected<T> parsed)
{
  if (!parsed) {
    return unexpected(parsed.error());
  }
  return Data{std::move(*parsed)};
}

inline bool
iequals(std::string_view a, std::string_view b)
{
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x))
           == std::tolower(static_cast<unsigned char>(y));
  });
}

// Parses a finite decimal number, or std::nullopt.
inline std::optional<double>
parse_number(std::string_view text)
{
  double value = 0;
  if (!util::parse_double(text, value) || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

inline std::string
row_place(std::size_t line)
{
  return fmt::format("row {}", line);
}

// Sorts rows by date and rejects a date that occurs twice, naming the later
// of the two rows through `place` ("row 12" by default).
inline Expected<std::vector<Row>>
sort_rows(std::vector<NumberedRow> rows, std::string (*place)(std::size_t) = &row_place)
{
  std::stable_sort(rows.begin(), rows.end(), [](const NumberedRow& a, const NumberedRow& b) {
    return a.row.date < b.row.date;
  });
  std::vector<Row> sorted;
  sorted.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (i > 0 && rows[i].row.date == rows[i - 1].row.date) {
      const std::size_t line = std::max(rows[i].line, rows[i - 1].line);
      return unexpected(
          fmt::format("{}: duplicate date {}", place(line), format_date(rows[i].row.date)));
    }
    sorted.push_back(rows[i].row);
  }
  return sorted;
}

// The SEC's fair-access policy (https://www.sec.gov/os/accessing-edgar-data),
// for every source on data.sec.gov: at most 10 requests/s, a User-Agent
// naming the requester with a contact address, and a 403 when a client goes
// over. Filings change quarterly, so a cached answer is fresh for a day.
inline http::Politeness
sec_politeness()
{
  http::Politeness manners;
  manners.requests_per_second = 10;
  manners.throttle_statuses = {403};
  manners.json = true;
  manners.needs_contact = true;
  manners.fresh_for = std::chrono::hours(24);
  return manners;
}

} // namespace factcheck::sources::detail
