// SEC EDGAR XBRL company concept, the share count from filing cover pages:
//   https://data.sec.gov/api/xbrl/companyconcept/CIK0001045810/dei/EntityCommonStockSharesOutstanding.json
// Public data, no key. Terms: SEC fair access
// (https://www.sec.gov/os/accessing-edgar-data): at most 10 requests/s and a
// User-Agent naming the requester with a contact address; over the limit
// the SEC answers 403.
// Example row of units.shares[]:
//   {"end":"2025-02-21","val":24400000000,"accn":"0001045810-25-000023",
//    "fy":2025,"fp":"FY","form":"10-K","filed":"2025-02-26"}

#include "parse_util.hpp"

#include <factcheck/model/date.hpp>
#include <factcheck/sources/parsers.hpp>
#include <factcheck/sources/registry.hpp>
#include <factcheck/util/json.hpp>
#include <factcheck/util/text.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>

namespace factcheck::sources {

namespace {

using nlohmann::json;

constexpr std::size_t k_cik_digits = 10;

bool
is_cik(std::string_view id)
{
  return !id.empty() && id.size() <= k_cik_digits
         && std::all_of(id.begin(), id.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Reads an optional string member of a units.shares[] row.
Expected<std::string>
optional_string(const json& row, std::size_t index, const char* key)
{
  if (!row.contains(key) || row.at(key).is_null()) {
    return std::string();
  }
  if (!row.at(key).is_string()) {
    return unexpected(fmt::format("units.shares[{}]: \"{}\" is not a string", index, key));
  }
  return row.at(key).get<std::string>();
}

Expected<ShareCount>
parse_share_count(const json& row, std::size_t index)
{
  if (!row.is_object()) {
    return unexpected(fmt::format("units.shares[{}]: not an object", index));
  }
  if (!row.contains("end") || !row.at("end").is_string()) {
    return unexpected(fmt::format("units.shares[{}]: no \"end\"", index));
  }
  if (!row.contains("val") || !row.at("val").is_number()) {
    return unexpected(fmt::format("units.shares[{}]: no \"val\"", index));
  }
  const auto end_text = row.at("end").get<std::string>();
  const auto end = parse_date(end_text);
  if (!end) {
    return unexpected(fmt::format("units.shares[{}]: bad end \"{}\"", index, end_text));
  }
  ShareCount count;
  count.end = *end;
  count.shares = row.at("val").get<double>();

  auto form = optional_string(row, index, "form");
  if (!form) {
    return unexpected(form.error());
  }
  auto filed = optional_string(row, index, "filed");
  if (!filed) {
    return unexpected(filed.error());
  }
  auto accession = optional_string(row, index, "accn");
  if (!accession) {
    return unexpected(accession.error());
  }
  count.form = std::move(*form);
  count.filed = std::move(*filed);
  count.accession = std::move(*accession);
  return count;
}

// Parses a companyconcept document; with `cik`, also checks that the
// document is about that company (a mixed-up recording is caught here).
Expected<ShareFacts>
parse_concept(std::string_view body, std::optional<std::uint64_t> cik)
{
  if (detail::looks_like_html(body)) {
    return unexpected("expected JSON, got an HTML page");
  }
  auto parsed = util::parse_json(body);
  if (!parsed) {
    return unexpected(fmt::format("expected JSON, got {}", parsed.error()));
  }
  const json document = std::move(*parsed);
  if (!document.is_object()) {
    return unexpected("expected a companyconcept object");
  }
  if (cik && document.contains("cik") && document.at("cik").is_number_unsigned()
      && document.at("cik").get<std::uint64_t>() != *cik) {
    return unexpected(fmt::format(
        "companyconcept is for CIK {}, not {}", document.at("cik").get<std::uint64_t>(), *cik));
  }
  if (document.contains("tag") && document.at("tag").is_string()
      && document.at("tag") != "EntityCommonStockSharesOutstanding") {
    return unexpected(fmt::format("expected tag \"EntityCommonStockSharesOutstanding\", got \"{}\"",
                                  document.at("tag").get<std::string>()));
  }
  if (!document.contains("entityName") || !document.at("entityName").is_string()) {
    return unexpected("no \"entityName\"");
  }
  if (!document.contains("units") || !document.at("units").is_object()
      || !document.at("units").contains("shares")
      || !document.at("units").at("shares").is_array()) {
    return unexpected("no \"units.shares\" array");
  }

  ShareFacts facts;
  facts.entity = document.at("entityName").get<std::string>();
  const json& shares = document.at("units").at("shares");
  for (std::size_t i = 0; i < shares.size(); ++i) {
    auto count = parse_share_count(shares.at(i), i);
    if (!count) {
      return unexpected(count.error());
    }
    facts.counts.push_back(std::move(*count));
  }
  // The same count is often reported again by later filings, so equal ends
  // are kept; among them the earliest filing comes first.
  std::stable_sort(
      facts.counts.begin(), facts.counts.end(), [](const ShareCount& a, const ShareCount& b) {
        if (a.end != b.end) {
          return a.end < b.end;
        }
        return a.filed < b.filed;
      });
  return facts;
}

class SecSource : public Source
{
public:
  std::string_view
  name() const override
  {
    return "sec";
  }

  std::string_view
  default_base_url() const override
  {
    return "https://data.sec.gov";
  }

  Gives
  gives() const override
  {
    return Gives::shares;
  }

  std::string_view
  description() const override
  {
    return "SEC EDGAR companyconcept JSON, shares outstanding "
           "(https://data.sec.gov/api/xbrl/companyconcept/CIK##########/dei/"
           "EntityCommonStockSharesOutstanding.json); public data; <=10 req/s; "
           "User-Agent with contact required";
  }

  Expected<http::Request>
  request(std::string_view id, std::string_view base_url) const override
  {
    if (!is_cik(id)) {
      return unexpected(fmt::format("bad CIK \"{}\": expected 1 to {} digits", id, k_cik_digits));
    }
    const std::string padded = std::string(k_cik_digits - id.size(), '0') + std::string(id);
    return http::Request{fmt::format("{}/api/xbrl/companyconcept/CIK{}/dei/"
                                     "EntityCommonStockSharesOutstanding.json",
                                     detail::without_trailing_slash(base_url),
                                     util::percent_encode(padded)),
                         {},
                         detail::sec_politeness()};
  }

  Expected<Data>
  parse(std::string_view body,
        std::string_view /*content_type*/,
        std::string_view id) const override
  {
    std::optional<std::uint64_t> cik;
    if (is_cik(id)) {
      cik = std::stoull(std::string(id));
    }
    return detail::to_data(parse_concept(body, cik));
  }
};

} // namespace

Expected<ShareFacts>
parse_sec_shares(std::string_view body)
{
  return parse_concept(body, std::nullopt);
}

std::unique_ptr<Source>
make_sec_source()
{
  return std::make_unique<SecSource>();
}

} // namespace factcheck::sources
