#pragma once

#include <factcheck/util/expected.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace factcheck::quantity {

// How a claimed figure relates to the true one, from the qualifier the article
// used (docs/semantics.md, "Qualifiers").
enum class Comparator {
  as_written, // no qualifier: equal within the written precision
  approx,     // 約/约/近/大約/about/nearly/approximately/roughly: a full unit
  gt,         // 逾/超過/超过/more than/over: strictly above the value
  lt,         // 不到/少於/少于/less than/under: strictly below the value
  ge,         // 多/余/餘 after a number (十多萬): at least the value
};

// The unit a figure is stated in. Money is in whole units of its currency,
// percentages in percent (17 for 17%), counts as plain numbers.
enum class Unit {
  none,              // a plain count: 16,000 (chips), 160萬 (downloads)
  percent,           // 17%, 17 percent, 百分之十七, 三成
  percentage_points, // 個百分點, percentage points, pp: a change of a rate
  points,            // 點/点, points, pts: an index level or move
  usd,               // $, US$, 美元, USD
  hkd,               // 港元, 港幣, HK$
  cny,               // 人民幣, 元, RMB, CNY
  shares,            // 股, shares
  days,              // a span of time, in days: 56 days, 兩個月 (× 30.44)
};

// How a span of time was written; its value is always in days (Unit::days).
enum class Span { none, days, weeks, months, years };

// A tolerance written on a claim: absolute in the claim's unit ("0.5",
// "50億") or relative to the claimed value ("5%" -> relative = true, value 5).
struct Tolerance
{
  bool relative = false;
  double value = 0;
};

// A claimed figure as the article wrote it, parsed. A single value has
// low == high; a range ("8%-15%") has low < high. Values are in base units
// (6000億美元 -> 6e11, 3.2億股 -> 3.2e8, 17% -> 17).
struct Quantity
{
  Comparator comparator = Comparator::as_written;
  double low = 0;
  double high = 0;
  bool is_range = false;
  Unit unit = Unit::none;
  // Half a unit of the last significant digit as written, in base units, for
  // each end (docs/semantics.md, "Precision"): 17% -> 0.5, 3.2億 -> 5e6, 6000億 -> 5e10.
  double low_precision = 0;
  double high_precision = 0;
  // A sign written before the figure: -17% -> -1, +3% -> +1, 17% -> 0.
  // `low`/`high` hold the signed values.
  int sign = 0;
  // For Unit::days, the unit the article wrote ("two months": months), so
  // that evidence can say how it was converted.
  Span span = Span::none;
  std::string text; // the claimed string exactly as written
};

// Parses a claimed figure in English or Chinese (Traditional or Simplified):
// "-17%", "逾6000億美元", "近6000億美元", "約6000億美元", "3.2億股", "8000萬股",
// "8%-15%", "20%至30%", "$5.6 million", "$5.6M", "16,000", "十多萬".
// Returns an error message naming what could not be read.
Expected<Quantity> parse(std::string_view text);

// A figure found in running text: the quantity and its byte span.
struct Mention
{
  Quantity quantity;
  std::size_t begin = 0;
  std::size_t end = 0;
};

struct ScanOptions
{
  // Read "2024" and "2024年" as figures (a claim about a year); by default
  // they are dates, and skipped.
  bool years = false;
};

// The first figure at or after byte `from` of `text`, read by the same
// grammar as parse() (one value, not a range). Skipped: digits glued to a
// name ("H800", "DeepSeek-V3"), years (unless options.years), reference
// markers ("[12]"), a number alone on its line (a page number) and a lone
// Chinese numeral character inside a word. Footnote markers written as
// superscripts (¹, ²⁶) are not digits, so never figures.
std::optional<Mention>
find_quantity(std::string_view text, std::size_t from, const ScanOptions& options = {});

// The closed interval of true values that satisfy `claimed` (ignoring strict
// comparators, see satisfies): for as_written the written precision, for
// approx a full unit, or the explicit tolerance when given (docs/semantics.md).
// gt and ge give [low, +inf) and lt (-inf, low]; they take no tolerance.
struct Interval
{
  double low = 0;
  double high = 0;
};
Interval accepted_interval(const Quantity& claimed, const std::optional<Tolerance>& tolerance);

// Whether `observed` (in the claim's base unit) satisfies the claim. gt/lt
// are strict and ignore any tolerance; ge is inclusive; everything else uses
// accepted_interval.
bool satisfies(const Quantity& claimed, const std::optional<Tolerance>& tolerance, double observed);

// Parses a tolerance string: "0.5", "5%" (relative), "50億", "$10 billion".
Expected<Tolerance> parse_tolerance(std::string_view text);

// A short English rendering of a value in `unit`, for evidence lines:
// 592.658e9 USD -> "$592.66bn", 8.1883e8 shares -> "818,830,895 shares",
// -16.968 percent -> "-16.97%".
std::string format_value(double value, Unit unit);

// Like format_value, for the limits of what a claim accepts: trailing zeros
// dropped ("16.5%", "$600bn") and no unit word for shares, which the caller
// writes once after a range ("315,000,000 to 325,000,000 shares").
std::string format_limit(double value, Unit unit);

// The same with at least enough decimals that a step of `resolution` (in
// base units) shows: a claim of "US$410.924" is shown as "$410.9235 to
// $410.9245", not "$410.92 to $410.92". Digits beyond the usual ones are
// written only where the resolution needs them.
std::string format_value(double value, Unit unit, double resolution);
std::string format_limit(double value, Unit unit, double resolution);

// The resolution at which `claimed` must be shown so that its accepted
// interval never reads as a point: its finest written precision, or the
// tolerance when one is given.
double display_resolution(const Quantity& claimed, const std::optional<Tolerance>& tolerance);

// The resolution at which a non-zero `difference` shows as non-zero, no
// coarser than `resolution`.
double difference_resolution(double difference, double resolution);

// A spelling of `q` that parse() reads back to the same comparator, sign,
// unit, span, ends and precision ("more than 6000億 美元" may come back as
// "more than 6千億 USD"). Evidence and messages use it to show a claim with
// the precision it was read at.
std::string to_text(const Quantity& q);

std::string_view to_string(Comparator comparator);
std::string_view to_string(Unit unit);
std::string_view to_string(Span span);

// Days in one `span` (a month is 30.44 days, a year 365.25).
double days_per(Span span);

} // namespace factcheck::quantity
