#include "testutil.hpp"

#include <factcheck/http/recordings.hpp>
#include <factcheck/util/error.hpp>
#include <factcheck/util/text.hpp>

#include <catch2/catch.hpp>

using factcheck::Error;
using factcheck::http::canonical_url;
using factcheck::http::RecordingClient;
using factcheck::http::Request;
using factcheck::test::FakeHttpClient;
using factcheck::test::TempDir;

namespace {

// A synthetic recording (two FRED-format rows) written into `dir`.
const std::string k_body = "observation_date,NASDAQCOM\n2025-01-24,19954.300\n";

std::string
meta(const std::string& url, const std::string& sha256)
{
  return "url: " + url + "\nstatus: 200\ncontent_type: text/csv\nbody: body.csv\nsha256: " + sha256
         + "\nrecorded_at: \"2026-11-28\"\nprovenance: reconstructed\nfrom: synthetic test data\n";
}

} // namespace

TEST_CASE("http::canonical_url: query parameters in name order", "[http]")
{
  CHECK(canonical_url("https://stooq.com/q/d/l/?s=nvda.us&i=d")
        == "https://stooq.com/q/d/l/?i=d&s=nvda.us");
  CHECK(canonical_url("https://x/a?range=max&interval=1d")
        == canonical_url("https://x/a?interval=1d&range=max"));
  CHECK(canonical_url("https://x/a") == "https://x/a");
}

TEST_CASE("http::RecordingClient: serves a recording by canonical URL", "[http]")
{
  TempDir dir;
  dir.write("fred/body.csv", k_body);
  dir.write("fred/body.csv.recording.yaml",
            meta("https://example.test/q?b=2&a=1", factcheck::util::sha256_hex(k_body)));
  RecordingClient client({dir.path().string()}, nullptr);
  CHECK(client.size() == 1);

  const auto response = client.get(Request{"https://example.test/q?a=1&b=2", {}, {}});
  REQUIRE(response);
  CHECK(response->body == k_body);
  CHECK(response->status == 200);
  CHECK(response->origin == factcheck::http::Origin::recording);
  CHECK(response->provenance == "reconstructed");
  CHECK(response->retrieved_at == "2026-11-28");

  SECTION("a miss without fallback is an error naming the URL")
  {
    const auto miss = client.get(Request{"https://example.test/other", {}, {}});
    REQUIRE_FALSE(miss);
    CHECK(miss.error()
          == "no recording of https://example.test/other (offline mode does not use the network)");
  }
}

TEST_CASE("http::RecordingClient: a miss goes to the fallback", "[http]")
{
  TempDir dir;
  FakeHttpClient network;
  network.add("https://example.test/live", "fresh");
  RecordingClient client({dir.path().string()}, &network);
  const auto response = client.get(Request{"https://example.test/live", {}, {}});
  REQUIRE(response);
  CHECK(response->body == "fresh");
  CHECK(network.requests("https://example.test/live") == 1);
}

TEST_CASE("http::RecordingClient: a changed body is never served", "[http]")
{
  TempDir dir;
  dir.write("body.csv", k_body + "2025-01-27,1.0\n");
  dir.write("body.csv.recording.yaml",
            meta("https://example.test/q", factcheck::util::sha256_hex(k_body)));
  RecordingClient client({dir.path().string()}, nullptr);
  const auto response = client.get(Request{"https://example.test/q", {}, {}});
  REQUIRE_FALSE(response);
  CHECK_THAT(response.error(), Catch::Contains("it changed after recording"));
}

TEST_CASE("http::RecordingClient: malformed recordings are caller errors", "[http]")
{
  TempDir dir;
  SECTION("missing key")
  {
    const auto path = dir.write("a.csv.recording.yaml", "url: https://x/\nstatus: 200\n");
    CHECK_THROWS_WITH(RecordingClient({dir.path().string()}, nullptr),
                      path + ":1: recording has no \"content_type\"");
  }
  SECTION("bad provenance")
  {
    const auto path =
        dir.write("a.csv.recording.yaml",
                  "url: https://x/\nstatus: 200\ncontent_type: text/csv\nbody: a.csv\nsha256: 00\n"
                  "recorded_at: x\nprovenance: invented\n");
    CHECK_THROWS_WITH(RecordingClient({dir.path().string()}, nullptr),
                      path
                          + ":7: bad provenance \"invented\" (expected verbatim or reconstructed)");
  }
  SECTION("two recordings of one URL")
  {
    dir.write("a.csv.recording.yaml", meta("https://x/?a=1&b=2", "00"));
    dir.write("b.csv.recording.yaml", meta("https://x/?b=2&a=1", "00"));
    CHECK_THROWS_WITH(RecordingClient({dir.path().string()}, nullptr),
                      Catch::Contains("a second recording of https://x/?b=2&a=1"));
  }
  SECTION("missing folder")
  {
    CHECK_THROWS_WITH(RecordingClient({(dir.path() / "nope").string()}, nullptr),
                      (dir.path() / "nope").string() + ": recordings folder does not exist");
  }
}
