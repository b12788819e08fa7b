#include "tree.hpp"

#include <factcheck/catalogue/load.hpp>
#include <factcheck/eval/formula.hpp>
#include <factcheck/sources/registry.hpp>
#include <factcheck/util/error.hpp>
#include <factcheck/util/json.hpp>
#include <factcheck/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <iterator>
#include <map>
#include <set>
#include <sstream>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace factcheck::catalogue {

namespace {

using detail::Node;

std::string
known_kinds()
{
  std::string out;
  for (const auto& info : check_kinds()) {
    if (!out.empty()) {
      out += ", ";
    }
    out += info.name;
  }
  return out;
}

std::string
join(const std::vector<std::string_view>& words)
{
  std::string out;
  for (const auto word : words) {
    if (!out.empty()) {
      out += ", ";
    }
    out += word;
  }
  return out;
}

// How a unit reads in a message.
std::string_view
unit_name(quantity::Unit unit)
{
  switch (unit) {
  case quantity::Unit::percent:
    return "percent";
  case quantity::Unit::percentage_points:
    return "percentage points";
  case quantity::Unit::points:
    return "points";
  case quantity::Unit::days:
    return "days";
  case quantity::Unit::usd:
    return "US dollars";
  case quantity::Unit::hkd:
    return "Hong Kong dollars";
  case quantity::Unit::cny:
    return "renminbi";
  case quantity::Unit::shares:
    return "shares";
  case quantity::Unit::none:
    break;
  }
  return "a plain number";
}

// A claimed sign, or a direction, belongs to kinds that measure a move.
bool
is_change_kind(CheckKind kind)
{
  const auto family = kind_info(kind).family;
  return family == CheckFamily::market_change || family == CheckFamily::record;
}

// The items of "claims" as read, in order: the claims, the ids seen, every
// mistake.
struct ClaimsRead
{
  bool started = false;
  std::vector<Claim> claims;
  std::unordered_map<std::string, int> seen;
  std::vector<std::string> mistakes;
};

// Reads one catalogue, remembering the path for messages.
class Reader
{
public:
  explicit Reader(std::string path) : m_path(std::move(path))
  {}

  [[noreturn]] void
  fail(const Node& node, std::string_view message) const
  {
    fail_at(node.line, message);
  }

  [[noreturn]] void
  fail_at(int line, std::string_view message) const
  {
    throw Error(fmt::format("{}:{}: {}", m_path, line, message));
  }

  int
  line_of(const Node& node) const
  {
    return node.line;
  }

  // The pairs of a mapping, rejecting duplicate and unknown keys.
  // A key and its value, as written.
  struct Entry
  {
    const Node& first;
    const Node& second;
    std::size_t index; // of the pair in the mapping
  };

  std::map<std::string, Entry>
  mapping(const Node& node,
          std::string_view what,
          const std::vector<std::string_view>& allowed,
          std::string_view allowed_hint = {}) const
  {
    if (!node.is_map()) {
      fail(node, fmt::format("{} must be a mapping", what));
    }
    std::map<std::string, Entry> out;
    for (std::size_t i = 0; i + 1 < node.items.size(); i += 2) {
      const auto& key_node = node.items[i];
      const auto key = as_string(key_node);
      if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
        fail(key_node,
             fmt::format("unknown key \"{}\" in {} (expected: {})",
                         key,
                         what,
                         allowed_hint.empty() ? join(allowed) : std::string(allowed_hint)));
      }
      if (const auto seen = out.find(key); seen != out.end()) {
        fail(key_node,
             fmt::format("duplicate key \"{}\" in {} (first at line {})",
                         key,
                         what,
                         line_of(seen->second.first)));
      }
      out.emplace(key, Entry{key_node, node.items[i + 1], i / 2});
    }
    return out;
  }

  std::string
  scalar(const Node& node, std::string_view key) const
  {
    if (!node.is_scalar()) {
      fail(node, fmt::format("\"{}\" must be a single value", key));
    }
    return node.value;
  }

  // A mapping's key: yaml-cpp's message for a key that is a list or a
  // mapping, kept since a catalogue written against it may show it.
  std::string
  as_string(const Node& node) const
  {
    if (!node.is_scalar()) {
      fail(node, "bad conversion");
    }
    return node.value;
  }

  std::string
  text(const Node& node, std::string_view key) const
  {
    auto value = scalar(node, key);
    if (util::trim(value).empty()) {
      fail(node, fmt::format("\"{}\" is empty", key));
    }
    return value;
  }

  // A check's day, written as ISO or as articles write it ("2025年1月27日",
  // "Jan. 27, 2025", "1月27日" or "Monday" against the article's published
  // date). A market check needs a day, not a month.
  Date
  date(const Node& node, std::string_view key) const
  {
    const auto value = scalar(node, key);
    const auto parsed = parse_written_date(value, m_dates);
    if (!parsed) {
      fail(node, fmt::format("bad date \"{}\" for \"{}\": {}", value, key, parsed.error()));
    }
    if (parsed->date.day == 0 || parsed->vague) {
      fail(node,
           fmt::format("bad date \"{}\" for \"{}\": a check needs one day (such as "
                       "2025-01-27), not {}",
                       value,
                       key,
                       parsed->vague ? "a vague date" : "a month or a year"));
    }
    return parsed->date.first_day();
  }

  // A claimed date or period: "2023-03", "2023年3月", "July 2023", "2022".
  PartialDate
  claimed_date(const Node& node,
               std::string_view text,
               std::string_view what,
               std::string_view written = {}) const
  {
    const auto parsed = parse_written_date(text, m_dates);
    if (!parsed) {
      fail(node,
           fmt::format("bad claimed \"{}\": {} ({})",
                       written.empty() ? text : written,
                       parsed.error(),
                       what));
    }
    return parsed->date;
  }

