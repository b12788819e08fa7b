// Stooq daily prices as a CSV download:
//   https://stooq.com/q/d/l/?s=nvda.us&i=d
// The whole history, no key. Prices are split-adjusted, and back-adjusted
// (prices times a factor, volumes divided by it) for the dividends Stooq has
// applied, up to a cut-off per symbol that Stooq does not publish: in a copy
// of nvda.us taken in 2026 the closes before the 2024-12-05 ex-date are
// below the closes as traded (2024-08-05: 100.434 for 100.45) and the later
// ones equal them (docs/recordings.md, "Stooq"). Terms:
// the data is offered for personal use (https://stooq.com); download a
// symbol once, not per claim. An unknown symbol is served as the body
// "No data", throttling as a short text or HTML page, both with status 200.
// Example rows (old rows may lack Volume):
//   Date,Open,High,Low,Close,Volume
//   2025-01-27,124.8,128.4,116.7,118.42,818830895

#include "parse_util.hpp"

#include <factcheck/model/date.hpp>
#include <factcheck/sources/parsers.hpp>
#include <factcheck/sources/registry.hpp>
#include <factcheck/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <optional>
#include <string>

namespace factcheck::sources {

namespace {

constexpr std::string_view k_header = "Date,Open,High,Low,Close,Volume";
constexpr std::string_view k_header_without_volume = "Date,Open,High,Low,Close";
constexpr std::size_t k_max_symbol_length = 40;
constexpr std::string_view k_close_adjustment =
    "Stooq's closes are split-adjusted and back-adjusted for the dividends Stooq has applied "
    "(up to a cut-off it does not publish), so a close before that cut-off is below the close "
    "as traded by about the dividends paid since";

bool
is_stooq_symbol(std::string_view id)
{
  return !id.empty() && id.size() <= k_max_symbol_length
         && std::all_of(id.begin(), id.end(), [](char c) {
              return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                     || c == '.' || c == '^' || c == '_' || c == '-';
            });
}

class StooqSource : public Source
{
public:
  std::string_view
  name() const override
  {
    return "stooq";
  }

  std::string_view
  default_base_url() const override
  {
    return "https://stooq.com";
  }

  Gives
  gives() const override
  {
    return Gives::series;
  }

  std::string_view
  description() const override
  {
    return "Stooq daily OHLCV as CSV download (https://stooq.com/q/d/l/?s=SYMBOL&i=d, e.g. "
           "nvda.us, ^ndq); no key; personal use; a daily hit limit, so one download per "
           "symbol, \"No data\" for an unknown one";
  }

  // Stooq publishes no limit; the per-host connection limit is what keeps
  // us polite.
  static http::Politeness
  politeness()
  {
    http::Politeness manners;
    manners.fresh_for = std::chrono::hours(6);
    return manners;
  }

  Expected<http::Request>
  request(std::string_view id, std::string_view base_url) const override
  {
    if (!is_stooq_symbol(id)) {
      return unexpected(
          fmt::format("bad Stooq symbol \"{}\": expected letters, digits and . ^ _ -", id));
    }
    return http::Request{fmt::format("{}/q/d/l/?s={}&i=d",
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
    return detail::to_data(parse_stooq_csv(body, id));
  }
};

} // namespace

Expected<Series>
parse_stooq_csv(std::string_view body, std::string_view id)
{
  if (detail::looks_like_html(body)) {
    return unexpected("expected CSV, got an HTML page");
  }
  if (util::trim(detail::strip_bom(body)) == "No data") {
    return unexpected(fmt::format("stooq has no data for \"{}\"", id));
  }
  const auto lines = detail::split_lines(body);
  if (lines.empty()) {
    return unexpected("expected CSV, got an empty body");
  }
  const auto header = util::trim(lines.front().text);
  if (header != k_header && header != k_header_without_volume) {
    return unexpected(fmt::format("bad header \"{}\": expected \"{}\"", header, k_header));
  }
  const std::size_t columns = util::split(header, ',').size();

  std::vector<detail::NumberedRow> rows;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const auto& line = lines[i];
    const auto fields = util::split(line.text, ',');
    // Volume is optional even under a header that names it: Stooq's oldest
    // rows (before volumes were recorded) have five fields.
    if (fields.size() != columns && fields.size() != 5) {
      return unexpected(fmt::format("row {}: expected {} fields, got {} in \"{}\"",
                                    line.number,
                                    columns,
                                    fields.size(),
                                    line.text));
    }
    const auto date = parse_date(util::trim(fields[0]));
    if (!date) {
      return unexpected(fmt::format("row {}: bad date \"{}\"", line.number, fields[0]));
    }
    static constexpr std::array<std::string_view, 5> k_names{
        "Date", "Open", "High", "Low", "Close"};
    std::array<double, 5> prices{};
    for (std::size_t f = 1; f < 5; ++f) {
      const auto value = detail::parse_number(util::trim(fields[f]));
      if (!value) {
        return unexpected(fmt::format("row {}: bad {} \"{}\"", line.number, k_names[f], fields[f]));
      }
      prices[f] = *value;
    }
    Row row;
    row.date = *date;
    row.open = prices[1];
    row.high = prices[2];
    row.low = prices[3];
    row.close = prices[4];
    if (fields.size() == 6 && !util::trim(fields[5]).empty()) {
      const auto volume = detail::parse_number(util::trim(fields[5]));
      if (!volume) {
        return unexpected(fmt::format("row {}: bad Volume \"{}\"", line.number, fields[5]));
      }
      row.volume = *volume;
    }
    rows.push_back(detail::NumberedRow{row, line.number});
  }

  auto sorted = detail::sort_rows(std::move(rows));
  if (!sorted) {
    return unexpected(sorted.error());
  }
  Series out;
  out.id = std::string(id);
  out.rows = std::move(*sorted);
  out.close_adjustment = std::string(k_close_adjustment);
  return out;
}

std::unique_ptr<Source>
make_stooq_source()
{
  return std::make_unique<StooqSource>();
}

} // namespace factcheck::sources
