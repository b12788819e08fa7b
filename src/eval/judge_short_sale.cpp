// The short-sale family: the share of a security's volume that was sold
// short on one day, from FINRA's Reg SHO daily file (sources/finra.cpp).
// The ratio is ShortVolume / TotalVolume of that file, as a percentage: both
// count only the trades reported to FINRA's facilities, and ShortVolume
// includes short-exempt sales.
#include "judge.hpp"

#include <fmt/format.h>

namespace factcheck::eval::detail {

void
judge_check(Context& ctx, const ShortSaleCheck& check)
{
  const auto& ref = check.file;
  const auto& data = ctx.fetched(ref);
  const auto* day = std::get_if<ShortSaleDay>(&data.data);
  if (day == nullptr) {
    ctx.stop(VerdictKind::error, fmt::format("{} is not a FINRA short-sale file", ref.str()));
  }
  ctx.add_source(data.evidence);
  auto& verdict = ctx.verdict;
  verdict.evidence.series = ref.str();
  verdict.evidence.field = "short_volume";
  const auto* row = day->find(check.symbol);
  if (row == nullptr) {
    ctx.stop(
        VerdictKind::unverifiable,
        fmt::format(
            "{} has no row for {} ({} securities)", ref.str(), check.symbol, day->rows.size()));
  }
  verdict.evidence.rows.push_back(UsedRow{ref.str(), day->date, "short_volume", row->short_volume});
  verdict.evidence.rows.push_back(UsedRow{ref.str(), day->date, "total_volume", row->total_volume});
  if (row->total_volume == 0) {
    ctx.stop(VerdictKind::unverifiable,
             fmt::format("{} reports no volume for {}: no ratio", ref.str(), check.symbol));
  }
  const double ratio = row->short_volume / row->total_volume * 100;
  verdict.observed = ratio;
  verdict.observed_text = fmt::format("{:.2f}%", ratio);
  verdict.evidence.arithmetic =
      fmt::format("{} ShortVolume / TotalVolume on {} = {} / {} = {:.2f}%",
                  check.symbol,
                  format_date(day->date),
                  number(row->short_volume),
                  number(row->total_volume),
                  ratio);
  verdict.evidence.notes.push_back(
      fmt::format("short ratio read as FINRA's: ShortVolume (short and short-exempt sales) / "
                  "TotalVolume, both of the trades reported to FINRA's TRFs and ADF ({}), not of "
                  "all trading; short interest (open short positions) is another figure",
                  row->market.empty() ? "facilities not given" : "facilities " + row->market));
  judge(ctx, ratio, "");
}

} // namespace factcheck::eval::detail
