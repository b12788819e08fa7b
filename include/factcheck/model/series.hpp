#pragma once

#include <factcheck/model/date.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace factcheck {

// One trading day of a daily series. A field the source does not publish (an
// index has no volume; FRED has only the close) is std::nullopt.
struct Row
{
  Date date{};
  std::optional<double> open;
  std::optional<double> high;
  std::optional<double> low;
  std::optional<double> close;    // the close as the source gives it (see Series)
  std::optional<double> adjclose; // dividend-adjusted close (Yahoo)
  std::optional<double> volume;
};

// A daily series as one source publishes it, rows in ascending date order,
// one row per trading day. Days without trading (weekends, holidays, FRED's
// blank values) have no row.
struct Series
{
  std::string id; // the source's identifier: "NASDAQCOM", "nvda.us", "^IXIC"
  std::vector<Row> rows;
  // What the source has done to `close` besides recording it, as a sentence
  // for the evidence; empty when `close` is the close as traded (or an index
  // level). Stooq's closes are split-adjusted and back-adjusted for some
  // dividends (docs/recordings.md, "Stooq").
  std::string close_adjustment;

  // The row for `date`, or nullptr when the series has none.
  const Row* find(Date date) const;
  // The last row strictly before `date`, or nullptr.
  const Row* previous(Date date) const;
};

// Selects a price field by name ("close", "adjclose", "open", "high", "low",
// "volume"). Returns std::nullopt for an unknown name or a missing value.
std::optional<double> field_value(const Row& row, std::string_view field);
bool is_known_field(std::string_view field);

// One SEC-reported share count (dei:EntityCommonStockSharesOutstanding).
struct ShareCount
{
  Date end{}; // the "as of" date of the count
  double shares = 0;
  std::string form;  // "10-Q", "10-K"
  std::string filed; // "2024-11-20"
  std::string accession;
};

// Share counts of one company, in ascending `end` order.
struct ShareFacts
{
  std::string entity; // "NVIDIA CORP"
  std::vector<ShareCount> counts;

  // The latest count with end <= date, or nullptr.
  const ShareCount* as_of(Date date) const;
};

// One value of an SEC XBRL concept as a filing reported it (a row of
// companyconcept's units.<UNIT>[]): a duration (start..end) for flows such as
// capital expenditure, an instant (no start) for balances.
struct XbrlFact
{
  std::optional<Date> start;
  Date end{};
  double value = 0;
  std::string unit;      // "USD"
  int fiscal_year = 0;   // "fy"
  std::string period;    // "fp": "FY", "Q1"...
  std::string form;      // "10-K"
  std::string filed;     // "2025-01-30"
  std::string accession; // "0001326801-25-000017"
};

// Every value of one concept one company filed, in the response's order.
struct XbrlFacts
{
  std::string entity;   // "Meta Platforms, Inc."
  std::string taxonomy; // "us-gaap"
  std::string tag;      // "PaymentsToAcquirePropertyPlantAndEquipment"
  std::vector<XbrlFact> facts;
};

// One security's row of a FINRA Reg SHO daily short-sale volume file.
struct ShortSaleVolume
{
  std::string symbol;
  double short_volume = 0;        // short sales, short-exempt ones included
  double short_exempt_volume = 0; // short-exempt sales alone
  double total_volume = 0;        // every trade reported to FINRA's facilities
  std::string market;             // the facilities: "B,Q,N"
};

// One trade date's file: every security's row, in file order.
struct ShortSaleDay
{
  Date date{};
  std::vector<ShortSaleVolume> rows;

  // The row for `symbol` (as FINRA writes it: "NVDA"), or nullptr.
  const ShortSaleVolume* find(std::string_view symbol) const;
};

} // namespace factcheck
