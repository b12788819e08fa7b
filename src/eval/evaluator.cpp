#include <factcheck/eval/evaluator.hpp>
#include <factcheck/eval/formula.hpp>
#include <factcheck/eval/scan.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <cmath>
#include <limits>

namespace factcheck::eval {

using quantity::Comparator;
using quantity::Unit;

namespace {

// A verdict that cannot be reached; evaluation stops with it.
struct Stop
{
  Verdict verdict;
};

std::string
number(double value)
{
  // Shortest representation that round-trips: 118.42, 19341.830078125.
  return fmt::format("{}", value);
}

// A difference between two figures: percentage points for percentages.
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
weekday_name(Date date)
{
  static constexpr std::array<std::string_view, 7> k_names{
      "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
  return std::string(k_names[std::chrono::weekday{std::chrono::sys_days{date}}.c_encoding()]);
}

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

// Judges one claim; every early exit throws Stop with the verdict so far.
class Judge
{
public:
  Judge(const Claim& claim,
        const Observations& observations,
        const std::map<std::string, Verdict>& inputs)
      : m_claim(claim), m_observations(observations), m_inputs(inputs)
  {
    m_verdict.claim_id = claim.id;
    if (claim.claimed && claim.claimed->quantity) {
      m_verdict.unit = claim.claimed->quantity->unit;
    }
  }

  Verdict
  run()
  {
    try {
      switch (m_claim.check.kind) {
      case CheckKind::close:
      case CheckKind::volume:
        point_value();
        break;
      case CheckKind::change_pct:
      case CheckKind::change:
        change();
        break;
      case CheckKind::market_cap:
        market_cap();
        break;
      case CheckKind::market_cap_change:
        market_cap_change();
        break;
      case CheckKind::largest_move_since:
        largest_move_since();
        break;
      case CheckKind::average_volume:
        average_volume();
        break;
      case CheckKind::document_figure:
        document_figure();
        break;
      case CheckKind::document_date:
        document_date();
        break;
      case CheckKind::document_list:
        document_list();
        break;
      case CheckKind::entity_property:
        entity_property();
        break;
      case CheckKind::derived:
        derived();
        break;
      case CheckKind::unverifiable:
        m_verdict.kind = VerdictKind::unverifiable;
        m_verdict.message = m_claim.check.reason;
        break;
      }
    } catch (Stop& stop) {
      return std::move(stop.verdict);
    }
    return std::move(m_verdict);
  }

private:
  [[noreturn]] void
  stop(VerdictKind kind, std::string message)
  {
    m_verdict.kind = kind;
    m_verdict.message = std::move(message);
    throw Stop{std::move(m_verdict)};
  }

  const Fetched&
  fetched(const SourceRef& ref)
  {
    const auto it = m_observations.find(ref);
    if (it == m_observations.end()) {
      stop(VerdictKind::error, fmt::format("{}: not fetched", ref.str()));
    }
    if (!it->second) {
      stop(VerdictKind::error, fmt::format("{}: {}", ref.str(), it->second.error()));
    }
    return *it->second;
  }

  const Series&
  series(const SourceRef& ref)
  {
    const auto& data = fetched(ref);
    const auto* s = std::get_if<Series>(&data.data);
    if (s == nullptr) {
      stop(VerdictKind::error, fmt::format("{} is not a daily series", ref.str()));
    }
    add_source(data.evidence);
    if (m_verdict.evidence.series.empty()) {
      m_verdict.evidence.series = ref.str();
    }
    return *s;
  }

  void
  add_source(const SourceEvidence& evidence)
  {
    for (const auto& known : m_verdict.evidence.sources) {
      if (known.ref == evidence.ref) {
        return;
      }
    }
    m_verdict.evidence.sources.push_back(evidence);
  }

  std::string
  coverage(const Series& s) const
  {
    if (s.rows.empty()) {
      return "no rows";
    }
    return fmt::format(
        "rows {}..{}", format_date(s.rows.front().date), format_date(s.rows.back().date));
  }

  // The row for `date`, or an `unverifiable` stop saying why there is none.
  const Row&
  row_on(const Series& s, const SourceRef& ref, Date date)
  {
    const auto* row = s.find(date);
    if (row != nullptr) {
      return *row;
    }
    if (s.rows.empty() || date < s.rows.front().date || date > s.rows.back().date) {
      stop(VerdictKind::unverifiable,
           fmt::format("{} does not cover {}: the data holds {}",
                       ref.str(),
                       format_date(date),
                       coverage(s)));
    }
    stop(VerdictKind::unverifiable,
         fmt::format("{} has no row for {} ({}): no trading that day",
                     ref.str(),
                     format_date(date),
                     weekday_name(date)));
  }

  // The row a change is measured from: base_date, or the previous row.
  const Row&
  base_row(const Series& s, const SourceRef& ref, Date date)
  {
    if (m_claim.check.base_date) {
      return row_on(s, ref, *m_claim.check.base_date);
    }
    const auto* row = s.previous(date);
    if (row == nullptr) {
      stop(VerdictKind::unverifiable,
           fmt::format("{} does not cover the trading day before {}: the data "
                       "holds {}",
                       ref.str(),
                       format_date(date),
                       coverage(s)));
    }
    return *row;
  }

  double
  value_of(const Row& row, const SourceRef& ref, std::string_view field)
  {
    const auto value = field_value(row, field);
    if (!value) {
      stop(VerdictKind::unverifiable,
           fmt::format("{} has no {} value for {}", ref.str(), field, format_date(row.date)));
    }
    m_verdict.evidence.rows.push_back(UsedRow{ref.str(), row.date, std::string(field), *value});
    return *value;
  }

  const quantity::Quantity&
  claimed_quantity() const
  {
    return *m_claim.claimed->quantity;
  }

  std::string
  describe_accepted(const quantity::Quantity& q) const
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
    const auto interval = quantity::accepted_interval(q, m_claim.tolerance);
    return fmt::format("{} to {}{}", format(interval.low), format(interval.high), unit_word);
  }

  // How far `size` lies from what the claim accepts, for contradicted
  // verdicts ("by how much").
  std::string
  shortfall(const quantity::Quantity& q, double size) const
  {
    double distance = 0;
    if (q.comparator == Comparator::gt || q.comparator == Comparator::ge) {
      distance = q.low - size;
    } else if (q.comparator == Comparator::lt) {
      distance = size - q.low;
    } else {
      const auto interval = quantity::accepted_interval(q, m_claim.tolerance);
      distance = size < interval.low ? interval.low - size : size - interval.high;
    }
    return difference_text(distance, q.unit);
  }

  // Compares the size of the measured figure with the claim and finishes
  // the verdict. `what` names the figure ("a fall of", "").
  void
  judge(double size, std::string_view what, bool round_shown = false)
  {
    const auto& q = claimed_quantity();
    const auto accepted = describe_accepted(q);
    m_verdict.accepted = what.empty() ? accepted : fmt::format("{} {}", what, accepted);
    const auto shown = quantity::format_value(round_shown ? std::round(size) : size, q.unit);
    if (quantity::satisfies(q, m_claim.tolerance, size)) {
      m_verdict.kind = VerdictKind::supported;
      m_verdict.message =
          fmt::format("{}{}{} is within {}",
                      what,
                      what.empty() ? "" : " ",
                      shown,
                      m_verdict.accepted.substr(what.empty() ? 0 : what.size() + 1));
      if (q.comparator == Comparator::gt || q.comparator == Comparator::lt
          || q.comparator == Comparator::ge) {
        m_verdict.message =
            fmt::format("{}{}{} is {}", what, what.empty() ? "" : " ", shown, accepted);
      }
    } else {
      m_verdict.kind = VerdictKind::contradicted;
      m_verdict.message =
          fmt::format("{}{}{} is not {}{} ({} off)",
                      what,
                      what.empty() ? "" : " ",
                      shown,
                      q.comparator == Comparator::gt || q.comparator == Comparator::lt
                              || q.comparator == Comparator::ge
                          ? ""
                          : "within ",
                      accepted,
                      shortfall(q, size));
    }
  }

  // The size of a signed move in the claim's direction; a move the other way
  // contradicts the claim outright.
  double
  size_in_direction(double move, std::string_view shown_move)
  {
    const auto direction = m_claim.check.direction;
    const double size = direction == Direction::fall ? -move : move;
    if (size < 0) {
      m_verdict.accepted = fmt::format("a {}", direction == Direction::fall ? "fall" : "rise");
      stop(VerdictKind::contradicted,
           fmt::format("the claim says it {}, but it {} ({})",
                       direction == Direction::fall ? "fell" : "rose",
                       direction == Direction::fall ? "rose" : "fell",
                       shown_move));
    }
    return size;
  }

  std::string_view
  direction_word() const
  {
    return m_claim.check.direction == Direction::fall ? "a fall of" : "a rise of";
  }

  void
  point_value()
  {
    const auto& ref = m_claim.check.series;
    const auto& s = series(ref);
    const std::string field =
        m_claim.check.kind == CheckKind::volume ? "volume" : m_claim.check.field;
    m_verdict.evidence.field = field;
    const double value = value_of(row_on(s, ref, m_claim.check.date), ref, field);
    m_verdict.observed = value;
    m_verdict.observed_text = quantity::format_value(value, m_verdict.unit);
    m_verdict.evidence.arithmetic = fmt::format(
        "{} {} on {} = {}", ref.str(), field, format_date(m_claim.check.date), number(value));
    judge(value, "");
    corroborate(value, [&](const Series& other, const SourceRef& other_ref) {
      return value_of(row_on(other, other_ref, m_claim.check.date), other_ref, field);
    });
  }

  // The move from base to date in the claim's unit, with its arithmetic.
  double
  move_between(const Series& s, const SourceRef& ref, std::string* arithmetic)
  {
    const auto& field = m_claim.check.field;
    const auto& row = row_on(s, ref, m_claim.check.date);
    const auto& base = base_row(s, ref, m_claim.check.date);
    const double value = value_of(row, ref, field);
    const double base_value = value_of(base, ref, field);
    if (m_claim.check.kind == CheckKind::change_pct) {
      if (base_value == 0) {
        stop(VerdictKind::unverifiable,
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

  void
  change()
  {
    const auto& ref = m_claim.check.series;
    const auto& s = series(ref);
    m_verdict.evidence.field = m_claim.check.field;
    const double move = move_between(s, ref, &m_verdict.evidence.arithmetic);
    m_verdict.observed = move;
    m_verdict.observed_text = quantity::format_value(move, m_verdict.unit);
    const double size = size_in_direction(move, m_verdict.observed_text);
    judge(size, direction_word());
    corroborate(move, [&](const Series& other, const SourceRef& other_ref) {
      std::string arithmetic;
      const double other_move = move_between(other, other_ref, &arithmetic);
      m_verdict.evidence.notes.push_back(
          fmt::format("{} {}: {}", other_ref.str(), m_claim.check.field, arithmetic));
      return other_move;
    });
  }

  // Cross-checks the figure against a second source, recording the outcome
  // as a note; a failure there never changes the verdict.
  template <typename Compute>
  void
  corroborate(double primary, Compute compute)
  {
    if (!m_claim.check.corroborate) {
      return;
    }
    const auto& ref = *m_claim.check.corroborate;
    const auto primary_verdict = m_verdict;
    try {
      const auto& other = series(ref);
      const double value = compute(other, ref);
      const auto& q = claimed_quantity();
      const auto interval = quantity::accepted_interval(q, m_claim.tolerance);
      const double allowed = (interval.high - interval.low) / 2;
      const double difference = std::abs(value - primary);
      auto note =
          fmt::format("corroboration: {} gives {} against {} from {} (difference {}); "
                      "{}",
                      ref.str(),
                      quantity::format_value(value, q.unit),
                      quantity::format_value(primary, q.unit),
                      m_claim.check.series.str(),
                      difference_text(difference, q.unit),
                      difference <= allowed
                          ? fmt::format("the sources agree within the tolerance (±{})",
                                        difference_text(allowed, q.unit))
                          : fmt::format("the sources DISAGREE by more than the tolerance (±{})",
                                        difference_text(allowed, q.unit)));
      m_verdict.evidence.notes.push_back(std::move(note));
    } catch (Stop& failed) {
      auto restored = primary_verdict;
      restored.evidence.notes.push_back(fmt::format(
          "corroboration: {} could not be used: {}", ref.str(), failed.verdict.message));
      m_verdict = std::move(restored);
    }
  }

  const ShareCount&
  share_count()
  {
    const auto& ref = *m_claim.check.shares;
    const auto& data = fetched(ref);
    const auto* facts = std::get_if<ShareFacts>(&data.data);
    if (facts == nullptr) {
      stop(VerdictKind::error, fmt::format("{} holds no share counts", ref.str()));
    }
    add_source(data.evidence);
    const auto* count = facts->as_of(m_claim.check.date);
    if (count == nullptr) {
      stop(VerdictKind::unverifiable,
           fmt::format("{} reports no share count on or before {}",
                       ref.str(),
                       format_date(m_claim.check.date)));
    }
    m_verdict.evidence.rows.push_back(UsedRow{ref.str(), count->end, "shares", count->shares});
    m_verdict.evidence.notes.push_back(fmt::format(
        "shares outstanding: {} as of {} ({}{}{}, the latest count dated on or before {})",
        quantity::format_value(count->shares, Unit::none),
        format_date(count->end),
        count->form.empty() ? "SEC filing" : count->form,
        count->filed.empty() ? "" : " filed ",
        count->filed,
        format_date(m_claim.check.date)));
    return *count;
  }

  void
  market_cap()
  {
    const auto& ref = m_claim.check.series;
    const auto& s = series(ref);
    m_verdict.evidence.field = m_claim.check.field;
    const auto& count = share_count();
    const double price = value_of(row_on(s, ref, m_claim.check.date), ref, m_claim.check.field);
    const double cap = count.shares * price;
    m_verdict.observed = cap;
    m_verdict.observed_text = quantity::format_value(cap, Unit::usd);
    m_verdict.evidence.arithmetic = fmt::format("{} × {} = {}",
                                                number(count.shares),
                                                number(price),
                                                quantity::format_value(cap, Unit::usd));
    judge(cap, "");
  }

  void
  market_cap_change()
  {
    const auto& ref = m_claim.check.series;
    const auto& s = series(ref);
    m_verdict.evidence.field = m_claim.check.field;
    const auto& count = share_count();
    const auto& field = m_claim.check.field;
    const double value = value_of(row_on(s, ref, m_claim.check.date), ref, field);
    const double base = value_of(base_row(s, ref, m_claim.check.date), ref, field);
    const double move = count.shares * (value - base);
    m_verdict.observed = move;
    m_verdict.observed_text = quantity::format_value(move, Unit::usd);
    m_verdict.evidence.arithmetic = fmt::format("{} × ({} - {}) = {}",
                                                number(count.shares),
                                                number(value),
                                                number(base),
                                                quantity::format_value(move, Unit::usd));
    const double size = size_in_direction(move, m_verdict.observed_text);
    judge(size, direction_word());
  }

  void
  largest_move_since()
  {
    const auto& ref = m_claim.check.series;
    const auto& s = series(ref);
    const auto& field = m_claim.check.field;
    m_verdict.evidence.field = field;
    m_verdict.unit = Unit::percent;
    const auto date = m_claim.check.date;
    const auto& row = row_on(s, ref, date);
    const auto& base = base_row(s, ref, date);
    const double value = value_of(row, ref, field);
    const double base_value = value_of(base, ref, field);
    const double move = (value - base_value) / base_value * 100;
    const bool fall = m_claim.check.direction == Direction::fall;
    const double size = fall ? -move : move;
    const auto word = fall ? "fall" : "rise";
    const auto& since = *m_claim.claimed->since;
    const Date window_start{std::chrono::sys_days{since.last_day()} + std::chrono::days{1}};
    m_verdict.accepted = fmt::format(
        "no {} as large from {} to {}", word, format_date(window_start), format_date(date));
    if (size <= 0) {
      m_verdict.observed = move;
      m_verdict.observed_text = fmt::format("{:.2f}%", move);
      stop(VerdictKind::contradicted,
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

    m_verdict.evidence.arithmetic = fmt::format("{}: ({} - {}) / {} = {:.2f}%",
                                                format_date(date),
                                                number(value),
                                                number(base_value),
                                                number(base_value),
                                                move);
    if (larger != nullptr) {
      const double a = *field_value(*larger_base, field);
      const double b = *field_value(*larger, field);
      m_verdict.evidence.rows.push_back(UsedRow{ref.str(), larger_base->date, field, a});
      m_verdict.evidence.rows.push_back(UsedRow{ref.str(), larger->date, field, b});
      m_verdict.evidence.arithmetic += fmt::format("; {}: ({} - {}) / {} = {:.2f}%",
                                                   format_date(larger->date),
                                                   number(b),
                                                   number(a),
                                                   number(a),
                                                   larger_move);
      m_verdict.observed = larger_move;
      m_verdict.observed_text = fmt::format("largest since {}", format_date(larger->date));
      if (larger->date < window_start) {
        stop(VerdictKind::supported,
             fmt::format("the {} of {:.2f}% is the largest since {} ({:.2f}%)",
                         word,
                         size,
                         format_date(larger->date),
                         larger_move));
      }
      stop(VerdictKind::contradicted,
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
      stop(VerdictKind::unverifiable,
           fmt::format("{} does not cover {}..{}: the data holds {}",
                       ref.str(),
                       format_date(window_start),
                       format_date(date),
                       coverage(s)));
    }
    m_verdict.observed = move;
    m_verdict.observed_text =
        fmt::format("largest since {} at least", format_date(s.rows.front().date));
    stop(VerdictKind::supported,
         fmt::format("no {} as large as {:.2f}% in {} ({})", word, size, ref.str(), coverage(s)));
  }

  void
  average_volume()
  {
    const auto& ref = m_claim.check.series;
    const auto& s = series(ref);
    m_verdict.evidence.field = "volume";
    const auto date = m_claim.check.date;
    const auto n = static_cast<std::size_t>(m_claim.check.days);
    std::vector<const Row*> window;
    for (auto it = s.rows.rbegin(); it != s.rows.rend() && window.size() < n; ++it) {
      if (it->date < date) {
        window.push_back(&*it);
      }
    }
    // Without a row on `date` itself, a partial recording might end early:
    // demand that the data reaches `date`.
    if (window.size() < n || s.rows.back().date < date) {
      stop(VerdictKind::unverifiable,
           fmt::format("{} does not cover the {} trading days before {}: the data holds {}",
                       ref.str(),
                       n,
                       format_date(date),
                       coverage(s)));
    }
    double sum = 0;
    for (auto it = window.rbegin(); it != window.rend(); ++it) {
      sum += value_of(**it, ref, "volume");
    }
    const double mean = sum / static_cast<double>(n);
    m_verdict.observed = mean;
    m_verdict.observed_text = quantity::format_value(std::round(mean), m_verdict.unit);
    m_verdict.evidence.arithmetic =
        fmt::format("mean volume of the {} trading days {}..{} = {} / {} = {}",
                    n,
                    format_date(window.back()->date),
                    format_date(window.front()->date),
                    number(sum),
                    n,
                    quantity::format_value(std::round(mean), Unit::none));
    judge(mean, "", true);
  }

  const Document&
  document()
  {
    const auto& ref = m_claim.check.series;
    const auto& data = fetched(ref);
    const auto* doc = std::get_if<Document>(&data.data);
    if (doc == nullptr) {
      stop(VerdictKind::error, fmt::format("{} is not a document", ref.str()));
    }
    add_source(data.evidence);
    m_verdict.evidence.series = ref.str();
    return *doc;
  }

  // The anchor phrase in the document; not finding it is an error, never a
  // pass (the document may have changed, or the anchor is wrong).
  AnchorHit
  anchor(const Document& doc)
  {
    const auto hit = find_anchor(doc, m_claim.check.anchor);
    if (!hit) {
      stop(VerdictKind::error,
           fmt::format(
               "anchor \"{}\" not found in {}", m_claim.check.anchor, m_claim.check.series.str()));
    }
    return *hit;
  }

  // Records the sentence (and page) the verdict rests on.
  void
  cite(const AnchorHit& hit, std::size_t end)
  {
    auto sentence = sentence_around(hit.page->text, hit.begin, end);
    // A passage can run across a paragraph break (a heading, then its date):
    // show it on one line.
    std::replace(sentence.begin(), sentence.end(), '\n', ' ');
    m_verdict.evidence.notes.push_back(hit.page->number > 0
                                           ? fmt::format("p.{}: \"{}\"", hit.page->number, sentence)
                                           : fmt::format("\"{}\"", sentence));
  }

  void
  document_figure()
  {
    const auto& doc = document();
    const auto hit = anchor(doc);
    const auto figure = find_figure(hit.page->text, hit.end);
    if (!figure) {
      cite(hit, hit.end);
      stop(VerdictKind::error,
           fmt::format("no figure after the anchor \"{}\"", m_claim.check.anchor));
    }
    cite(hit, figure->end);
    const auto& q = claimed_quantity();
    if (figure->unit != Unit::none && q.unit != Unit::none && figure->unit != q.unit) {
      stop(VerdictKind::error,
           fmt::format("the document gives \"{}\" ({}) where the claim is in {}",
                       figure->text,
                       quantity::to_string(figure->unit),
                       quantity::to_string(q.unit)));
    }
    m_verdict.observed = figure->value;
    m_verdict.observed_text = quantity::format_value(figure->value, q.unit);
    m_verdict.evidence.arithmetic = fmt::format("\"{}\" = {}", figure->text, number(figure->value));
    judge(figure->value, "");
  }

  // Compares dates at the precision both sides have.
  void
  judge_date(const PartialDate& observed, std::string_view shown)
  {
    const auto& claimed = *m_claim.claimed->date;
    m_verdict.observed_text = format_partial_date(observed);
    const auto precision = shared_precision(claimed, observed);
    m_verdict.accepted =
        fmt::format("{} (compared to the {})", format_partial_date(claimed), precision);
    if (dates_agree(claimed, observed)) {
      m_verdict.kind = VerdictKind::supported;
      m_verdict.message = fmt::format(
          "{} agrees with {} to the {}", shown, format_partial_date(claimed), precision);
    } else {
      m_verdict.kind = VerdictKind::contradicted;
      m_verdict.message = fmt::format(
          "{} is not {} (compared to the {})", shown, format_partial_date(claimed), precision);
    }
  }

  void
  document_date()
  {
    const auto& doc = document();
    const auto hit = anchor(doc);
    const auto found = find_date(hit.page->text, hit.end);
    if (!found) {
      cite(hit, hit.end);
      stop(VerdictKind::error,
           fmt::format("no date after the anchor \"{}\"", m_claim.check.anchor));
    }
    cite(hit, found->end);
    judge_date(found->date, fmt::format("\"{}\"", found->text));
  }

  static std::string
  names_of(const std::vector<std::string>& names)
  {
    std::string out;
    for (const auto& name : names) {
      out += out.empty() ? name : ", " + name;
    }
    return out;
  }

  void
  document_list()
  {
    const auto& doc = document();
    const auto hit = anchor(doc);
    const auto list = find_list(hit.page->text, hit.end);
    cite(hit, hit.end);
    if (list.empty()) {
      stop(VerdictKind::error,
           fmt::format("no list after the anchor \"{}\"", m_claim.check.anchor));
    }
    std::string listed;
    for (const auto& name : list) {
      listed += listed.empty() ? name : ", " + name;
    }
    std::string missing;
    for (const auto& name : m_claim.check.names) {
      if (std::find(list.begin(), list.end(), name) == list.end()) {
        missing += missing.empty() ? name : ", " + name;
      }
    }
    // The list itself is in the message; the column shows what decided.
    m_verdict.observed_text = missing.empty()
                                  ? fmt::format("lists {}", names_of(m_claim.check.names))
                                  : fmt::format("no {}", missing);
    std::string names;
    for (const auto& name : m_claim.check.names) {
      names += names.empty() ? name : ", " + name;
    }
    m_verdict.accepted = fmt::format("a list holding {}", names);
    if (missing.empty()) {
      m_verdict.kind = VerdictKind::supported;
      m_verdict.message = fmt::format("{} all in the list: {}", names, listed);
    } else {
      m_verdict.kind = VerdictKind::contradicted;
      m_verdict.message = fmt::format("not in the list ({}): {}", listed, missing);
    }
  }

  void
  entity_property()
  {
    const auto& ref = m_claim.check.series;
    const auto& data = fetched(ref);
    const auto* entity = std::get_if<Entity>(&data.data);
    if (entity == nullptr) {
      stop(VerdictKind::error, fmt::format("{} is not a Wikidata entity", ref.str()));
    }
    add_source(data.evidence);
    m_verdict.evidence.series = ref.str();
    const auto& property = m_claim.check.property;
    const auto it = entity->statements.find(property);
    if (it == entity->statements.end() || it->second.empty()) {
      stop(VerdictKind::unverifiable, fmt::format("{} states no {}", ref.str(), property));
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
      stop(VerdictKind::unverifiable,
           fmt::format("{} has only deprecated {} statements", ref.str(), property));
    }
    // "+2023-07-17T00:00:00Z" at precision 9 (year), 10 (month), 11 (day);
    // the parts below the precision are zero ("+2023-07-00T00:00:00Z").
    const auto& time = chosen->value;
    const auto observed = wikidata_date(time, chosen->precision);
    if (!observed) {
      stop(VerdictKind::error,
           fmt::format("{} {}: \"{}\" is not a date of year, month or day precision",
                       ref.str(),
                       property,
                       time));
    }
    m_verdict.evidence.notes.push_back(fmt::format("{} {} = {} (precision {}, rank {})",
                                                   entity->id,
                                                   property,
                                                   time,
                                                   chosen->precision,
                                                   chosen->rank));
    judge_date(*observed, fmt::format("{} {}", property, format_partial_date(*observed)));
  }

  void
  derived()
  {
    std::map<std::string, double> values;
    std::string shown_inputs;
    for (const auto& [name, id] : m_claim.check.inputs) {
      const auto it = m_inputs.find(id);
      if (it == m_inputs.end()) {
        stop(VerdictKind::error, fmt::format("input {} (claim \"{}\") was not judged", name, id));
      }
      const auto& input = it->second;
      if (!input.observed) {
        stop(input.kind == VerdictKind::error ? VerdictKind::error : VerdictKind::unverifiable,
             fmt::format(
                 "input {} (claim \"{}\") has no observed value: {}", name, id, input.message));
      }
      values[name] = *input.observed;
      m_verdict.evidence.notes.push_back(fmt::format("input {} = {} from claim \"{}\" ({}, {})",
                                                     name,
                                                     number(*input.observed),
                                                     id,
                                                     input.observed_text,
                                                     to_string(input.kind)));
      for (const auto& source : input.evidence.sources) {
        add_source(source);
      }
      shown_inputs +=
          fmt::format("{}{} = {}", shown_inputs.empty() ? "" : ", ", name, number(*input.observed));
    }
    const auto value = evaluate_formula(m_claim.check.formula, values);
    if (!value) {
      stop(VerdictKind::error,
           fmt::format("formula \"{}\": {}", m_claim.check.formula, value.error()));
    }
    m_verdict.observed = *value;
    m_verdict.observed_text = quantity::format_value(*value, m_verdict.unit);
    m_verdict.evidence.arithmetic = fmt::format(
        "{} with {} = {}", m_claim.check.formula, shown_inputs, fmt::format("{:.4g}", *value));
    judge(*value, "");
  }

  const Claim& m_claim;
  const Observations& m_observations;
  const std::map<std::string, Verdict>& m_inputs;
  Verdict m_verdict;
};

} // namespace

std::vector<SourceRef>
needed_refs(const Claim& claim)
{
  std::vector<SourceRef> refs;
  if (claim.check.kind == CheckKind::unverifiable || claim.check.kind == CheckKind::derived) {
    return refs;
  }
  refs.push_back(claim.check.series);
  if (claim.check.shares) {
    refs.push_back(*claim.check.shares);
  }
  if (claim.check.corroborate) {
    refs.push_back(*claim.check.corroborate);
  }
  return refs;
}

Verdict
evaluate(const Claim& claim, const Observations& observations)
{
  static const std::map<std::string, Verdict> k_none;
  return Judge(claim, observations, k_none).run();
}

Verdict
evaluate(const Claim& claim,
         const Observations& observations,
         const std::map<std::string, Verdict>& inputs)
{
  return Judge(claim, observations, inputs).run();
}

} // namespace factcheck::eval