  // A reference for `key`, whose source must give that key's kind of data:
  // a price series for series/corroborate, share counts for shares, a
  // document, an entity.
  SourceRef
  source_ref(const Node& node, std::string_view key) const
  {
    auto ref = any_source_ref(node, key);
    using sources::Gives;
    const auto gives = sources::find(ref.source)->gives();
    const auto wanted = key == "shares"     ? Gives::shares
                        : key == "document" ? Gives::document
                        : key == "entity"   ? Gives::entity
                        : key == "file"     ? Gives::short_sales
                        : key == "facts"    ? Gives::facts
                                            : Gives::series;
    if (gives != wanted) {
      static constexpr std::array<std::string_view, 6> k_names{"a daily series",
                                                               "share counts",
                                                               "a document",
                                                               "an entity",
                                                               "a short-sale file",
                                                               "filed XBRL facts"};
      std::string fit;
      for (const auto* source : sources::all()) {
        if (source->gives() == wanted) {
          fit += fmt::format("{}{}:", fit.empty() ? "" : ", ", source->name());
        }
      }
      fail(node,
           fmt::format("\"{}\" needs {}, but {}: gives {} (use {})",
                       key,
                       k_names[static_cast<std::size_t>(wanted)],
                       ref.source,
                       k_names[static_cast<std::size_t>(gives)],
                       fit));
    }
    return ref;
  }

  SourceRef
  any_source_ref(const Node& node, std::string_view key) const
  {
    const auto value = scalar(node, key);
    const auto colon = value.find(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == value.size()) {
      fail(node,
           fmt::format("bad source reference \"{}\" for \"{}\" (expected "
                       "SOURCE:ID, e.g. \"fred:NASDAQCOM\")",
                       value,
                       key));
    }
    SourceRef ref{value.substr(0, colon), value.substr(colon + 1)};
    if (sources::find(ref.source) == nullptr) {
      std::string known;
      for (const auto* source : sources::all()) {
        known += known.empty() ? "" : ", ";
        known += source->name();
      }
      fail(node,
           fmt::format("unknown source \"{}\" in \"{}\" (known: {})", ref.source, value, known));
    }
    if (auto request = sources::find(ref.source)
                           ->request(ref.id, sources::find(ref.source)->default_base_url());
        !request) {
      fail(node, fmt::format("bad identifier in \"{}\": {}", value, request.error()));
    }
    return ref;
  }

  // Text by language: {zh-Hant: 輝達, en: NVIDIA}. Each key a language code
  // (letters, then parts after '-': "en", "zh-Hant"), each value a text.
  Localized
  localized(const Node& node, std::string_view key) const
  {
    if (!node.is_map()) {
      fail(node,
           fmt::format("\"{}\" is a mapping of language to text, e.g. {{zh-Hant: 輝達, en: "
                       "NVIDIA}}",
                       key));
    }
    Localized out;
    for (std::size_t i = 0; i + 1 < node.items.size(); i += 2) {
      const auto& language_node = node.items[i];
      const auto language = scalar(language_node, key);
      const bool code_ok = language.size() >= 2
                           && std::isalpha(static_cast<unsigned char>(language[0])) != 0
                           && std::all_of(language.begin(), language.end(), [](char c) {
                                return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-';
                              });
      if (!code_ok) {
        fail(language_node,
             fmt::format(
                 "bad language \"{}\" in \"{}\" (a code such as en or zh-Hant)", language, key));
      }
      if (out.count(language) != 0) {
        fail(language_node, fmt::format("duplicate language \"{}\" in \"{}\"", language, key));
      }
      out.emplace(language, text(node.items[i + 1], key));
    }
    return out;
  }

  // span: [begin, end], code points of the article, begin < end.
  std::pair<std::size_t, std::size_t>
  span(const Node& node) const
  {
    if (!node.is_sequence() || node.size() != 2) {
      fail(node, "\"span\" is [begin, end]: two code point offsets into the article");
    }
    std::array<std::size_t, 2> ends{};
    for (std::size_t i = 0; i < 2; ++i) {
      const auto text = scalar(node.items[i], "span");
      std::size_t value = 0;
      const auto* first = text.data();
      const auto* last = text.data() + text.size();
      const auto [end, ec] = std::from_chars(first, last, value);
      if (ec != std::errc() || end != last) {
        fail(node, fmt::format("bad span offset \"{}\" (a whole number)", text));
      }
      ends[i] = value;
    }
    if (ends[0] >= ends[1]) {
      fail(node, "\"span\" must run from begin to a larger end");
    }
    return {ends[0], ends[1]};
  }

  Article
  article(const Node& node) const
  {
    Article out;
    for (const auto& [key, item] :
         mapping(node, "article", {"title", "language", "published", "url", "author", "text"})) {
      const auto value = scalar(item.second, key);
      if (key == "title") {
        out.title = value;
      } else if (key == "language") {
        out.language = value;
      } else if (key == "published") {
        out.published = value;
      } else if (key == "url") {
        out.url = value;
      } else if (key == "text") {
        out.text_file = value;
        out.text_written = value;
        out.text_line = line_of(item.first);
      } else {
        out.author = value;
      }
    }
    return out;
  }

