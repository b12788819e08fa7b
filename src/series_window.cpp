#include "series_window.hpp"

#include <algorithm>
#include <chrono>
#include <string>
#include <variant>

namespace factcheck::detail {

namespace {

// What a chart of one market claim needs to know about its check.
struct Wanted
{
  SourceRef ref;
  std::string field;
  Date date{};
  Date from{};         // the earliest day the chart must show
  bool record = false; // largest_move_since: the window back to `from` only
};

std::optional<Wanted>
wanted(const Claim& claim)
{
  const auto& check = claim.check;
  if (const auto* level = check.get<MarketLevelCheck>()) {
    return Wanted{level->series, level->field, level->date, level->date};
  }
  if (const auto* change = check.get<MarketChangeCheck>()) {
    return Wanted{
        change->series, change->field, change->date, change->base_date.value_or(change->date)};
  }
  if (const auto* record = check.get<RecordCheck>()) {
    if (!claim.claimed || !claim.claimed->since) {
      return std::nullopt;
    }
    const Date start{std::chrono::sys_days{claim.claimed->since->last_day()}
                     + std::chrono::days{1}};
    return Wanted{record->series, record->field, record->date, start, true};
  }
  if (const auto* average = check.get<AverageCheck>()) {
    return Wanted{average->series, "volume", average->date, average->date};
  }
  return std::nullopt;
}

} // namespace

std::optional<SeriesWindow>
series_window(const Claim& claim, const Verdict& verdict, const eval::Observations& observations)
{
  auto want = wanted(claim);
  if (!want || verdict.kind == VerdictKind::error) {
    return std::nullopt;
  }
  // Only a series the verdict read rows of: a claim stopped before (no row
  // on its date, a source that failed) has nothing to draw around.
  const auto name = want->ref.str();
  bool read = false;
  for (const auto& row : verdict.evidence.rows) {
    if (row.series == name && row.field == want->field) {
      read = true;
      want->from = std::min(want->from, row.date);
    }
  }
  const auto it = observations.find(want->ref);
  if (!read || it == observations.end() || !it->second) {
    return std::nullopt;
  }
  const auto* series = std::get_if<Series>(&it->second->data);
  if (series == nullptr || series->rows.empty()) {
    return std::nullopt;
  }
  const auto& rows = series->rows;
  const auto first_on_or_after = [&rows](Date day) {
    return static_cast<std::size_t>(
        std::lower_bound(
            rows.begin(), rows.end(), day, [](const Row& row, Date d) { return row.date < d; })
        - rows.begin());
  };
  const std::size_t first = std::min(first_on_or_after(want->from), rows.size() - 1);
  const std::size_t after =
      first_on_or_after(Date{std::chrono::sys_days{want->date} + std::chrono::days{1}});
  const std::size_t last = after == 0 ? 0 : after - 1;
  // A record's first move needs the row before the window; the other charts
  // show a month either side.
  const std::size_t before = want->record ? 1 : k_window_days;
  const std::size_t lo = first >= before ? first - before : 0;
  const std::size_t hi = want->record ? last : std::min(rows.size() - 1, last + k_window_days);

  SeriesWindow window{name, want->field, {}};
  for (std::size_t k = lo; k <= hi; ++k) {
    if (const auto value = field_value(rows[k], want->field)) {
      window.points.push_back(SeriesPoint{rows[k].date, *value});
    }
  }
  return window;
}

} // namespace factcheck::detail
