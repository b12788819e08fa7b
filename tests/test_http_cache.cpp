// The disk cache in front of a fake network. Bodies are the recorded FRED
// NASDAQCOM series (fixtures/deepseek-2025-01-27, real data); the URLs,
// validators and clock are synthetic.
#include "testutil.hpp"

#include <factcheck/http/cache.hpp>
#include <factcheck/util/text.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

using factcheck::http::CacheOptions;
using factcheck::http::CachingClient;
using factcheck::http::Origin;
using factcheck::http::Request;
using factcheck::http::Response;

namespace {

const std::string k_url = "https://fred.example.test/graph/fredgraph.csv?id=NASDAQCOM";

// Answers every request with the same body and ETag, or 304 when the
// request's If-None-Match matches; counts requests and keeps their headers.
class Origin304 : public factcheck::http::HttpClient
{
public:
  factcheck::Expected<Response>
  get(const Request& request) override
  {
    ++requests;
    last_headers = request.headers;
    if (unreachable) {
      return factcheck::unexpected("connection refused");
    }
    Response response;
    response.url = request.url;
    response.etag = "\"v1\"";
    response.retrieved_at = "2026-11-28T00:00:00Z";
    for (const auto& [name, value] : request.headers) {
      if (name == "If-None-Match" && value == response.etag) {
        response.status = 304;
        return response;
      }
    }
    response.status = 200;
    response.content_type = "text/csv";
    response.body = body;
    response.sha256 = factcheck::util::sha256_hex(body);
    return response;
  }

  std::string body =
      factcheck::test::read_file(FACTCHECK_FIXTURES_DIR "/deepseek-2025-01-27/fred/NASDAQCOM.csv");
  int requests = 0;
  bool unreachable = false;
  std::vector<std::pair<std::string, std::string>> last_headers;
};

Request
fred_request()
{
  Request request{k_url, {}, {}};
  request.politeness.fresh_for = std::chrono::hours(6);
  return request;
}

struct Clock
{
  std::time_t now = 1'800'000'000;
};

CacheOptions
options_for(const std::string& dir, Clock& clock, std::vector<std::string>* warnings = nullptr)
{
  CacheOptions options;
  options.dir = dir;
  options.now = [&clock] { return clock.now; };
  options.warn = [warnings](const std::string& message) {
    if (warnings != nullptr) {
      warnings->push_back(message);
    }
  };
  return options;
}

} // namespace

TEST_CASE("http::CachingClient: a second run is served from the disk", "[http][cache]")
{
  factcheck::test::TempDir dir;
  Clock clock;
  Origin304 origin;
  {
    CachingClient cache(options_for(dir.path().string(), clock), origin);
    const auto first = cache.get(fred_request());
    REQUIRE(first);
    CHECK(first->origin == Origin::network);
  }
  CachingClient cache(options_for(dir.path().string(), clock), origin);
  const auto second = cache.get(fred_request());
  REQUIRE(second);
  CHECK(second->origin == Origin::cache);
  CHECK(second->body == origin.body);
  CHECK(origin.requests == 1);
  const auto info = factcheck::http::cache_info(dir.path().string());
  CHECK(info.entries == 1);
  CHECK(info.objects == 1);

  SECTION("cache clear empties it")
  {
    REQUIRE(factcheck::http::clear_cache(dir.path().string()));
    CHECK(factcheck::http::cache_info(dir.path().string()).entries == 0);
    CachingClient after(options_for(dir.path().string(), clock), origin);
    REQUIRE(after.get(fred_request()));
    CHECK(origin.requests == 2);
  }
}

TEST_CASE("http::CachingClient: a stale entry is revalidated with its ETag", "[http][cache]")
{
  factcheck::test::TempDir dir;
  Clock clock;
  Origin304 origin;
  CachingClient cache(options_for(dir.path().string(), clock), origin);
  REQUIRE(cache.get(fred_request()));
  clock.now += 7 * 3600; // past FRED's six hours

  const auto again = cache.get(fred_request());
  REQUIRE(again);
  CHECK(origin.requests == 2);
  CHECK(origin.last_headers
        == std::vector<std::pair<std::string, std::string>>{{"If-None-Match", "\"v1\""}});
  CHECK(again->status == 200); // the 304 is not passed on
  CHECK(again->body == origin.body);
  CHECK(again->origin == Origin::cache);

  // The 304 restarted its freshness.
  REQUIRE(cache.get(fred_request()));
  CHECK(origin.requests == 2);

  SECTION("unreachable source: the stale copy, marked as from the cache")
  {
    clock.now += 7 * 3600;
    origin.unreachable = true;
    const auto stale = cache.get(fred_request());
    REQUIRE(stale);
    CHECK(stale->origin == Origin::cache);
  }
  SECTION("live mode asks the network even when fresh")
  {
    auto live_options = options_for(dir.path().string(), clock);
    live_options.network_first = true;
    CachingClient live(live_options, origin);
    REQUIRE(live.get(fred_request()));
    CHECK(origin.requests == 3);
  }
}