  Check
  check(const Node& node) const
  {
    if (!node.is_map()) {
      fail(node, "\"check\" must be a mapping with a \"kind\"");
    }
    const auto* found_kind = node.find("kind");
    if (found_kind == nullptr) {
      fail(node, "\"check\" has no \"kind\"");
    }
    const auto& kind_node = *found_kind;
    const auto kind_text = scalar(kind_node, "kind");
    const auto kind = parse_check_kind(kind_text);
    if (!kind) {
      fail(kind_node,
           fmt::format("unknown check kind \"{}\" (known: {})", kind_text, known_kinds()));
    }
    const auto& schema = kind_info(*kind);
    std::vector<std::string_view> allowed{"kind"};
    allowed.insert(allowed.end(), schema.required.begin(), schema.required.end());
    allowed.insert(allowed.end(), schema.optional.begin(), schema.optional.end());
    // "an unverifiable check", "a close check"
    const std::string_view article =
        std::string_view("aeiou").find(kind_text.front()) != std::string_view::npos ? "an" : "a";
    const auto items = mapping(node, fmt::format("{} {} check", article, kind_text), allowed);
    for (const auto key : schema.required) {
      if (items.count(std::string(key)) == 0) {
        fail(node, fmt::format("{} {} check needs \"{}\"", article, kind_text, key));
      }
    }

    Fields out;
    for (const auto& [key, item] : items) {
      const auto& value = item.second;
      if (key == "series" || key == "document" || key == "entity" || key == "file"
          || key == "facts") {
        out.series = source_ref(value, key);
      } else if (key == "symbol") {
        out.symbol = text(value, key);
      } else if (key == "form") {
        out.form = text(value, key);
      } else if (key == "corroborate") {
        out.corroborate = source_ref(value, key);
      } else if (key == "shares") {
        out.shares = source_ref(value, key);
      } else if (key == "date" || key == "end") {
        // `end` is a filing_fact's date: the last day of the fiscal year.
        out.date = date(value, key);
      } else if (key == "base_date") {
        out.base_date = date(value, key);
      } else if (key == "direction") {
        const auto direction = scalar(value, key);
        if (direction == "fall") {
          out.direction = Direction::fall;
        } else if (direction == "rise") {
          out.direction = Direction::rise;
        } else {
          fail(value, fmt::format("bad direction \"{}\" (expected fall or rise)", direction));
        }
      } else if (key == "field") {
        out.field = scalar(value, key);
        if (!is_known_field(out.field)) {
          fail(value,
               fmt::format("unknown price field \"{}\" (known: close, "
                           "adjclose, open, high, low, volume)",
                           out.field));
        }
      } else if (key == "days") {
        const auto days = scalar(value, key);
        double number = 0;
        if (!util::parse_double(days, number) || number < 1 || number > 1000
            || number != static_cast<int>(number)) {
          fail(value,
               fmt::format("bad \"days\" \"{}\" (expected a whole number of "
                           "trading days, 1 to 1000)",
                           days));
        }
        out.days = static_cast<int>(number);
      } else if (key == "reading") {
        const auto reading = scalar(value, key);
        if (reading != "supports" && reading != "contradicts") {
          fail(value, fmt::format("bad reading \"{}\" (supports or contradicts)", reading));
        }
        out.supports = reading == "supports";
      } else if (key == "relation") {
        const auto relation = scalar(value, key);
        if (relation != "on" && relation != "by") {
          fail(value, fmt::format("bad relation \"{}\" (on or by)", relation));
        }
        out.relation = relation == "by" ? DateRelation::by : DateRelation::on;
      } else if (key == "reason") {
        out.reason = text(value, key);
      } else if (key == "category") {
        const auto category = scalar(value, key);
        const auto parsed = parse_unverifiable_category(category);
        if (!parsed) {
          fail(value,
               fmt::format("unknown category \"{}\" (known: {})",
                           category,
                           known_unverifiable_categories()));
        }
        out.category = *parsed;
      } else if (key == "anchor") {
        out.anchor = text(value, key);
      } else if (key == "property") {
        out.property = text(value, key);
        const bool property_ok = out.property.size() >= 2 && out.property[0] == 'P'
                                 && std::all_of(out.property.begin() + 1,
                                                out.property.end(),
                                                [](char c) { return c >= '0' && c <= '9'; });
        if (!property_ok) {
          fail(value,
               fmt::format("bad property \"{}\" (expected a Wikidata property, e.g. P571)",
                           out.property));
        }
      } else if (key == "names") {
        if (!value.is_sequence() || value.size() == 0) {
          fail(value, "\"names\" must be a non-empty list");
        }
        for (const auto& name : value.items) {
          out.names.push_back(text(name, "names"));
        }
      } else if (key == "formula") {
        out.formula = text(value, key);
      } else if (key == "inputs") {
        if (!value.is_map() || value.size() == 0) {
          fail(value, "\"inputs\" must be a mapping of names to claim ids");
        }
        for (std::size_t i = 0; i + 1 < value.items.size(); i += 2) {
          out.inputs.emplace_back(as_string(value.items[i]), text(value.items[i + 1], "inputs"));
        }
      }
    }
    if (*kind == CheckKind::derived) {
      std::map<std::string, double> ones;
      for (const auto& [name, id] : out.inputs) {
        ones[name] = 1;
      }
      if (auto checked = eval::evaluate_formula(out.formula, ones); !checked) {
        fail(items.at("formula").second,
             fmt::format("bad formula \"{}\": {}", out.formula, checked.error()));
      }
    }
    if (out.base_date && *out.base_date >= out.date) {
      fail(items.at("base_date").second, "\"base_date\" must be before \"date\"");
    }
    return build(*kind, std::move(out));
  }

  // Every key a check may have, as read; build() keeps those of the kind.
  struct Fields
  {
    SourceRef series; // or document, entity
    std::optional<SourceRef> corroborate;
    std::optional<SourceRef> shares;
    Date date{};
    std::optional<Date> base_date;
    Direction direction = Direction::none;
    std::string field = "close";
    int days = 0;
    bool supports = true;
    DateRelation relation = DateRelation::on;
    std::string reason;
    UnverifiableCategory category = UnverifiableCategory::none;
    std::string anchor;
    std::vector<std::string> names;
    std::string property;
    std::string symbol;
    std::string form = "10-K";
    std::string formula;
    std::vector<std::pair<std::string, std::string>> inputs;
  };

  static Check
  build(CheckKind kind, Fields f)
  {
    switch (kind_info(kind).family) {
    case CheckFamily::market_level:
      return Check{MarketLevelCheck{kind,
                                    std::move(f.series),
                                    f.date,
                                    kind == CheckKind::volume ? std::string("volume") : f.field,
                                    std::move(f.shares),
                                    std::move(f.corroborate)}};
    case CheckFamily::market_change:
      return Check{MarketChangeCheck{kind,
                                     std::move(f.series),
                                     f.date,
                                     f.base_date,
                                     f.direction,
                                     std::move(f.field),
                                     std::move(f.shares),
                                     std::move(f.corroborate)}};
    case CheckFamily::record:
      return Check{RecordCheck{std::move(f.series), f.date, f.direction, std::move(f.field)}};
    case CheckFamily::average:
      return Check{AverageCheck{std::move(f.series), f.date, f.days}};
    case CheckFamily::document_figure:
      return Check{DocumentFigureCheck{std::move(f.series), std::move(f.anchor)}};
    case CheckFamily::document_date:
      if (kind == CheckKind::document_age) {
        return Check{DocumentDateCheck{
            std::move(f.series), std::move(f.anchor), DateRelation::on, kind, f.date}};
      }
      return Check{DocumentDateCheck{std::move(f.series),
                                     std::move(f.anchor),
                                     f.relation,
                                     CheckKind::document_date,
                                     std::nullopt}};
    case CheckFamily::document_list:
      return Check{DocumentListCheck{std::move(f.series), std::move(f.anchor), std::move(f.names)}};
    case CheckFamily::document_passage:
      return Check{DocumentPassageCheck{std::move(f.series), std::move(f.anchor), f.supports}};
    case CheckFamily::entity_property:
      if (kind == CheckKind::entity_age) {
        return Check{EntityPropertyCheck{std::move(f.series), std::move(f.property), kind, f.date}};
      }
      return Check{EntityPropertyCheck{
          std::move(f.series), std::move(f.property), CheckKind::entity_property, std::nullopt}};
    case CheckFamily::derived:
      return Check{DerivedCheck{std::move(f.formula), std::move(f.inputs)}};
    case CheckFamily::short_sale:
      return Check{ShortSaleCheck{std::move(f.series), std::move(f.symbol)}};
    case CheckFamily::filing:
      return Check{FilingFactCheck{std::move(f.series), f.date, std::move(f.form)}};
    case CheckFamily::unverifiable:
      break;
    }
    return Check{UnverifiableCheck{std::move(f.reason), f.category}};
  }

