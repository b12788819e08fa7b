// Wikipedia REST API, the summary of one article as JSON:
//   https://en.wikipedia.org/api/rest_v1/page/summary/DeepSeek
// No key; a User-Agent naming the client is required. Terms:
// https://foundation.wikimedia.org/wiki/Policy:Terms_of_Use (text CC BY-SA).
// Fields used: "title", "extract" (the lead as plain text), "wikibase_item"
// (the Wikidata item, "Q10490"), content_urls.desktop.page.

#include "parse_util.hpp"

#include <factcheck/sources/parsers.hpp>
#include <factcheck/sources/registry.hpp>
#include <factcheck/util/json.hpp>
#include <factcheck/util/text.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <string>

namespace factcheck::sources {

namespace {

using nlohmann::json;

class WikipediaSource : public Source
{
public:
  std::string_view
  name() const override
  {
    return "wikipedia";
  }

  std::string_view
  default_base_url() const override
  {
    return "https://en.wikipedia.org";
  }

  Gives
  gives() const override
  {
    return Gives::document;
  }

  std::string_view
  description() const override
  {
    return "Wikipedia REST summary of an article as JSON "
           "(https://en.wikipedia.org/api/rest_v1/page/summary/TITLE); no key, "
           "User-Agent required; text CC BY-SA";
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
    if (util::trim(id).empty()) {
      return unexpected("empty Wikipedia title");
    }
    // Titles use underscores for spaces in URLs.
    std::string title(id);
    for (char& c : title) {
      c = c == ' ' ? '_' : c;
    }
    return http::Request{fmt::format("{}/api/rest_v1/page/summary/{}",
                                     detail::without_trailing_slash(base_url),
                                     util::percent_encode(title)),
                         {},
                         politeness()};
  }

  Expected<Data>
  parse(std::string_view body,
        std::string_view /*content_type*/,
        std::string_view /*id*/) const override
  {
    return detail::to_data(parse_wikipedia_summary(body));
  }
};

std::string
string_member(const json& object, const char* key)
{
  if (object.is_object() && object.contains(key) && object.at(key).is_string()) {
    return object.at(key).get<std::string>();
  }
  return {};
}

} // namespace

Expected<Document>
parse_wikipedia_summary(std::string_view body)
{
  if (detail::looks_like_html(body)) {
    return unexpected("expected JSON, got an HTML page");
  }
  auto parsed = util::parse_json(body);
  if (!parsed) {
    return unexpected(fmt::format("bad JSON: {}", parsed.error()));
  }
  const json document = std::move(*parsed);
  if (!document.is_object()) {
    return unexpected("expected a JSON object");
  }
  const auto extract = string_member(document, "extract");
  if (extract.empty()) {
    const auto detail = string_member(document, "detail");
    return unexpected(detail.empty() ? std::string("no \"extract\" in the summary")
                                     : fmt::format("Wikipedia says: {}", detail));
  }
  Document out;
  out.title = string_member(document, "title");
  out.wikibase_item = string_member(document, "wikibase_item");
  if (document.contains("content_urls") && document.at("content_urls").contains("desktop")) {
    out.url = string_member(document.at("content_urls").at("desktop"), "page");
  }
  out.pages.push_back(Page{0, normalise_text(extract)});
  return out;
}

std::unique_ptr<Source>
make_wikipedia_source()
{
  return std::make_unique<WikipediaSource>();
}

} // namespace factcheck::sources