TEST_CASE("http::CachingClient: a corrupted body is fetched again", "[http][cache]")
{
  factcheck::test::TempDir dir;
  Clock clock;
  Origin304 origin;
  CachingClient cache(options_for(dir.path().string(), clock), origin);
  REQUIRE(cache.get(fred_request()));

  const auto sha = factcheck::util::sha256_hex(origin.body);
  const auto object = dir.path() / "objects" / sha.substr(0, 2) / sha;
  REQUIRE(std::filesystem::exists(object));
  {
    std::fstream file(object, std::ios::in | std::ios::out | std::ios::binary);
    file.seekp(10);
    file.put('#'); // one flipped byte
  }
  const auto again = cache.get(fred_request());
  REQUIRE(again);
  CHECK(origin.requests == 2);
  CHECK(again->origin == Origin::network);
  CHECK(again->body == origin.body);
}

TEST_CASE("http::CachingClient: an unwritable folder warns once and changes nothing else",
          "[http][cache]")
{
  // A folder under a regular file can never be created, even by root (on
  // which chmod-based read-only tests pass vacuously).
  factcheck::test::TempDir dir;
  const auto blocker = dir.write("file", "not a folder");
  Clock clock;
  Origin304 origin;
  std::vector<std::string> warnings;
  CachingClient cache(options_for(blocker + "/cache", clock, &warnings), origin);
  Request other = fred_request();
  other.url += "&cosd=2025-01-01";
  const auto results = cache.get_all({fred_request(), other});
  REQUIRE(results.size() == 2);
  CHECK(results[0]);
  CHECK(results[1]);
  REQUIRE(warnings.size() == 1);
  CHECK_THAT(warnings[0], Catch::Contains("cannot write the cache"));
  REQUIRE(cache.get(fred_request()));
  CHECK(warnings.size() == 1);
}

TEST_CASE("http::CachingClient: a damaged entry is a miss, fetched again", "[http][cache]")
{
  factcheck::test::TempDir dir;
  Clock clock;
  Origin304 origin;
  CachingClient cache(options_for(dir.path().string(), clock), origin);
  REQUIRE(cache.get(fred_request()));
  const auto entries = dir.path() / "entries";
  REQUIRE(std::distance(std::filesystem::directory_iterator(entries), {}) == 1);
  const auto entry = std::filesystem::directory_iterator(entries)->path();

  // Synthetic damage: cut short, then well-formed JSON of the wrong shape.
  for (const auto& damage :
       {std::string("{\"status\": 200, \"sha2"), std::string(R"({"status": "ok", "sha256": 5})")}) {
    {
      std::ofstream out(entry, std::ios::binary | std::ios::trunc);
      out << damage;
    }
    const int before = origin.requests;
    const auto again = cache.get(fred_request());
    REQUIRE(again);
    CHECK(origin.requests == before + 1);
    CHECK(again->origin == Origin::network);
    CHECK(again->body == origin.body);
  }
}

TEST_CASE("http::CachingClient: an entry with a field of the wrong type is a miss, not a crash",
          "[http][cache]")
{
  factcheck::test::TempDir dir;
  Clock clock;
  Origin304 origin;
  CachingClient cache(options_for(dir.path().string(), clock), origin);
  REQUIRE(cache.get(fred_request()));
  const auto entry = std::filesystem::directory_iterator(dir.path() / "entries")->path();
  const std::string good = factcheck::test::read_file(entry.string());
  REQUIRE(good.find("\"url\"") != std::string::npos);

  // Synthetic damage to one field of the real entry, the url kept right so
  // that the field itself is what is read: a status that is text, a sha256
  // that is a number or names another file, a stored_at that is text.
  const auto with = [&](const std::string& key, const std::string& value) {
    auto json = nlohmann::json::parse(good);
    json[key] = nlohmann::json::parse(value);
    return json.dump();
  };
  for (const auto& damaged :
       {with("status", R"("ok")"),
        with("sha256", "5"),
        with("sha256", R"("../../../../../../../../dev/zero")"),
        with("sha256", R"("ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789")"),
        with("stored_at", R"("yesterday")"),
        std::string("[1e400]")}) {
    INFO(damaged);
    {
      std::ofstream out(entry, std::ios::binary | std::ios::trunc);
      out << damaged;
    }
    const int before = origin.requests;
    factcheck::Expected<Response> again = factcheck::unexpected("not run");
    REQUIRE_NOTHROW(again = cache.get(fred_request()));
    REQUIRE(again);
    CHECK(origin.requests == before + 1);
    CHECK(again->origin == Origin::network);
  }
}

TEST_CASE("http::CachingClient: an entry stored in the future is not fresh", "[http][cache]")
{
  factcheck::test::TempDir dir;
  Clock clock;
  Origin304 origin;
  CachingClient cache(options_for(dir.path().string(), clock), origin);
  REQUIRE(cache.get(fred_request()));
  const auto entry = std::filesystem::directory_iterator(dir.path() / "entries")->path();
  auto json = nlohmann::json::parse(factcheck::test::read_file(entry.string()));
  json["stored_at"] = clock.now + 365 * 24 * 3600; // a year ahead (synthetic)
  {
    std::ofstream out(entry, std::ios::binary | std::ios::trunc);
    out << json.dump();
  }
  clock.now += 60; // a minute later: fresh if the stored time were believed
  const int before = origin.requests;
  const auto again = cache.get(fred_request());
  REQUIRE(again);
  CHECK(origin.requests == before + 1); // revalidated with its ETag
  CHECK(origin.last_headers.size() >= 1);
}
