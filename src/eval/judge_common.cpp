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

std::string
difference_text(double difference, Unit unit)
{
  if (unit == Unit::percent) {
    return fmt::format("{:.2f} points", difference);
  }
  if (unit == Unit::shares) {
    return quantity::format_value(std::round(difference), unit);
  }
  return quantity::format_value(difference, unit);
}

std::string
describe_accepted(const Context& ctx, const quantity::Quantity& q)
{
  const auto format = [&](double v) { return quantity::format_limit(v, q.unit); };
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
  return difference_text(distance, q.unit);
}

void
judge(Context& ctx, double size, std::string_view what, bool round_shown)
{
  auto& verdict = ctx.verdict;
  const auto& q = ctx.claimed_quantity();
  const auto accepted = describe_accepted(ctx, q);
  verdict.accepted = what.empty() ? accepted : fmt::format("{} {}", what, accepted);
  const auto shown = quantity::format_value(round_shown ? std::round(size) : size, q.unit);
  if (quantity::satisfies(q, ctx.claim.tolerance, size)) {
    verdict.kind = VerdictKind::supported;
    verdict.message = fmt::format("{}{}{} is within {}",
                                  what,
                                  what.empty() ? "" : " ",
                                  shown,
                                  verdict.accepted.substr(what.empty() ? 0 : what.size() + 1));
    if (q.comparator == Comparator::gt || q.comparator == Comparator::lt
        || q.comparator == Comparator::ge) {
      verdict.message = fmt::format("{}{}{} is {}", what, what.empty() ? "" : " ", shown, accepted);
    }
  } else {
    verdict.kind = VerdictKind::contradicted;
    verdict.message = fmt::format("{}{}{} is not {}{} ({} off)",
                                  what,
                                  what.empty() ? "" : " ",
                                  shown,
                                  q.comparator == Comparator::gt || q.comparator == Comparator::lt
                                          || q.comparator == Comparator::ge
                                      ? ""
                                      : "within ",
                                  accepted,
                                  shortfall(ctx, q, size));
  }
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
