#pragma once

#include <factcheck/model/date.hpp>
#include <factcheck/quantity/quantity.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace factcheck {

// What a claim measures (docs/catalogue.md, "Checks").
enum class CheckKind {
  close,              // the close on a date
  volume,             // the volume traded on a date
  change_pct,         // percent change from the previous trading day
  change,             // change from the previous trading day, in the series' unit
  market_cap,         // close x shares outstanding
  market_cap_change,  // change of close x shares outstanding
  largest_move_since, // "the largest drop since 2022"
  average_volume,     // mean volume of the N trading days before a date
  document_figure,    // the first quantity after an anchor phrase in a document
  document_date,      // the first date after an anchor phrase in a document
  document_age,       // whole years from that date (a birth) to a day
  document_list,      // names in the closed list after an anchor phrase
  document_passage,   // a recorded passage that supports or contradicts the claim
  entity_property,    // a Wikidata statement (P571 inception), with precision
  entity_age,         // whole years from a Wikidata date (P569 birth) to a day
  short_sale_ratio,   // short volume / total volume of a FINRA daily file
  filing_fact,        // a yearly value a company filed in XBRL (capital expenditure)
  derived,            // arithmetic over other claims' observed values
  unverifiable,       // no public source can settle it; `reason` says why
};

// Kinds that are judged the same way share a family: one check type and one
// judge (src/eval/judge_*.cpp) each. The order is that of the Check variant.
enum class CheckFamily {
  market_level,     // close, volume, market_cap
  market_change,    // change_pct, change, market_cap_change
  record,           // largest_move_since
  average,          // average_volume
  document_figure,  // document_figure
  document_date,    // document_date, document_age
  document_list,    // document_list
  document_passage, // document_passage
  entity_property,  // entity_property, entity_age
  derived,          // derived
  unverifiable,     // unverifiable
  short_sale,       // short_sale_ratio
  filing,           // filing_fact
};

// One row of the table of check kinds: everything the loader, explain and
// the reports need to know about a kind besides how it is judged.
struct CheckKindInfo
{
  CheckKind kind;
  std::string_view name; // as written in a catalogue: "change_pct"
  CheckFamily family;
  // Keys of the catalogue's check mapping, besides `kind`.
  std::vector<std::string_view> required;
  std::vector<std::string_view> optional;
  // The units a claimed quantity may be in. Empty, with any_unit false: the
  // kind measures no quantity (its claimed value is a date or text).
  std::vector<quantity::Unit> units;
  bool any_unit = false;
};

// Every kind, in the order messages list them.
const std::vector<CheckKindInfo>& check_kinds();

// The row for `kind`.
const CheckKindInfo& kind_info(CheckKind kind);

std::string_view to_string(CheckKind kind);
std::optional<CheckKind> parse_check_kind(std::string_view text);
std::string_view to_string(CheckFamily family);

// Whether a claim of `kind` states a quantity at all, and whether it may be
// in `unit`.
bool measures_quantity(CheckKind kind);
bool measures_unit(CheckKind kind, quantity::Unit unit);

// What a kind measures, in words for a message: "a percentage", "US
// dollars, points or a plain number"; "" for a kind that takes any unit or
// none.
std::string measured_units(CheckKind kind);

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

// The check types, one per family. Each holds the fields its kinds have and
// nothing else, so that nothing can print a field a kind does not have.

// close, volume, market_cap: one value of a daily series on a date.
struct MarketLevelCheck
{
  CheckKind kind = CheckKind::close;
  SourceRef series;
  Date date{};
  std::string field = "close";          // "volume" for a volume check
  std::optional<SourceRef> shares;      // market_cap: "sec:0001045810"
  std::optional<SourceRef> corroborate; // close, volume: a second source
};

// change_pct, change, market_cap_change: the move from a base row to a date.
struct MarketChangeCheck
{
  CheckKind kind = CheckKind::change_pct;
  SourceRef series;
  Date date{};
  std::optional<Date> base_date;         // instead of the previous row
  Direction direction = Direction::none; // after folding in the claimed sign
  std::string field = "close";
  std::optional<SourceRef> shares;      // market_cap_change
  std::optional<SourceRef> corroborate; // change_pct, change
};

// largest_move_since: whether a day's move is the largest since a period.
struct RecordCheck
{
  SourceRef series;
  Date date{};
  Direction direction = Direction::none;
  std::string field = "close";
};

// average_volume: the mean volume of the `days` trading days before `date`.
struct AverageCheck
{
  SourceRef series;
  Date date{};
  int days = 0;
};

// document_figure: the first quantity after `anchor` in `document`.
struct DocumentFigureCheck
{
  SourceRef document;
  std::string anchor;
};

// How a document's date bears on the claimed date.
enum class DateRelation {
  on, // the document's date is the claimed one, at the precision both have
  by, // the documented event happened by the claimed date: a release that
      // must precede what the claim says happened then
};

