// The derived family: arithmetic over other claims' observed values.
#include "judge.hpp"

#include <factcheck/eval/formula.hpp>

#include <fmt/format.h>

#include <map>

namespace factcheck::eval::detail {

void
judge_check(Context& ctx, const DerivedCheck& check)
{
  std::map<std::string, double> values;
  std::string shown_inputs;
  for (const auto& [name, id] : check.inputs) {
    const auto it = ctx.inputs.find(id);
    if (it == ctx.inputs.end()) {
      ctx.stop(VerdictKind::error, fmt::format("input {} (claim \"{}\") was not judged", name, id));
    }
    const auto& input = it->second;
    if (!input.observed) {
      ctx.stop(input.kind == VerdictKind::error ? VerdictKind::error : VerdictKind::unverifiable,
               fmt::format(
                   "input {} (claim \"{}\") has no observed value: {}", name, id, input.message));
    }
    values[name] = *input.observed;
    ctx.verdict.evidence.notes.push_back(fmt::format("input {} = {} from claim \"{}\" ({}, {})",
                                                     name,
                                                     number(*input.observed),
                                                     id,
                                                     input.observed_text,
                                                     to_string(input.kind)));
    for (const auto& source : input.evidence.sources) {
      ctx.add_source(source);
    }
    shown_inputs +=
        fmt::format("{}{} = {}", shown_inputs.empty() ? "" : ", ", name, number(*input.observed));
  }
  const auto value = evaluate_formula(check.formula, values);
  if (!value) {
    ctx.stop(VerdictKind::error, fmt::format("formula \"{}\": {}", check.formula, value.error()));
  }
  ctx.verdict.observed = *value;
  ctx.verdict.observed_text = quantity::format_value(*value, ctx.verdict.unit);
  ctx.verdict.evidence.arithmetic =
      fmt::format("{} with {} = {}", check.formula, shown_inputs, fmt::format("{:.4g}", *value));
  judge(ctx, *value, "");
}

} // namespace factcheck::eval::detail
