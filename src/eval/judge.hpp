// Internal to src/eval/: what the per-family judges share. One judge per
// check family (judge_market.cpp, judge_document.cpp, judge_entity.cpp,
// judge_derived.cpp); evaluator.cpp picks one by the check's type. The text
// about the claimed quantity (number, difference, accepted range, verdict
// message) is built in judge_common.cpp only.
#pragma once

#include <factcheck/eval/evaluator.hpp>
#include <factcheck/model/check.hpp>
#include <factcheck/model/claim.hpp>
#include <factcheck/model/verdict.hpp>

#include <map>
#include <memory>
#include <string>
#include <string_view>

namespace factcheck::eval::detail {

// A verdict reached before the end of a judge; judging stops with it.
struct Stop
{
  Verdict verdict;
};

// One claim being judged: what it is, the data, the verdicts of the claims
// it derives from, and the verdict built so far.
class Context
{
public:
  Context(const Claim& claim,
          const Observations& observations,
          const std::map<std::string, Verdict>& inputs);

  const Claim& claim;
  const Observations& observations;
  const std::map<std::string, Verdict>& inputs;
  Verdict verdict;

  // Ends judging with `kind` and `message` (throws Stop).
  [[noreturn]] void stop(VerdictKind kind, std::string message);

  // The data fetched for `ref`, or an `error` stop saying why there is none.
  const Fetched& fetched(const SourceRef& ref);

  // Names `evidence` among the verdict's sources, once.
  void add_source(const std::shared_ptr<const SourceEvidence>& evidence);

  // The claimed quantity (the loader guarantees one for quantity kinds).
  const quantity::Quantity& claimed_quantity() const;
};

// judge_common.cpp: evidence text about the claimed quantity.

// Shortest text that round-trips: 118.42, 19341.830078125.
std::string number(double value);

// A difference between two figures: points for percentages.
std::string difference_text(double difference, quantity::Unit unit);
// The same, with digits enough for `resolution` and never a non-zero
// difference shown as 0.
std::string difference_text(double difference, quantity::Unit unit, double resolution);

// What the claim accepts: "more than $600bn", "16.5% to 17.5%".
std::string describe_accepted(const Context& ctx, const quantity::Quantity& q);

// How far `size` lies from what the claim accepts ("by how much").
std::string shortfall(const Context& ctx, const quantity::Quantity& q, double size);

// Compares the size of the measured figure with the claimed quantity and
// finishes the verdict. `what` names the figure ("a fall of", "").
void judge(Context& ctx, double size, std::string_view what, bool round_shown = false);

// The note comparing a second source's `value` with the `primary` figure
// against the claim's tolerance.
std::string corroboration_note(const Context& ctx,
                               const SourceRef& ref,
                               double value,
                               const SourceRef& primary_ref,
                               double primary);

// Compares an observed date with the claimed one at the precision both
// have, and finishes the verdict; `shown` is how the source gave it.
void judge_date(Context& ctx, const PartialDate& observed, std::string_view shown);

// An age: the whole years from a date of birth known to the day, month or
// year (`born`, shown as `shown`) to `on`. Every age the period allows must
// satisfy the claim for it to be supported, none may for it to be
// contradicted; otherwise it is unverifiable, saying where the birthday
// splits the period.
void judge_age(Context& ctx, const PartialDate& born, std::string_view shown, Date on);

// The judges, one per family: each finishes ctx.verdict or stops.
void judge_check(Context& ctx, const MarketLevelCheck& check);     // judge_market.cpp
void judge_check(Context& ctx, const MarketChangeCheck& check);    // judge_market.cpp
void judge_check(Context& ctx, const RecordCheck& check);          // judge_market.cpp
void judge_check(Context& ctx, const AverageCheck& check);         // judge_market.cpp
void judge_check(Context& ctx, const DocumentFigureCheck& check);  // judge_document.cpp
void judge_check(Context& ctx, const DocumentDateCheck& check);    // judge_document.cpp
void judge_check(Context& ctx, const DocumentListCheck& check);    // judge_document.cpp
void judge_check(Context& ctx, const DocumentPassageCheck& check); // judge_document.cpp
void judge_check(Context& ctx, const EntityPropertyCheck& check);  // judge_entity.cpp
void judge_check(Context& ctx, const DerivedCheck& check);         // judge_derived.cpp
void judge_check(Context& ctx, const UnverifiableCheck& check);    // evaluator.cpp
void judge_check(Context& ctx, const ShortSaleCheck& check);       // judge_short_sale.cpp
void judge_check(Context& ctx, const FilingFactCheck& check);      // judge_filing.cpp

} // namespace factcheck::eval::detail
