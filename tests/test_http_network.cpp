// The network engine end to end: factcheck::verify with the libcurl client
// against a loopback server that serves the sources' native formats and
// injects the faults live sources produce. Bodies served as "good" are the
// recorded Stooq NVDA series (fixtures/deepseek-2025-01-27, real data); the
// faults themselves are synthetic.
#include "loopback_server.hpp"
#include "testutil.hpp"

#include <factcheck/catalogue/load.hpp>
#include <factcheck/http/cache.hpp>
#include <factcheck/http/curl_client.hpp>
#include <factcheck/http/recordings.hpp>
#include <factcheck/record.hpp>
#include <factcheck/sources/registry.hpp>
#include <factcheck/util/text.hpp>
#include <factcheck/verify.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

using namespace std::chrono_literals;
using factcheck::http::CurlOptions;
using factcheck::http::make_curl_client;
using factcheck::http::Politeness;
using factcheck::http::Request;
using factcheck::test::LoopbackServer;
using Clock = std::chrono::steady_clock;

namespace {

std::string
nvda_csv()
{
  return factcheck::test::read_file(FACTCHECK_FIXTURES_DIR
                                    "/deepseek-2025-01-27/stooq/nvda.us.csv");
}

// Short timeouts and backoffs, so that the whole file runs in seconds.
CurlOptions
test_options()
{
  CurlOptions options;
  options.connect_timeout = 2000ms;
  options.total_timeout = 1500ms;
  options.max_bytes = 1024U * 1024U;
  options.max_attempts = 3;
  options.backoff_base = 20ms;
  options.backoff_max = 100ms;
  options.retry_after_max = 5s;
  return options;
}

// Records what the server saw: requests per key, their start times, and the
// most transfers it was serving at once.
class Log
{
public:
  class Active
  {
  public:
    explicit Active(Log& log) : m_log(log)
    {
      const int now = ++m_log.m_active;
      int seen = m_log.m_max_active.load();
      while (now > seen && !m_log.m_max_active.compare_exchange_weak(seen, now)) {
      }
    }
    ~Active()
    {
      --m_log.m_active;
    }
    Active(const Active&) = delete;
    Active& operator=(const Active&) = delete;

  private:
    Log& m_log;
  };

  int
  hit(const std::string& key)
  {
    const std::lock_guard<std::mutex> lock(m_mutex);
    m_times[key].push_back(Clock::now());
    return static_cast<int>(m_times[key].size());
  }

  int
  count(const std::string& key)
  {
    const std::lock_guard<std::mutex> lock(m_mutex);
    return static_cast<int>(m_times[key].size());
  }

  std::vector<Clock::time_point>
  all_times()
  {
    const std::lock_guard<std::mutex> lock(m_mutex);
    std::vector<Clock::time_point> times;
    for (const auto& [key, list] : m_times) {
      times.insert(times.end(), list.begin(), list.end());
    }
    std::sort(times.begin(), times.end());
    return times;
  }

  std::vector<Clock::time_point>
  times(const std::string& key)
  {
    const std::lock_guard<std::mutex> lock(m_mutex);
    return m_times[key];
  }

