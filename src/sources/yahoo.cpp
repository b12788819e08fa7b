// Yahoo Finance v8 chart API, daily bars as JSON:
//   https://query1.finance.yahoo.com/v8/finance/chart/%5EIXIC?range=max&interval=1d
// Unofficial and undocumented: best effort. Yahoo may throttle or refuse
// plain clients (HTTP 429, or a consent page). Terms: Yahoo's terms of service
// (personal use; https://legal.yahoo.com). "close" is the raw close,
// "adjclose" the split- and dividend-adjusted one.
// Example (abridged; the 2025-01-27 bar of ^IXIC):
//   {"chart":{"result":[{"meta":{"symbol":"^IXIC","gmtoffset":-18000,...},
//    "timestamp":[1737988200],"indicators":{"quote":[{"close":
//    [19341.830078125],...}],"adjclose":[{"adjclose":[19341.830078125]}]}}],
//    "error":null}}

#include "parse_util.hpp"

#include <factcheck/model/date.hpp>
#include <factcheck/sources/parsers.hpp>
#include <factcheck/sources/registry.hpp>
#include <factcheck/util/json.hpp>
#include <factcheck/util/text.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace factcheck::sources {

namespace {

using nlohmann::json;

constexpr std::size_t k_max_symbol_length = 40;
constexpr std::int64_t k_seconds_per_day = 86400;

bool
is_yahoo_symbol(std::string_view id)
{
  // "^IXIC", "BRK-B", "EURUSD=X", "ES=F", "0700.HK".
  return !id.empty() && id.size() <= k_max_symbol_length
         && std::all_of(id.begin(), id.end(), [](char c) {
              return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                     || c == '.' || c == '^' || c == '=' || c == '_' || c == '-';
            });
}

// The calendar day of a Unix timestamp in the exchange's zone, given its
// offset from UTC in seconds.
Date
exchange_day(std::int64_t timestamp, std::int64_t gmtoffset)
{
  const std::int64_t local = timestamp + gmtoffset;
  // Floor division, so that times before 1970 land on the right day.
  std::int64_t day_number = local / k_seconds_per_day;
  if (local % k_seconds_per_day < 0) {
    --day_number;
  }
  return Date{std::chrono::sys_days{std::chrono::days{day_number}}};
}

std::string
timestamp_place(std::size_t index)
{
  return fmt::format("chart.result[0].timestamp[{}]", index);
}

// One per-day array of the chart ("close", "adjclose", ...), checked to have
// one entry per timestamp. An absent array is nullptr.
Expected<const json*>
day_array(const json& parent, std::string_view key, std::string_view path, std::size_t count)
{
  if (!parent.is_object() || !parent.contains(key)) {
    return static_cast<const json*>(nullptr);
  }
  const json& array = parent.at(key);
  if (!array.is_array()) {
    return unexpected(fmt::format("{}.{} is not an array", path, key));
  }
  if (array.size() != count) {
    return unexpected(
        fmt::format("{}.{} has {} values for {} timestamps", path, key, array.size(), count));
  }
  return &array;
}

class YahooSource : public Source
{
public:
  std::string_view
  name() const override
  {
    return "yahoo";
  }

  std::string_view
  default_base_url() const override
  {
    return "https://query1.finance.yahoo.com";
  }

  Gives
  gives() const override
  {
    return Gives::series;
  }

  std::string_view
  description() const override
  {
    return "Yahoo Finance v8 chart JSON (https://query1.finance.yahoo.com/v8/"
           "finance/chart/SYMBOL?range=max&interval=1d); unofficial, best "
           "effort, may throttle; close raw, adjclose adjusted; personal use";
  }

  // Yahoo publishes no limit but throttles busy clients; 2 requests/s keeps
  // well clear of that.
  static http::Politeness
  politeness()
  {
    http::Politeness manners;
    manners.requests_per_second = 2;
    manners.json = true;
    manners.fresh_for = std::chrono::hours(6);
    return manners;
  }

