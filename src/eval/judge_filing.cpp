// The filing family: a yearly value a company filed in XBRL (capital
// expenditure, us-gaap:PaymentsToAcquirePropertyPlantAndEquipment), read from
// SEC's companyconcept (sources/xbrl.cpp). The value is the one for the
// fiscal year ending on the check's `end`: a duration of about a year in US
// dollars, as the first annual report (`form`, 10-K) that gave it filed it;
// later reports repeat it as a comparative.
#include "judge.hpp"

#include <fmt/format.h>

#include <chrono>

namespace factcheck::eval::detail {

void
judge_check(Context& ctx, const FilingFactCheck& check)
{
  const auto& ref = check.facts;
  const auto& data = ctx.fetched(ref);
  const auto* facts = std::get_if<XbrlFacts>(&data.data);
  if (facts == nullptr) {
    ctx.stop(VerdictKind::error, fmt::format("{} is not a set of XBRL facts", ref.str()));
  }
  ctx.add_source(data.evidence);
  auto& verdict = ctx.verdict;
  verdict.evidence.series = ref.str();
  verdict.evidence.field = facts->tag;
  const XbrlFact* chosen = nullptr;
  for (const auto& fact : facts->facts) {
    if (fact.unit != "USD" || fact.end != check.end || !fact.start || fact.form != check.form) {
      continue;
    }
    const auto days =
        (std::chrono::sys_days{fact.end} - std::chrono::sys_days{*fact.start}).count();
    if (days < 350 || days > 380) {
      continue;
    }
    if (chosen == nullptr || fact.filed < chosen->filed) {
      chosen = &fact;
    }
  }
  if (chosen == nullptr) {
    ctx.stop(VerdictKind::unverifiable,
             fmt::format("{} has no yearly USD value ending {} in a {}",
                         ref.str(),
                         format_date(check.end),
                         check.form));
  }
  verdict.evidence.rows.push_back(UsedRow{ref.str(), chosen->end, facts->tag, chosen->value});
  verdict.observed = chosen->value;
  verdict.observed_text = quantity::format_value(chosen->value, quantity::Unit::usd);
  verdict.evidence.arithmetic = fmt::format("{}:{}, {}..{}, {} filed {} (accession {}) = {}",
                                            facts->taxonomy,
                                            facts->tag,
                                            format_date(*chosen->start),
                                            format_date(chosen->end),
                                            chosen->form,
                                            chosen->filed,
                                            chosen->accession,
                                            number(chosen->value));
  judge(ctx, chosen->value, "");
}

} // namespace factcheck::eval::detail