  int
  max_active() const
  {
    return m_max_active.load();
  }

private:
  std::mutex m_mutex;
  std::map<std::string, std::vector<Clock::time_point>> m_times;
  std::atomic<int> m_active{0};
  std::atomic<int> m_max_active{0};
};

std::string
http_date_in(std::chrono::seconds ahead)
{
  const std::time_t when = std::time(nullptr) + ahead.count();
  std::tm tm{};
  gmtime_r(&when, &tm);
  char text[64];
  std::strftime(text, sizeof text, "%a, %d %b %Y %H:%M:%S GMT", &tm);
  return text;
}

// Stooq's endpoint, with one behaviour per symbol.
void
serve_stooq(LoopbackServer& loopback, Log& log)
{
  const std::string csv = nvda_csv();
  loopback.server().Get(
      "/q/d/l/", [&log, csv](const httplib::Request& req, httplib::Response& res) {
        const Log::Active active(log);
        const std::string symbol = req.get_param_value("s");
        const int attempt = log.hit(symbol);
        if (symbol == "flaky.us" && attempt == 1) {
          res.status = 500;
          res.set_content("internal error", "text/plain");
        } else if (symbol == "later.us" && attempt == 1) {
          res.status = 429;
          res.set_header("Retry-After", "1");
        } else if (symbol == "busy.us") {
          res.status = 503;
          res.set_header("Retry-After", "0");
        } else if (symbol == "tomorrow.us") {
          res.status = 429;
          res.set_header("Retry-After", http_date_in(3600s));
        } else if (symbol == "slow.us") {
          std::this_thread::sleep_for(2500ms);
          res.set_content(csv, "text/csv");
        } else if (symbol == "drip.us") {
          res.set_chunked_content_provider("text/csv", [](size_t offset, httplib::DataSink& sink) {
            std::this_thread::sleep_for(100ms);
            if (offset > 30) {
              sink.done();
              return true;
            }
            return sink.write("D", 1);
          });
        } else if (symbol == "html.us") {
          res.set_content("<html><body>Service unavailable</body></html>", "text/html");
        } else if (symbol == "huge.us") {
          // Not text/*: cpp-httplib would brotli-compress it, slowly enough on
          // a busy machine for the timeout to come before the cap.
          res.set_chunked_content_provider("application/octet-stream",
                                           [](size_t, httplib::DataSink& sink) {
                                             const std::string chunk(64U * 1024U, 'x');
                                             return sink.write(chunk.data(), chunk.size());
                                           });
        } else if (symbol == "tofile.us") {
          res.set_redirect("file:///etc/passwd");
        } else if (symbol == "loop.us") {
          res.set_redirect("/q/d/l/?s=loop.us&i=d");
        } else if (symbol == "reset.us") {
          // Half a body, then the connection drops.
          res.set_chunked_content_provider("text/csv",
                                           [csv](size_t offset, httplib::DataSink& sink) {
                                             if (offset > 0) {
                                               return false;
                                             }
                                             return sink.write(csv.data(), csv.size() / 2);
                                           });
        } else {
          if (symbol.rfind("c", 0) == 0) {
            std::this_thread::sleep_for(150ms);
          }
          res.set_content(csv, "text/csv");
        }
      });
}

std::string
claim_yaml(const std::string& id, const std::string& symbol)
{
  return "  - id: " + id + "\n    quote: fell 17%\n    statement: synthetic claim on " + symbol
         + "\n    check: {kind: change_pct, series: \"stooq:" + symbol
         + "\", date: 2025-01-27, direction: fall}\n    claimed: \"17%\"\n";
}

factcheck::Catalogue
catalogue_of(const std::vector<std::string>& symbols)
{
  std::string text =
      "article: {title: synthetic, language: en, published: \"2025-01-28\"}\nclaims:\n";
  for (const auto& symbol : symbols) {
    text += claim_yaml(symbol.substr(0, symbol.find('.')), symbol);
  }
  return factcheck::catalogue::parse(text, "synthetic.yaml");
}

const factcheck::Verdict&
verdict_of(const factcheck::RunReport& report, const std::string& id)
{
  const auto it = std::find_if(report.verdicts.begin(), report.verdicts.end(), [&](const auto& v) {
    return v.claim_id == id;
  });
  REQUIRE(it != report.verdicts.end());
  return *it;
}

} // namespace