// document_date: the first date after `anchor` in `document`;
// document_age: the whole years from that date (a birth) to `on`.
struct DocumentDateCheck
{
  SourceRef document;
  std::string anchor;
  DateRelation relation = DateRelation::on;
  CheckKind kind = CheckKind::document_date;
  std::optional<Date> on; // document_age: the day the age is stated for
};

// document_list: whether `names` are all in the list after `anchor`.
struct DocumentListCheck
{
  SourceRef document;
  std::string anchor;
  std::vector<std::string> names;
};

// document_passage: a passage of `document` (the `anchor`) that says what
// settles the claim, in the catalogue writer's reading: it `supports` the
// claim (a release saying the thing) or `contradicts` it (a filing saying
// the company makes something else). The tool checks that the recorded
// document says it; the reading is the writer's, and reports show both.
struct DocumentPassageCheck
{
  SourceRef document;
  std::string anchor;
  bool supports = true;
};

// entity_property: a Wikidata statement, at its precision; entity_age: the
// whole years from that date to `on` (an age, from P569 date of birth).
struct EntityPropertyCheck
{
  SourceRef entity;
  std::string property; // "P571"
  CheckKind kind = CheckKind::entity_property;
  std::optional<Date> on; // entity_age: the day the age is stated for
};

// derived: a formula over named inputs, each the id of another claim whose
// observed value it takes ("cost / 2 / gpus / 24").
struct DerivedCheck
{
  std::string formula;
  std::vector<std::pair<std::string, std::string>> inputs; // name -> claim id
};

// Why a claim is unverifiable (docs/catalogue.md, "Unverifiable claims"):
// "no evidence" is not "needs paid data". Written in a catalogue as the
// `category:` of an unverifiable check; the judges give `data_gap` when the
// data read does not cover what a claim needs.
enum class UnverifiableCategory {
  none,                  // not unverifiable, or a draft not yet categorised
  paid_data,             // the figure is in data sold by vendors; no public copy
  no_public_record,      // no public record found either way: no evidence
  unattributed_quote,    // words or a figure credited to no findable source
  projection_or_opinion, // a forecast, an estimate or a judgement, not a fact
  ambiguous,             // the sentence does not say what would settle it
  data_gap,              // a public source settles it, but not the data read
};

// The machine name ("paid_data"); "" for none.
std::string_view to_string(UnverifiableCategory category);
// A category a catalogue may write; nullopt for anything else (none
// included).
std::optional<UnverifiableCategory> parse_unverifiable_category(std::string_view text);
// The names a catalogue may write, in order, for messages.
std::string known_unverifiable_categories();
// A few words for a reader: "needs paid data", "no public record".
std::string_view category_label(UnverifiableCategory category);

// unverifiable: no public source can settle it.
struct UnverifiableCheck
{
  std::string reason;
  UnverifiableCategory category = UnverifiableCategory::none;
};

// short_sale_ratio: ShortVolume / TotalVolume of `symbol` in a FINRA Reg
// SHO daily file ("finra:CNMSshvol20250127").
struct ShortSaleCheck
{
  SourceRef file;
  std::string symbol; // "NVDA"
};

// filing_fact: the value of an XBRL concept for the fiscal year ending on
// `end`, as the company's annual report (`form`) first filed it.
struct FilingFactCheck
{
  SourceRef facts; // "xbrl:0001326801/us-gaap/PaymentsToAcquirePropertyPlantAndEquipment"
  Date end{};
  std::string form = "10-K";
};

// The alternatives are in CheckFamily order.
using CheckSpec = std::variant<MarketLevelCheck,
                               MarketChangeCheck,
                               RecordCheck,
                               AverageCheck,
                               DocumentFigureCheck,
                               DocumentDateCheck,
                               DocumentListCheck,
                               DocumentPassageCheck,
                               EntityPropertyCheck,
                               DerivedCheck,
                               UnverifiableCheck,
                               ShortSaleCheck,
                               FilingFactCheck>;

// What a claim measures: one of the family types.
struct Check
{
  CheckSpec spec = UnverifiableCheck{};

  CheckKind kind() const;
  CheckFamily
  family() const
  {
    return static_cast<CheckFamily>(spec.index());
  }

  template <typename T>
  const T*
  get() const
  {
    return std::get_if<T>(&spec);
  }

  // The source references it reads, the main one first (series, document or
  // entity), then shares and corroborate; none for derived and unverifiable.
  std::vector<SourceRef> refs() const;
  // A derived check's inputs (name -> claim id); empty for every other kind.
  const std::vector<std::pair<std::string, std::string>>& inputs() const;
  // The date a market check is about; nullopt for kinds without one.
  std::optional<Date> date() const;
  // The direction of a move; none for kinds that measure no move.
  Direction direction() const;
};

} // namespace factcheck