  quantity::Unit
  unit(const Node& node) const
  {
    const auto value = scalar(node, "unit");
    static const std::array<std::pair<std::string_view, quantity::Unit>, 9> k_units{
        {{"USD", quantity::Unit::usd},
         {"HKD", quantity::Unit::hkd},
         {"CNY", quantity::Unit::cny},
         {"%", quantity::Unit::percent},
         {"percent", quantity::Unit::percent},
         {"points", quantity::Unit::points},
         {"percentage_points", quantity::Unit::percentage_points},
         {"shares", quantity::Unit::shares},
         {"none", quantity::Unit::none}}};
    for (const auto& [name, unit] : k_units) {
      if (value == name) {
        return unit;
      }
    }
    fail(node,
         fmt::format("unknown unit \"{}\" (known: USD, HKD, CNY, percent, points, "
                     "percentage_points, shares, none)",
                     value));
  }

  double
  number(const Node& node, std::string_view key) const
  {
    const auto value = scalar(node, key);
    double out = 0;
    if (!util::parse_double(value, out) || !std::isfinite(out)) {
      fail(node, fmt::format("bad number \"{}\" for \"{}\" (a finite decimal)", value, key));
    }
    return out;
  }

  quantity::Tolerance
  tolerance(const Node& node) const
  {
    const auto value = scalar(node, "tolerance");
    auto parsed = quantity::parse_tolerance(value);
    if (!parsed) {
      fail(node, fmt::format("bad tolerance \"{}\": {}", value, parsed.error()));
    }
    return *parsed;
  }

  // The structured form {op, value, unit, tolerance}.
  quantity::Quantity
  structured_quantity(const Node& node,
                      std::optional<quantity::Tolerance>& tol,
                      std::string& tol_text) const
  {
    const auto items = mapping(node, "claimed", {"op", "value", "unit", "tolerance"});
    if (items.count("value") == 0) {
      fail(node, "a structured \"claimed\" needs \"value\"");
    }
    quantity::Quantity q;
    q.low = q.high = number(items.at("value").second, "value");
    q.sign = q.low < 0 ? -1 : 0;
    if (items.count("unit") != 0) {
      q.unit = unit(items.at("unit").second);
    }
    if (items.count("op") != 0) {
      const auto& op_node = items.at("op").second;
      const auto op = scalar(op_node, "op");
      if (op == "gt") {
        q.comparator = quantity::Comparator::gt;
      } else if (op == "lt") {
        q.comparator = quantity::Comparator::lt;
      } else if (op == "ge") {
        q.comparator = quantity::Comparator::ge;
      } else if (op == "approx") {
        q.comparator = quantity::Comparator::approx;
      } else if (op == "eq") {
        q.comparator = quantity::Comparator::as_written;
      } else {
        fail(op_node, fmt::format("unknown op \"{}\" (known: eq, approx, gt, lt, ge)", op));
      }
    }
    if (items.count("tolerance") != 0) {
      tol = tolerance(items.at("tolerance").second);
      tol_text = items.at("tolerance").second.value;
    }
    q.text = fmt::format(
        "{} {}", quantity::to_string(q.comparator), quantity::format_value(q.low, q.unit));
    return q;
  }

  // Checks that the claimed unit is one the check measures (the table of
  // kinds, model/check.cpp).
  void
  check_unit(const Node& node, const Claim& claim, const quantity::Quantity& q) const
  {
    const auto kind = claim.check.kind();
    if (!measures_unit(kind, q.unit)) {
      fail(node,
           fmt::format("claimed \"{}\" is in {}, but a {} check measures {}",
                       q.text,
                       unit_name(q.unit),
                       to_string(kind),
                       measured_units(kind)));
    }
  }

  void
  claimed(const Node& node, Claim& claim) const
  {
    Claimed out;
    if (claim.check.kind() == CheckKind::largest_move_since) {
      out.text = scalar(node, "claimed");
      // "since July 2024", "2022年以來" name the period the same way.
      std::string_view period = util::trim(out.text);
      for (const std::string_view word : {"since ", "Since "}) {
        if (period.starts_with(word)) {
          period.remove_prefix(word.size());
        }
      }
      for (const std::string_view word : {"以來", "以来"}) {
        if (period.ends_with(word)) {
          period.remove_suffix(word.size());
        }
      }
      out.since = claimed_date(node,
                               period,
                               "a largest_move_since claim names the period it is the largest "
                               "since: \"2022\", \"July 2024\", \"2022-06-13\"",
                               out.text);
      claim.claimed = out;
      return;
    }

    if (claim.check.kind() == CheckKind::document_date
        || claim.check.kind() == CheckKind::entity_property) {
      out.text = scalar(node, "claimed");
      out.date = claimed_date(node,
                              out.text,
                              fmt::format("a {} claim is a date: \"2023\", \"2023-03\", "
                                          "\"July 2023\", \"2023年3月15日\"",
                                          to_string(claim.check.kind())));
      claim.claimed = out;
      return;
    }
    if (claim.check.kind() == CheckKind::document_list
        || claim.check.kind() == CheckKind::document_passage) {
      // Kept as written; the check's `names` are what is compared.
      out.text = scalar(node, "claimed");
      claim.claimed = out;
      return;
    }

    quantity::Quantity q;
    if (node.is_map()) {
      q = structured_quantity(node, claim.tolerance, claim.tolerance_text);
      out.text = q.text;
    } else {
      out.text = scalar(node, "claimed");
      auto parsed = quantity::parse(out.text);
      if (!parsed) {
        fail(node, fmt::format("bad claimed value \"{}\": {}", out.text, parsed.error()));
      }
      q = *parsed;
    }
    check_unit(node, claim, q);

    // Only kinds that measure a move have a direction to fold a sign into.
    Direction no_direction = Direction::none;
    Direction* direction_field = &no_direction;
    if (auto* change = std::get_if<MarketChangeCheck>(&claim.check.spec)) {
      direction_field = &change->direction;
    } else if (auto* record = std::get_if<RecordCheck>(&claim.check.spec)) {
      direction_field = &record->direction;
    }
    auto& direction = *direction_field;
    if (q.sign != 0) {
      if (!is_change_kind(claim.check.kind())) {
        fail(node,
             fmt::format("claimed \"{}\" has a sign, but a {} check measures "
                         "no change",
                         out.text,
                         to_string(claim.check.kind())));
      }
      if (direction != Direction::none) {
        fail(node,
             fmt::format("claimed \"{}\" has a sign and the check has a "
                         "direction; give one of them",
                         out.text));
      }
      // Fold the sign into the direction, so the comparison is on the size
      // of the move (docs/semantics.md: comparators apply to the size).
      direction = q.sign < 0 ? Direction::fall : Direction::rise;
      q.low = std::abs(q.low);
      q.high = std::abs(q.high);
      if (q.low > q.high) {
        std::swap(q.low, q.high);
        std::swap(q.low_precision, q.high_precision);
      }
    } else if (is_change_kind(claim.check.kind()) && direction == Direction::none) {
      fail(node,
           fmt::format("claimed \"{}\" is a change without a direction: write "
                       "a sign (\"-{}\") or add direction: fall or rise to "
                       "the check",
                       out.text,
                       out.text));
    }
    out.quantity = q;
    claim.claimed = out;
  }

