#pragma once

#include <factcheck/model/series.hpp>
#include <factcheck/util/expected.hpp>

#include <string_view>

// The pure parsers behind the sources, exposed for tests. Each takes a body
// exactly as the source serves it.
namespace factcheck::sources {

// FRED fredgraph.csv: header "observation_date,<ID>" (older: "DATE,<ID>"),
// rows "2025-01-27,19341.830"; a blank or "." value is a day without data
// and yields no row. The value becomes Row::close.
Expected<Series> parse_fred_csv(std::string_view body, std::string_view id);

// Stooq CSV download: header "Date,Open,High,Low,Close,Volume" (Volume may
// be absent on old rows). The body "No data" or an HTML page is an error.
Expected<Series> parse_stooq_csv(std::string_view body, std::string_view id);

// Yahoo Finance v8 chart JSON: chart.result[0].timestamp[] with
// indicators.quote[0].{open,high,low,close,volume} and
// indicators.adjclose[0].adjclose. Timestamps become dates in the exchange's
// time zone (meta.gmtoffset). null values are skipped per field;
// chart.error is reported.
Expected<Series> parse_yahoo_chart(std::string_view body, std::string_view id);

// SEC companyconcept JSON for dei:EntityCommonStockSharesOutstanding:
// units.shares[] rows {end, val, accn?, fy?, fp?, form?, filed?}.
Expected<ShareFacts> parse_sec_shares(std::string_view body);

} // namespace factcheck::sources
