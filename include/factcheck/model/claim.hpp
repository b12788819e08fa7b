#pragma once

#include <factcheck/model/date.hpp>
#include <factcheck/quantity/quantity.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace factcheck {

// What a claim measures (DESIGN §4).
enum class CheckKind {
  close,              // the close on a date
  volume,             // the volume traded on a date
  change_pct,         // percent change from the previous trading day
  change,             // change in points from the previous trading day
  market_cap,         // close x shares outstanding
  market_cap_change,  // change of close x shares outstanding
  largest_move_since, // "the largest drop since 2022"
  average_volume,     // mean volume of the N trading days before a date
  document_figure,    // the first quantity after an anchor phrase in a document
  document_date,      // the first date after an anchor phrase in a document
  document_list,      // names in the closed list after an anchor phrase
  entity_property,    // a Wikidata statement (P571 inception), with precision
  derived,            // arithmetic over other claims' observed values
  unverifiable,       // no public source can settle it; `reason` says why
};

std::string_view to_string(CheckKind kind);
std::optional<CheckKind> parse_check_kind(std::string_view text);

// The direction of a move, from a sign on the claimed value or `direction:`.
enum class Direction { none, fall, rise };

std::string_view to_string(Direction direction);

// A reference to data at a source: "stooq:nvda.us" -> {"stooq", "nvda.us"}.
struct SourceRef
{
  std::string source;
  std::string id;

  std::string
  str() const
  {
    return source + ":" + id;
  }
  friend bool operator==(const SourceRef&, const SourceRef&) = default;
  friend auto operator<=>(const SourceRef&, const SourceRef&) = default;
};

struct Check
{
  CheckKind kind = CheckKind::unverifiable;
  SourceRef series;                     // market checks
  std::optional<SourceRef> corroborate; // a second source for the same figure
  std::optional<SourceRef> shares;      // market_cap*: "sec:0001045810"
  Date date{};                   // market checks; 0000-00-00 (not ok()) when the check has none
  std::optional<Date> base_date; // change*: instead of the previous row
  Direction direction = Direction::none; // after folding in the claimed sign
  std::string field = "close";           // price field: close, adjclose, ...
  int days = 0;                          // average_volume: window length
  std::string reason;                    // unverifiable: why
  std::string anchor;                    // document_*: the phrase to find
  std::vector<std::string> names;        // document_list: names the claim puts in the list
  std::string property;                  // entity_property: "P571"
  // derived: the formula over named inputs, each the id of another claim
  // whose observed value it takes ("cost / 2 / gpus / 24").
  std::string formula;
  std::vector<std::pair<std::string, std::string>> inputs; // name -> claim id
};

// The figure the article asserts: a quantity for most checks, a date for
// largest_move_since ("2022": the largest since 2022), document_date and
// entity_property ("2023-03": March 2023); document_list keeps the text.
struct Claimed
{
  std::string text;
  std::optional<quantity::Quantity> quantity;
  std::optional<PartialDate> since;
  std::optional<PartialDate> date;
};

// One claim of a catalogue, with where it was written (for file:line
// messages, SARIF and annotations).
struct Claim
{
  std::string id;
  std::string quote;
  std::string statement;
  std::string note;
  std::vector<std::string> tags;
  Check check;
  std::optional<Claimed> claimed;
  std::optional<quantity::Tolerance> tolerance;
  std::string tolerance_text;
  std::string file;
  int line = 0;
};

// The article a catalogue was taken from.
struct Article
{
  std::string title;
  std::string language;
  std::string published;
  std::string url;
  std::string author;
};

struct Catalogue
{
  std::string path; // as given ("-" for stdin)
  Article article;
  std::string recordings_dir; // resolved against the catalogue's folder
  std::vector<Claim> claims;
};

} // namespace factcheck
