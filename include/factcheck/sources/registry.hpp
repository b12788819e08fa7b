#pragma once

#include <factcheck/sources/source.hpp>

#include <span>
#include <string_view>

namespace factcheck::sources {

// The built-in sources, in the order `factcheck sources` lists them.
std::span<const Source* const> all();

// The source named `name`, or nullptr.
const Source* find(std::string_view name);

// Factories, one per file in src/sources/.
std::unique_ptr<Source> make_fred_source();
std::unique_ptr<Source> make_stooq_source();
std::unique_ptr<Source> make_finra_source();
std::unique_ptr<Source> make_yahoo_source();
std::unique_ptr<Source> make_sec_source();
std::unique_ptr<Source> make_xbrl_source();
std::unique_ptr<Source> make_arxiv_source();
std::unique_ptr<Source> make_wikipedia_source();
std::unique_ptr<Source> make_wikidata_source();
std::unique_ptr<Source> make_document_source();

} // namespace factcheck::sources
