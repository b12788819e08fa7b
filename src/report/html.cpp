// One self-contained HTML page for an editor: the verdict counts, the
// article with every claim's quote marked by verdict (when the run has the
// article's text), and a card per claim with its evidence, its sources and,
// for a market claim, a chart of the series around its date drawn as inline
// SVG. No script, no stylesheet or font from elsewhere: the page's
// Content-Security-Policy forbids every fetch, so it reads the same offline,
// attached to a mail or a CI run (docs/reports.md, "html").
#include <factcheck/report/escape.hpp>
#include <factcheck/report/reporter.hpp>
#include <factcheck/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace factcheck::report {

namespace {

using quantity::Unit;

constexpr std::string_view k_csp =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
    "form-action 'none'";

std::string
esc(std::string_view text)
{
  return html_escape(text);
}

// Worst first: the order of the summary, and the verdict a reader must not
// miss.
constexpr std::array k_order{VerdictKind::contradicted,
                             VerdictKind::error,
                             VerdictKind::unverifiable,
                             VerdictKind::supported};

// A verdict is never told by colour alone: each has a symbol and its word.
std::string_view
symbol(VerdictKind kind)
{
  switch (kind) {
  case VerdictKind::supported:
    return "\u2713"; // check mark
  case VerdictKind::contradicted:
    return "\u2717"; // ballot x
  case VerdictKind::unverifiable:
    return "?";
  case VerdictKind::error:
    return "!";
  }
  return "?";
}

std::string
verdict_class(VerdictKind kind)
{
  return fmt::format("v-{}", to_string(kind));
}

std::string
badge(VerdictKind kind)
{
  return fmt::format(
      R"(<span class="badge {}"><span class="sym" aria-hidden="true">{}</span> {}</span>)",
      verdict_class(kind),
      symbol(kind),
      to_string(kind));
}

// --- the article -------------------------------------------------------------

// The code points of `text` and the byte offset each starts at (one more at
// the end: the size). A byte that starts no UTF-8 sequence counts as one
// code point, as it will show as U+FFFD.
std::vector<std::size_t>
code_point_offsets(std::string_view text, std::vector<char32_t>* points)
{
  std::vector<std::size_t> offsets;
  offsets.reserve(text.size() + 1);
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    std::size_t n = 1;
    char32_t cp = lead;
    if (lead >= 0xF0 && lead <= 0xF4) {
      n = 4;
      cp = lead & 0x07U;
    } else if (lead >= 0xE0) {
      n = 3;
      cp = lead & 0x0FU;
    } else if (lead >= 0xC2 && lead < 0xE0) {
      n = 2;
      cp = lead & 0x1FU;
    }
    if (n > 1) {
      bool ok = i + n <= text.size();
      for (std::size_t k = 1; ok && k < n; ++k) {
        const auto b = static_cast<unsigned char>(text[i + k]);
        ok = (b & 0xC0U) == 0x80;
        cp = (cp << 6U) | (b & 0x3FU);
      }
      if (!ok) {
        n = 1;
        cp = 0xFFFD;
      }
    }
    offsets.push_back(i);
    if (points != nullptr) {
      points->push_back(cp);
    }
    i += n;
  }
  offsets.push_back(text.size());
  return offsets;
}

