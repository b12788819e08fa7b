// What every judge shares: the context of one judgement, and the one place
// where text about the claimed quantity is written (numbers, differences,
// the accepted range, the supported/contradicted message).
#include "judge.hpp"

#include <factcheck/eval/scan.hpp>

#include <fmt/format.h>

#include <cmath>

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
Context::add_source(const SourceEvidence& evidence)
{
  for (const auto& known : verdict.evidence.sources) {
    if (known.ref == evidence.ref) {
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
  const auto precision = shared_precision(claimed, observed);
  verdict.accepted =
      fmt::format("{} (compared to the {})", format_partial_date(claimed), precision);
  if (dates_agree(claimed, observed)) {
    verdict.kind = VerdictKind::supported;
    verdict.message =
        fmt::format("{} agrees with {} to the {}", shown, format_partial_date(claimed), precision);
  } else {
    verdict.kind = VerdictKind::contradicted;
    verdict.message = fmt::format(
        "{} is not {} (compared to the {})", shown, format_partial_date(claimed), precision);
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
