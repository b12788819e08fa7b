// FRED (Federal Reserve Bank of St. Louis), one series as CSV:
//   https://fred.stlouisfed.org/graph/fredgraph.csv?id=NASDAQCOM
// The whole history, no API key. Terms: https://fred.stlouisfed.org/legal/;
// keep to about 2 requests/s. Some series belong to their publishers (SP500
// to S&P Dow Jones Indices, NASDAQCOM to Nasdaq): quote figures, do not
// redistribute the series.
// Example rows (a blank value is a holiday; older downloads used "DATE" and
// "."):
//   observation_date,NASDAQCOM
//   2025-01-20,
//   2025-01-27,19341.830

#include "parse_util.hpp"

#include <factcheck/model/date.hpp>
#include <factcheck/sources/parsers.hpp>
#include <factcheck/sources/registry.hpp>
#include <factcheck/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <string>

namespace factcheck::sources {

namespace {

bool
is_fred_id(std::string_view id)
{
  return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

class FredSource : public Source
{
public:
  std::string_view
  name() const override
  {
    return "fred";
  }

  std::string_view
  default_base_url() const override
  {
    return "https://fred.stlouisfed.org";
  }

  Gives
  gives() const override
  {
    return Gives::series;
  }

  std::string_view
  description() const override
  {
    return "FRED daily series as CSV (https://fred.stlouisfed.org/graph/"
           "fredgraph.csv?id=ID); no key; ~2 req/s; terms "
           "https://fred.stlouisfed.org/legal/, some series owned by their "
           "publishers";
  }

  // FRED publishes no limit for fredgraph.csv; about 2 requests/s is what
  // it tolerates from one client.
  static http::Politeness
  politeness()
  {
    http::Politeness manners;
    manners.requests_per_second = 2;
    manners.fresh_for = std::chrono::hours(6);
    return manners;
  }

  Expected<http::Request>
  request(std::string_view id, std::string_view base_url) const override
  {
    if (!is_fred_id(id)) {
      return unexpected(
          fmt::format("bad FRED series id \"{}\": expected letters, digits and _", id));
    }
    return http::Request{fmt::format("{}/graph/fredgraph.csv?id={}",
                                     detail::without_trailing_slash(base_url),
                                     util::percent_encode(id)),
                         {},
                         politeness()};
  }

  Expected<Data>
  parse(std::string_view body,
        std::string_view /*content_type*/,
        std::string_view id) const override
  {
    return detail::to_data(parse_fred_csv(body, id));
  }
};

} // namespace

Expected<Series>
parse_fred_csv(std::string_view body, std::string_view id)
{
  if (detail::looks_like_html(body)) {
    return unexpected("expected CSV, got an HTML page");
  }
  const auto lines = detail::split_lines(body);
  if (lines.empty()) {
    return unexpected("expected CSV, got an empty body");
  }

  const auto header = util::split(lines.front().text, ',');
  const bool header_ok = header.size() == 2
                         && (header[0] == "observation_date" || header[0] == "DATE")
                         && detail::iequals(header[1], id);
  if (!header_ok) {
    return unexpected(
        fmt::format("bad header \"{}\": expected \"observation_date,{}\"", lines.front().text, id));
  }

  std::vector<detail::NumberedRow> rows;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const auto& line = lines[i];
    const auto fields = util::split(line.text, ',');
    if (fields.size() != 2) {
      return unexpected(fmt::format(
          "row {}: expected 2 fields, got {} in \"{}\"", line.number, fields.size(), line.text));
    }
    const auto date = parse_date(util::trim(fields[0]));
    if (!date) {
      return unexpected(fmt::format("row {}: bad date \"{}\"", line.number, fields[0]));
    }
    const auto text = util::trim(fields[1]);
    if (text.empty() || text == ".") {
      // FRED lists holidays with no value: a day without data, not an error.
      continue;
    }
    const auto value = detail::parse_number(text);
    if (!value) {
      return unexpected(fmt::format("row {}: bad value \"{}\"", line.number, fields[1]));
    }
    Row row;
    row.date = *date;
    row.close = *value;
    rows.push_back(detail::NumberedRow{row, line.number});
  }

  auto sorted = detail::sort_rows(std::move(rows));
  if (!sorted) {
    return unexpected(sorted.error());
  }
  Series out;
  out.id = std::string(id);
  out.rows = std::move(*sorted);
  return out;
}

std::unique_ptr<Source>
make_fred_source()
{
  return std::make_unique<FredSource>();
}

} // namespace factcheck::sources