  Claim
  claim(const Node& node) const
  {
    const auto items = mapping(node,
                               "a claim",
                               {"id",
                                "quote",
                                "statement",
                                "check",
                                "claimed",
                                "tolerance",
                                "note",
                                "tags",
                                "span",
                                "drafted",
                                "needs_review",
                                "same_as",
                                "input",
                                "subject",
                                "correction"});
    Claim out;
    out.file = m_path;
    out.line = line_of(node);
    for (const auto key : {"id", "quote", "statement", "check"}) {
      if (items.count(key) == 0) {
        fail(node, fmt::format("claim has no \"{}\"", key));
      }
    }
    out.id = text(items.at("id").second, "id");
    const bool id_ok = std::all_of(out.id.begin(), out.id.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
    });
    if (!id_ok) {
      fail(items.at("id").second,
           fmt::format("bad id \"{}\" (use lowercase letters, digits, '-', "
                       "'_' and '.')",
                       out.id));
    }
    out.quote = text(items.at("quote").second, "quote");
    out.statement = text(items.at("statement").second, "statement");
    out.check = check(items.at("check").second);
    if (items.count("note") != 0) {
      out.note = scalar(items.at("note").second, "note");
    }
    if (items.count("tags") != 0) {
      const auto& tags = items.at("tags").second;
      if (!tags.is_sequence()) {
        fail(tags, "\"tags\" must be a list");
      }
      for (const auto& tag : tags.items) {
        out.tags.push_back(text(tag, "tags"));
      }
    }
    if (items.count("span") != 0) {
      out.span = span(items.at("span").second);
    }
    if (items.count("subject") != 0) {
      out.subject = localized(items.at("subject").second, "subject");
    }
    if (items.count("correction") != 0) {
      out.correction = localized(items.at("correction").second, "correction");
    }
    if (items.count("drafted") != 0) {
      const auto& drafted = items.at("drafted").second;
      out.drafted = scalar(drafted, "drafted");
      if (out.drafted != "resolved" && out.drafted != "needs_review") {
        fail(drafted, fmt::format("bad drafted \"{}\" (resolved or needs_review)", out.drafted));
      }
    }
    if (items.count("needs_review") != 0) {
      const auto& flag = items.at("needs_review").second;
      const auto value = scalar(flag, "needs_review");
      if (value != "true" && value != "false") {
        fail(flag, fmt::format("bad needs_review \"{}\" (true or false)", value));
      }
      const bool needs = value == "true";
      if (!out.drafted.empty() && needs != (out.drafted == "needs_review")) {
        fail(flag, fmt::format("needs_review: {} disagrees with drafted: {}", value, out.drafted));
      }
      if (out.drafted.empty()) {
        out.drafted = needs ? "needs_review" : "resolved";
      }
    }
    // An unverifiable claim says which kind it is (docs/catalogue.md): only a
    // draft still marked for review (drafted: needs_review, or the tag
    // `factcheck extract --no-review-keys` writes) leaves that to its reviewer.
    const bool under_review =
        out.drafted == "needs_review"
        || std::find(out.tags.begin(), out.tags.end(), "needs-review") != out.tags.end();
    if (const auto* unverifiable = out.check.get<UnverifiableCheck>();
        unverifiable != nullptr && unverifiable->category == UnverifiableCategory::none
        && !under_review) {
      fail(items.at("check").second,
           fmt::format("an unverifiable check needs \"category\" (one of: {})",
                       known_unverifiable_categories()));
    }
    if (items.count("same_as") != 0) {
      const auto& same = items.at("same_as").second;
      out.same_as = text(same, "same_as");
    }
    if (items.count("input") != 0) {
      const auto& flag = items.at("input").second;
      const auto value = scalar(flag, "input");
      if (value != "true" && value != "false") {
        fail(flag, fmt::format("bad input \"{}\" (true or false)", value));
      }
      out.input = value == "true";
      if (out.input && !out.same_as.empty()) {
        fail(flag,
             fmt::format("claim \"{}\" is an input, not an article statement, so it "
                         "cannot be same_as \"{}\"",
                         out.id,
                         out.same_as));
      }
    }
    if (items.count("tolerance") != 0) {
      const auto& node_tol = items.at("tolerance").second;
      out.tolerance = tolerance(node_tol);
      out.tolerance_text = scalar(node_tol, "tolerance");
    }
    if (items.count("claimed") != 0) {
      if (out.check.kind() == CheckKind::unverifiable) {
        // Kept as written: it is shown, never compared.
        out.claimed = Claimed{scalar(items.at("claimed").second, "claimed"),
                              std::nullopt,
                              std::nullopt,
                              std::nullopt};
      } else {
        claimed(items.at("claimed").second, out);
      }
    } else if (out.check.kind() != CheckKind::unverifiable) {
      fail(node, fmt::format("claim \"{}\" has no \"claimed\"", out.id));
    }
    return out;
  }

  // The article, and its published date as the day claims are read against.
  Article
  article_and_date(const Node& node) const
  {
    auto out = article(node);
    if (!out.published.empty()) {
      const auto published = parse_written_date(out.published, {});
      if (!published || published->date.day == 0 || published->vague) {
        fail(*node.find("published"),
             fmt::format("bad published date \"{}\" (a day such as 2025-01-28)", out.published));
      }
      m_dates.published = published->date.first_day();
    }
    return out;
  }

  // One item of "claims": the claim, or its mistake.
  void
  read_claim(const Node& node, ClaimsRead& read) const
  {
    try {
      auto claim_value = claim(node);
      const auto [it, inserted] = read.seen.emplace(claim_value.id, claim_value.line);
      if (!inserted) {
        fail(*node.find("id"),
             fmt::format("duplicate id \"{}\" (first at line {})", claim_value.id, it->second));
      }
      read.claims.push_back(std::move(claim_value));
    } catch (const Error& e) {
      read.mistakes.emplace_back(e.what());
    }
  }

  // An ItemSink for the readers: each claim is read as soon as its text has
  // been, and its tree dropped. Claims are read against the article's date,
  // so an article written after "claims" makes parse() read the text again
  // without this (see article_after_claims).
  bool
  take_claim(const Node& root, Node& item)
  {
    if (!m_streamed.started) {
      m_streamed.started = true;
      // The keys before "claims" (the last two items): an article among
      // them sets the date. Its mistakes are reported by catalogue(), which
      // reads it again, before any claim's.
      for (std::size_t i = 0; i + 3 < root.items.size(); i += 2) {
        if (root.items[i].is_scalar() && root.items[i].value == "article") {
          try {
            (void)article_and_date(root.items[i + 1]);
          } catch (const Error&) {
          }
          break;
        }
      }
    }
    read_claim(item, m_streamed);
    return true;
  }

  // Room for about `count` claims, so that the list of a large catalogue is
  // not copied as it grows (at twice and then three times its size).
  void
  expect_claims(std::size_t count)
  {
    m_streamed.claims.reserve(count);
    m_streamed.seen.reserve(count);
  }

  bool
  streamed() const
  {
    return m_streamed.started;
  }

  Catalogue
  catalogue(Node& root) const
  {
    if (!root.is_map()) {
      fail_at(root.is_null() ? 1 : line_of(root),
              "a catalogue is a mapping with \"claims\" (and optionally "
              "\"article\", \"recordings\", \"subjects\")");
    }
    const auto items =
        mapping(root, "the catalogue", {"article", "recordings", "subjects", "claims"});
    if (items.count("claims") == 0) {
      fail(root, "the catalogue has no \"claims\"");
    }
    Catalogue out;
    out.path = m_path;
    if (items.count("article") != 0) {
      out.article = article_and_date(items.at("article").second);
    }
    if (items.count("recordings") != 0) {
      const auto& node = items.at("recordings").second;
      out.recordings_dir = text(node, "recordings");
      out.recordings_written = out.recordings_dir;
      out.recordings_line = line_of(node);
    }
    if (items.count("subjects") != 0) {
      const auto& node = items.at("subjects").second;
      if (!node.is_map()) {
        fail(node,
             "\"subjects\" is a mapping of source reference to names, e.g. "
             "\"stooq:nvda.us\": {zh-Hant: 輝達, en: NVIDIA}");
      }
      for (std::size_t i = 0; i + 1 < node.items.size(); i += 2) {
        const auto& ref_node = node.items[i];
        const auto ref = any_source_ref(ref_node, "subjects").str();
        if (out.subjects.count(ref) != 0) {
          fail(ref_node, fmt::format("duplicate source \"{}\" in \"subjects\"", ref));
        }
        out.subjects.emplace(ref, localized(node.items[i + 1], ref));
      }
    }
    const auto& claims = items.at("claims").second;
    if (!claims.is_sequence()) {
      fail(claims, "\"claims\" must be a list");
    }
    // Every claim is read, and every mistake reported in one run: a writer
    // fixing a catalogue should not need one run per mistake. (Within a
    // claim, the first mistake is reported.)
    auto& read = m_streamed;
    // Each claim's part of the tree is freed once read: the tree of a
    // 100,000-claim catalogue would otherwise sit beside its claims, at the
    // run's peak (heaptrack). `claims` is root's, which this reader owns.
    // (Streamed claims are already read, and their trees gone.)
    auto& claim_nodes = root.items[2 * items.at("claims").index + 1].items;
    for (auto& node : claim_nodes) {
      read_claim(node, read);
      std::vector<Node>().swap(node.items);
    }
    out.claims = std::move(read.claims);
    auto mistakes = std::move(read.mistakes);
    if (!mistakes.empty()) {
      std::string all;
      for (const auto& mistake : mistakes) {
        all += all.empty() ? mistake : "\n" + mistake;
      }
      throw Error(all);
    }
    // The links between claims, every mistake at once as above.
    try {
      check_derived(out.claims);
    } catch (const Error& e) {
      mistakes.emplace_back(e.what());
    }
    check_statements(out.claims, mistakes);
    if (!mistakes.empty()) {
      std::string all;
      for (const auto& mistake : mistakes) {
        all += all.empty() ? mistake : "\n" + mistake;
      }
      throw Error(all);
    }
    return out;
  }

  // `same_as` names an article statement of this catalogue and its chain
  // ends (a claim is never, through others, the same as itself); an `input`
  // claim is one some derived claim takes.
  void
  check_statements(const std::vector<Claim>& claims, std::vector<std::string>& mistakes) const
  {
    // Hashed, by views of the ids `claims` holds: a sorted map of 100,000
    // ids costs a string comparison per level of every lookup.
    std::unordered_map<std::string_view, const Claim*> by_id;
    std::unordered_set<std::string_view> taken;
    by_id.reserve(claims.size());
    for (const auto& claim : claims) {
      by_id[claim.id] = &claim;
      for (const auto& input : claim.check.inputs()) {
        taken.insert(input.second);
      }
    }
    const auto at = [this](const Claim& claim, const std::string& message) {
      return fmt::format("{}:{}: {}", m_path, claim.line, message);
    };
    std::set<std::string> in_reported_cycle;
    for (const auto& claim : claims) {
      if (claim.input && taken.count(claim.id) == 0) {
        mistakes.push_back(at(claim,
                              fmt::format("claim \"{}\" is an input, but no derived claim "
                                          "takes it",
                                          claim.id)));
      }
      if (claim.same_as.empty()) {
        continue;
      }
      if (claim.same_as == claim.id) {
        mistakes.push_back(at(claim, fmt::format("claim \"{}\" is same_as itself", claim.id)));
        continue;
      }
      const auto target = by_id.find(claim.same_as);
      if (target == by_id.end()) {
        mistakes.push_back(at(
            claim,
            fmt::format("claim \"{}\": same_as \"{}\" names no claim", claim.id, claim.same_as)));
        continue;
      }
      if (target->second->input) {
        mistakes.push_back(at(claim,
                              fmt::format("claim \"{}\": same_as \"{}\", an input claim, "
                                          "which is no article statement",
                                          claim.id,
                                          claim.same_as)));
        continue;
      }
      // Follow the chain; meeting this claim again closes a cycle.
      std::vector<std::string> path{claim.id};
      const Claim* next = target->second;
      while (next != nullptr && next->id != claim.id
             && std::find(path.begin(), path.end(), next->id) == path.end()) {
        path.push_back(next->id);
        const auto it = next->same_as.empty() ? by_id.end() : by_id.find(next->same_as);
        next = it == by_id.end() ? nullptr : it->second;
      }
      if (next != nullptr && next->id == claim.id && in_reported_cycle.count(claim.id) == 0) {
        std::string cycle;
        for (const auto& id : path) {
          cycle += id + " -> ";
          in_reported_cycle.insert(id);
        }
        mistakes.push_back(
            at(claim, fmt::format("same_as claims form a cycle: {}{}", cycle, claim.id)));
      }
    }
  }

  // Every input of a derived claim names a claim of this catalogue, and no
  // claim depends on itself through others (a cycle could never be judged).
  void
  check_derived(const std::vector<Claim>& claims) const
  {
    std::unordered_map<std::string_view, const Claim*> by_id;
    by_id.reserve(claims.size());
    for (const auto& claim : claims) {
      by_id[claim.id] = &claim;
    }
    for (const auto& claim : claims) {
      for (const auto& [name, id] : claim.check.inputs()) {
        if (by_id.count(id) == 0) {
          fail_at(
              claim.line,
              fmt::format("claim \"{}\": input \"{}\" names no claim \"{}\"", claim.id, name, id));
        }
        if (by_id.at(id)->check.kind() == CheckKind::unverifiable) {
          fail_at(claim.line,
                  fmt::format("claim \"{}\": input \"{}\" is the unverifiable claim \"{}\", "
                              "which has no observed value",
                              claim.id,
                              name,
                              id));
        }
      }
    }
    // Depth-first search; a claim met again while on the path closes a cycle.
    enum class Mark { none, on_path, done };
    std::unordered_map<std::string_view, Mark> marks;
    std::vector<std::string> path;
    std::function<void(const Claim&)> visit = [&](const Claim& claim) {
      marks[claim.id] = Mark::on_path;
      path.push_back(claim.id);
      for (const auto& [name, id] : claim.check.inputs()) {
        if (marks[id] == Mark::on_path) {
          std::string cycle;
          for (auto it = std::find(path.begin(), path.end(), id); it != path.end(); ++it) {
            cycle += *it + " -> ";
          }
          fail_at(claim.line, fmt::format("derived claims form a cycle: {}{}", cycle, id));
        }
        if (marks[id] == Mark::none) {
          visit(*by_id.at(id));
        }
      }
      path.pop_back();
      marks[claim.id] = Mark::done;
    };
    for (const auto& claim : claims) {
      // A claim that takes no input closes no cycle.
      if (!claim.check.inputs().empty() && marks[claim.id] == Mark::none) {
        visit(claim);
      }
    }
  }