TEST_CASE("verify over the network: each fault is an error on its own claim only", "[network]")
{
  Log log;
  LoopbackServer loopback;
  serve_stooq(loopback, log);
  loopback.start();

  const std::vector<std::string> symbols{"good.us",
                                         "flaky.us",
                                         "later.us",
                                         "busy.us",
                                         "tomorrow.us",
                                         "slow.us",
                                         "drip.us",
                                         "html.us",
                                         "huge.us",
                                         "tofile.us",
                                         "loop.us",
                                         "reset.us"};
  auto catalogue = catalogue_of(symbols);
  // A second claim on the good series: one fetch serves both.
  catalogue.claims.push_back(catalogue_of({"good.us"}).claims.front());
  catalogue.claims.back().id = "good-again";

  const auto client = make_curl_client(test_options());
  factcheck::VerifyOptions options;
  options.base_urls["stooq"] = loopback.url();
  const auto started = Clock::now();
  const auto report = factcheck::verify(std::move(catalogue), *client, options);
  const auto elapsed = Clock::now() - started;

  using factcheck::VerdictKind;
  CHECK(verdict_of(report, "good").kind == VerdictKind::supported);
  CHECK(verdict_of(report, "good-again").kind == VerdictKind::supported);
  CHECK(log.count("good.us") == 1);
  // Retried, then fine.
  CHECK(verdict_of(report, "flaky").kind == VerdictKind::supported);
  CHECK(log.count("flaky.us") == 2);
  INFO(verdict_of(report, "later").message);
  CHECK(verdict_of(report, "later").kind == VerdictKind::supported);
  const auto later = log.times("later.us");
  REQUIRE(later.size() == 2);
  CHECK(later[1] - later[0] >= 900ms); // Retry-After: 1 was honoured

  const auto error_of = [&](const std::string& id) {
    const auto& verdict = verdict_of(report, id);
    CHECK(verdict.kind == VerdictKind::error);
    return verdict.message;
  };
  CHECK_THAT(error_of("busy"),
             Catch::Contains("HTTP 503 (Retry-After: 0): the source is limiting requests "
                             "(gave up after 3 attempts)"));
  CHECK(log.count("busy.us") == 3);
  CHECK_THAT(error_of("tomorrow"), Catch::Contains("not waiting that long"));
  CHECK(log.count("tomorrow.us") == 1);
  CHECK_THAT(error_of("slow"), Catch::Contains("timed out"));
  CHECK_THAT(error_of("drip"), Catch::Contains("timed out"));
  CHECK_THAT(error_of("html"), Catch::Contains("s=html.us"));
  CHECK_THAT(error_of("huge"), Catch::Contains("larger than the 1048576 byte cap"));
  CHECK_THAT(error_of("tofile"), Catch::Contains("s=tofile.us"));
  CHECK_THAT(error_of("loop"), Catch::Contains("redirect"));
  CHECK_THAT(error_of("reset"), Catch::Contains("gave up after 3 attempts"));

  CHECK(factcheck::exit_code(report) == 3);
  // Timeouts of 1.5 s, a 1 s Retry-After and backoffs under 0.1 s: the run
  // cannot legitimately take long; the bound is generous for busy machines.
  CHECK(elapsed < 15s);
}

TEST_CASE("verify over the network: connection limits hold at the server", "[network]")
{
  Log log;
  LoopbackServer loopback;
  serve_stooq(loopback, log);
  loopback.start();
  std::vector<std::string> symbols;
  for (int i = 1; i <= 12; ++i) {
    symbols.push_back("c" + std::to_string(i) + ".us");
  }

  SECTION("per host")
  {
    auto curl = test_options();
    curl.connections_per_host = 3;
    const auto client = make_curl_client(curl);
    factcheck::VerifyOptions options;
    options.base_urls["stooq"] = loopback.url();
    const auto report = factcheck::verify(catalogue_of(symbols), *client, options);
    CHECK(report.summary.supported == 12);
    CHECK(log.max_active() <= 3);
    CHECK(log.max_active() >= 2); // they did overlap
  }
  SECTION("over all hosts (--jobs)")
  {
    auto curl = test_options();
    curl.jobs = 2;
    const auto client = make_curl_client(curl);
    factcheck::VerifyOptions options;
    options.base_urls["stooq"] = loopback.url();
    const auto report = factcheck::verify(catalogue_of(symbols), *client, options);
    CHECK(report.summary.supported == 12);
    CHECK(log.max_active() <= 2);
  }
}

