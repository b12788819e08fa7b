#include "testutil.hpp"

#include <factcheck/http/recordings.hpp>
#include <factcheck/util/error.hpp>
#include <factcheck/util/text.hpp>

#include <catch2/catch.hpp>

#include <filesystem>
#include <sys/stat.h>

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

namespace {

std::string
meta_with_body(const std::string& body, const std::string& sha256)
{
  return "url: https://example.test/secret\nstatus: 200\ncontent_type: text/plain\nbody: " + body
         + "\nsha256: " + sha256
         + "\nrecorded_at: \"2026-11-28\"\nprovenance: reconstructed\nfrom: synthetic\n";
}

std::string
load_error(const std::string& dir)
{
  try {
    RecordingClient client({dir}, nullptr);
  } catch (const Error& e) {
    return e.what();
  }
  return "no error";
}

} // namespace

TEST_CASE("http::RecordingClient: a body never names a file outside the recordings folder",
          "[http][hardening]")
{
  // A recording is data from whoever sent the catalogue: "body:" with a
  // way out, an absolute path or a device is refused when the folder is
  // read, with file:line.
  for (const std::string body : {"../outside.txt", "/etc/passwd", "/dev/zero", "a/../../x"}) {
    INFO(body);
    TempDir dir;
    dir.write("r/x.recording.yaml", meta_with_body(body, std::string(64, '0')));
    const auto message = load_error((dir.path() / "r").string());
    CHECK_THAT(message, Catch::Contains("x.recording.yaml:4: body"));
    CHECK_THAT(message, Catch::Contains("inside the recordings folder"));
  }
}

TEST_CASE("http::RecordingClient: a symlink out of the folder or a FIFO is not read",
          "[http][hardening]")
{
  TempDir dir;
  dir.write("outside.txt", "not a recording\n");
  dir.write("r/keep.txt", "x");
  std::filesystem::create_symlink(dir.path() / "outside.txt", dir.path() / "r" / "link.txt");
  dir.write("r/link.txt.recording.yaml",
            meta_with_body("link.txt", factcheck::util::sha256_hex("not a recording\n")));
  {
    RecordingClient client({(dir.path() / "r").string()}, nullptr);
    const auto response = client.get(Request{"https://example.test/secret", {}, {}});
    REQUIRE_FALSE(response);
    CHECK_THAT(response.error(), Catch::Contains("is outside the recordings folder"));
  }
  // A FIFO would block the read for ever.
  TempDir fifo_dir;
  const auto fifo = fifo_dir.path() / "pipe.txt";
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  fifo_dir.write("pipe.txt.recording.yaml", meta_with_body("pipe.txt", std::string(64, '0')));
  RecordingClient client({fifo_dir.path().string()}, nullptr);
  const auto response = client.get(Request{"https://example.test/secret", {}, {}});
  REQUIRE_FALSE(response);
  CHECK_THAT(response.error(), Catch::Contains("is not a regular file"));
}

TEST_CASE("http::RecordingClient: the root of the file system is not a recordings folder",
          "[http][hardening]")
{
  CHECK_THAT(load_error("/"), Catch::Contains("the recordings folder is the root"));
}
