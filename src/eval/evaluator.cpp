// Picks the judge for a claim's check family (src/eval/judge_*.cpp).
#include "judge.hpp"

#include <factcheck/eval/evaluator.hpp>

namespace factcheck::eval {

namespace detail {

void
judge_check(Context& ctx, const UnverifiableCheck& check)
{
  ctx.verdict.kind = VerdictKind::unverifiable;
  ctx.verdict.message = check.reason;
}

} // namespace detail

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
    return std::move(stop.verdict);
  }
  return std::move(ctx.verdict);
}

} // namespace factcheck::eval