TEST_CASE("network engine: FRED's requests are spaced by its rate", "[network]")
{
  Log log;
  LoopbackServer loopback;
  loopback.server().Get("/graph/fredgraph.csv",
                        [&log](const httplib::Request& req, httplib::Response& res) {
                          log.hit(req.get_param_value("id"));
                          res.set_content("observation_date,X\n2025-01-27,1\n", "text/csv");
                        });
  loopback.start();
  const auto* fred = factcheck::sources::find("fred");
  REQUIRE(fred != nullptr);
  std::vector<Request> requests;
  for (const char* id : {"A", "B", "C"}) {
    auto request = fred->request(id, loopback.url());
    REQUIRE(request);
    requests.push_back(*request);
  }
  const auto results = make_curl_client(test_options())->get_all(requests);
  for (const auto& result : results) {
    CHECK(result);
  }
  const auto times = log.all_times();
  REQUIRE(times.size() == 3);
  // About 2 requests/s: starts 500 ms apart, with margin for a busy machine.
  CHECK(times[1] - times[0] >= 400ms);
  CHECK(times[2] - times[1] >= 400ms);
}

TEST_CASE("network engine: each source's throttle signals", "[network]")
{
  Log log;
  LoopbackServer loopback;
  loopback.server().Get("/forbidden", [&log](const httplib::Request&, httplib::Response& res) {
    log.hit("forbidden");
    res.status = 403;
    res.set_content("<html>Your Request Originates from an Undeclared Automated Tool</html>",
                    "text/html");
  });
  loopback.server().Get("/arxiv", [&log](const httplib::Request&, httplib::Response& res) {
    const int attempt = log.hit("arxiv");
    res.set_content(attempt == 1 ? "Rate exceeded." : "<feed/>", "text/plain");
  });
  loopback.server().Get("/arxiv-always", [&log](const httplib::Request&, httplib::Response& res) {
    log.hit("arxiv-always");
    res.set_content("Rate exceeded.", "text/plain");
  });
  loopback.server().Get("/cut.json", [&log](const httplib::Request& req, httplib::Response& res) {
    log.hit("cut");
    log.hit("ua:" + req.get_header_value("User-Agent"));
    res.set_content(R"({"cik":1045810,"units":{"shares":[{"end":"2024-11-15","val)",
                    "application/json");
  });
  loopback.start();

  Politeness sec;
  sec.throttle_statuses = {403};
  sec.json = true;
  sec.needs_contact = true;
  Politeness arxiv;
  arxiv.throttle_body = "Rate exceeded.";

  auto options = test_options();
  options.contact = "desk@example.org";
  const auto client = make_curl_client(options);

  SECTION("SEC's 403 is throttling, retried, then says so")
  {
    const auto result = client->get(Request{loopback.url("/forbidden"), {}, sec});
    REQUIRE_FALSE(result);
    CHECK(result.error()
          == loopback.url("/forbidden")
                 + ": HTTP 403: the source is limiting requests (gave up after 3 attempts)");
    CHECK(log.count("forbidden") == 3);
  }
  SECTION("elsewhere a 403 is an answer, not retried")
  {
    const auto result = client->get(Request{loopback.url("/forbidden"), {}, {}});
    REQUIRE(result);
    CHECK(result->status == 403);
    CHECK(log.count("forbidden") == 1);
  }
  SECTION("arXiv's 200 \"Rate exceeded.\" is retried")
  {
    const auto result = client->get(Request{loopback.url("/arxiv"), {}, arxiv});
    REQUIRE(result);
    CHECK(result->body == "<feed/>");
    CHECK(result->attempts == 2);
    const auto always = client->get(Request{loopback.url("/arxiv-always"), {}, arxiv});
    REQUIRE_FALSE(always);
    CHECK_THAT(always.error(), Catch::Contains("HTTP 200 with body \"Rate exceeded.\""));
  }
  SECTION("a 200 with JSON cut short is retried, then an error")
  {
    const auto result = client->get(Request{loopback.url("/cut.json"), {}, sec});
    REQUIRE_FALSE(result);
    CHECK_THAT(result.error(), Catch::Contains("JSON body cut short or malformed"));
    CHECK(log.count("cut") == 3);
    CHECK(log.count("ua:factcheck/" FACTCHECK_VERSION " (+desk@example.org)") == 3);
  }
  SECTION("SEC without a contact is not asked at all")
  {
    const auto anonymous = make_curl_client(test_options());
    const auto result = anonymous->get(Request{loopback.url("/cut.json"), {}, sec});
    REQUIRE_FALSE(result);
    CHECK_THAT(result.error(), Catch::Contains("--contact EMAIL"));
    CHECK_THAT(result.error(), Catch::Contains("FACTCHECK_CONTACT"));
    CHECK(log.count("cut") == 0);
  }
}