  Expected<http::Request>
  request(std::string_view id, std::string_view base_url) const override
  {
    if (!is_yahoo_symbol(id)) {
      return unexpected(
          fmt::format("bad Yahoo symbol \"{}\": expected letters, digits and . ^ = _ -", id));
    }
    return http::Request{fmt::format("{}/v8/finance/chart/{}?range=max&interval=1d",
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
    return detail::to_data(parse_yahoo_chart(body, id));
  }
};

Expected<Series>
parse_chart(const json& document, std::string_view id)
{
  if (!document.is_object() || !document.contains("chart") || !document.at("chart").is_object()) {
    return unexpected("expected a chart response, got no \"chart\" object");
  }
  const json& chart = document.at("chart");
  if (chart.contains("error") && !chart.at("error").is_null()) {
    const json& error = chart.at("error");
    if (error.is_object() && error.contains("description") && error.at("description").is_string()) {
      return unexpected(error.at("description").get<std::string>());
    }
    return unexpected(fmt::format("yahoo error {}", util::json_excerpt(error)));
  }
  if (!chart.contains("result") || !chart.at("result").is_array() || chart.at("result").empty()) {
    return unexpected("chart.result is missing or empty");
  }
  const json& result = chart.at("result").at(0);
  if (!result.is_object() || !result.contains("meta") || !result.at("meta").is_object()) {
    return unexpected("chart.result[0].meta is missing");
  }
  const json& meta = result.at("meta");
  if (meta.contains("symbol") && meta.at("symbol").is_string()
      && !detail::iequals(meta.at("symbol").get<std::string>(), id)) {
    return unexpected(
        fmt::format("chart is for \"{}\", not \"{}\"", meta.at("symbol").get<std::string>(), id));
  }
  if (!meta.contains("gmtoffset") || !meta.at("gmtoffset").is_number_integer()) {
    return unexpected("chart.result[0].meta.gmtoffset is missing");
  }
  const auto gmtoffset = meta.at("gmtoffset").get<std::int64_t>();

  Series series;
  series.id = std::string(id);
  // Yahoo leaves out "timestamp" when the range holds no bars.
  if (!result.contains("timestamp")) {
    return series;
  }
  const json& timestamps = result.at("timestamp");
  if (!timestamps.is_array()) {
    return unexpected("chart.result[0].timestamp is not an array");
  }
  const std::size_t count = timestamps.size();

  const json* quote = nullptr;
  const json* adjclose = nullptr;
  if (result.contains("indicators") && result.at("indicators").is_object()) {
    const json& indicators = result.at("indicators");
    if (indicators.contains("quote") && indicators.at("quote").is_array()
        && !indicators.at("quote").empty()) {
      quote = &indicators.at("quote").at(0);
    }
    if (indicators.contains("adjclose") && indicators.at("adjclose").is_array()
        && !indicators.at("adjclose").empty()) {
      adjclose = &indicators.at("adjclose").at(0);
    }
  }
  if (quote == nullptr) {
    if (count > 0) {
      return unexpected("chart.result[0].indicators.quote is missing");
    }
    return series;
  }

  // The first five are quote[0]'s arrays, the last is adjclose[0]'s.
  constexpr std::array<std::string_view, 6> k_fields{
      "open", "high", "low", "close", "volume", "adjclose"};
  std::array<const json*, k_fields.size()> arrays{};
  for (std::size_t f = 0; f < arrays.size(); ++f) {
    const bool is_adjclose = f == arrays.size() - 1;
    if (is_adjclose && adjclose == nullptr) {
      continue;
    }
    auto array =
        is_adjclose
            ? day_array(*adjclose, k_fields[f], "chart.result[0].indicators.adjclose[0]", count)
            : day_array(*quote, k_fields[f], "chart.result[0].indicators.quote[0]", count);
    if (!array) {
      return unexpected(array.error());
    }
    arrays[f] = *array;
  }

  std::vector<detail::NumberedRow> rows;
  for (std::size_t i = 0; i < count; ++i) {
    if (!timestamps.at(i).is_number_integer()) {
      return unexpected(fmt::format("{}: expected an integer, got {}",
                                    timestamp_place(i),
                                    util::json_excerpt(timestamps.at(i))));
    }
    Row row;
    row.date = exchange_day(timestamps.at(i).get<std::int64_t>(), gmtoffset);
    std::array<std::optional<double>*, k_fields.size()> targets{
        &row.open, &row.high, &row.low, &row.close, &row.volume, &row.adjclose};
    bool any = false;
    for (std::size_t f = 0; f < arrays.size(); ++f) {
      if (arrays[f] == nullptr) {
        continue;
      }
      const json& value = arrays[f]->at(i);
      if (value.is_null()) {
        continue;
      }
      if (!value.is_number()) {
        return unexpected(fmt::format(
            "{}: bad {} {}", timestamp_place(i), k_fields[f], util::json_excerpt(value)));
      }
      *targets[f] = value.get<double>();
      any = true;
    }
    // A bar with no values at all is a day without data, as in FRED.
    if (any) {
      rows.push_back(detail::NumberedRow{row, i});
    }
  }

  auto sorted = detail::sort_rows(std::move(rows), &timestamp_place);
  if (!sorted) {
    return unexpected(sorted.error());
  }
  series.rows = std::move(*sorted);
  return series;
}

} // namespace

Expected<Series>
parse_yahoo_chart(std::string_view body, std::string_view id)
{
  if (detail::looks_like_html(body)) {
    return unexpected("expected JSON, got an HTML page");
  }
  auto parsed = util::parse_json(body);
  if (!parsed) {
    return unexpected(fmt::format("expected JSON, got {}", parsed.error()));
  }
  const json document = std::move(*parsed);
  return parse_chart(document, id);
}

std::unique_ptr<Source>
make_yahoo_source()
{
  return std::make_unique<YahooSource>();
}

} // namespace factcheck::sources
