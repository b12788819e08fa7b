// Wikidata, one entity as JSON:
//   https://www.wikidata.org/wiki/Special:EntityData/Q182477.json
// No key; a User-Agent naming the client is required; over the limit
// Wikidata answers 429 with Retry-After. Data CC0.
// Statements are read from entities.<ID>.claims.<P>[].mainsnak.datavalue;
// a time keeps its precision (9 year, 10 month, 11 day):
//   "P571":[{"mainsnak":{"snaktype":"value","datavalue":{"value":
//     {"time":"+2008-09-23T00:00:00Z","precision":11,...},"type":"time"}},
//     "rank":"normal"}]

#include "parse_util.hpp"

#include <factcheck/sources/parsers.hpp>
#include <factcheck/sources/registry.hpp>
#include <factcheck/util/json.hpp>
#include <factcheck/util/text.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>

namespace factcheck::sources {

namespace {

using nlohmann::json;

bool
is_item_id(std::string_view id)
{
  return id.size() >= 2 && (id[0] == 'Q' || id[0] == 'P')
         && std::all_of(id.begin() + 1, id.end(), [](char c) { return c >= '0' && c <= '9'; });
}

class WikidataSource : public Source
{
public:
  std::string_view
  name() const override
  {
    return "wikidata";
  }

  std::string_view
  default_base_url() const override
  {
    return "https://www.wikidata.org";
  }

  Gives
  gives() const override
  {
    return Gives::entity;
  }

  std::string_view
  description() const override
  {
    return "Wikidata entity statements as JSON "
           "(https://www.wikidata.org/wiki/Special:EntityData/ID.json); no key, "
           "User-Agent required; 429 + Retry-After when throttled; data CC0";
  }

  // Wikimedia asks for a modest rate and answers 429 with Retry-After.
  static http::Politeness
  politeness()
  {
    http::Politeness manners;
    manners.requests_per_second = 5;
    manners.json = true;
    manners.fresh_for = std::chrono::hours(24);
    return manners;
  }

  Expected<http::Request>
  request(std::string_view id, std::string_view base_url) const override
  {
    if (!is_item_id(id)) {
      return unexpected(fmt::format("bad Wikidata id \"{}\": expected e.g. Q182477", id));
    }
    return http::Request{fmt::format("{}/wiki/Special:EntityData/{}.json",
                                     detail::without_trailing_slash(base_url),
                                     id),
                         {},
                         politeness()};
  }

  Expected<Data>
  parse(std::string_view body,
        std::string_view /*content_type*/,
        std::string_view id) const override
  {
    return detail::to_data(parse_wikidata_entity(body, id));
  }
};

// The value of a snak as text, or "" for kinds not read here.
std::string
snak_value(const json& datavalue, int* precision)
{
  const auto type = util::string_field(datavalue, "type").value_or("");
  if (!datavalue.contains("value")) {
    return {};
  }
  const auto& value = datavalue.at("value");
  if (type == "time" && value.is_object()) {
    *precision = static_cast<int>(util::integer_field(value, "precision").value_or(0));
    return util::string_field(value, "time").value_or("");
  }
  if (type == "wikibase-entityid" && value.is_object()) {
    return util::string_field(value, "id").value_or("");
  }
  if (type == "string" && value.is_string()) {
    return value.get<std::string>();
  }
  if (type == "monolingualtext" && value.is_object()) {
    return util::string_field(value, "text").value_or("");
  }
  if (type == "quantity" && value.is_object()) {
    return util::string_field(value, "amount").value_or("");
  }
  return {};
}

} // namespace

Expected<Entity>
parse_wikidata_entity(std::string_view body, std::string_view id)
{
  if (detail::looks_like_html(body)) {
    return unexpected("expected JSON, got an HTML page");
  }
  auto parsed = util::parse_json(body);
  if (!parsed) {
    return unexpected(fmt::format("bad JSON: {}", parsed.error()));
  }
  const json document = std::move(*parsed);
  if (!document.is_object() || !document.contains("entities")
      || !document.at("entities").is_object() || document.at("entities").empty()) {
    return unexpected("no \"entities\" object");
  }
  const auto& entities = document.at("entities");
  // A redirected id answers with the target entity under its own id.
  const std::string key(id);
  const auto& entity = entities.contains(key) ? entities.at(key) : entities.begin().value();
  if (!entity.is_object()) {
    return unexpected(fmt::format("entities.{} is not an object", key));
  }
  Entity out;
  // Every field is read by type: a field of the wrong type is absent.
  out.id = util::string_field(entity, "id").value_or(key);
  if (const auto labels = entity.find("labels"); labels != entity.end() && labels->is_object()) {
    if (const auto en = labels->find("en"); en != labels->end()) {
      out.label = util::string_field(*en, "value").value_or("");
    }
  }
  if (entity.contains("claims") && entity.at("claims").is_object()) {
    for (const auto& [property, statements] : entity.at("claims").items()) {
      if (!statements.is_array()) {
        return unexpected(fmt::format("claims.{} is not an array", property));
      }
      for (const auto& statement : statements) {
        if (!statement.is_object() || !statement.contains("mainsnak")) {
          continue;
        }
        const auto& snak = statement.at("mainsnak");
        // "novalue" and "somevalue" snaks state no value to compare.
        if (util::string_field(snak, "snaktype").value_or("") != "value"
            || !snak.contains("datavalue")) {
          continue;
        }
        Statement out_statement;
        out_statement.value = snak_value(snak.at("datavalue"), &out_statement.precision);
        out_statement.rank = util::string_field(statement, "rank").value_or("normal");
        if (!out_statement.value.empty()) {
          out.statements[property].push_back(std::move(out_statement));
        }
      }
    }
  }
  return out;
}

std::unique_ptr<Source>
make_wikidata_source()
{
  return std::make_unique<WikidataSource>();
}

} // namespace factcheck::sources