TEST_CASE("record: live answers become recordings that a later offline run uses", "[network]")
{
  Log log;
  LoopbackServer loopback;
  serve_stooq(loopback, log);
  loopback.start();
  factcheck::test::TempDir dir;

  auto curl = test_options();
  curl.contact = "desk@example.org";
  const auto client = make_curl_client(curl);
  factcheck::RecordOptions options;
  options.dir = dir.path().string();
  options.base_urls["stooq"] = loopback.url();
  options.secrets = {curl.contact};
  const auto report = factcheck::record(catalogue_of({"good.us", "html.us"}), *client, options);
  REQUIRE(report.written.size() == 1);
  REQUIRE(report.failures.size() == 1);
  CHECK_THAT(report.failures[0], Catch::StartsWith("stooq:html.us: "));

  const auto meta = factcheck::test::read_file(report.written[0]);
  CHECK_THAT(meta, Catch::Contains("url: https://stooq.com/q/d/l/?s=good.us&i=d\n"));
  CHECK_THAT(meta, Catch::Contains("captured_url: " + loopback.url("/q/d/l/?s=good.us&i=d")));
  CHECK_THAT(meta, Catch::Contains("provenance: verbatim\n"));
  CHECK_THAT(meta, Catch::Contains("covers: \"2022-01-03..")); // first row of the series
  CHECK(meta.find("desk@example.org") == std::string::npos);
  CHECK(factcheck::test::read_file((dir.path() / "stooq" / "good.us.csv").string()) == nvda_csv());

  // The recording serves the claim with no network at all.
  factcheck::http::RecordingClient recordings({dir.path().string()}, nullptr);
  const auto offline =
      factcheck::verify(catalogue_of({"good.us"}), recordings, factcheck::VerifyOptions{});
  CHECK(offline.summary.supported == 1);
}

namespace {

// Stooq's endpoint serving the NVDA series with one validator: each answer
// carries `validator: value`, and a request whose `condition` header
// presents the value is answered 304 with no body. Keeps the condition each
// request sent ("" when none).
class ValidatingStooq
{
public:
  ValidatingStooq(LoopbackServer& loopback,
                  const std::string& validator,
                  const std::string& condition,
                  const std::string& value)
  {
    loopback.server().Get("/q/d/l/",
                          [this, validator, condition, value, csv = nvda_csv()](
                              const httplib::Request& req, httplib::Response& res) {
                            const std::string presented = req.get_header_value(condition.c_str());
                            {
                              const std::lock_guard<std::mutex> lock(m_mutex);
                              m_conditions.push_back(presented);
                            }
                            res.set_header(validator.c_str(), value);
                            if (presented == value) {
                              res.status = 304;
                              return;
                            }
                            res.set_content(csv, "text/csv");
                          });
  }

  int
  requests()
  {
    const std::lock_guard<std::mutex> lock(m_mutex);
    return static_cast<int>(m_conditions.size());
  }

  std::vector<std::string>
  conditions()
  {
    const std::lock_guard<std::mutex> lock(m_mutex);
    return m_conditions;
  }

private:
  std::mutex m_mutex;
  std::vector<std::string> m_conditions;
};

} // namespace

