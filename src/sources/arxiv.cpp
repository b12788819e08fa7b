// arXiv API, the metadata of one paper as Atom XML:
//   https://export.arxiv.org/api/query?id_list=2412.19437
// No key. Terms: https://info.arxiv.org/help/api/tou.html; at most one
// request every 3 seconds. Throttling can be an HTTP 200 whose body is
// "Rate exceeded."; an unknown id is an <entry> whose <id> is an
// .../api/errors#... URL.
// The paper becomes a Document of one page: its abstract (<summary>).

#include "../modules/modules.hpp"
#include "parse_util.hpp"

#include <factcheck/sources/parsers.hpp>
#include <factcheck/sources/registry.hpp>
#include <factcheck/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <string>

namespace factcheck::sources {

namespace {

bool
is_arxiv_id(std::string_view id)
{
  // New style "2412.19437" (optionally "v1"), old style "hep-ex/0307015".
  return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.'
           || c == '-' || c == '/';
  });
}

class ArxivSource : public Source
{
public:
  std::string_view
  name() const override
  {
    return "arxiv";
  }

  std::string_view
  default_base_url() const override
  {
    return "https://export.arxiv.org";
  }

  Gives
  gives() const override
  {
    return Gives::document;
  }

  std::string_view
  description() const override
  {
    return "arXiv API, a paper's title, abstract and date as Atom XML "
           "(https://export.arxiv.org/api/query?id_list=ID); no key; at most 1 "
           "req / 3 s; terms https://info.arxiv.org/help/api/tou.html";
  }

  // arXiv's API terms: no more than one request every three seconds; over
  // that it may answer HTTP 200 with the body "Rate exceeded.".
  static http::Politeness
  politeness()
  {
    http::Politeness manners;
    manners.requests_per_second = 1.0 / 3.0;
    manners.throttle_body = "Rate exceeded.";
    manners.fresh_for = std::chrono::hours(24);
    return manners;
  }

  Expected<http::Request>
  request(std::string_view id, std::string_view base_url) const override
  {
    if (!is_arxiv_id(id)) {
      return unexpected(fmt::format("bad arXiv id \"{}\": expected e.g. 2412.19437", id));
    }
    return http::Request{fmt::format("{}/api/query?id_list={}",
                                     detail::without_trailing_slash(base_url),
                                     util::percent_encode(id)),
                         {},
                         politeness()};
  }

  Expected<Data>
  parse(std::string_view body,
        std::string_view /*content_type*/,
        std::string_view /*id*/) const override
  {
    return detail::to_data(parse_arxiv_atom(body));
  }
};

} // namespace

Expected<Document>
parse_arxiv_atom(std::string_view body)
{
  if (util::trim(body).starts_with("Rate exceeded")) {
    return unexpected("arXiv is throttling requests (\"Rate exceeded.\")");
  }
  const auto api = modules::doc();
  if (!api) {
    return unexpected(api.error());
  }
  auto entry = (*api)->atom_entry(body);
  if (!entry) {
    return unexpected(entry.error());
  }
  const auto& entry_id = entry->id;
  const auto& summary = entry->summary;
  if (entry_id.find("/api/errors") != std::string::npos) {
    return unexpected(fmt::format("arXiv error: {}", normalise_text(summary)));
  }
  const auto& published = entry->published;
  if (summary.empty()) {
    return unexpected("the <entry> has no <summary>");
  }
  Document document;
  document.title = normalise_text(entry->title);
  document.url = normalise_text(entry_id);
  // "2003-07-07T13:46:39-04:00": the date as arXiv states it, local to
  // arXiv's time zone.
  document.published = published.substr(0, std::min<std::size_t>(published.size(), 10));
  document.pages.push_back(Page{0, normalise_text(summary)});
  return document;
}

std::unique_ptr<Source>
make_arxiv_source()
{
  return std::make_unique<ArxivSource>();
}

} // namespace factcheck::sources
