// Picks the judge for a claim's check family (src/eval/judge_*.cpp).
#include "judge.hpp"

#include <factcheck/eval/evaluator.hpp>

namespace factcheck::eval {

namespace detail {

void
judge_check(Context& ctx, const UnverifiableCheck& check)
{
  ctx.verdict.kind = VerdictKind::unverifiable;
  ctx.verdict.category = check.category;
  // The category leads the reason, so that every report, whatever it
  // prints, says which kind of unverifiable this is (once: a reason that
  // opens with the same words keeps them).
  const auto label = category_label(check.category);
  ctx.verdict.message = label.empty() || std::string_view(check.reason).starts_with(label)
                            ? check.reason
                            : std::string(label) + ": " + check.reason;
}

} // namespace detail

namespace {

// The category of a verdict a judge made unverifiable: a derived claim's
// comes from the input that left it without a value; any other claim's
// data did not cover what it needs.
UnverifiableCategory
judged_category(const Claim& claim, const std::map<std::string, Verdict>& inputs)
{
  for (const auto& input : claim.check.inputs()) {
    const auto it = inputs.find(input.second);
    if (it != inputs.end() && it->second.kind == VerdictKind::unverifiable
        && it->second.category != UnverifiableCategory::none) {
      return it->second.category;
    }
  }
  return UnverifiableCategory::data_gap;
}

Verdict
categorised(Verdict verdict, const Claim& claim, const std::map<std::string, Verdict>& inputs)
{
  if (verdict.kind != VerdictKind::unverifiable) {
    verdict.category = UnverifiableCategory::none;
  } else if (verdict.category == UnverifiableCategory::none
             && claim.check.kind() != CheckKind::unverifiable) {
    verdict.category = judged_category(claim, inputs);
  }
  return verdict;
}

} // namespace

std::vector<SourceRef>
needed_refs(const Claim& claim)
{
  return claim.check.refs();
}

Verdict
evaluate(const Claim& claim, const Observations& observations)
{
  static const std::map<std::string, Verdict> k_none;
  return evaluate(claim, observations, k_none);
}

Verdict
evaluate(const Claim& claim,
         const Observations& observations,
         const std::map<std::string, Verdict>& inputs)
{
  detail::Context ctx(claim, observations, inputs);
  try {
    // One overload per family: a family without a judge does not compile.
    std::visit([&ctx](const auto& check) { detail::judge_check(ctx, check); }, claim.check.spec);
  } catch (detail::Stop& stop) {
    return categorised(std::move(stop.verdict), claim, inputs);
  }
  return categorised(std::move(ctx.verdict), claim, inputs);
}

} // namespace factcheck::eval