TEST_CASE("the disk cache in front of the curl engine", "[network][cache]")
{
  LoopbackServer loopback;
  const std::string csv = nvda_csv();
  const std::string etag = "\"" + factcheck::util::sha256_hex(csv).substr(0, 16) + "\"";
  ValidatingStooq stooq(loopback, "ETag", "If-None-Match", etag);
  loopback.start();

  factcheck::test::TempDir dir;
  std::time_t now = 1'800'000'000;
  std::vector<std::string> warnings;
  auto cache_options = [&](const std::string& folder) {
    factcheck::http::CacheOptions options;
    options.dir = folder;
    options.now = [&now] { return now; };
    options.warn = [&warnings](const std::string& message) { warnings.push_back(message); };
    return options;
  };
  const auto curl = make_curl_client(test_options());
  factcheck::VerifyOptions options;
  options.base_urls["stooq"] = loopback.url();
  auto run = [&](factcheck::http::HttpClient& client) {
    const auto report = factcheck::verify(catalogue_of({"nvda.us"}), client, options);
    REQUIRE(report.verdicts.size() == 1);
    // NVDA 142.62 -> 118.42 is -16.97%: "fell 17%" holds, whichever layer
    // the series came from.
    CHECK(report.verdicts[0].kind == factcheck::VerdictKind::supported);
    return report;
  };

  // First run: fetched and stored.
  {
    factcheck::http::CachingClient cache(cache_options(dir.path().string()), *curl);
    run(cache);
  }
  CHECK(stooq.requests() == 1);
  CHECK(factcheck::http::cache_info(dir.path().string()).entries == 1);

  SECTION("a fresh entry is a hit: the server is not asked again")
  {
    factcheck::http::CachingClient cache(cache_options(dir.path().string()), *curl);
    run(cache);
    CHECK(stooq.requests() == 1);
  }
  SECTION("a stale entry is revalidated; the 304 serves the stored body")
  {
    now += 7 * 3600; // past Stooq's six hours
    factcheck::http::CachingClient cache(cache_options(dir.path().string()), *curl);
    run(cache);
    CHECK(stooq.requests() == 2);
    CHECK(stooq.conditions() == std::vector<std::string>{"", etag});
  }
  SECTION("a flipped byte in the stored body is fetched again, in full")
  {
    const auto sha = factcheck::util::sha256_hex(csv);
    const auto object = dir.path() / "objects" / sha.substr(0, 2) / sha;
    REQUIRE(std::filesystem::exists(object));
    {
      std::fstream file(object, std::ios::in | std::ios::out | std::ios::binary);
      file.seekp(100);
      file.put('#');
    }
    factcheck::http::CachingClient cache(cache_options(dir.path().string()), *curl);
    run(cache);
    CHECK(stooq.requests() == 2);
    CHECK(stooq.conditions() == std::vector<std::string>{"", ""}); // unconditional
    CHECK(factcheck::test::read_file(object.string()) == csv);     // mended
  }
  SECTION("a folder that cannot be written: one warning, the same verdict")
  {
    const auto blocker = dir.write("file", "not a folder");
    factcheck::http::CachingClient cache(cache_options(blocker + "/cache"), *curl);
    run(cache);
    run(cache);
    CHECK(stooq.requests() == 3);
    REQUIRE(warnings.size() == 1);
    CHECK_THAT(warnings[0], Catch::Contains("cannot write the cache"));
  }
}

TEST_CASE("the disk cache revalidates by Last-Modified when there is no ETag", "[network][cache]")
{
  LoopbackServer loopback;
  const std::string modified = "Tue, 28 Jan 2025 01:00:00 GMT"; // synthetic
  ValidatingStooq stooq(loopback, "Last-Modified", "If-Modified-Since", modified);
  loopback.start();

  factcheck::test::TempDir dir;
  std::time_t now = 1'800'000'000;
  factcheck::http::CacheOptions cache_options;
  cache_options.dir = dir.path().string();
  cache_options.now = [&now] { return now; };
  const auto curl = make_curl_client(test_options());
  factcheck::http::CachingClient cache(cache_options, *curl);
  factcheck::VerifyOptions options;
  options.base_urls["stooq"] = loopback.url();

  const auto first = factcheck::verify(catalogue_of({"nvda.us"}), cache, options);
  now += 7 * 3600;
  const auto second = factcheck::verify(catalogue_of({"nvda.us"}), cache, options);
  CHECK(first.summary.supported == 1);
  CHECK(second.summary.supported == 1);
  CHECK(stooq.requests() == 2);
  CHECK(stooq.conditions() == std::vector<std::string>{"", modified});
}