private:
  std::string m_path;
  // The article's published date, against which "1月27日" or "Monday" is
  // read; set once the article has been read.
  mutable DateContext m_dates;
  // The claims read so far, in the order written: while the text is read
  // (take_claim), or afterwards from the tree (catalogue()).
  mutable ClaimsRead m_streamed;
};

// The 1-based line and column (in bytes) of byte `offset` of `text`.
std::pair<std::size_t, std::size_t>
line_and_column(std::string_view text, std::size_t offset)
{
  const auto before = text.substr(0, offset);
  const auto line_start = before.rfind('\n');
  return {1 + static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n')),
          offset - (line_start == std::string_view::npos ? 0 : line_start + 1) + 1};
}

// The tree a folder belongs to: the repository holding it (the nearest folder
// with a .git); outside a repository, the folder itself or, `or_above`, the
// folder above it, so that a catalogue in claims/ may name ../fixtures as a
// copied or installed project lays them out (never the root of the disk).
std::filesystem::path
tree_of(const std::filesystem::path& folder, bool or_above)
{
  namespace fs = std::filesystem;
  std::error_code ec;
  const auto start = fs::weakly_canonical(folder.empty() ? fs::path(".") : folder, ec);
  if (ec) {
    return {};
  }
  for (auto dir = start;; dir = dir.parent_path()) {
    if (fs::exists(dir / ".git", ec)) {
      return dir;
    }
    if (dir == dir.parent_path()) {
      const auto above = start.parent_path();
      return !or_above || above == above.root_path() ? start : above;
    }
  }
}

