#pragma once

#include <factcheck/http/client.hpp>
#include <factcheck/model/run.hpp>
#include <factcheck/util/expected.hpp>

#include <memory>
#include <string>
#include <string_view>
#include <variant>

namespace factcheck::sources {

// What a source's parser produces (model/run.hpp).
using Data = factcheck::Data;

// Which kind of Data a source gives, so that a catalogue naming a document
// source as a price series is refused when it is loaded, not when it runs.
enum class Gives { series, shares, document, entity, short_sales, facts };

// A public data source. To support a new one, implement this interface in
// src/sources/<name>.cpp, expose a make_<name>_source() factory and add one
// line to the table in src/sources/registry.cpp.
//
// A source is two pure halves: request() builds the canonical request for an
// identifier (the whole series, so claims share it) and parse() turns a body
// into typed data. Neither touches the network; the caller fetches.
class Source
{
public:
  virtual ~Source() = default;

  // The prefix used in catalogues: "fred" in "fred:NASDAQCOM".
  virtual std::string_view name() const = 0;
  // The default base URL, e.g. "https://fred.stlouisfed.org".
  virtual std::string_view default_base_url() const = 0;
  // One line for `factcheck sources`: endpoint, limits, terms.
  virtual std::string_view description() const = 0;
  // The kind of data parse() gives.
  virtual Gives gives() const = 0;

  // Builds the request for `id` against `base_url` (no trailing slash).
  // Every identifier is percent-encoded. Returns an error for an identifier
  // the source cannot have (empty, wrong shape).
  virtual Expected<http::Request> request(std::string_view id, std::string_view base_url) const = 0;

  // Parses a 2xx response body for `id`, served as `content_type` (the
  // Content-Type header, possibly empty; document sources choose their
  // parser by it). Returns an error saying what was wrong (an HTML page
  // where CSV was expected, a missing column, a bad row).
  virtual Expected<Data>
  parse(std::string_view body, std::string_view content_type, std::string_view id) const = 0;
};

// Parses with `source`, turning anything its parser throws (a bug, or
// memory) into an error value: the one boundary where bytes from the world
// meet a parser, shared by verify and record.
Expected<Data> parse_safely(const Source& source,
                            std::string_view body,
                            std::string_view content_type,
                            std::string_view id);

} // namespace factcheck::sources