bool
is_space(char32_t c)
{
  return c == ' ' || (c >= '\t' && c <= '\r') || c == 0xA0 || c == 0x3000
         || (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F || c == 0xFEFF;
}

// A code point as quotes are matched: full-width ASCII forms as ASCII, and
// the half-width CJK punctuation (U+FF61..U+FF64) as the full-width forms the
// article more likely uses.
char32_t
fold(char32_t c)
{
  if (c >= 0xFF01 && c <= 0xFF5E) {
    return c - 0xFEE0;
  }
  switch (c) {
  case 0xFF61:
    return 0x3002; // 。
  case 0xFF62:
    return 0x300C; // 「
  case 0xFF63:
    return 0x300D; // 」
  case 0xFF64:
    return 0x3001; // 、
  default:
    return c;
  }
}

// `points` folded, without whitespace; `origin` gets the index in `points`
// of each folded code point.
std::vector<char32_t>
folded(const std::vector<char32_t>& points, std::vector<std::size_t>* origin)
{
  std::vector<char32_t> out;
  out.reserve(points.size());
  for (std::size_t i = 0; i < points.size(); ++i) {
    if (!is_space(points[i])) {
      out.push_back(fold(points[i]));
      if (origin != nullptr) {
        origin->push_back(i);
      }
    }
  }
  return out;
}

// Where one claim's quote is in the article, in code points [begin, end).
struct Place
{
  std::size_t claim = 0; // index in the report
  std::size_t begin = 0;
  std::size_t end = 0;
};

struct Located
{
  std::vector<Place> places;               // in text order
  std::vector<std::size_t> unlocated;      // claim indexes
  std::vector<std::string> unlocated_note; // why, per unlocated claim
};

// The article's code points, and each claim's place in them: its `span`
// when that holds the quote (tolerant as below), else the first place the
// quote occurs ignoring whitespace and full-/half-width forms.
Located
locate(const std::vector<char32_t>& article, const std::vector<Claim>& claims)
{
  std::vector<std::size_t> origin;
  const auto text = folded(article, &origin);
  Located out;
  for (std::size_t i = 0; i < claims.size(); ++i) {
    const auto& claim = claims[i];
    std::vector<char32_t> quote_points;
    code_point_offsets(claim.quote, &quote_points);
    const auto quote = folded(quote_points, nullptr);
    if (claim.span && claim.span->second <= article.size()) {
      const std::vector<char32_t> part(
          article.begin() + static_cast<std::ptrdiff_t>(claim.span->first),
          article.begin() + static_cast<std::ptrdiff_t>(claim.span->second));
      if (!quote.empty() && folded(part, nullptr) == quote) {
        out.places.push_back(Place{i, claim.span->first, claim.span->second});
        continue;
      }
    }
    const auto found = quote.empty()
                           ? text.end()
                           : std::search(text.begin(), text.end(), quote.begin(), quote.end());
    if (found != text.end()) {
      const auto first = static_cast<std::size_t>(found - text.begin());
      out.places.push_back(Place{i, origin[first], origin[first + quote.size() - 1] + 1});
      continue;
    }
    out.unlocated.push_back(i);
    out.unlocated_note.push_back(
        claim.span && claim.span->second > article.size()
            ? fmt::format("its span [{}, {}] is past the end of the text ({} code points), and "
                          "the quote is not in it",
                          claim.span->first,
                          claim.span->second,
                          article.size())
            : std::string("the quote is not in the text"));
  }
  // Text order; a longer place first, so that one inside it nests.
  std::stable_sort(out.places.begin(), out.places.end(), [](const Place& a, const Place& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  return out;
}

// Article text between marks: line breaks and tabs kept (the text is shown
// with white-space: pre-wrap), a CR before a line break dropped, everything
// else escaped.
std::string
article_piece(std::string_view text)
{
  std::string out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '\n' || text[i] == '\t') {
      auto piece = text.substr(start, i - start);
      if (i < text.size() && text[i] == '\n' && !piece.empty() && piece.back() == '\r') {
        piece.remove_suffix(1);
      }
      out += esc(piece);
      if (i < text.size()) {
        out += text[i];
      }
      start = i + 1;
    }
  }
  return out;
}

// The article with each located quote in a <mark> of its verdict's class,
// followed by a link to its card. A quote inside another nests in it; one
// that begins inside another and runs past its end is marked in two parts,
// the second after the other's end, and only the first part has the id the
// card links back to, only the last the link to the card.
std::string
marked_article(std::string_view text,
               const std::vector<std::size_t>& offsets,
               const Located& located,
               const RunReport& report)
{
  struct Part
  {
    Place place;
    bool first = true;
    bool last = true;
  };
  std::vector<Part> todo;
  todo.reserve(located.places.size());
  for (const auto& place : located.places) {
    todo.push_back(Part{place});
  }
  std::string out;
  std::vector<Part> open;
  std::size_t at = 0; // a byte offset into text
  const auto id_of = [&](const Place& place) -> const std::string& {
    return report.catalogue.claims[place.claim].id;
  };
  const auto close_top = [&]() {
    const auto part = open.back();
    open.pop_back();
    const auto end = offsets[part.place.end];
    out += article_piece(text.substr(at, end - at));
    at = end;
    out += "</mark>";
    if (part.last) {
      const auto kind = report.verdicts[part.place.claim].kind;
      out += fmt::format(R"(<a class="ref {}" href="#c-{}" title="{}: {}">{}<sub>{}</sub></a>)",
                         verdict_class(kind),
                         esc(id_of(part.place)),
                         to_string(kind),
                         esc(id_of(part.place)),
                         symbol(kind),
                         part.place.claim + 1);
    }
  };
  for (std::size_t i = 0; i < todo.size(); ++i) {
    auto part = todo[i];
    while (!open.empty() && open.back().place.end <= part.place.begin) {
      close_top();
    }
    if (!open.empty() && part.place.end > open.back().place.end) {
      // Crossing: the rest goes after the enclosing mark, in text order.
      const Part rest{
          Place{part.place.claim, open.back().place.end, part.place.end}, false, part.last};
      part.place.end = rest.place.begin;
      part.last = false;
      auto at_rest = std::find_if(todo.begin() + static_cast<std::ptrdiff_t>(i) + 1,
                                  todo.end(),
                                  [&rest](const Part& other) {
                                    return other.place.begin > rest.place.begin
                                           || (other.place.begin == rest.place.begin
                                               && other.place.end < rest.place.end);
                                  });
      todo.insert(at_rest, rest);
    }
    const auto begin = offsets[part.place.begin];
    out += article_piece(text.substr(at, begin - at));
    at = begin;
    const auto kind = report.verdicts[part.place.claim].kind;
    out += fmt::format(R"(<mark{} class="{}" data-claim="{}">)",
                       part.first ? fmt::format(R"( id="m-{}")", esc(id_of(part.place))) : "",
                       verdict_class(kind),
                       esc(id_of(part.place)));
    open.push_back(part);
  }
  while (!open.empty()) {
    close_top();
  }
  out += article_piece(text.substr(at));
  return out;
}

// --- charts ------------------------------------------------------------------

// The drawing area of every chart, in SVG user units; the SVG scales to
// the card's width up to 30rem, so that its 11-unit text is 11 px on a
// phone (320 px of card) and 16 px at most on a desktop.
constexpr double k_width = 320;
constexpr double k_height = 200;
constexpr double k_left = 48;
constexpr double k_right = 10;
constexpr double k_top = 18;
constexpr double k_bottom = 30;
constexpr double k_infinity = std::numeric_limits<double>::infinity();

std::string
coord(double v)
{
  return fmt::format("{:.1f}", v);
}

// Shortest text that reads back to the same double: a point's value as
// recorded ("118.42").
std::string
exact(double v)
{
  return fmt::format("{}", v);
}

// A step of 1, 2 or 5 times a power of ten, giving about `ticks` ticks.
double
nice_step(double range, int ticks)
{
  const double raw = range / ticks;
  const double power = std::pow(10, std::floor(std::log10(raw)));
  for (const double m : {1.0, 2.0, 5.0}) {
    if (raw <= m * power) {
      return m * power;
    }
  }
  return 10 * power;
}

// How the values of one chart are labelled: divided by `scale`, with a
// prefix and a suffix ("$", "bn").
struct Labels
{
  double scale = 1;
  std::string prefix;
  std::string suffix;
  std::string words; // the axis title: "close (US$)"
};

Labels
labels_for(Unit unit, double largest, std::string what)
{
  Labels labels;
  const double size = std::abs(largest);
  std::string scale_word;
  if (size >= 1e9) {
    labels.scale = 1e9;
    labels.suffix = "bn";
    scale_word = "billions of ";
  } else if (size >= 1e6) {
    labels.scale = 1e6;
    labels.suffix = "m";
    scale_word = "millions of ";
  }
  switch (unit) {
  case Unit::usd:
    labels.prefix = "$";
    labels.words = fmt::format("{} ({}US dollars)", what, scale_word);
    break;
  case Unit::percent:
    labels.suffix = "%";
    labels.words = fmt::format("{} (percent)", what);
    break;
  case Unit::points:
    labels.words = fmt::format("{} (index points)", what);
    break;
  case Unit::shares:
    labels.words = fmt::format("{} ({}shares)", what, scale_word);
    break;
  default:
    labels.words = scale_word.empty() ? what : fmt::format("{} ({})", what, scale_word);
  }
  return labels;
}

std::string
tick_text(double value, const Labels& labels, double step)
{
  const double shown = value / labels.scale;
  const int decimals =
      std::max(0, static_cast<int>(-std::floor(std::log10(step / labels.scale) + 1e-9)));
  auto digits = fmt::format("{:.{}f}", std::abs(shown), decimals);
  if (digits.find_first_not_of("0.") == std::string::npos) {
    return "0";
  }
  return fmt::format("{}{}{}{}", shown < 0 ? "\u2212" : "", labels.prefix, digits, labels.suffix);
}

// Everything one chart of a series window shows.
struct Chart
{
  bool bars = false;              // volume and moves: bars from 0; levels: a line
  std::vector<double> ys;         // the plotted value of each point (NaN: not drawn)
  std::vector<std::string> extra; // more attributes per point (data-move)
  Unit unit = Unit::none;
  std::string what;                  // "close", "volume", "daily move"
  std::optional<std::size_t> day;    // the claim's date
  std::optional<std::size_t> base;   // the row a change is measured from
  std::optional<std::size_t> larger; // largest_move_since: the larger earlier move
  std::vector<std::size_t> averaged; // average_volume: the days averaged
  std::optional<std::size_t> window; // largest_move_since: the first day of the window
  std::optional<double> band_low;    // what the claim allows (±infinity: open)
  std::optional<double> band_high;
  std::optional<double> level; // a horizontal line: the mean, the day's move
  std::string level_label;
  std::vector<std::string> legend; // caption parts, in words
};

std::optional<double>
shares_of(const Verdict& verdict)
{
  for (const auto& row : verdict.evidence.rows) {
    if (row.field == "shares") {
      return row.value;
    }
  }
  return std::nullopt;
}

std::optional<std::size_t>
index_of(const SeriesWindow& window, Date date)
{
  for (std::size_t i = 0; i < window.points.size(); ++i) {
    if (window.points[i].date == date) {
      return i;
    }
  }
  return std::nullopt;
}

// The base row of a change: the row of the series the verdict used that is
// not the claim's date.
std::optional<Date>
base_date_of(const Verdict& verdict, const SeriesWindow& window, Date date)
{
  for (const auto& row : verdict.evidence.rows) {
    if (row.series == window.series && row.field == window.field && row.date < date) {
      return row.date;
    }
  }
  return std::nullopt;
}

// The sizes a claim allows, as ±infinity for an open end.
std::optional<std::pair<double, double>>
allowed(const Claim& claim)
{
  if (!claim.claimed || !claim.claimed->quantity) {
    return std::nullopt;
  }
  const auto& q = *claim.claimed->quantity;
  const auto interval = quantity::accepted_interval(q, claim.tolerance);
  double low = interval.low;
  double high = interval.high;
  if (q.comparator == quantity::Comparator::gt || q.comparator == quantity::Comparator::ge) {
    high = k_infinity;
  } else if (q.comparator == quantity::Comparator::lt) {
    low = -k_infinity;
  }
  return std::pair{low, high};
}

std::optional<Chart>
chart_for(const Claim& claim, const Verdict& verdict, const SeriesWindow& window)
{
  const auto date = claim.check.date();
  if (!date || window.points.empty()) {
    return std::nullopt;
  }
  Chart chart;
  chart.day = index_of(window, *date);
  const auto n = window.points.size();
  for (const auto& point : window.points) {
    chart.ys.push_back(point.value);
    chart.extra.emplace_back();
  }
  const auto kind = claim.check.kind();
  const auto sizes = allowed(claim);
  const bool fall = claim.check.direction() == Direction::fall;
  const auto field_word = window.field == "adjclose" ? std::string("adjusted close") : window.field;

  if (kind == CheckKind::largest_move_since) {
    chart.bars = true;
    chart.unit = Unit::percent;
    chart.what = fmt::format("daily move of the {}", field_word);
    chart.ys[0] = std::nan("");
    for (std::size_t k = 1; k < n; ++k) {
      const double a = window.points[k - 1].value;
      chart.ys[k] = a == 0 ? std::nan("") : (window.points[k].value - a) / a * 100;
      chart.extra[k] = fmt::format(R"( data-move="{:.4f}")", chart.ys[k]);
    }
    if (chart.day && !std::isnan(chart.ys[*chart.day])) {
      chart.level = chart.ys[*chart.day];
      chart.level_label = fmt::format("{:+.2f}%", *chart.level);
    }
    // The larger earlier move, when the verdict found one: the latest of
    // the rows it used besides the day and the day before (which may be
    // the larger move itself, when used twice).
    if (chart.day && *chart.day > 0) {
      std::vector<Date> used;
      for (const auto& row : verdict.evidence.rows) {
        if (row.series == window.series) {
          used.push_back(row.date);
        }
      }
      for (const auto skip : {*date, window.points[*chart.day - 1].date}) {
        if (const auto at = std::find(used.begin(), used.end(), skip); at != used.end()) {
          used.erase(at);
        }
      }
      if (!used.empty()) {
        chart.larger = index_of(window, *std::max_element(used.begin(), used.end()));
      }
    }
    if (claim.claimed && claim.claimed->since) {
      const Date start{std::chrono::sys_days{claim.claimed->since->last_day()}
                       + std::chrono::days{1}};
      for (std::size_t k = 0; k < n; ++k) {
        if (!(window.points[k].date < start)) {
          chart.window = k;
          break;
        }
      }
    }
    chart.legend.push_back(fmt::format("bars: each trading day's {} move", field_word));
    chart.legend.push_back(fmt::format("dashed line: the move on {}", format_date(*date)));
    if (chart.larger) {
      chart.legend.push_back(fmt::format("ringed bar: the larger {} on {}",
                                         fall ? "fall" : "rise",
                                         format_date(window.points[*chart.larger].date)));
    }
    if (chart.window && *chart.window > 1) {
      chart.legend.push_back("grey: before the period the claim is about");
    }
    return chart;
  }

  chart.unit = verdict.unit;
  const auto shares = shares_of(verdict);
  const bool cap = kind == CheckKind::market_cap || kind == CheckKind::market_cap_change;
  if (cap) {
    if (!shares) {
      return std::nullopt;
    }
    for (auto& y : chart.ys) {
      y *= *shares;
    }
    chart.unit = Unit::usd;
    chart.what = "market value";
  } else if (kind == CheckKind::volume || kind == CheckKind::average_volume) {
    chart.bars = true;
    chart.unit = Unit::shares;
    chart.what = "volume";
  } else {
    chart.what = field_word;
    if (kind == CheckKind::change_pct) {
      // The chart shows the level, in the series' unit, not the claim's
      // percent: FRED's series here are indexes, a Yahoo symbol with a caret
      // is one, the rest are share prices.
      const auto refs = claim.check.refs();
      const auto& ref = refs.front();
      chart.unit = ref.source == "fred" || ref.id.starts_with("^") ? Unit::points : Unit::usd;
    }
  }

  if (kind == CheckKind::average_volume) {
    double sum = 0;
    for (const auto& row : verdict.evidence.rows) {
      if (const auto at = index_of(window, row.date); at && row.field == "volume") {
        chart.averaged.push_back(*at);
        sum += row.value;
      }
    }
    if (!chart.averaged.empty()) {
      chart.level = sum / static_cast<double>(chart.averaged.size());
      chart.level_label = "mean";
    }
    if (sizes) {
      chart.band_low = sizes->first;
      chart.band_high = sizes->second;
    }
    chart.legend.push_back("bars: shares traded each day");
    chart.legend.push_back(fmt::format("dark bars: the {} days averaged", chart.averaged.size()));
    chart.legend.push_back("line: their mean");
  } else if (kind == CheckKind::change_pct || kind == CheckKind::change
             || kind == CheckKind::market_cap_change) {
    const auto base = base_date_of(verdict, window, *date);
    if (base) {
      chart.base = index_of(window, *base);
    }
    if (sizes && chart.base) {
      const double from = chart.ys[*chart.base];
      const double sign = fall ? -1 : 1;
      const auto level_at = [&](double size) {
        if (std::isinf(size)) {
          return sign * size;
        }
        if (kind == CheckKind::change_pct) {
          return from * (1 + sign * size / 100);
        }
        return from + sign * size;
      };
      const double a = level_at(sizes->first);
      const double b = level_at(sizes->second);
      chart.band_low = std::min(a, b);
      chart.band_high = std::max(a, b);
    }
    chart.legend.push_back(fmt::format("line: the {} each trading day", chart.what));
    if (chart.base) {
      chart.legend.push_back(fmt::format("hollow dot: {}, the day the change is measured from",
                                         format_date(window.points[*chart.base].date)));
    }
  } else {
    if (sizes) {
      chart.band_low = sizes->first;
      chart.band_high = sizes->second;
    }
    chart.legend.push_back(chart.bars ? "bars: shares traded each day"
                                      : fmt::format("line: the {} each trading day", chart.what));
  }
  if (chart.day) {
    chart.legend.push_back(fmt::format("marked: {}", format_date(*date)));
  }
  if (chart.band_low) {
    chart.legend.push_back(
        fmt::format("shaded: what the claim allows ({})",
                    verdict.accepted.empty() ? claim.claimed->text : verdict.accepted));
  }
  return chart;
}

// The x position of point `i` of `n`: trading days evenly spaced.
double
x_of(std::size_t i, std::size_t n)
{
  const double width = k_width - k_left - k_right;
  return k_left + (static_cast<double>(i) + 0.5) * width / static_cast<double>(n);
}

std::string
draw(const Chart& chart, const SeriesWindow& window, const std::string& title)
{
  const auto n = window.points.size();
  double lo = k_infinity;
  double hi = -k_infinity;
  for (const double y : chart.ys) {
    if (!std::isnan(y)) {
      lo = std::min(lo, y);
      hi = std::max(hi, y);
    }
  }
  if (lo > hi) {
    return "";
  }
  for (const auto& end : {chart.band_low, chart.band_high, chart.level}) {
    if (end && !std::isinf(*end)) {
      lo = std::min(lo, *end);
      hi = std::max(hi, *end);
    }
  }
  if (chart.bars) {
    lo = std::min(lo, 0.0);
    hi = std::max(hi, 0.0);
  }
  if (hi - lo <= 0) {
    hi += 1;
    lo -= 1;
  }
  const double pad = (hi - lo) * 0.06;
  lo -= chart.bars && lo == 0 ? 0 : pad;
  hi += chart.bars && hi == 0 ? 0 : pad;
  const double plot_height = k_height - k_top - k_bottom;
  const auto y_of = [&](double v) { return k_top + (hi - v) / (hi - lo) * plot_height; };
  const double step = nice_step(hi - lo, 5);
  const auto labels = labels_for(chart.unit, std::max(std::abs(lo), std::abs(hi)), chart.what);
  const double slot = (k_width - k_left - k_right) / static_cast<double>(n);

  std::string svg = fmt::format(
      R"(<svg class="chart" viewBox="0 0 {} {}" role="img" aria-label="{}" data-series="{}" data-field="{}">)",
      k_width,
      k_height,
      esc(title),
      esc(window.series),
      esc(window.field));
  svg += fmt::format("<title>{}</title>", esc(title));
  // The part of a record window before the period the claim is about.
  if (chart.window && *chart.window > 1) {
    svg += fmt::format(R"(<rect class="before" x="{}" y="{}" width="{}" height="{}"/>)",
                       coord(k_left),
                       coord(k_top),
                       coord(x_of(*chart.window, n) - slot / 2 - k_left),
                       coord(plot_height));
  }
  // Grid and value labels.
  for (double t = std::ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) {
    const double y = y_of(t);
    svg += fmt::format(R"(<line class="grid" x1="{}" x2="{}" y1="{}" y2="{}"/>)",
                       coord(k_left),
                       coord(k_width - k_right),
                       coord(y),
                       coord(y));
    svg += fmt::format(R"(<text class="tick" x="{}" y="{}" text-anchor="end">{}</text>)",
                       coord(k_left - 4),
                       coord(y + 3.5),
                       esc(tick_text(t, labels, step)));
  }
  svg += fmt::format(R"(<text class="axis" x="{}" y="{}">{}</text>)",
                     coord(k_left),
                     coord(k_top - 6),
                     esc(labels.words));
  // What the claim allows.
  std::string overlay;
  if (chart.band_low && chart.band_high) {
    const double top = y_of(std::min(*chart.band_high, hi));
    const double bottom = y_of(std::max(*chart.band_low, lo));
    double x0 = k_left;
    double x1 = k_width - k_right;
    if (!chart.averaged.empty()) {
      const auto [first, last] = std::minmax_element(chart.averaged.begin(), chart.averaged.end());
      x0 = x_of(*first, n) - slot / 2;
      x1 = x_of(*last, n) + slot / 2;
    }
    if (bottom > top) {
      svg += fmt::format(
          R"(<rect class="band" x="{}" y="{}" width="{}" height="{}" data-low="{}" data-high="{}"/>)",
          coord(x0),
          coord(top),
          coord(x1 - x0),
          coord(std::max(bottom - top, 1.5)),
          exact(*chart.band_low),
          exact(*chart.band_high));
      // Above the band where there is room, else just inside it; drawn
      // last, over the series.
      overlay +=
          fmt::format(R"(<text class="bandlabel" x="{}" y="{}" text-anchor="end">claimed</text>)",
                      coord(x1 - 3),
                      coord(top - 3 >= k_top + 9 ? top - 3 : top + 11));
    }
  }
  // The day in question.
  if (chart.day) {
    const double x = x_of(*chart.day, n);
    svg += fmt::format(R"(<line class="dayline" x1="{}" x2="{}" y1="{}" y2="{}"/>)",
                       coord(x),
                       coord(x),
                       coord(k_top),
                       coord(k_height - k_bottom));
  }
  // Date labels: at each new month (a short window) or year (a long one),
  // none closer than 42 units to the last.
  const bool by_year = n > 130;
  double last_label = -k_infinity;
  for (std::size_t i = 0; i < n; ++i) {
    const auto d = window.points[i].date;
    // The first point starts a month label, never a year one: a window
    // from 2022-12-30 is not "2022".
    const bool starts = i == 0 ? !by_year
                               : (by_year ? d.year() != window.points[i - 1].date.year()
                                          : d.month() != window.points[i - 1].date.month());
    const double x = x_of(i, n);
    if (starts && x - last_label >= 42 && x <= k_width - k_right - 16) {
      svg += fmt::format(R"(<line class="tickmark" x1="{}" x2="{}" y1="{}" y2="{}"/>)",
                         coord(x),
                         coord(x),
                         coord(k_height - k_bottom),
                         coord(k_height - k_bottom + 4));
      const auto text =
          by_year ? fmt::format("{}", static_cast<int>(d.year())) : format_date(d).substr(0, 7);
      svg += fmt::format(R"(<text class="tick" x="{}" y="{}">{}</text>)",
                         coord(x),
                         coord(k_height - k_bottom + 14),
                         text);
      last_label = x;
    }
  }
  if (chart.day) {
    const double x = x_of(*chart.day, n);
    const bool right = x > k_width * 0.7;
    svg += fmt::format(R"(<text class="daylabel" x="{}" y="{}" text-anchor="{}">{}</text>)",
                       coord(right ? x - 3 : x + 3),
                       coord(k_height - 4),
                       right ? "end" : "start",
                       format_date(window.points[*chart.day].date));
  }
  // The series.
  if (!chart.bars) {
    std::string line;
    for (std::size_t i = 0; i < n; ++i) {
      line += fmt::format(
          "{}{},{}", line.empty() ? "" : " ", coord(x_of(i, n)), coord(y_of(chart.ys[i])));
    }
    svg += fmt::format(R"(<polyline class="line" points="{}"/>)", line);
  }
  const double zero = y_of(std::clamp(0.0, lo, hi));
  for (std::size_t i = 0; i < n; ++i) {
    const auto& point = window.points[i];
    std::string cls = "pt";
    if (chart.day == i) {
      cls += " day";
    }
    if (chart.base == i) {
      cls += " base";
    }
    if (chart.larger == i) {
      cls += " larger";
    }
    if (std::find(chart.averaged.begin(), chart.averaged.end(), i) != chart.averaged.end()) {
      cls += " averaged";
    }
    const auto data = fmt::format(R"(data-date="{}" data-value="{}"{})",
                                  format_date(point.date),
                                  exact(point.value),
                                  chart.extra[i]);
    if (std::isnan(chart.ys[i])) {
      svg += fmt::format(R"(<g class="pt unplotted" {}/>)", data);
      continue;
    }
    const double x = x_of(i, n);
    const double y = y_of(chart.ys[i]);
    if (chart.bars) {
      const double w = std::max(slot * 0.72, 0.4);
      svg += fmt::format(R"(<rect class="{}" x="{}" y="{}" width="{}" height="{}" {}/>)",
                         cls,
                         coord(x - w / 2),
                         coord(std::min(y, zero)),
                         coord(w),
                         coord(std::max(std::abs(zero - y), 0.6)),
                         data);
      if (chart.larger == i || chart.day == i) {
        svg += fmt::format(R"(<circle class="ring{}" cx="{}" cy="{}" r="5"/>)",
                           chart.larger == i ? " larger" : " day",
                           coord(x),
                           coord(y));
      }
    } else {
      svg += fmt::format(R"(<circle class="{}" cx="{}" cy="{}" r="{}" {}/>)",
                         cls,
                         coord(x),
                         coord(y),
                         chart.day == i ? "4" : (chart.base == i ? "3.5" : "1.8"),
                         data);
    }
  }
  if (chart.level) {
    double x0 = k_left;
    double x1 = k_width - k_right;
    if (!chart.averaged.empty()) {
      const auto [first, last] = std::minmax_element(chart.averaged.begin(), chart.averaged.end());
      x0 = x_of(*first, n) - slot / 2;
      x1 = x_of(*last, n) + slot / 2;
    }
    const double y = y_of(*chart.level);
    svg += fmt::format(R"(<line class="level" x1="{}" x2="{}" y1="{}" y2="{}"/>)",
                       coord(x0),
                       coord(x1),
                       coord(y),
                       coord(y));
    svg += fmt::format(R"(<text class="levellabel" x="{}" y="{}">{}</text>)",
                       coord(x0 + 2),
                       coord(y + 11),
                       esc(chart.level_label));
  }
  svg += overlay + "</svg>";
  return svg;
}

// A number line for a claim with no series: the values the claim allows and
// the observed one (a figure from a document, a derived ratio).
std::string
number_line(const Claim& claim, const Verdict& verdict)
{
  const auto sizes = allowed(claim);
  if (!sizes || !verdict.observed || (std::isinf(sizes->first) && std::isinf(sizes->second))) {
    return "";
  }
  const double value = *verdict.observed;
  const auto unit = claim.claimed->quantity->unit;
  double lo = std::min(value, std::isinf(sizes->first) ? sizes->second : sizes->first);
  double hi = std::max(value, std::isinf(sizes->second) ? sizes->first : sizes->second);
  if (hi - lo <= 0) {
    hi += std::max(std::abs(hi) * 0.05, 1.0);
    lo -= std::max(std::abs(lo) * 0.05, 1.0);
  }
  const double pad = (hi - lo) * 0.15;
  lo -= pad;
  hi += pad;
  constexpr double k_line_height = 64;
  const double left = 14;
  const double right = k_width - 14;
  const auto x_at = [&](double v) {
    return left + (std::clamp(v, lo, hi) - lo) / (hi - lo) * (right - left);
  };
  std::string svg = fmt::format(
      R"(<svg class="chart numberline" viewBox="0 0 {} {}" role="img" aria-label="what the claim allows and the observed value">)",
      k_width,
      k_line_height);
  svg += fmt::format(
      R"(<line class="axisline" x1="{}" x2="{}" y1="30" y2="30"/>)", coord(left), coord(right));
  const double b0 = x_at(sizes->first);
  const double b1 = x_at(sizes->second);
  svg += fmt::format(
      R"(<rect class="band" x="{}" y="22" width="{}" height="16" data-low="{}" data-high="{}"/>)",
      coord(b0),
      coord(std::max(b1 - b0, 1.5)),
      exact(sizes->first),
      exact(sizes->second));
  const auto end_label = [&](double v, double x, std::string_view anchor) {
    return fmt::format(R"(<text class="tick" x="{}" y="16" text-anchor="{}">{}</text>)",
                       coord(x),
                       anchor,
                       esc(quantity::format_limit(v, unit)));
  };
  if (!std::isinf(sizes->first)) {
    svg += end_label(sizes->first, b0, std::isinf(sizes->second) ? "middle" : "end");
  }
  if (!std::isinf(sizes->second) && sizes->second != sizes->first) {
    svg += end_label(sizes->second, b1, "start");
  }
  const double x = x_at(value);
  svg += fmt::format(
      R"(<circle class="pt day" cx="{}" cy="30" r="5" data-value="{}"/>)", coord(x), exact(value));
  svg +=
      fmt::format(R"(<text class="daylabel" x="{}" y="56" text-anchor="middle">observed {}</text>)",
                  coord(std::clamp(x, left + 50, right - 50)),
                  esc(verdict.observed_text));
  svg += "</svg>";
  return svg;
}

// --- cards -------------------------------------------------------------------

// The page a reader opens for a source, next to the data URL: FRED's series
// page, Stooq's history, Yahoo's history, EDGAR's company page, the arXiv
// abstract, the Wikipedia article, the Wikidata item. Empty when the data
// URL is itself the page (a document).
std::string
human_page(const SourceEvidence& source)
{
  const auto colon = source.ref.find(':');
  if (colon == std::string::npos) {
    return "";
  }
  const auto name = std::string_view(source.ref).substr(0, colon);
  const auto id = std::string_view(source.ref).substr(colon + 1);
  if (name == "fred") {
    return fmt::format("https://fred.stlouisfed.org/series/{}", util::percent_encode(id));
  }
  if (name == "stooq") {
    return fmt::format("https://stooq.com/q/d/?s={}", util::percent_encode(id));
  }
  if (name == "yahoo") {
    return fmt::format("https://finance.yahoo.com/quote/{}/history", util::percent_encode(id));
  }
  if (name == "sec") {
    return fmt::format("https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&CIK={}",
                       util::percent_encode(id));
  }
  if (name == "arxiv") {
    return fmt::format("https://arxiv.org/abs/{}", id);
  }
  if (name == "wikidata") {
    return fmt::format("https://www.wikidata.org/wiki/{}", util::percent_encode(id));
  }
  if (name == "wikipedia") {
    // The article on the wiki the summary came from.
    constexpr std::string_view k_api = "/api/rest_v1/page/summary/";
    const auto at = source.url.find(k_api);
    if (at != std::string::npos) {
      return source.url.substr(0, at) + "/wiki/" + source.url.substr(at + k_api.size());
    }
  }
  return "";
}

// Where the bytes came from, in a sentence a reader new to the tool follows.
std::string
provenance_sentence(const SourceEvidence& source)
{
  std::string out;
  if (source.origin == "recording") {
    out = source.retrieved_at.empty()
              ? std::string("Read from a recording shipped with the catalogue")
              : fmt::format("Read from a recording made on {}", source.retrieved_at);
    if (source.provenance == "verbatim") {
      out += ": a verbatim copy of the source's response";
    } else if (source.provenance == "reconstructed") {
      out += ": the source's real figures, laid out in its response format (reconstructed)";
    }
  } else if (source.origin == "cache") {
    out = fmt::format("Read from the disk cache, fetched {}", source.retrieved_at);
  } else if (source.origin == "network") {
    out = fmt::format("Fetched from the source on {}", source.retrieved_at);
  } else {
    out = fmt::format("Origin: {}", source.origin);
  }
  out += ".";
  if (!source.provenance_detail.empty()) {
    out += fmt::format(" Copied from: {}", source.provenance_detail);
  }
  return out;
}

// How the claimed figure is read and what tolerance it gets, in words.
std::string
tolerance_words(const Claim& claim)
{
  if (!claim.claimed || !claim.claimed->quantity) {
    return "";
  }
  const auto& q = *claim.claimed->quantity;
  if (!claim.tolerance_text.empty()) {
    return fmt::format("{} (the catalogue's tolerance)", claim.tolerance_text);
  }
  const auto precision = std::max(q.low_precision, q.high_precision);
  const auto unit = q.unit == Unit::percent ? Unit::percentage_points : q.unit;
  switch (q.comparator) {
  case quantity::Comparator::as_written:
    return fmt::format("\u00b1{}, half a unit of the last digit written",
                       quantity::format_limit(precision, unit));
  case quantity::Comparator::approx:
    return fmt::format("\u00b1{}, a full unit of the last digit (\u201capproximately\u201d)",
                       quantity::format_limit(2 * precision, unit));
  case quantity::Comparator::gt:
    return "none: \u201cmore than\u201d is strict";
  case quantity::Comparator::lt:
    return "none: \u201cless than\u201d is strict";
  case quantity::Comparator::ge:
    return "none: \u201cat least\u201d includes the value itself";
  }
  return "";
}

// A link a reader can open: only to an http(s) URL; any other (a
// catalogue's "javascript:" or "file:") is shown as text beside the label.
std::string
link(const std::string& url, const std::string& label_html)
{
  if (!url.starts_with("https://") && !url.starts_with("http://")) {
    return fmt::format("{} (<code>{}</code>)", label_html, esc(url));
  }
  return fmt::format(R"(<a href="{}" rel="noopener noreferrer">{}</a>)", esc(url), label_html);
}

std::string
row(std::string_view label, const std::string& html)
{
  return fmt::format("<dt>{}</dt><dd>{}</dd>", label, html);
}

class HtmlReporter : public Reporter
{
public:
  void
  write(const RunReport& report, std::ostream& out) const override
  {
    const auto& article = report.catalogue.article;
    const auto& claims = report.catalogue.claims;
    const std::string lang =
        article.language.empty() ? "" : fmt::format(R"( lang="{}")", esc(article.language));
    const auto title = article.title.empty() ? report.catalogue.path : article.title;

    out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        << fmt::format("<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n", k_csp)
        << "<meta name=\"referrer\" content=\"no-referrer\">\n"
        << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        << fmt::format("<title>Fact-check: {}</title>\n", esc(title)) << "<style>" << k_style
        << "</style>\n</head>\n<body>\n";

    out << "<header>\n"
        << fmt::format("<h1>Fact-check: <span{}>{}</span></h1>\n", lang, esc(title));
    std::vector<std::string> about;
    if (!article.author.empty()) {
      about.push_back(fmt::format("by <span{}>{}</span>", lang, esc(article.author)));
    }
    if (!article.published.empty()) {
      about.push_back(fmt::format("published {}", esc(article.published)));
    }
    if (!article.url.empty()) {
      about.push_back(link(article.url, esc(article.url)));
    }
    if (!about.empty()) {
      out << "<p class=\"about\">Article " << join(about, ", ") << ".</p>\n";
    }
    out << fmt::format("<p class=\"about\">Catalogue <code>{}</code>, checked by factcheck in {} "
                       "mode.</p>\n",
                       esc(report.catalogue.path),
                       to_string(report.mode))
        << "</header>\n<main>\n";

    write_summary(report, out);

    std::vector<char32_t> points;
    const auto offsets = code_point_offsets(report.article_text, &points);
    Located located;
    if (!report.article_text.empty()) {
      located = locate(points, claims);
      out << "<section id=\"article\" aria-labelledby=\"article-h\">\n"
          << "<h2 id=\"article-h\">The article</h2>\n"
          << fmt::format("<p class=\"hint\">{} of {} quotes marked; each mark links to its "
                         "verdict.</p>\n",
                         located.places.size(),
                         claims.size())
          << fmt::format("<div class=\"text\"{}>", lang)
          << marked_article(report.article_text, offsets, located, report) << "</div>\n";
      if (!located.unlocated.empty()) {
        out << "<h3>Quotes not found in the article</h3>\n<ul class=\"unlocated\">\n";
        for (std::size_t k = 0; k < located.unlocated.size(); ++k) {
          const auto i = located.unlocated[k];
          out << fmt::format(
              R"(<li id="u-{}" data-claim="{}">{} <a href="#c-{}">{}</a>: <q{}>{}</q> ({})</li>)",
              esc(claims[i].id),
              esc(claims[i].id),
              badge(report.verdicts[i].kind),
              esc(claims[i].id),
              esc(claims[i].id),
              lang,
              esc(claims[i].quote),
              esc(located.unlocated_note[k]));
          out << '\n';
        }
        out << "</ul>\n";
      }
      out << "</section>\n";
    }

    out << "<section id=\"verdicts\" aria-labelledby=\"verdicts-h\">\n"
        << "<h2 id=\"verdicts-h\">The verdicts</h2>\n";
    for (std::size_t i = 0; i < claims.size(); ++i) {
      const bool marked = std::any_of(located.places.begin(),
                                      located.places.end(),
                                      [i](const Place& p) { return p.claim == i; });
      const auto window = report.windows.find(claims[i].id);
      write_card(i,
                 claims[i],
                 report.verdicts[i],
                 window == report.windows.end() ? nullptr : &window->second,
                 marked,
                 report.article_text.empty() ? "" : (marked ? "marked" : "unlocated"),
                 lang,
                 out);
    }
    out << "</section>\n</main>\n"
        << "<footer><p>Made by factcheck from the run above; every figure comes from the sources "
           "named on its card.</p></footer>\n</body>\n</html>\n";
  }

private:
  static std::string
  join(const std::vector<std::string>& parts, std::string_view separator)
  {
    std::string out;
    for (const auto& part : parts) {
      out += out.empty() ? "" : std::string(separator);
      out += part;
    }
    return out;
  }

  static void
  write_summary(const RunReport& report, std::ostream& out)
  {
    // Distinct statements where the catalogue links repeats (same_as); a
    // statement with a contradicted claim counts as contradicted.
    const bool repeats = has_repeats(report);
    const auto s = repeats ? count_statements(report) : report.summary;
    const auto count = [&s](VerdictKind kind) {
      switch (kind) {
      case VerdictKind::supported:
        return s.supported;
      case VerdictKind::contradicted:
        return s.contradicted;
      case VerdictKind::unverifiable:
        return s.unverifiable;
      case VerdictKind::error:
        return s.error;
      }
      return 0;
    };
    out << "<section id=\"summary\" aria-labelledby=\"summary-h\">\n"
        << "<h2 id=\"summary-h\">Summary</h2>\n"
        << (repeats ? fmt::format(
                "<p>{}, {} checked; the counts are of statements.</p>\n",
                util::count_of(static_cast<std::size_t>(report.summary.total()), "claim"),
                util::count_of(static_cast<std::size_t>(s.total()), "statement"))
                    : fmt::format("<p>{} checked.</p>\n",
                                  util::count_of(static_cast<std::size_t>(s.total()), "claim")))
        << "<ul class=\"counts\">\n";
    for (const auto kind : k_order) {
      out << fmt::format("<li class=\"{}\" data-verdict=\"{}\"><span class=\"sym\" "
                         "aria-hidden=\"true\">{}</span> <strong>{}</strong> {}</li>\n",
                         verdict_class(kind),
                         to_string(kind),
                         symbol(kind),
                         count(kind),
                         to_string(kind));
    }
    out << "</ul>\n";
    for (const auto kind : {VerdictKind::contradicted, VerdictKind::error}) {
      if (count(kind) == 0) {
        continue;
      }
      out << fmt::format("<h3>{}</h3>\n<ol class=\"worst\">\n",
                         kind == VerdictKind::contradicted ? "Contradicted"
                                                           : "Could not be checked (error)");
      for (std::size_t i = 0; i < report.verdicts.size(); ++i) {
        const auto& verdict = report.verdicts[i];
        if (verdict.kind != kind) {
          continue;
        }
        const auto& claim = report.catalogue.claims[i];
        out << fmt::format(R"(<li><a href="#c-{}">{}</a>: {})",
                           esc(claim.id),
                           esc(claim.statement),
                           esc(verdict.observed_text.empty()
                                   ? verdict.message
                                   : "observed " + verdict.observed_text));
        out << "</li>\n";
      }
      out << "</ol>\n";
    }
    out << "</section>\n";
  }

  static void
  write_card(std::size_t index,
             const Claim& claim,
             const Verdict& verdict,
             const SeriesWindow* window,
             bool marked,
             std::string_view placement,
             const std::string& lang,
             std::ostream& out)
  {
    out << fmt::format(R"(<article class="card {}" id="c-{}" data-verdict="{}"{}>)",
                       verdict_class(verdict.kind),
                       esc(claim.id),
                       to_string(verdict.kind),
                       placement.empty() ? "" : fmt::format(R"( data-placement="{}")", placement))
        << '\n'
        << fmt::format("<h3><span class=\"num\">{}</span> {} <code>{}</code></h3>\n",
                       index + 1,
                       badge(verdict.kind),
                       esc(claim.id))
        << fmt::format("<blockquote{}>{}</blockquote>\n", lang, esc(claim.quote))
        << fmt::format("<p class=\"statement\">{}</p>\n", esc(claim.statement))
        << fmt::format("<p class=\"reason\"><strong>{}.</strong> {}</p>\n",
                       to_string(verdict.kind),
                       esc(verdict.message));
    if (verdict.kind == VerdictKind::contradicted && claim.claimed) {
      out << fmt::format(
          "<p class=\"correction\"><strong>Correction:</strong> the record shows {}{}; the "
          "article says <q{}>{}</q>.</p>\n",
          esc(verdict.observed_text.empty() ? verdict.message : verdict.observed_text),
          verdict.accepted.empty()
              ? ""
              : fmt::format(", where the claim would need {}", esc(verdict.accepted)),
          lang,
          esc(claim.claimed->text));
    }
    out << "<dl>";
    if (claim.claimed) {
      out << row("Claimed", fmt::format("<span{}>{}</span>", lang, esc(claim.claimed->text)));
    }
    if (!verdict.accepted.empty()) {
      out << row("Would hold for", esc(verdict.accepted));
    }
    if (const auto words = tolerance_words(claim); !words.empty()) {
      out << row("Tolerance", esc(words));
    }
    if (!verdict.observed_text.empty()) {
      out << row("Observed", esc(verdict.observed_text));
    }
    if (!verdict.evidence.arithmetic.empty()) {
      out << row("Arithmetic", fmt::format("<code>{}</code>", esc(verdict.evidence.arithmetic)));
    }
    if (const auto* unverifiable = claim.check.get<UnverifiableCheck>(); unverifiable != nullptr) {
      if (!claim.note.empty()) {
        out << row("Note", esc(claim.note));
      }
    }
    out << "</dl>\n";
    if (!verdict.evidence.notes.empty()) {
      out << "<ul class=\"notes\">";
      for (const auto& note : verdict.evidence.notes) {
        out << "<li>" << esc(note) << "</li>";
      }
      out << "</ul>\n";
    }
    if (window != nullptr) {
      if (const auto chart = chart_for(claim, verdict, *window)) {
        const auto title = fmt::format("{} {}, {} to {}",
                                       window->series,
                                       window->field,
                                       format_date(window->points.front().date),
                                       format_date(window->points.back().date));
        const auto svg = draw(*chart, *window, title);
        if (!svg.empty()) {
          out << "<figure>" << svg << "<figcaption>" << esc(title) << ": "
              << esc(join(chart->legend, "; ")) << ".</figcaption></figure>\n";
        }
      }
    } else if (const auto line = number_line(claim, verdict); !line.empty()) {
      out << "<figure>" << line
          << "<figcaption>Shaded: what the claim allows; dot: the observed "
             "value.</figcaption></figure>\n";
    }
    if (!verdict.evidence.sources.empty()) {
      out << "<h4>Sources</h4>\n<ul class=\"sources\">\n";
      for (const auto& shared : verdict.evidence.sources) {
        const SourceEvidence& source = *shared;
        const auto page = human_page(source);
        out << "<li>";
        if (!page.empty()) {
          out << link(page, esc(source.ref)) << " · " << link(source.url, "the data");
        } else {
          out << link(source.url, esc(source.ref));
        }
        out << ". " << esc(provenance_sentence(source));
        if (!source.sha256.empty()) {
          out << fmt::format(" <span class=\"sha\">sha256 <code>{}</code></span>",
                             esc(source.sha256));
        }
        out << "</li>\n";
      }
      out << "</ul>\n";
    }
    out << fmt::format("<p class=\"where\">Catalogue line {}", claim.line);
    if (marked) {
      out << fmt::format(R"( · <a class="back" href="#m-{}">back to the article</a>)",
                         esc(claim.id));
    } else if (placement == "unlocated") {
      out << fmt::format(R"( · <a class="back" href="#u-{}">not found in the article</a>)",
                         esc(claim.id));
    }
    out << "</p>\n</article>\n";
  }

  static constexpr std::string_view k_style = R"(
:root{--ok:#1a7f37;--ok-bg:#dcf3e3;--no:#b42318;--no-bg:#fde3e1;--un:#5a5a5a;--un-bg:#ececec;--er:#8a5a00;--er-bg:#fff1c7;--ink:#1b1b1b;--line:#d0d0d0}
*{box-sizing:border-box}
body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans CJK TC","WenQuanYi Micro Hei",sans-serif;color:var(--ink);background:#fff}
header,main,footer{max-width:46rem;margin:0 auto;padding:0 1rem}
h1{font-size:1.45rem;line-height:1.3;margin:1.2rem 0 .4rem}
h2{font-size:1.2rem;margin:1.8rem 0 .6rem;border-bottom:2px solid var(--ink)}
h3{font-size:1.02rem;margin:1rem 0 .4rem}
h4{font-size:.9rem;margin:.8rem 0 .2rem}
.about,.hint,.where,footer{color:#555;font-size:.88rem;margin:.2rem 0}
code{font:.85em/1.4 ui-monospace,"DejaVu Sans Mono",monospace;overflow-wrap:anywhere}
.counts{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem}
.counts li{padding:.3rem .7rem;border-radius:.3rem;border:1px solid}
.v-supported{--c:var(--ok);--bg:var(--ok-bg)}.v-contradicted{--c:var(--no);--bg:var(--no-bg)}
.v-unverifiable{--c:var(--un);--bg:var(--un-bg)}.v-error{--c:var(--er);--bg:var(--er-bg)}
.counts li,.badge{background:var(--bg);border-color:var(--c);color:var(--c)}
.badge{display:inline-block;padding:0 .45rem;border:1px solid;border-radius:.25rem;font-size:.85rem;font-weight:600}
.sym{font-weight:700}
.text{white-space:pre-wrap;overflow-wrap:anywhere;line-height:1.8;font-size:1rem;padding:.8rem;border:1px solid var(--line);border-radius:.3rem}
mark{background:var(--bg);color:inherit;text-decoration:underline 2px var(--c);text-underline-offset:3px;padding:0 1px}
mark.v-contradicted{text-decoration-style:wavy}mark.v-unverifiable{text-decoration-style:dotted}mark.v-error{text-decoration-style:dashed}
mark mark{text-decoration-thickness:3px;text-underline-offset:6px}
a.ref{color:var(--c);font-weight:700;text-decoration:none;font-size:.8em;padding:0 1px}
a.ref sub{font-size:.75em}
:target{outline:3px solid #1f5fbf;outline-offset:2px}
.card{border:1px solid var(--line);border-left:6px solid var(--c);border-radius:.3rem;padding:.2rem .9rem .5rem;margin:1rem 0;overflow-wrap:anywhere}
.card .num{color:#666;font-weight:400}
blockquote{margin:.4rem 0;padding:.1rem .7rem;border-left:3px solid var(--line);color:#333}
.statement{font-weight:600;margin:.3rem 0}
.reason{margin:.3rem 0}
.correction{background:var(--no-bg);border:1px solid var(--no);padding:.3rem .6rem;border-radius:.3rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.1rem .8rem;margin:.5rem 0;font-size:.92rem}
dt{color:#555}dd{margin:0}
@media (max-width:30rem){dl{grid-template-columns:1fr}dd{margin-bottom:.3rem}}
.notes,.sources{font-size:.88rem;padding-left:1.1rem}
.sha code{font-size:.75em;color:#666}
figure{margin:.6rem 0}figcaption{font-size:.82rem;color:#444}
.chart{width:100%;height:auto;display:block;max-width:30rem}
.chart text{font:11px sans-serif;fill:#333}.chart .axis{font-weight:600}
.chart .grid{stroke:#e4e4e4}.chart .tickmark{stroke:#888}.chart .before{fill:#f1f1f1}
.chart .line{fill:none;stroke:#1f5fbf;stroke-width:1.6}
.chart circle.pt{fill:#1f5fbf}.chart rect.pt{fill:#9db7e0}.chart rect.pt.averaged{fill:#1f5fbf}
.chart .pt.base{fill:#fff;stroke:#1f5fbf;stroke-width:1.6}
.chart .pt.day{fill:var(--c);stroke:#000;stroke-width:1}.chart rect.pt.larger{fill:#e07b00}
.chart .ring{fill:none;stroke:var(--c);stroke-width:1.5}.chart .ring.larger{stroke:#e07b00}
.chart .band{fill:var(--c);fill-opacity:.16;stroke:var(--c);stroke-dasharray:4 3}
.chart .bandlabel,.chart .daylabel{font-weight:600;fill:var(--c)}
.chart .bandlabel,.chart .levellabel{paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}
.chart .dayline{stroke:var(--c);stroke-dasharray:3 3}.chart .level{stroke:#000;stroke-dasharray:5 3}
.chart .axisline{stroke:#888}
@media print{body{font-size:10pt}header,main,footer{max-width:none}a{color:inherit}
.card{break-inside:avoid}.back,a.ref sub{display:none}
.sources a[href]::after{content:" <" attr(href) ">";font-size:.8em;overflow-wrap:anywhere}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
)";
};

} // namespace

std::unique_ptr<Reporter>
make_html_reporter(const ReportOptions& /*options*/)
{
  return std::make_unique<HtmlReporter>();
}

} // namespace factcheck::report
