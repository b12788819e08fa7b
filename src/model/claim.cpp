#include <factcheck/model/claim.hpp>

#include <array>
#include <utility>

namespace factcheck {

namespace {

constexpr std::array<std::pair<CheckKind, std::string_view>, 14> k_kind_names{{
    {CheckKind::close, "close"},
    {CheckKind::volume, "volume"},
    {CheckKind::change_pct, "change_pct"},
    {CheckKind::change, "change"},
    {CheckKind::market_cap, "market_cap"},
    {CheckKind::market_cap_change, "market_cap_change"},
    {CheckKind::largest_move_since, "largest_move_since"},
    {CheckKind::average_volume, "average_volume"},
    {CheckKind::document_figure, "document_figure"},
    {CheckKind::document_date, "document_date"},
    {CheckKind::document_list, "document_list"},
    {CheckKind::entity_property, "entity_property"},
    {CheckKind::derived, "derived"},
    {CheckKind::unverifiable, "unverifiable"},
}};

} // namespace

std::string_view
to_string(CheckKind kind)
{
  for (const auto& [k, name] : k_kind_names) {
    if (k == kind) {
      return name;
    }
  }
  return "?";
}

std::optional<CheckKind>
parse_check_kind(std::string_view text)
{
  for (const auto& [kind, name] : k_kind_names) {
    if (name == text) {
      return kind;
    }
  }
  return std::nullopt;
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

} // namespace factcheck