bool
inside_tree(const std::filesystem::path& real, const std::filesystem::path& tree)
{
  if (tree.empty() || tree == tree.root_path()) {
    return false; // the whole disk is no tree
  }
  const auto relative = real.lexically_relative(tree);
  return !relative.empty() && *relative.begin() != "..";
}

// A catalogue read from disk names its recordings folder and article text
// inside the catalogue's project or the working directory's tree, symlinks
// resolved: a catalogue from elsewhere cannot point the run at another part
// of the disk, nor copy a file from it into a report. --recordings and
// --article, the user's own flags, can name anything. A path that does not
// exist passes (the run says it is missing); so does one named by a
// catalogue on standard input, relative to nothing, which the run ignores
// with a warning.
void
confine(const Catalogue& catalogue,
        std::string_view key,
        const std::string& resolved,
        const std::string& written,
        int line)
{
  namespace fs = std::filesystem;
  if (resolved.empty()) {
    return;
  }
  std::error_code ec;
  if (catalogue.path == "<stdin>" && !fs::exists(resolved, ec)) {
    return;
  }
  const auto real = fs::weakly_canonical(resolved, ec);
  const auto folder =
      catalogue.path == "<stdin>" ? fs::path() : fs::path(catalogue.path).parent_path();
  if (!ec
      && (inside_tree(real, tree_of(folder, true))
          || inside_tree(real, tree_of(fs::path(), false)))) {
    return;
  }
  throw Error(fmt::format("{}:{}: {} \"{}\" is outside the catalogue's project (its "
                          "repository, else the folder above the catalogue) and the working "
                          "directory's: name a path inside either, or pass it with --{}",
                          catalogue.path,
                          line,
                          key,
                          written,
                          key == "text" ? "article" : key));
}

