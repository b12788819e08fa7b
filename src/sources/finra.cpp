// FINRA's Reg SHO daily short-sale volume files, consolidated NMS, one file
// per trading day for every security:
//   https://cdn.finra.org/equity/regsho/daily/CNMSshvol20250127.txt
// No key. FINRA posts each file by 6 pm ET of its trade date
// (https://www.finra.org/finra-data/browse-catalog/short-sale-volume-data/
// daily-short-sale-volume-files); the earliest consolidated file is of
// 2018-08-01. Pipe-delimited, a header, one row per security, and a last
// line giving the number of records:
//   Date|Symbol|ShortVolume|ShortExemptVolume|TotalVolume|Market
//   20250102|A|102002|124|308407|B,Q,N
// ShortVolume includes the short-exempt volume; TotalVolume counts only the
// trades reported to FINRA's facilities (the TRFs and the ADF), not every
// trade of the day (FINRA's file layout).

#include "parse_util.hpp"

#include <factcheck/model/date.hpp>
#include <factcheck/sources/parsers.hpp>
#include <factcheck/sources/registry.hpp>
#include <factcheck/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <string>

namespace factcheck::sources {

namespace {

constexpr std::string_view k_header =
    "Date|Symbol|ShortVolume|ShortExemptVolume|TotalVolume|Market";
constexpr std::string_view k_prefix = "CNMSshvol";

// "CNMSshvol20250127": the file of one trade date.
std::optional<Date>
file_date(std::string_view id)
{
  if (!id.starts_with(k_prefix) || id.size() != k_prefix.size() + 8) {
    return std::nullopt;
  }
  return parse_date(id.substr(k_prefix.size()), true);
}

class FinraSource : public Source
{
public:
  std::string_view
  name() const override
  {
    return "finra";
  }

  std::string_view
  default_base_url() const override
  {
    return "https://cdn.finra.org";
  }

  Gives
  gives() const override
  {
    return Gives::short_sales;
  }

  std::string_view
  description() const override
  {
    return "FINRA Reg SHO daily short-sale volume, consolidated NMS "
           "(https://cdn.finra.org/equity/regsho/daily/CNMSshvolYYYYMMDD.txt, e.g. "
           "CNMSshvol20250127); no key; posted by 6 pm ET of the trade date; off-exchange "
           "(TRF/ADF) volume only";
  }

  // A file never changes once posted; FINRA publishes no rate limit.
  static http::Politeness
  politeness()
  {
    http::Politeness manners;
    manners.fresh_for = std::chrono::hours(24 * 365);
    return manners;
  }

  Expected<http::Request>
  request(std::string_view id, std::string_view base_url) const override
  {
    if (!file_date(id)) {
      return unexpected(fmt::format(
          "bad FINRA file \"{}\": expected CNMSshvol and a trade date, e.g. CNMSshvol20250127",
          id));
    }
    return http::Request{fmt::format("{}/equity/regsho/daily/{}.txt",
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
    return detail::to_data(parse_finra_short_volume(body, id));
  }
};

// A volume: digits, possibly with a fractional part (FINRA has written
// fractional share volumes in some files).
std::optional<double>
volume(std::string_view text)
{
  const auto value = detail::parse_number(util::trim(text));
  if (!value || *value < 0) {
    return std::nullopt;
  }
  return value;
}

} // namespace

Expected<ShortSaleDay>
parse_finra_short_volume(std::string_view body, std::string_view id)
{
  if (detail::looks_like_html(body)) {
    return unexpected("expected FINRA's pipe-delimited file, got an HTML or XML page");
  }
  const auto lines = detail::split_lines(detail::strip_bom(body));
  if (lines.empty()) {
    return unexpected("expected FINRA's pipe-delimited file, got an empty body");
  }
  const auto header = util::trim(lines.front().text);
  if (header != k_header) {
    return unexpected(fmt::format("bad header \"{}\": expected \"{}\"", header, k_header));
  }
  ShortSaleDay out;
  const auto expected_date = file_date(id);
  std::optional<std::size_t> trailer;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const auto& line = lines[i];
    const auto text = util::trim(line.text);
    // The last line is the number of records, a bare count.
    if (i + 1 == lines.size() && !text.empty()
        && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      std::size_t count = 0;
      std::from_chars(text.data(), text.data() + text.size(), count);
      trailer = count;
      break;
    }
    const auto fields = util::split(text, '|');
    if (fields.size() != 6) {
      return unexpected(fmt::format(
          "row {}: expected 6 fields, got {} in \"{}\"", line.number, fields.size(), text));
    }
    const auto date_text = util::trim(fields[0]);
    const auto date = date_text.size() == 8 ? parse_date(date_text, true) : std::nullopt;
    if (!date) {
      return unexpected(fmt::format("row {}: bad Date \"{}\"", line.number, fields[0]));
    }
    if (out.rows.empty()) {
      out.date = *date;
    } else if (*date != out.date) {
      return unexpected(fmt::format("row {}: date {} in a file of {}",
                                    line.number,
                                    format_date(*date),
                                    format_date(out.date)));
    }
    static constexpr std::array<std::string_view, 3> k_names{
        "ShortVolume", "ShortExemptVolume", "TotalVolume"};
    std::array<double, 3> volumes{};
    for (std::size_t f = 0; f < 3; ++f) {
      const auto value = volume(fields[f + 2]);
      if (!value) {
        return unexpected(
            fmt::format("row {}: bad {} \"{}\"", line.number, k_names[f], fields[f + 2]));
      }
      volumes[f] = *value;
    }
    ShortSaleVolume row;
    row.symbol = std::string(util::trim(fields[1]));
    if (row.symbol.empty()) {
      return unexpected(fmt::format("row {}: no Symbol", line.number));
    }
    row.short_volume = volumes[0];
    row.short_exempt_volume = volumes[1];
    row.total_volume = volumes[2];
    row.market = std::string(util::trim(fields[5]));
    out.rows.push_back(std::move(row));
  }
  if (trailer && *trailer != out.rows.size()) {
    return unexpected(
        fmt::format("the trailer gives {} records, the file holds {}", *trailer, out.rows.size()));
  }
  if (expected_date && !out.rows.empty() && out.date != *expected_date) {
    return unexpected(fmt::format(
        "{} holds the rows of {}, not {}", id, format_date(out.date), format_date(*expected_date)));
  }
  if (out.rows.empty() && expected_date) {
    out.date = *expected_date;
  }
  return out;
}

std::unique_ptr<Source>
make_finra_source()
{
  return std::make_unique<FinraSource>();
}

} // namespace factcheck::sources
