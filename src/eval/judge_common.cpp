// What every judge shares: the context of one judgement, and the one place
// where text about the claimed quantity is written (numbers, differences,
// the accepted range, the supported/contradicted message).
#include "judge.hpp"

#include <factcheck/eval/scan.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <utility>

namespace factcheck::eval::detail {

using quantity::Comparator;
using quantity::Unit;

Context::Context(const Claim& claim_,
                 const Observations& observations_,
                 const std::map<std::string, Verdict>& inputs_)
    : claim(claim_), observations(observations_), inputs(inputs_)
{
  verdict.claim_id = claim.id;
  if (claim.claimed && claim.claimed->quantity) {
    verdict.unit = claim.claimed->quantity->unit;
  }
}

void
Context::stop(VerdictKind kind, std::string message)
{
  verdict.kind = kind;
  verdict.message = std::move(message);
  throw Stop{std::move(verdict)};
}

const Fetched&
Context::fetched(const SourceRef& ref)
{
  const auto it = observations.find(ref);
  if (it == observations.end()) {
    stop(VerdictKind::error, fmt::format("{}: not fetched", ref.str()));
  }
  if (!it->second) {
    stop(VerdictKind::error, fmt::format("{}: {}", ref.str(), it->second.error()));
  }
  return *it->second;
}

void
Context::add_source(const std::shared_ptr<const SourceEvidence>& evidence)
{
  for (const auto& known : verdict.evidence.sources) {
    if (known->ref == evidence->ref) {
      return;
    }
  }
  verdict.evidence.sources.push_back(evidence);
}

const quantity::Quantity&
Context::claimed_quantity() const
{
  return *claim.claimed->quantity;
}

std::string
number(double value)
{
  // Shortest representation that round-trips: 118.42, 19341.830078125.
  return fmt::format("{}", value);
}

namespace {

// A span of time is compared in days but shown in the unit the article
// wrote: "1.86 months", with the conversion said once in the message.
bool
shown_as_span(const quantity::Quantity& q)
{
  return q.unit == Unit::days && q.span != quantity::Span::days && q.span != quantity::Span::none;
}

std::string
in_claim_unit(double value, const quantity::Quantity& q, double resolution, bool limit)
{
  if (shown_as_span(q)) {
    const double per = quantity::days_per(q.span);
    return fmt::format("{} {}",
                       quantity::format_limit(value / per, Unit::none, resolution / per),
                       quantity::to_string(q.span));
  }
  return limit ? quantity::format_limit(value, q.unit, resolution)
               : quantity::format_value(value, q.unit, resolution);
}

std::string
span_note(const quantity::Quantity& q)
{
  if (!shown_as_span(q)) {
    return "";
  }
  const std::string_view one = q.span == quantity::Span::weeks    ? "week"
                               : q.span == quantity::Span::months ? "month"
                                                                  : "year";
  return fmt::format("; compared in days, 1 {} = {} days", one, quantity::days_per(q.span));
}

} // namespace

std::string
difference_text(double difference, Unit unit)
{
  return difference_text(difference, unit, 0);
}

std::string
difference_text(double difference, Unit unit, double resolution)
{
  const double step = quantity::difference_resolution(difference, resolution);
  if (unit == Unit::percent) {
    // A distance between two percentages is in percentage points.
    return quantity::format_value(difference, Unit::percentage_points, step);
  }
  if (unit == Unit::shares) {
    return quantity::format_value(std::round(difference), unit);
  }
  return quantity::format_value(difference, unit, step);
}

std::string
describe_accepted(const Context& ctx, const quantity::Quantity& q)
{
  const double resolution = quantity::display_resolution(q, ctx.claim.tolerance);
  const auto format = [&](double v) { return in_claim_unit(v, q, resolution, true); };
  const std::string_view unit_word = q.unit == Unit::shares ? " shares" : "";
  switch (q.comparator) {
  case Comparator::gt:
    return fmt::format("more than {}{}", format(q.low), unit_word);
  case Comparator::lt:
    return fmt::format("less than {}{}", format(q.low), unit_word);
  case Comparator::ge:
    return fmt::format("at least {}{}", format(q.low), unit_word);
  case Comparator::as_written:
  case Comparator::approx:
    break;
  }
  const auto interval = quantity::accepted_interval(q, ctx.claim.tolerance);
  if (shown_as_span(q)) {
    // "1.5 to 2.5 months", the unit once.
    const double per = quantity::days_per(q.span);
    return fmt::format("{} to {}",
                       quantity::format_limit(interval.low / per, Unit::none, resolution / per),
                       format(interval.high));
  }
  return fmt::format("{} to {}{}", format(interval.low), format(interval.high), unit_word);
}

std::string
shortfall(const Context& ctx, const quantity::Quantity& q, double size)
{
  double distance = 0;
  if (q.comparator == Comparator::gt || q.comparator == Comparator::ge) {
    distance = q.low - size;
  } else if (q.comparator == Comparator::lt) {
    distance = size - q.low;
  } else {
    const auto interval = quantity::accepted_interval(q, ctx.claim.tolerance);
    distance = size < interval.low ? interval.low - size : size - interval.high;
  }
  const double resolution = quantity::display_resolution(q, ctx.claim.tolerance);
  if (shown_as_span(q)) {
    const double per = quantity::days_per(q.span);
    return in_claim_unit(distance, q, quantity::difference_resolution(distance, resolution), true)
           + fmt::format(" ({} days)", quantity::format_limit(distance, Unit::none, 0.5 / per));
  }
  return difference_text(distance, q.unit, resolution);
}

void
judge(Context& ctx, double size, std::string_view what, bool round_shown)
{
  auto& verdict = ctx.verdict;
  const auto& q = ctx.claimed_quantity();
  const auto accepted = describe_accepted(ctx, q);
  verdict.accepted = what.empty() ? accepted : fmt::format("{} {}", what, accepted);
  const double resolution = quantity::display_resolution(q, ctx.claim.tolerance);
  std::string shown = in_claim_unit(round_shown ? std::round(size) : size, q, resolution, false);
  if (shown_as_span(q)) {
    shown += fmt::format(" ({} days)", quantity::format_limit(size, Unit::none, 0.01));
  }
  const bool bound = q.comparator == Comparator::gt || q.comparator == Comparator::lt
                     || q.comparator == Comparator::ge;
  if (quantity::satisfies(q, ctx.claim.tolerance, size)) {
    verdict.kind = VerdictKind::supported;
    verdict.message = fmt::format("{}{}{} is within {}",
                                  what,
                                  what.empty() ? "" : " ",
                                  shown,
                                  verdict.accepted.substr(what.empty() ? 0 : what.size() + 1));
    if (bound) {
      verdict.message = fmt::format("{}{}{} is {}", what, what.empty() ? "" : " ", shown, accepted);
    }
  } else {
    verdict.kind = VerdictKind::contradicted;
    verdict.message = fmt::format("{}{}{} is not {}{} ({} off)",
                                  what,
                                  what.empty() ? "" : " ",
                                  shown,
                                  bound ? "" : "within ",
                                  accepted,
                                  shortfall(ctx, q, size));
  }
  verdict.message += span_note(q);
}

void
judge_date(Context& ctx, const PartialDate& observed, std::string_view shown)
{
  auto& verdict = ctx.verdict;
  const auto& claimed = *ctx.claim.claimed->date;
  verdict.observed_text = format_partial_date(observed);
  verdict.observed_date = observed;
  const auto precision = shared_precision(claimed, observed);
  verdict.accepted =
      fmt::format("{} (compared to the {})", format_partial_date(claimed), precision);
  // An observed date is the whole period its precision allows (docs/
  // semantics.md, "Limited precision"): a year stands for every day of it.
  // One coarser than the claim that overlaps it holds the claimed period for
  // part of its days only, which settles nothing.
  const auto rank = [](const PartialDate& d) { return d.month == 0 ? 0 : d.day == 0 ? 1 : 2; };
  if (dates_agree(claimed, observed) && rank(observed) < rank(claimed)) {
    verdict.kind = VerdictKind::unverifiable;
    verdict.message = fmt::format("{} gives only the {} ({}), which covers {} for part of its "
                                  "days only: the claim needs the {}",
                                  shown,
                                  rank(observed) == 0 ? "year" : "month",
                                  format_partial_date(observed),
                                  format_partial_date(claimed),
                                  rank(claimed) == 1 ? "month" : "day");
  } else if (dates_agree(claimed, observed)) {
    verdict.kind = VerdictKind::supported;
    verdict.message =
        fmt::format("{} agrees with {} to the {}", shown, format_partial_date(claimed), precision);
  } else {
    verdict.kind = VerdictKind::contradicted;
    verdict.message = fmt::format(
        "{} is not {} (compared to the {})", shown, format_partial_date(claimed), precision);
  }
}

namespace {

// Whole years from `born` to `on`: the birthday counts from its own day.
int
age_on(Date born, Date on)
{
  int years = static_cast<int>(on.year()) - static_cast<int>(born.year());
  if (std::pair(static_cast<unsigned>(on.month()), static_cast<unsigned>(on.day()))
      < std::pair(static_cast<unsigned>(born.month()), static_cast<unsigned>(born.day()))) {
    --years;
  }
  return years;
}

std::string
ages_text(int low, int high)
{
  return low == high ? fmt::format("{}", low) : fmt::format("{} or {}", low, high);
}

} // namespace

void
judge_age(Context& ctx, const PartialDate& born, std::string_view shown, Date on)
{
  auto& verdict = ctx.verdict;
  const Date first = born.first_day();
  if (first > on) {
    ctx.stop(VerdictKind::unverifiable,
             fmt::format("{}: a date after {}, so no age on that day", shown, format_date(on)));
  }
  const Date last = std::min(born.last_day(), on);
  const int oldest = age_on(first, on);
  const int youngest = age_on(last, on);
  const auto& q = ctx.claimed_quantity();
  const auto accepted = describe_accepted(ctx, q);
  verdict.accepted = fmt::format("an age of {} on {}", accepted, format_date(on));
  verdict.observed_text = fmt::format("aged {}", ages_text(youngest, oldest));
  if (youngest == oldest) {
    verdict.observed = oldest;
  }
  int holding = 0;
  for (int age = youngest; age <= oldest; ++age) {
    holding += quantity::satisfies(q, ctx.claim.tolerance, age) ? 1 : 0;
  }
  const int ages = oldest - youngest + 1;
  verdict.evidence.arithmetic =
      youngest == oldest ? fmt::format(
          "{} to {} = {} whole years", format_partial_date(born), format_date(on), oldest)
                         : fmt::format("{} to {}: {} whole years if born on {}, {} if born on {}",
                                       format_partial_date(born),
                                       format_date(on),
                                       oldest,
                                       format_date(first),
                                       youngest,
                                       format_date(last));
  if (holding == ages) {
    verdict.kind = VerdictKind::supported;
    verdict.message = fmt::format("{}: aged {} on {}, which is {}",
                                  shown,
                                  ages_text(youngest, oldest),
                                  format_date(on),
                                  accepted);
  } else if (holding == 0) {
    verdict.kind = VerdictKind::contradicted;
    verdict.message = fmt::format(
        "{}: aged {} on {}, not {}", shown, ages_text(youngest, oldest), format_date(on), accepted);
  } else {
    // The birthday splits the period: say where.
    const Date birthday{born.first_day().year(), on.month(), on.day()};
    verdict.kind = VerdictKind::unverifiable;
    verdict.message = fmt::format(
        "{} is known only to the {}: on {} the person was {} if born on or before {} and {} if "
        "born after it, so the claimed \"{}\" holds for part of that {} only",
        shown,
        born.month == 0 ? "year" : "month",
        format_date(on),
        oldest,
        format_partial_date_in_words(PartialDate{static_cast<int>(birthday.year()),
                                                 static_cast<unsigned>(birthday.month()),
                                                 static_cast<unsigned>(birthday.day())}),
        youngest,
        ctx.claim.claimed->text,
        born.month == 0 ? "year" : "month");
  }
}

std::string
corroboration_note(const Context& ctx,
                   const SourceRef& ref,
                   double value,
                   const SourceRef& primary_ref,
                   double primary)
{
  const auto& q = ctx.claimed_quantity();
  const auto interval = quantity::accepted_interval(q, ctx.claim.tolerance);
  const double allowed = (interval.high - interval.low) / 2;
  const double difference = std::abs(value - primary);
  return fmt::format("corroboration: {} gives {} against {} from {} (difference {}); "
                     "{}",
                     ref.str(),
                     quantity::format_value(value, q.unit),
                     quantity::format_value(primary, q.unit),
                     primary_ref.str(),
                     difference_text(difference, q.unit),
                     difference <= allowed
                         ? fmt::format("the sources agree within the tolerance (±{})",
                                       difference_text(allowed, q.unit))
                         : fmt::format("the sources DISAGREE by more than the tolerance (±{})",
                                       difference_text(allowed, q.unit)));
}

} // namespace factcheck::eval::detail