TEST_CASE("network engine: a cancelled batch stops and says so", "[network]")
{
  Log log;
  LoopbackServer loopback;
  serve_stooq(loopback, log);
  loopback.start();
  const auto* stooq = factcheck::sources::find("stooq");
  REQUIRE(stooq != nullptr);
  auto good = stooq->request("good.us", loopback.url());
  auto slow = stooq->request("slow.us", loopback.url()); // answered after 2.5 s
  REQUIRE(good);
  REQUIRE(slow);

  auto options = test_options();
  options.total_timeout = 10s; // so that only the cancel can end the slow one
  std::atomic<bool> cancel{false};
  options.cancelled = [&cancel] { return cancel.load(); };
  options.progress = [&cancel](const factcheck::http::TransferProgress& progress) {
    if (progress.done >= 1) {
      cancel = true; // once the good one is in
    }
  };
  const auto results = make_curl_client(options)->get_all({*good, *slow});
  REQUIRE(results.size() == 2);
  REQUIRE(results[0]);
  CHECK(results[0]->body == nvda_csv());
  REQUIRE_FALSE(results[1]);
  CHECK(results[1].error() == slow->url + ": interrupted");
}

TEST_CASE("network engine: the bodies of a batch together are capped, not only each one",
          "[network][hardening]")
{
  Log log;
  LoopbackServer loopback;
  serve_stooq(loopback, log);
  loopback.start();
  auto options = test_options();
  const std::size_t one = nvda_csv().size();
  // Room for two bodies of the recorded NVDA series, not three.
  options.max_total_bytes = 2 * one + one / 2;
  options.jobs = 1; // one after another, so which one fails is known
  const auto client = make_curl_client(options);
  std::vector<factcheck::http::Request> requests;
  for (const std::string symbol : {"a.us", "b.us", "c.us"}) {
    requests.push_back(
        factcheck::http::Request{loopback.url("/q/d/l/?s=" + symbol + "&i=d"), {}, {}});
  }
  const auto responses = client->get_all(requests);
  REQUIRE(responses.size() == 3);
  CHECK(responses[0]);
  CHECK(responses[1]);
  REQUIRE_FALSE(responses[2]);
  CHECK_THAT(responses[2].error(), Catch::Contains("the run's responses together pass"));
}

