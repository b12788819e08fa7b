#pragma once

#include <factcheck/model/document.hpp>
#include <factcheck/model/series.hpp>
#include <factcheck/util/expected.hpp>

#include <chrono>
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

// FINRA's Reg SHO daily short-sale volume file (pipe-delimited, header
// Date|Symbol|ShortVolume|ShortExemptVolume|TotalVolume|Market, a trailer
// line with the record count, which must match when present). `id` is the
// file's name (CNMSshvol20250127); its date must be the rows' date.
Expected<ShortSaleDay> parse_finra_short_volume(std::string_view body, std::string_view id);

// Yahoo Finance v8 chart JSON: chart.result[0].timestamp[] with
// indicators.quote[0].{open,high,low,close,volume} and
// indicators.adjclose[0].adjclose. Timestamps become dates in the exchange's
// time zone (meta.gmtoffset). null values are skipped per field;
// chart.error is reported.
Expected<Series> parse_yahoo_chart(std::string_view body, std::string_view id);

// SEC companyconcept JSON for dei:EntityCommonStockSharesOutstanding:
// units.shares[] rows {end, val, accn?, fy?, fp?, form?, filed?}.
Expected<ShareFacts> parse_sec_shares(std::string_view body);

// An SEC companyconcept response for any concept: every value of
// units.<UNIT>[] with its period, form and filing. Rows missing end or val
// are errors; start, fy, fp, form, filed and accn may be absent.
Expected<XbrlFacts> parse_xbrl_concept(std::string_view body);

// arXiv API Atom feed (namespace-aware): the first <entry>'s title, id,
// published date and <summary>, as a Document of one page. "Rate exceeded."
// (throttling), an empty feed and arXiv's error entries are errors.
Expected<Document> parse_arxiv_atom(std::string_view body);

// Wikipedia REST page summary JSON: "extract" as one page, "title",
// "wikibase_item" and content_urls.desktop.page.
Expected<Document> parse_wikipedia_summary(std::string_view body);

// Wikidata entity JSON (Special:EntityData or wbgetentities):
// entities.<id>.claims with each value statement's value, time precision and
// rank.
Expected<Entity> parse_wikidata_entity(std::string_view body, std::string_view id);

// A document served as `content_type`: application/pdf (one page per PDF
// page, numbered from 1), text/html (scripts and styles dropped, block
// elements as paragraph breaks), text/plain; without a content type the
// bytes decide. Text is normalised (normalise_text). `url` is kept as the
// document's address.
Expected<Document>
parse_document(std::string_view body, std::string_view content_type, std::string_view url);

// The HTML and PDF halves of parse_document. `charset` is the content
// type's (default UTF-8).
Expected<Document> parse_html(std::string_view body, std::string_view charset);

// How much of a PDF is read: a report is far shorter than either bound, and a
// hostile PDF (850,000 empty pages, or pages that are slow to lay out) cannot
// take the run's time and memory. The clock is checked between pages, so one
// page is always read whole. A document cut short says so in `decoding`.
struct PdfLimits
{
  int max_pages = 2000;
  std::chrono::milliseconds max_time{60'000};
};
Expected<Document> parse_pdf(std::string_view body, const PdfLimits& limits = {});

} // namespace factcheck::sources
