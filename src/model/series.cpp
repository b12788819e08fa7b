#include <factcheck/model/series.hpp>

#include <algorithm>

namespace factcheck {

const Row*
Series::find(Date date) const
{
  const auto it = std::lower_bound(
      rows.begin(), rows.end(), date, [](const Row& row, Date d) { return row.date < d; });
  if (it == rows.end() || it->date != date) {
    return nullptr;
  }
  return &*it;
}

const Row*
Series::previous(Date date) const
{
  const auto it = std::lower_bound(
      rows.begin(), rows.end(), date, [](const Row& row, Date d) { return row.date < d; });
  if (it == rows.begin()) {
    return nullptr;
  }
  return &*std::prev(it);
}

std::optional<double>
field_value(const Row& row, std::string_view field)
{
  if (field == "close") {
    return row.close;
  }
  if (field == "adjclose") {
    return row.adjclose;
  }
  if (field == "open") {
    return row.open;
  }
  if (field == "high") {
    return row.high;
  }
  if (field == "low") {
    return row.low;
  }
  if (field == "volume") {
    return row.volume;
  }
  return std::nullopt;
}

bool
is_known_field(std::string_view field)
{
  return field == "close" || field == "adjclose" || field == "open" || field == "high"
         || field == "low" || field == "volume";
}

const ShareCount*
ShareFacts::as_of(Date date) const
{
  const ShareCount* best = nullptr;
  for (const auto& count : counts) {
    if (count.end <= date) {
      best = &count;
    }
  }
  return best;
}

const ShortSaleVolume*
ShortSaleDay::find(std::string_view symbol) const
{
  const auto it = std::find_if(
      rows.begin(), rows.end(), [&](const ShortSaleVolume& row) { return row.symbol == symbol; });
  return it == rows.end() ? nullptr : &*it;
}

} // namespace factcheck
