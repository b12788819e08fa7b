// SEC EDGAR XBRL company concept, any concept a company files (the `sec`
// source reads only the cover-page share count):
//   https://data.sec.gov/api/xbrl/companyconcept/CIK0001326801/us-gaap/PaymentsToAcquirePropertyPlantAndEquipment.json
// The catalogue names it as CIK/TAXONOMY/TAG:
//   xbrl:0001326801/us-gaap/PaymentsToAcquirePropertyPlantAndEquipment
// Public data, no key; SEC fair access (https://www.sec.gov/os/accessing-edgar-data):
// at most 10 requests/s and a User-Agent with a contact; 403 when over.
// Example row of units.USD[] (a duration: start..end):
//   {"start":"2024-01-01","end":"2024-12-31","val":37256000000,
//    "accn":"0001326801-25-000017","fy":2024,"fp":"FY","form":"10-K","filed":"2025-01-30"}

#include "parse_util.hpp"

#include <factcheck/model/date.hpp>
#include <factcheck/sources/parsers.hpp>
#include <factcheck/sources/registry.hpp>
#include <factcheck/util/json.hpp>
#include <factcheck/util/text.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <optional>
#include <string>

namespace factcheck::sources {

namespace {

using nlohmann::json;

constexpr std::size_t k_cik_digits = 10;

struct ConceptId
{
  std::string cik; // padded to 10 digits
  std::string taxonomy;
  std::string tag;
};

// "0001326801/us-gaap/PaymentsToAcquirePropertyPlantAndEquipment".
std::optional<ConceptId>
concept_id(std::string_view id)
{
  const auto parts = util::split(id, '/');
  if (parts.size() != 3) {
    return std::nullopt;
  }
  const auto cik = parts[0];
  const auto taxonomy = parts[1];
  const auto tag = parts[2];
  const bool ok =
      !cik.empty() && cik.size() <= k_cik_digits
      && std::all_of(cik.begin(), cik.end(), [](char c) { return c >= '0' && c <= '9'; })
      && !taxonomy.empty()
      && std::all_of(taxonomy.begin(),
                     taxonomy.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || c == '-'; })
      && !tag.empty() && std::all_of(tag.begin(), tag.end(), [](char c) {
           return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
         });
  if (!ok) {
    return std::nullopt;
  }
  return ConceptId{std::string(k_cik_digits - cik.size(), '0') + std::string(cik),
                   std::string(taxonomy),
                   std::string(tag)};
}

std::string
string_or_empty(const json& row, const char* key)
{
  const auto it = row.find(key);
  return it != row.end() && it->is_string() ? it->get<std::string>() : std::string();
}

Expected<XbrlFact>
parse_fact(const json& row, const std::string& unit, std::size_t index)
{
  const auto where = fmt::format("units.{}[{}]", unit, index);
  if (!row.is_object()) {
    return unexpected(fmt::format("{}: not an object", where));
  }
  const auto end = parse_date(string_or_empty(row, "end"));
  if (!end) {
    return unexpected(fmt::format("{}: no \"end\" date", where));
  }
  if (!row.contains("val") || !row.at("val").is_number()) {
    return unexpected(fmt::format("{}: no \"val\"", where));
  }
  XbrlFact fact;
  fact.end = *end;
  fact.value = row.at("val").get<double>();
  fact.unit = unit;
  if (const auto start_text = string_or_empty(row, "start"); !start_text.empty()) {
    fact.start = parse_date(start_text);
    if (!fact.start) {
      return unexpected(fmt::format("{}: bad start \"{}\"", where, start_text));
    }
  }
  if (row.contains("fy") && row.at("fy").is_number_integer()) {
    fact.fiscal_year = row.at("fy").get<int>();
  }
  fact.period = string_or_empty(row, "fp");
  fact.form = string_or_empty(row, "form");
  fact.filed = string_or_empty(row, "filed");
  fact.accession = string_or_empty(row, "accn");
  return fact;
}

class XbrlSource : public Source
{
public:
  std::string_view
  name() const override
  {
    return "xbrl";
  }

  std::string_view
  default_base_url() const override
  {
    return "https://data.sec.gov";
  }

  Gives
  gives() const override
  {
    return Gives::facts;
  }

  std::string_view
  description() const override
  {
    return "SEC EDGAR companyconcept JSON for any concept "
           "(https://data.sec.gov/api/xbrl/companyconcept/CIK##########/TAXONOMY/TAG.json, e.g. "
           "0001326801/us-gaap/PaymentsToAcquirePropertyPlantAndEquipment); public data; "
           "<=10 req/s; User-Agent with contact required";
  }

  Expected<http::Request>
  request(std::string_view id, std::string_view base_url) const override
  {
    const auto name = concept_id(id);
    if (!name) {
      return unexpected(fmt::format("bad XBRL concept \"{}\": expected CIK/TAXONOMY/TAG, e.g. "
                                    "0001326801/us-gaap/PaymentsToAcquirePropertyPlantAndEquipment",
                                    id));
    }
    return http::Request{fmt::format("{}/api/xbrl/companyconcept/CIK{}/{}/{}.json",
                                     detail::without_trailing_slash(base_url),
                                     util::percent_encode(name->cik),
                                     util::percent_encode(name->taxonomy),
                                     util::percent_encode(name->tag)),
                         {},
                         detail::sec_politeness()};
  }

  Expected<Data>
  parse(std::string_view body,
        std::string_view /*content_type*/,
        std::string_view id) const override
  {
    auto facts = parse_xbrl_concept(body);
    // A recording or mirror that answers with another concept is caught.
    if (const auto name = concept_id(id);
        facts && name && !facts->tag.empty() && facts->tag != name->tag) {
      return unexpected(
          fmt::format("companyconcept is for \"{}\", not \"{}\"", facts->tag, name->tag));
    }
    return detail::to_data(std::move(facts));
  }
};

} // namespace

Expected<XbrlFacts>
parse_xbrl_concept(std::string_view body)
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
  if (!document.contains("units") || !document.at("units").is_object()) {
    return unexpected("no \"units\" object");
  }
  XbrlFacts out;
  out.entity = string_or_empty(document, "entityName");
  out.taxonomy = string_or_empty(document, "taxonomy");
  out.tag = string_or_empty(document, "tag");
  for (const auto& [unit, rows] : document.at("units").items()) {
    if (!rows.is_array()) {
      return unexpected(fmt::format("units.{} is not an array", unit));
    }
    for (std::size_t i = 0; i < rows.size(); ++i) {
      auto fact = parse_fact(rows.at(i), unit, i);
      if (!fact) {
        return unexpected(fact.error());
      }
      out.facts.push_back(std::move(*fact));
    }
  }
  return out;
}

std::unique_ptr<Source>
make_xbrl_source()
{
  return std::make_unique<XbrlSource>();
}

} // namespace factcheck::sources