TEST_CASE("network engine: FINRA's daily short-sale file, requested and read", "[network]")
{
  // SYNTHETIC body in FINRA's documented layout (no public copy of a real
  // file exists to serve); a missing day answers 403 with an S3 error
  // document, as FINRA's CDN does.
  const std::string body = "Date|Symbol|ShortVolume|ShortExemptVolume|TotalVolume|Market\n"
                           "20250127|NVDA|42000|1200|100000|B,Q,N\n"
                           "1\n";
  LoopbackServer loopback;
  std::mutex mutex;
  std::vector<std::string> paths;
  loopback.server().Get("/equity/regsho/daily/(.*)",
                        [&](const httplib::Request& req, httplib::Response& res) {
                          {
                            const std::lock_guard<std::mutex> lock(mutex);
                            paths.push_back(req.path);
                          }
                          if (req.path.ends_with("CNMSshvol20250127.txt")) {
                            res.set_content(body, "text/plain");
                          } else {
                            res.status = 403;
                            res.set_content("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                                            "<Error><Code>AccessDenied</Code></Error>",
                                            "application/xml");
                          }
                        });
  loopback.start();
  auto catalogue = factcheck::catalogue::parse(
      "claims:\n"
      "  - id: ratio\n    quote: 做空比例激增至42%\n    statement: synthetic\n"
      "    check: {kind: short_sale_ratio, file: \"finra:CNMSshvol20250127\", symbol: NVDA}\n"
      "    claimed: \"42%\"\n"
      "  - id: holiday\n    quote: q\n    statement: synthetic\n"
      "    check: {kind: short_sale_ratio, file: \"finra:CNMSshvol20250125\", symbol: NVDA}\n"
      "    claimed: \"42%\"\n",
      "synthetic.yaml");
  const auto client = make_curl_client(test_options());
  factcheck::VerifyOptions options;
  options.base_urls["finra"] = loopback.url();
  const auto report = factcheck::verify(std::move(catalogue), *client, options);

  const auto& ratio = verdict_of(report, "ratio");
  CHECK(ratio.kind == factcheck::VerdictKind::supported);
  CHECK(ratio.evidence.arithmetic
        == "NVDA ShortVolume / TotalVolume on 2025-01-27 = 42000 / 100000 = 42.00%");
  REQUIRE(ratio.evidence.sources.size() == 1);
  CHECK(ratio.evidence.sources[0]->url
        == loopback.url("/equity/regsho/daily/CNMSshvol20250127.txt"));
  const auto& holiday = verdict_of(report, "holiday");
  CHECK(holiday.kind == factcheck::VerdictKind::error);
  CHECK_THAT(holiday.message, Catch::Contains("HTTP 403"));
  std::sort(paths.begin(), paths.end());
  CHECK(paths
        == std::vector<std::string>{"/equity/regsho/daily/CNMSshvol20250125.txt",
                                    "/equity/regsho/daily/CNMSshvol20250127.txt"});
}

TEST_CASE("network engine: an SEC concept other than the share count", "[network]")
{
  // The recorded Meta capital expenditure (reconstructed from its 10-K, see
  // the recording), served at the companyconcept path the xbrl source asks.
  const std::string body = factcheck::test::read_file(
      FACTCHECK_FIXTURES_DIR "/deepseek-2025-01-27/sec/"
                             "CIK0001326801-PaymentsToAcquirePropertyPlantAndEquipment.json");
  LoopbackServer loopback;
  std::mutex mutex;
  std::vector<std::string> agents;
  loopback.server().Get("/api/xbrl/companyconcept/CIK0001326801/us-gaap/"
                        "PaymentsToAcquirePropertyPlantAndEquipment.json",
                        [&](const httplib::Request& req, httplib::Response& res) {
                          const std::lock_guard<std::mutex> lock(mutex);
                          agents.push_back(req.get_header_value("User-Agent"));
                          res.set_content(body, "application/json");
                        });
  loopback.start();
  auto catalogue = factcheck::catalogue::parse(
      "claims:\n"
      "  - id: capex\n    quote: 每年投入數百億美元\n    statement: synthetic claim\n"
      "    check: {kind: filing_fact, facts: "
      "\"xbrl:0001326801/us-gaap/PaymentsToAcquirePropertyPlantAndEquipment\", end: 2024-12-31}\n"
      "    claimed: {op: ge, value: 20e9, unit: USD}\n",
      "synthetic.yaml");
  auto options_curl = test_options();
  options_curl.contact = "desk@example.org";
  const auto client = make_curl_client(options_curl);
  factcheck::VerifyOptions options;
  options.base_urls["xbrl"] = loopback.url();
  const auto report = factcheck::verify(std::move(catalogue), *client, options);
  const auto& capex = verdict_of(report, "capex");
  CHECK(capex.kind == factcheck::VerdictKind::supported);
  CHECK(capex.message == "$37.26bn is at least $20bn");
  CHECK(capex.evidence.arithmetic
        == "us-gaap:PaymentsToAcquirePropertyPlantAndEquipment, 2024-01-01..2024-12-31, 10-K "
           "filed 2025-01-30 (accession 0001326801-25-000017) = 37256000000");
  REQUIRE(agents.size() == 1);
  CHECK_THAT(agents[0], Catch::Contains("desk@example.org"));
}
