// The entity family: a Wikidata statement (a date such as P571 inception),
// compared at its precision, or the age in whole years it gives on a day
// (entity_age, from P569 date of birth). A date of year or month precision
// stands for every day of its period (docs/semantics.md, "Limited
// precision").
#include "judge.hpp"

#include <fmt/format.h>

#include <charconv>
#include <optional>

namespace factcheck::eval::detail {

namespace {

// A Wikidata time value ("+2023-07-17T00:00:00Z") cut to its precision
// (9 year, 10 month, 11 day); nullopt for other precisions or shapes.
std::optional<PartialDate>
wikidata_date(std::string_view time, int precision)
{
  if (precision < 9 || precision > 11 || time.size() < 11 || time[0] != '+' || time[5] != '-'
      || time[8] != '-') {
    return std::nullopt;
  }
  const auto field = [&](std::size_t at, std::size_t length) {
    int value = 0;
    std::from_chars(time.data() + at, time.data() + at + length, value);
    return value;
  };
  PartialDate date;
  date.year = field(1, 4);
  date.month = precision >= 10 ? static_cast<unsigned>(field(6, 2)) : 0;
  date.day = precision >= 11 ? static_cast<unsigned>(field(9, 2)) : 0;
  if ((precision >= 10 && (date.month < 1 || date.month > 12))
      || (precision >= 11 && (date.day < 1 || date.day > 31))) {
    return std::nullopt;
  }
  return date;
}

} // namespace

void
judge_check(Context& ctx, const EntityPropertyCheck& check)
{
  const auto& ref = check.entity;
  const auto& data = ctx.fetched(ref);
  const auto* entity = std::get_if<Entity>(&data.data);
  if (entity == nullptr) {
    ctx.stop(VerdictKind::error, fmt::format("{} is not a Wikidata entity", ref.str()));
  }
  ctx.add_source(data.evidence);
  ctx.verdict.evidence.series = ref.str();
  const auto& property = check.property;
  const auto it = entity->statements.find(property);
  if (it == entity->statements.end() || it->second.empty()) {
    ctx.stop(VerdictKind::unverifiable, fmt::format("{} states no {}", ref.str(), property));
  }
  // The preferred statement if there is one, else the first normal one.
  const Statement* chosen = nullptr;
  for (const auto& statement : it->second) {
    if (statement.rank == "preferred") {
      chosen = &statement;
      break;
    }
    if (chosen == nullptr && statement.rank != "deprecated") {
      chosen = &statement;
    }
  }
  if (chosen == nullptr) {
    ctx.stop(VerdictKind::unverifiable,
             fmt::format("{} has only deprecated {} statements", ref.str(), property));
  }
  // "+2023-07-17T00:00:00Z" at precision 9 (year), 10 (month), 11 (day);
  // the parts below the precision are zero ("+2023-07-00T00:00:00Z").
  const auto& time = chosen->value;
  const auto observed = wikidata_date(time, chosen->precision);
  if (!observed) {
    ctx.stop(VerdictKind::error,
             fmt::format("{} {}: \"{}\" is not a date of year, month or day precision",
                         ref.str(),
                         property,
                         time));
  }
  ctx.verdict.evidence.notes.push_back(fmt::format("{} {} = {} (precision {}, rank {})",
                                                   entity->id,
                                                   property,
                                                   time,
                                                   chosen->precision,
                                                   chosen->rank));
  const auto shown = fmt::format("{} {}", property, format_partial_date(*observed));
  if (check.kind == CheckKind::entity_age && check.on) {
    judge_age(ctx, *observed, shown, *check.on);
    return;
  }
  judge_date(ctx, *observed, shown);
}

} // namespace factcheck::eval::detail
