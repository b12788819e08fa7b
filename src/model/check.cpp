#include <factcheck/model/check.hpp>

#include <algorithm>
#include <array>
#include <type_traits>

namespace factcheck {

namespace {

// Each alternative of the variant sits at its family's index.
template <typename T, CheckFamily family>
constexpr bool k_at =
    std::is_same_v<std::variant_alternative_t<static_cast<std::size_t>(family), CheckSpec>, T>;
static_assert(k_at<MarketLevelCheck, CheckFamily::market_level>);
static_assert(k_at<MarketChangeCheck, CheckFamily::market_change>);
static_assert(k_at<RecordCheck, CheckFamily::record>);
static_assert(k_at<AverageCheck, CheckFamily::average>);
static_assert(k_at<DocumentFigureCheck, CheckFamily::document_figure>);
static_assert(k_at<DocumentDateCheck, CheckFamily::document_date>);
static_assert(k_at<DocumentListCheck, CheckFamily::document_list>);
static_assert(k_at<DocumentPassageCheck, CheckFamily::document_passage>);
static_assert(k_at<EntityPropertyCheck, CheckFamily::entity_property>);
static_assert(k_at<DerivedCheck, CheckFamily::derived>);
static_assert(k_at<UnverifiableCheck, CheckFamily::unverifiable>);
static_assert(k_at<ShortSaleCheck, CheckFamily::short_sale>);
static_assert(k_at<FilingFactCheck, CheckFamily::filing>);

using quantity::Unit;

// A change of a share price is money, an index moves in points and a rate
// series in percentage points; a plain number is whatever the series holds.
const std::vector<CheckKindInfo> k_kinds{
    {CheckKind::close,
     "close",
     CheckFamily::market_level,
     {"series", "date"},
     {"field", "corroborate"},
     {Unit::usd, Unit::points, Unit::none}},
    {CheckKind::volume,
     "volume",
     CheckFamily::market_level,
     {"series", "date"},
     {"corroborate"},
     {Unit::shares, Unit::none}},
    {CheckKind::change_pct,
     "change_pct",
     CheckFamily::market_change,
     {"series", "date"},
     {"base_date", "direction", "field", "corroborate"},
     {Unit::percent}},
    {CheckKind::change,
     "change",
     CheckFamily::market_change,
     {"series", "date"},
     {"base_date", "direction", "field", "corroborate"},
     {Unit::usd, Unit::points, Unit::percentage_points, Unit::none}},
    {CheckKind::market_cap,
     "market_cap",
     CheckFamily::market_level,
     {"series", "shares", "date"},
     {"field"},
     {Unit::usd}},
    {CheckKind::market_cap_change,
     "market_cap_change",
     CheckFamily::market_change,
     {"series", "shares", "date"},
     {"base_date", "direction", "field"},
     {Unit::usd}},
    {CheckKind::largest_move_since,
     "largest_move_since",
     CheckFamily::record,
     {"series", "date", "direction"},
     {"field"},
     {}},
    {CheckKind::average_volume,
     "average_volume",
     CheckFamily::average,
     {"series", "date", "days"},
     {},
     {Unit::shares, Unit::none}},
    {CheckKind::document_figure,
     "document_figure",
     CheckFamily::document_figure,
     {"document", "anchor"},
     {},
     {},
     true},
    {CheckKind::document_date,
     "document_date",
     CheckFamily::document_date,
     {"document", "anchor"},
     {"relation"},
     {}},
    {CheckKind::document_age,
     "document_age",
     CheckFamily::document_date,
     {"document", "anchor", "date"},
     {},
     {Unit::none}},
    {CheckKind::document_list,
     "document_list",
     CheckFamily::document_list,
     {"document", "anchor", "names"},
     {},
     {}},
    {CheckKind::document_passage,
     "document_passage",
     CheckFamily::document_passage,
     {"document", "anchor", "reading"},
     {},
     {}},
    {CheckKind::entity_property,
     "entity_property",
     CheckFamily::entity_property,
     {"entity", "property"},
     {},
     {}},
    {CheckKind::entity_age,
     "entity_age",
     CheckFamily::entity_property,
     {"entity", "property", "date"},
     {},
     {Unit::none}},
    {CheckKind::short_sale_ratio,
     "short_sale_ratio",
     CheckFamily::short_sale,
     {"file", "symbol"},
     {},
     {Unit::percent}},
    {CheckKind::filing_fact,
     "filing_fact",
     CheckFamily::filing,
     {"facts", "end"},
     {"form"},
     {Unit::usd}},
    {CheckKind::derived, "derived", CheckFamily::derived, {"formula", "inputs"}, {}, {}, true},
    {CheckKind::unverifiable,
     "unverifiable",
     CheckFamily::unverifiable,
     {"reason"},
     {"category"},
     {}},
};

// How a unit a kind measures reads in a message.
std::string_view
unit_phrase(Unit unit)
{
  switch (unit) {
  case Unit::percent:
    return "a percentage";
  case Unit::percentage_points:
    return "percentage points";
  case Unit::points:
    return "points";
  case Unit::days:
    return "days";
  case Unit::usd:
    return "US dollars";
  case Unit::hkd:
    return "Hong Kong dollars";
  case Unit::cny:
    return "renminbi";
  case Unit::shares:
    return "shares";
  case Unit::none:
    break;
  }
  return "a plain number";
}

} // namespace

const std::vector<CheckKindInfo>&
check_kinds()
{
  return k_kinds;
}

const CheckKindInfo&
kind_info(CheckKind kind)
{
  for (const auto& info : k_kinds) {
    if (info.kind == kind) {
      return info;
    }
  }
  return k_kinds.back();
}

std::string_view
to_string(CheckKind kind)
{
  return kind_info(kind).name;
}

std::optional<CheckKind>
parse_check_kind(std::string_view text)
{
  for (const auto& info : k_kinds) {
    if (info.name == text) {
      return info.kind;
    }
  }
  return std::nullopt;
}

std::string_view
to_string(CheckFamily family)
{
  switch (family) {
  case CheckFamily::market_level:
    return "market level";
  case CheckFamily::market_change:
    return "market change";
  case CheckFamily::record:
    return "record";
  case CheckFamily::average:
    return "average";
  case CheckFamily::document_figure:
    return "document figure";
  case CheckFamily::document_date:
    return "document date";
  case CheckFamily::document_list:
    return "document list";
  case CheckFamily::document_passage:
    return "document passage";
  case CheckFamily::entity_property:
    return "entity property";
  case CheckFamily::derived:
    return "derived";
  case CheckFamily::short_sale:
    return "short sale";
  case CheckFamily::filing:
    return "filing";
  case CheckFamily::unverifiable:
    break;
  }
  return "unverifiable";
}

bool
measures_quantity(CheckKind kind)
{
  const auto& info = kind_info(kind);
  return info.any_unit || !info.units.empty();
}

bool
measures_unit(CheckKind kind, quantity::Unit unit)
{
  const auto& info = kind_info(kind);
  return info.any_unit || std::find(info.units.begin(), info.units.end(), unit) != info.units.end();
}

std::string
measured_units(CheckKind kind)
{
  const auto& units = kind_info(kind).units;
  std::string out;
  for (std::size_t i = 0; i < units.size(); ++i) {
    if (i > 0) {
      out += i + 1 == units.size() ? " or " : ", ";
    }
    out += unit_phrase(units[i]);
  }
  return out;
}

std::string_view
to_string(Direction direction)
{
  switch (direction) {
  case Direction::fall:
    return "fall";
  case Direction::rise:
    return "rise";
  case Direction::none:
    break;
  }
  return "none";
}

CheckKind
Check::kind() const
{
  struct Visitor
  {
    CheckKind
    operator()(const MarketLevelCheck& c) const
    {
      return c.kind;
    }
    CheckKind
    operator()(const MarketChangeCheck& c) const
    {
      return c.kind;
    }
    CheckKind
    operator()(const RecordCheck&) const
    {
      return CheckKind::largest_move_since;
    }
    CheckKind
    operator()(const AverageCheck&) const
    {
      return CheckKind::average_volume;
    }
    CheckKind
    operator()(const DocumentFigureCheck&) const
    {
      return CheckKind::document_figure;
    }
    CheckKind
    operator()(const DocumentDateCheck& c) const
    {
      return c.kind;
    }
    CheckKind
    operator()(const DocumentListCheck&) const
    {
      return CheckKind::document_list;
    }
    CheckKind
    operator()(const DocumentPassageCheck&) const
    {
      return CheckKind::document_passage;
    }
    CheckKind
    operator()(const EntityPropertyCheck& c) const
    {
      return c.kind;
    }
    CheckKind
    operator()(const DerivedCheck&) const
    {
      return CheckKind::derived;
    }
    CheckKind
    operator()(const UnverifiableCheck&) const
    {
      return CheckKind::unverifiable;
    }
    CheckKind
    operator()(const ShortSaleCheck&) const
    {
      return CheckKind::short_sale_ratio;
    }
    CheckKind
    operator()(const FilingFactCheck&) const
    {
      return CheckKind::filing_fact;
    }
  };
  return std::visit(Visitor{}, spec);
}

std::vector<SourceRef>
Check::refs() const
{
  struct Visitor
  {
    std::vector<SourceRef>
    operator()(const MarketLevelCheck& c) const
    {
      return with(c.series, c.shares, c.corroborate);
    }
    std::vector<SourceRef>
    operator()(const MarketChangeCheck& c) const
    {
      return with(c.series, c.shares, c.corroborate);
    }
    std::vector<SourceRef>
    operator()(const RecordCheck& c) const
    {
      return {c.series};
    }
    std::vector<SourceRef>
    operator()(const AverageCheck& c) const
    {
      return {c.series};
    }
    std::vector<SourceRef>
    operator()(const DocumentFigureCheck& c) const
    {
      return {c.document};
    }
    std::vector<SourceRef>
    operator()(const DocumentDateCheck& c) const
    {
      return {c.document};
    }
    std::vector<SourceRef>
    operator()(const DocumentListCheck& c) const
    {
      return {c.document};
    }
    std::vector<SourceRef>
    operator()(const DocumentPassageCheck& c) const
    {
      return {c.document};
    }
    std::vector<SourceRef>
    operator()(const EntityPropertyCheck& c) const
    {
      return {c.entity};
    }
    std::vector<SourceRef>
    operator()(const DerivedCheck&) const
    {
      return {};
    }
    std::vector<SourceRef>
    operator()(const UnverifiableCheck&) const
    {
      return {};
    }
    std::vector<SourceRef>
    operator()(const ShortSaleCheck& c) const
    {
      return {c.file};
    }
    std::vector<SourceRef>
    operator()(const FilingFactCheck& c) const
    {
      return {c.facts};
    }

    static std::vector<SourceRef>
    with(const SourceRef& series,
         const std::optional<SourceRef>& shares,
         const std::optional<SourceRef>& corroborate)
    {
      std::vector<SourceRef> refs{series};
      if (shares) {
        refs.push_back(*shares);
      }
      if (corroborate) {
        refs.push_back(*corroborate);
      }
      return refs;
    }
  };
  return std::visit(Visitor{}, spec);
}

const std::vector<std::pair<std::string, std::string>>&
Check::inputs() const
{
  static const std::vector<std::pair<std::string, std::string>> k_none;
  const auto* derived = get<DerivedCheck>();
  return derived != nullptr ? derived->inputs : k_none;
}

std::optional<Date>
Check::date() const
{
  if (const auto* c = get<MarketLevelCheck>()) {
    return c->date;
  }
  if (const auto* c = get<MarketChangeCheck>()) {
    return c->date;
  }
  if (const auto* c = get<RecordCheck>()) {
    return c->date;
  }
  if (const auto* c = get<AverageCheck>()) {
    return c->date;
  }
  if (const auto* c = get<EntityPropertyCheck>()) {
    return c->on;
  }
  if (const auto* c = get<DocumentDateCheck>()) {
    return c->on;
  }
  if (const auto* c = get<FilingFactCheck>()) {
    return c->end;
  }
  return std::nullopt;
}

Direction
Check::direction() const
{
  if (const auto* c = get<MarketChangeCheck>()) {
    return c->direction;
  }
  if (const auto* c = get<RecordCheck>()) {
    return c->direction;
  }
  return Direction::none;
}

namespace {

struct CategoryName
{
  UnverifiableCategory category;
  std::string_view name;
  std::string_view label;
};

// In the order messages list them.
constexpr std::array k_categories{
    CategoryName{UnverifiableCategory::paid_data, "paid_data", "needs paid data"},
    CategoryName{UnverifiableCategory::no_public_record, "no_public_record", "no public record"},
    CategoryName{
        UnverifiableCategory::unattributed_quote, "unattributed_quote", "unattributed quote"},
    CategoryName{UnverifiableCategory::projection_or_opinion,
                 "projection_or_opinion",
                 "a projection or opinion"},
    CategoryName{UnverifiableCategory::ambiguous, "ambiguous", "ambiguous"},
    CategoryName{UnverifiableCategory::data_gap, "data_gap", "not in the data read"},
};

} // namespace

std::string_view
to_string(UnverifiableCategory category)
{
  for (const auto& entry : k_categories) {
    if (entry.category == category) {
      return entry.name;
    }
  }
  return "";
}

std::optional<UnverifiableCategory>
parse_unverifiable_category(std::string_view text)
{
  for (const auto& entry : k_categories) {
    if (entry.name == text) {
      return entry.category;
    }
  }
  return std::nullopt;
}

std::string
known_unverifiable_categories()
{
  std::string out;
  for (const auto& entry : k_categories) {
    out += out.empty() ? "" : ", ";
    out += entry.name;
  }
  return out;
}

std::string_view
category_label(UnverifiableCategory category)
{
  for (const auto& entry : k_categories) {
    if (entry.category == category) {
      return entry.label;
    }
  }
  return "";
}

} // namespace factcheck
