#include <factcheck/sources/registry.hpp>

#include <fmt/format.h>

#include <array>
#include <cstddef>
#include <exception>
#include <memory>

namespace factcheck::sources {

namespace {

using Factory = std::unique_ptr<Source> (*)();

// The built-in sources. An explicit table rather than static
// self-registration, which a linker may silently drop from a static library.
constexpr std::array<Factory, 10> k_factories{
    &make_fred_source,
    &make_stooq_source,
    &make_yahoo_source,
    &make_sec_source,
    &make_xbrl_source,
    &make_finra_source,
    &make_arxiv_source,
    &make_wikipedia_source,
    &make_wikidata_source,
    &make_document_source,
};

struct Table
{
  std::array<std::unique_ptr<Source>, k_factories.size()> owned;
  std::array<const Source*, k_factories.size()> pointers{};
};

const Table&
table()
{
  // Made once, on first use; sources are stateless, so sharing is safe.
  static const Table instance = [] {
    Table made;
    for (std::size_t i = 0; i < k_factories.size(); ++i) {
      made.owned[i] = k_factories[i]();
      made.pointers[i] = made.owned[i].get();
    }
    return made;
  }();
  return instance;
}

} // namespace

std::span<const Source* const>
all()
{
  return table().pointers;
}

const Source*
find(std::string_view name)
{
  for (const Source* source : all()) {
    if (source->name() == name) {
      return source;
    }
  }
  return nullptr;
}

Expected<Data>
parse_safely(const Source& source,
             std::string_view body,
             std::string_view content_type,
             std::string_view id)
{
  try {
    return source.parse(body, content_type, id);
  } catch (const std::exception& e) {
    return unexpected(fmt::format("could not read the response: {}", e.what()));
  }
}

} // namespace factcheck::sources
