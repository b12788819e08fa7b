// Every source's parser on arbitrary bodies: the first byte picks the
// source (and for documents the content type), the rest is the body. Each
// result is data or an error message; a parsed series is ordered and finite.
#include <factcheck/sources/parsers.hpp>

#include <array>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace {

void
check(const factcheck::Expected<factcheck::Series>& series)
{
  if (!series) {
    return;
  }
  for (std::size_t i = 0; i < series->rows.size(); ++i) {
    if (i > 0 && !(series->rows[i - 1].date < series->rows[i].date)) {
      std::abort();
    }
  }
}

} // namespace

extern "C" int
LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  using namespace factcheck::sources;
  if (size == 0) {
    return 0;
  }
  const std::string_view body(reinterpret_cast<const char*>(data) + 1, size - 1);
  switch (data[0] % 12) {
  case 0:
    check(parse_fred_csv(body, "NASDAQCOM"));
    break;
  case 1:
    check(parse_stooq_csv(body, "nvda.us"));
    break;
  case 2:
    check(parse_yahoo_chart(body, "^IXIC"));
    break;
  case 3:
    (void)parse_sec_shares(body);
    break;
  case 4:
    (void)parse_arxiv_atom(body);
    break;
  case 5:
    (void)parse_wikipedia_summary(body);
    break;
  case 6:
    (void)parse_wikidata_entity(body, "Q1");
    break;
  case 7:
    (void)parse_document(body, "text/html; charset=utf-8", "https://example.test/");
    break;
  case 8:
    (void)parse_document(body, "text/plain; charset=ISO-8859-1", "https://example.test/");
    break;
  case 9: {
    // Every row found belongs to the file's own date.
    const auto day = parse_finra_short_volume(body, "CNMSshvol20250127");
    if (day && !day->rows.empty()
        && day->date
               != factcheck::Date{
                   std::chrono::year{2025}, std::chrono::month{1}, std::chrono::day{27}}) {
      std::abort();
    }
    break;
  }
  case 10:
    (void)parse_xbrl_concept(body);
    break;
  default:
    (void)parse_document(body, "application/pdf", "https://example.test/");
    break;
  }
  return 0;
}
