// The market families: a level on a date (close, volume, market_cap), a
// change (change_pct, change, market_cap_change), a record move
// (largest_move_since) and an average (average_volume), all read from daily
// series.
#include "judge.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <optional>
#include <vector>

namespace factcheck::eval::detail {

using quantity::Unit;

namespace {

std::string
weekday_name(Date date)
{
  static constexpr std::array<std::string_view, 7> k_names{
      "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
  return std::string(k_names[std::chrono::weekday{std::chrono::sys_days{date}}.c_encoding()]);
}

std::string
coverage(const Series& s)
{
  if (s.rows.empty()) {
    return "no rows";
  }
  return fmt::format(
      "rows {}..{}", format_date(s.rows.front().date), format_date(s.rows.back().date));
}

// The daily series behind `ref`, named among the verdict's sources.
const Series&
series(Context& ctx, const SourceRef& ref)
{
  const auto& data = ctx.fetched(ref);
  const auto* s = std::get_if<Series>(&data.data);
  if (s == nullptr) {
    ctx.stop(VerdictKind::error, fmt::format("{} is not a daily series", ref.str()));
  }
  ctx.add_source(data.evidence);
  if (ctx.verdict.evidence.series.empty()) {
    ctx.verdict.evidence.series = ref.str();
  }
  return *s;
}

// The row for `date`, or an `unverifiable` stop saying why there is none.
const Row&
row_on(Context& ctx, const Series& s, const SourceRef& ref, Date date)
{
  const auto* row = s.find(date);
  if (row != nullptr) {
    return *row;
  }
  if (s.rows.empty() || date < s.rows.front().date || date > s.rows.back().date) {
    ctx.stop(
        VerdictKind::unverifiable,
        fmt::format(
            "{} does not cover {}: the data holds {}", ref.str(), format_date(date), coverage(s)));
  }
  ctx.stop(VerdictKind::unverifiable,
           fmt::format("{} has no row for {} ({}): no trading that day",
                       ref.str(),
                       format_date(date),
                       weekday_name(date)));
}

// The row a change is measured from: `base_date`, or the previous row.
const Row&
base_row(Context& ctx,
         const Series& s,
         const SourceRef& ref,
         Date date,
         const std::optional<Date>& base_date)
{
  if (base_date) {
    return row_on(ctx, s, ref, *base_date);
  }
  const auto* row = s.previous(date);
  if (row == nullptr) {
    ctx.stop(VerdictKind::unverifiable,
             fmt::format("{} does not cover the trading day before {}: the data "
                         "holds {}",
                         ref.str(),
                         format_date(date),
                         coverage(s)));
  }
  return *row;
}

double
value_of(Context& ctx, const Row& row, const SourceRef& ref, std::string_view field)
{
  const auto value = field_value(row, field);
  if (!value) {
    ctx.stop(VerdictKind::unverifiable,
             fmt::format("{} has no {} value for {}", ref.str(), field, format_date(row.date)));
  }
  ctx.verdict.evidence.rows.push_back(UsedRow{ref.str(), row.date, std::string(field), *value});
  return *value;
}

// A price of $1 or more that is not a whole number of cents was not traded
// at: a source computed it (a split or dividend adjustment).
bool
whole_cents(double price)
{
  const double cents = price * 100;
  return std::abs(cents - std::round(cents)) < 1e-6 * std::max(1.0, std::abs(cents));
}

// A level judged on an adjusted close says so: in a note naming what the
// source did to its closes, and in the message when the close itself shows
// it (not a whole number of cents) or the field is a dividend-adjusted one.
void
note_adjustment(
    Context& ctx, const Series& s, const SourceRef& ref, std::string_view field, double price)
{
  if (field == "adjclose") {
    ctx.verdict.evidence.notes.push_back(fmt::format(
        "{} adjclose is dividend-adjusted: not the close as traded or as the press quotes it",
        ref.str()));
    ctx.verdict.message += "; judged on a dividend-adjusted close";
    return;
  }
  if (field != "close" || s.close_adjustment.empty()) {
    return;
  }
  ctx.verdict.evidence.notes.push_back(fmt::format("{}: {}", ref.str(), s.close_adjustment));
  if (std::abs(price) >= 1 && !whole_cents(price)) {
    ctx.verdict.message += fmt::format(
        "; judged on an adjusted close ({} is not a whole number of cents: not the close as "
        "traded)",
        number(price));
  }
}

// The size of a signed move in the claim's direction; a move the other way
// contradicts the claim outright.
double
size_in_direction(Context& ctx, Direction direction, double move, std::string_view shown_move)
{
  const double size = direction == Direction::fall ? -move : move;
  if (size < 0) {
    ctx.verdict.accepted = fmt::format("a {}", direction == Direction::fall ? "fall" : "rise");
    ctx.stop(VerdictKind::contradicted,
             fmt::format("the claim says it {}, but it {} ({})",
                         direction == Direction::fall ? "fell" : "rose",
                         direction == Direction::fall ? "rose" : "fell",
                         shown_move));
  }
  return size;
}

std::string_view
direction_word(Direction direction)
{
  return direction == Direction::fall ? "a fall of" : "a rise of";
}

// Cross-checks the figure against a second source, recording the outcome
// as a note; a failure there never changes the verdict.
template <typename Compute>
void
corroborate(Context& ctx,
            const SourceRef& primary_ref,
            const std::optional<SourceRef>& second,
            double primary,
            Compute compute)
{
  if (!second) {
    return;
  }
  const auto& ref = *second;
  const auto primary_verdict = ctx.verdict;
  try {
    const auto& other = series(ctx, ref);
    const double value = compute(other, ref);
    ctx.verdict.evidence.notes.push_back(corroboration_note(ctx, ref, value, primary_ref, primary));
  } catch (Stop& failed) {
    auto restored = primary_verdict;
    restored.evidence.notes.push_back(
        fmt::format("corroboration: {} could not be used: {}", ref.str(), failed.verdict.message));
    ctx.verdict = std::move(restored);
  }
}

const ShareCount&
share_count(Context& ctx, const SourceRef& ref, Date date)
{
  const auto& data = ctx.fetched(ref);
  const auto* facts = std::get_if<ShareFacts>(&data.data);
  if (facts == nullptr) {
    ctx.stop(VerdictKind::error, fmt::format("{} holds no share counts", ref.str()));
  }
  ctx.add_source(data.evidence);
  const auto* count = facts->as_of(date);
  if (count == nullptr) {
    ctx.stop(
        VerdictKind::unverifiable,
        fmt::format("{} reports no share count on or before {}", ref.str(), format_date(date)));
  }
  ctx.verdict.evidence.rows.push_back(UsedRow{ref.str(), count->end, "shares", count->shares});
  ctx.verdict.evidence.notes.push_back(fmt::format(
      "shares outstanding: {} as of {} ({}{}{}, the latest count dated on or before {})",
      quantity::format_value(count->shares, Unit::none),
      format_date(count->end),
      count->form.empty() ? "SEC filing" : count->form,
      count->filed.empty() ? "" : " filed ",
      count->filed,
      format_date(date)));
  return *count;
}

// close, volume: the value of the field on the date.
void
point_value(Context& ctx, const MarketLevelCheck& check)
{
  const auto& ref = check.series;
  const auto& s = series(ctx, ref);
  const auto& field = check.field;
  ctx.verdict.evidence.field = field;
  const double value = value_of(ctx, row_on(ctx, s, ref, check.date), ref, field);
  ctx.verdict.observed = value;
  ctx.verdict.observed_text = quantity::format_value(value, ctx.verdict.unit);
  ctx.verdict.evidence.arithmetic =
      fmt::format("{} {} on {} = {}", ref.str(), field, format_date(check.date), number(value));
  judge(ctx, value, "");
  if (check.kind == CheckKind::close) {
    note_adjustment(ctx, s, ref, field, value);
  }
  corroborate(ctx, ref, check.corroborate, value, [&](const Series& other, const SourceRef& at) {
    return value_of(ctx, row_on(ctx, other, at, check.date), at, field);
  });
}

void
market_cap(Context& ctx, const MarketLevelCheck& check)
{
  const auto& ref = check.series;
  const auto& s = series(ctx, ref);
  ctx.verdict.evidence.field = check.field;
  const auto& count = share_count(ctx, *check.shares, check.date);
  const double price = value_of(ctx, row_on(ctx, s, ref, check.date), ref, check.field);
  const double cap = count.shares * price;
  ctx.verdict.observed = cap;
  ctx.verdict.observed_text = quantity::format_value(cap, Unit::usd);
  ctx.verdict.evidence.arithmetic = fmt::format(
      "{} × {} = {}", number(count.shares), number(price), quantity::format_value(cap, Unit::usd));
  judge(ctx, cap, "");
  note_adjustment(ctx, s, ref, check.field, price);
}

// The move from the base row to the date in the claim's unit, with its
// arithmetic.
double
move_between(Context& ctx,
             const MarketChangeCheck& check,
             const Series& s,
             const SourceRef& ref,
             std::string* arithmetic)
{
  const auto& field = check.field;
  const auto& row = row_on(ctx, s, ref, check.date);
  const auto& base = base_row(ctx, s, ref, check.date, check.base_date);
  const double value = value_of(ctx, row, ref, field);
  const double base_value = value_of(ctx, base, ref, field);
  if (check.kind == CheckKind::change_pct) {
    if (base_value == 0) {
      ctx.stop(VerdictKind::unverifiable,
               fmt::format("{} is 0 on {}: no percent change", field, format_date(base.date)));
    }
    const double pct = (value - base_value) / base_value * 100;
    *arithmetic = fmt::format(
        "({} - {}) / {} = {:.2f}%", number(value), number(base_value), number(base_value), pct);
    return pct;
  }
  const double points = value - base_value;
  *arithmetic = fmt::format("{} - {} = {:.2f}", number(value), number(base_value), points);
  return points;
}

// change_pct, change: the move of the field.
void
change(Context& ctx, const MarketChangeCheck& check)
{
  const auto& ref = check.series;
  const auto& s = series(ctx, ref);
  ctx.verdict.evidence.field = check.field;
  const double move = move_between(ctx, check, s, ref, &ctx.verdict.evidence.arithmetic);
  ctx.verdict.observed = move;
  ctx.verdict.observed_text = quantity::format_value(move, ctx.verdict.unit);
  const double size = size_in_direction(ctx, check.direction, move, ctx.verdict.observed_text);
  judge(ctx, size, direction_word(check.direction));
  corroborate(ctx, ref, check.corroborate, move, [&](const Series& other, const SourceRef& at) {
    std::string arithmetic;
    const double other_move = move_between(ctx, check, other, at, &arithmetic);
    ctx.verdict.evidence.notes.push_back(
        fmt::format("{} {}: {}", at.str(), check.field, arithmetic));
    return other_move;
  });
}

void
market_cap_change(Context& ctx, const MarketChangeCheck& check)
{
  const auto& ref = check.series;
  const auto& s = series(ctx, ref);
  ctx.verdict.evidence.field = check.field;
  const auto& count = share_count(ctx, *check.shares, check.date);
  const auto& field = check.field;
  const double value = value_of(ctx, row_on(ctx, s, ref, check.date), ref, field);
  const double base = value_of(ctx, base_row(ctx, s, ref, check.date, check.base_date), ref, field);
  const double move = count.shares * (value - base);
  ctx.verdict.observed = move;
  ctx.verdict.observed_text = quantity::format_value(move, Unit::usd);
  ctx.verdict.evidence.arithmetic = fmt::format("{} × ({} - {}) = {}",
                                                number(count.shares),
                                                number(value),
                                                number(base),
                                                quantity::format_value(move, Unit::usd));
  const double size = size_in_direction(ctx, check.direction, move, ctx.verdict.observed_text);
  judge(ctx, size, direction_word(check.direction));
}

} // namespace

void
judge_check(Context& ctx, const MarketLevelCheck& check)
{
  if (check.kind == CheckKind::market_cap) {
    market_cap(ctx, check);
  } else {
    point_value(ctx, check);
  }
}

void
judge_check(Context& ctx, const MarketChangeCheck& check)
{
  if (check.kind == CheckKind::market_cap_change) {
    market_cap_change(ctx, check);
  } else {
    change(ctx, check);
  }
}

void
judge_check(Context& ctx, const RecordCheck& check)
{
  const auto& ref = check.series;
  const auto& s = series(ctx, ref);
  const auto& field = check.field;
  auto& verdict = ctx.verdict;
  verdict.evidence.field = field;
  verdict.unit = Unit::percent;
  const auto date = check.date;
  const auto& row = row_on(ctx, s, ref, date);
  const auto& base = base_row(ctx, s, ref, date, std::nullopt);
  const double value = value_of(ctx, row, ref, field);
  const double base_value = value_of(ctx, base, ref, field);
  const double move = (value - base_value) / base_value * 100;
  const bool fall = check.direction == Direction::fall;
  const double size = fall ? -move : move;
  const auto word = fall ? "fall" : "rise";
  const auto& since = *ctx.claim.claimed->since;
  const Date window_start{std::chrono::sys_days{since.last_day()} + std::chrono::days{1}};
  verdict.accepted = fmt::format(
      "no {} as large from {} to {}", word, format_date(window_start), format_date(date));
  if (size <= 0) {
    verdict.observed = move;
    verdict.observed_text = fmt::format("{:.2f}%", move);
    ctx.stop(VerdictKind::contradicted,
             fmt::format("the claim is about a {}, but {} moved {:.2f}% on {}",
                         word,
                         ref.str(),
                         move,
                         format_date(date)));
  }

  // Walk back from the base row (the day before `date`) to the latest day
  // whose own move is at least as large in the same direction.
  const Row* larger = nullptr;
  const Row* larger_base = nullptr;
  double larger_move = 0;
  const auto base_index = static_cast<std::size_t>(&base - s.rows.data());
  for (std::size_t k = base_index; k >= 1 && larger == nullptr; --k) {
    const auto a = field_value(s.rows[k - 1], field);
    const auto b = field_value(s.rows[k], field);
    if (!a || !b || *a == 0) {
      continue;
    }
    const double m = (*b - *a) / *a * 100;
    if ((fall ? -m : m) >= size) {
      larger = &s.rows[k];
      larger_base = &s.rows[k - 1];
      larger_move = m;
    }
  }

  verdict.evidence.arithmetic = fmt::format("{}: ({} - {}) / {} = {:.2f}%",
                                            format_date(date),
                                            number(value),
                                            number(base_value),
                                            number(base_value),
                                            move);
  if (larger != nullptr) {
    const double a = *field_value(*larger_base, field);
    const double b = *field_value(*larger, field);
    verdict.evidence.rows.push_back(UsedRow{ref.str(), larger_base->date, field, a});
    verdict.evidence.rows.push_back(UsedRow{ref.str(), larger->date, field, b});
    verdict.evidence.arithmetic += fmt::format("; {}: ({} - {}) / {} = {:.2f}%",
                                               format_date(larger->date),
                                               number(b),
                                               number(a),
                                               number(a),
                                               larger_move);
    verdict.observed = larger_move;
    verdict.observed_text = fmt::format("largest since {}", format_date(larger->date));
    const auto larger_ymd = larger->date;
    verdict.observed_date = PartialDate{static_cast<int>(larger_ymd.year()),
                                        static_cast<unsigned>(larger_ymd.month()),
                                        static_cast<unsigned>(larger_ymd.day())};
    if (larger->date < window_start) {
      ctx.stop(VerdictKind::supported,
               fmt::format("the {} of {:.2f}% is the largest since {} ({:.2f}%)",
                           word,
                           size,
                           format_date(larger->date),
                           larger_move));
    }
    ctx.stop(VerdictKind::contradicted,
             fmt::format("{} {} {:.2f}% on {}, more than the {:.2f}% on {}",
                         ref.str(),
                         fall ? "fell" : "rose",
                         std::abs(larger_move),
                         format_date(larger->date),
                         size,
                         format_date(date)));
  }
  // No larger move in the data: that settles it only if the data reaches
  // back to the start of the window.
  if (s.rows.front().date >= window_start) {
    ctx.stop(VerdictKind::unverifiable,
             fmt::format("{} does not cover {}..{}: the data holds {}",
                         ref.str(),
                         format_date(window_start),
                         format_date(date),
                         coverage(s)));
  }
  verdict.observed = move;
  verdict.observed_text =
      fmt::format("largest since {} at least", format_date(s.rows.front().date));
  ctx.stop(VerdictKind::supported,
           fmt::format("no {} as large as {:.2f}% in {} ({})", word, size, ref.str(), coverage(s)));
}

void
judge_check(Context& ctx, const AverageCheck& check)
{
  const auto& ref = check.series;
  const auto& s = series(ctx, ref);
  auto& verdict = ctx.verdict;
  verdict.evidence.field = "volume";
  const auto date = check.date;
  const auto n = static_cast<std::size_t>(check.days);
  std::vector<const Row*> window;
  for (auto it = s.rows.rbegin(); it != s.rows.rend() && window.size() < n; ++it) {
    if (it->date < date) {
      window.push_back(&*it);
    }
  }
  // Without a row on `date` itself, a partial recording might end early:
  // demand that the data reaches `date`.
  if (window.size() < n || s.rows.back().date < date) {
    ctx.stop(VerdictKind::unverifiable,
             fmt::format("{} does not cover the {} trading days before {}: the data holds {}",
                         ref.str(),
                         n,
                         format_date(date),
                         coverage(s)));
  }
  double sum = 0;
  for (auto it = window.rbegin(); it != window.rend(); ++it) {
    sum += value_of(ctx, **it, ref, "volume");
  }
  const double mean = sum / static_cast<double>(n);
  verdict.observed = mean;
  verdict.observed_text = quantity::format_value(std::round(mean), verdict.unit);
  verdict.evidence.arithmetic =
      fmt::format("mean volume of the {} trading days {}..{} = {} / {} = {}",
                  n,
                  format_date(window.back()->date),
                  format_date(window.front()->date),
                  number(sum),
                  n,
                  quantity::format_value(std::round(mean), Unit::none));
  judge(ctx, mean, "", true);
}

} // namespace factcheck::eval::detail