void
confine_paths(const Catalogue& catalogue)
{
  confine(catalogue,
          "recordings",
          catalogue.recordings_dir,
          catalogue.recordings_written,
          catalogue.recordings_line);
  confine(catalogue,
          "text",
          catalogue.article.text_file,
          catalogue.article.text_written,
          catalogue.article.text_line);
}

// Whether the root mapping's first "article" key comes after its first
// "claims" key.
bool
article_after_claims(const Node& root)
{
  bool claims = false;
  for (std::size_t i = 0; i + 1 < root.items.size(); i += 2) {
    const auto& key = root.items[i];
    if (key.is_scalar() && key.value == "claims") {
      claims = true;
    } else if (key.is_scalar() && key.value == "article") {
      return claims;
    }
  }
  return false;
}

// How many claims `text` holds, or a few more: its keys "id" (`id:` after a
// space, a bracket, a comma or a line's start, and `"id"`). Each claim has
// one, and a claim without one is a mistake, never kept; an "id" written
// with escapes is not counted, and the list then grows as it would. Room
// for a few claims too many is address space, not memory: its pages are
// never touched.
std::size_t
estimate_claims(std::string_view text)
{
  std::size_t count = 0;
  for (auto at = text.find("id"); at != std::string_view::npos; at = text.find("id", at + 2)) {
    const char before = at == 0 ? '\n' : text[at - 1];
    const char after = at + 2 < text.size() ? text[at + 2] : '\0';
    if ((after == ':' && std::string_view(" \n{,-").find(before) != std::string_view::npos)
        || (before == '"' && after == '"')) {
      ++count;
    }
  }
  return count;
}

// The text as a tree, read into a catalogue; with `stream`, each claim is
// read as soon as the reader has finished its text (detail::ItemSink).
Catalogue
read_catalogue(std::string_view text, const std::string& path, bool stream)
{
  Node root;
  Reader reader(path);
  reader.expect_claims(estimate_claims(text));
  const detail::ItemSink sink = [&reader](const Node& so_far, Node& item) {
    return reader.take_claim(so_far, item);
  };
  if (path.ends_with(".json")) {
    // A .json catalogue is strict JSON (a trailing comma is a mistake).
    std::size_t offset = 0;
    if (!detail::read_json(text, root, offset, stream ? sink : detail::ItemSink{})) {
      const auto at = std::min<std::size_t>(offset == 0 ? 0 : offset - 1, text.size());
      const auto [line, column] = line_and_column(text, at);
      throw Error(fmt::format("{}:{}:{}: not valid JSON here (a .json catalogue is strict JSON: "
                              "no trailing commas, comments or single quotes)",
                              path,
                              line,
                              column));
    }
  } else if (detail::SyntaxError error;
             !detail::read_yaml(text, root, error, stream ? sink : detail::ItemSink{})) {
    // yaml-cpp says "end of map not found" for a tab; say what it is.
    const auto lines = util::split(text, '\n');
    for (std::size_t i = 0; i < lines.size(); ++i) {
      const auto indent = lines[i].substr(0, lines[i].find_first_not_of(" \t"));
      if (indent.find('\t') != std::string_view::npos) {
        throw Error(fmt::format(
            "{}:{}: a tab in the indentation; YAML indents with spaces only", path, i + 1));
      }
    }
    throw Error(fmt::format("{}:{}: {}", path, error.line, error.message));
  }
  if (reader.streamed() && article_after_claims(root)) {
    // The claims were read before the article's date was known.
    return read_catalogue(text, path, false);
  }
  return reader.catalogue(root);
}

} // namespace

Catalogue
parse(std::string_view text, const std::string& path)
{
  // A catalogue is UTF-8: a byte that is not (a file saved as Big5 or
  // Latin-1) is a mistake at its line, not text to carry into reports.
  if (const auto nul = text.find('\0'); nul != std::string_view::npos) {
    throw Error(fmt::format(
        "{}:{}: a NUL byte; a catalogue is text", path, line_and_column(text, nul).first));
  }
  // Flow collections nest by brackets; past any depth a person writes, the
  // YAML reader's recursion is not risked.
  if (const auto depth = util::json_depth(text); depth > 64) {
    throw Error(fmt::format("{}:1: brackets nested {} deep (at most 64)", path, depth));
  }
  if (const auto bad = util::first_invalid_utf8(text)) {
    const auto [line, column] = line_and_column(text, *bad);
    throw Error(fmt::format("{}:{}:{}: byte 0x{:02X} is not UTF-8; save the catalogue as UTF-8",
                            path,
                            line,
                            column,
                            static_cast<unsigned char>(text[*bad])));
  }
  auto catalogue = read_catalogue(text, path, true);
  // Folders and files the catalogue names are relative to the catalogue.
  for (auto* named : {&catalogue.recordings_dir, &catalogue.article.text_file}) {
    const std::filesystem::path file(*named);
    if (!named->empty() && file.is_relative()) {
      *named = (std::filesystem::path(path).parent_path() / file).lexically_normal().string();
    }
  }
  return catalogue;
}

Catalogue
load(const std::string& path)
{
  std::string text;
  if (path == "-") {
    text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      throw Error(fmt::format("{}: cannot read the catalogue: {}", path, std::strerror(errno)));
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    text = buffer.str();
  }
  auto catalogue = parse(text, path == "-" ? std::string("<stdin>") : path);
  confine_paths(catalogue);
  return catalogue;
}

} // namespace factcheck::catalogue
