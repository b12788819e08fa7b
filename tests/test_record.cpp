// record() writing recordings: names that stay distinct and fit the file
// system. The answers are the recorded Stooq NVDA series (real data) served
// by a fake client for any URL; the ids and URLs are synthetic.
#include "testutil.hpp"

#include <factcheck/catalogue/load.hpp>
#include <factcheck/http/recordings.hpp>
#include <factcheck/record.hpp>
#include <factcheck/util/text.hpp>

#include <catch2/catch.hpp>

#include <filesystem>
#include <set>
#include <string>

namespace {

class AnswersAll : public factcheck::http::HttpClient
{
public:
  AnswersAll(std::string body, std::string type) : m_body(std::move(body)), m_type(std::move(type))
  {}

  factcheck::Expected<factcheck::http::Response>
  get(const factcheck::http::Request& request) override
  {
    factcheck::http::Response response;
    response.url = request.url;
    response.status = 200;
    response.content_type = m_type;
    response.body = m_body;
    response.sha256 = factcheck::util::sha256_hex(m_body);
    response.retrieved_at = "2026-12-01T00:00:00Z";
    return response;
  }

private:
  std::string m_body;
  std::string m_type;
};

std::string
close_claim(const std::string& id, const std::string& series)
{
  return "  - id: " + id + "\n    quote: q\n    statement: s\n    check: {kind: close, series: \""
         + series + "\", date: 2025-01-27}\n    claimed: \"$118\"\n";
}

} // namespace

TEST_CASE("record: two ids with one file name are both kept", "[record][hardening]")
{
  const auto catalogue = factcheck::catalogue::parse(
      "claims:\n" + close_claim("a", "stooq:^nvda.us") + close_claim("b", "stooq:nvda.us"),
      "two.yaml");
  AnswersAll client(
      factcheck::test::read_file(FACTCHECK_FIXTURES_DIR "/deepseek-2025-01-27/stooq/nvda.us.csv"),
      "text/csv");
  factcheck::test::TempDir dir;
  factcheck::RecordOptions options;
  options.dir = dir.path().string();
  const auto report = factcheck::record(catalogue, client, options);
  CHECK(report.failures.empty());
  REQUIRE(report.written.size() == 2);
  CHECK(report.written[0] != report.written[1]);
  // Both load back, each answering its own URL.
  factcheck::http::RecordingClient recordings({dir.path().string()}, nullptr);
  CHECK(recordings.size() == 2);
}

TEST_CASE("record: a long document URL gets a file name that fits", "[record][hardening]")
{
  const std::string url = "https://example.test/" + std::string(400, 'p') + ".txt";
  const auto catalogue = factcheck::catalogue::parse(
      "claims:\n  - id: d\n    quote: q\n    statement: s\n    check: {kind: document_figure, "
      "document: \"document:"
          + url + "\", anchor: \"costs\"}\n    claimed: \"$5.6M\"\n",
      "long.yaml");
  AnswersAll client("The training costs $5.576M.", "text/plain");
  factcheck::test::TempDir dir;
  factcheck::RecordOptions options;
  options.dir = dir.path().string();
  const auto report = factcheck::record(catalogue, client, options);
  CHECK(report.failures.empty());
  REQUIRE(report.written.size() == 1);
  CHECK(std::filesystem::path(report.written[0]).filename().string().size() <= 255);
  factcheck::http::RecordingClient recordings({dir.path().string()}, nullptr);
  const auto response = recordings.get(factcheck::http::Request{url, {}, {}});
  REQUIRE(response);
  CHECK(response->body == "The training costs $5.576M.");
}
