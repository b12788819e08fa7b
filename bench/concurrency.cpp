// Benchmark: 48 distinct Stooq series behind a loopback server that answers
// each request after 200 ms, verified with --jobs 1 and with the default
// limits. Stooq has no request rate configured, so only the connection
// limits bind, and the floor is ceil(48 / connections per host) x 200 ms.
// The body served is the recorded Stooq NVDA series (real data,
// fixtures/deepseek-2025-01-27); the symbols and latency are synthetic.
//
// Run: build/bench/factcheck_bench_concurrency   (from the repository root)
#include "../tests/loopback_server.hpp"

#include <factcheck/catalogue/load.hpp>
#include <factcheck/http/curl_client.hpp>
#include <factcheck/verify.hpp>

#include <fmt/format.h>

#include <chrono>
#include <cmath>
#include <fstream>
#include <sstream>
#include <thread>

namespace {

using Clock = std::chrono::steady_clock;

constexpr int k_series = 48;
constexpr auto k_latency = std::chrono::milliseconds(200);

std::string
read_file(const std::string& path)
{
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

factcheck::Catalogue
catalogue()
{
  std::string text = "claims:\n";
  for (int i = 0; i < k_series; ++i) {
    text += fmt::format("  - id: s{0}\n    quote: fell 17%\n    statement: synthetic claim {0}\n"
                        "    check: {{kind: change_pct, series: \"stooq:s{0}.us\", date: "
                        "2025-01-27, direction: fall}}\n    claimed: \"17%\"\n",
                        i);
  }
  return factcheck::catalogue::parse(text, "bench.yaml");
}

// Seconds for one verify run; exits non-zero when a claim is not supported.
double
run(const std::string& base_url, std::size_t jobs, std::size_t per_host)
{
  factcheck::http::CurlOptions curl;
  curl.jobs = jobs;
  curl.connections_per_host = per_host;
  const auto client = factcheck::http::make_curl_client(curl);
  factcheck::VerifyOptions options;
  options.base_urls["stooq"] = base_url;
  const auto started = Clock::now();
  const auto report = factcheck::verify(catalogue(), *client, options);
  const std::chrono::duration<double> elapsed = Clock::now() - started;
  if (report.summary.supported != k_series) {
    fmt::print(
        stderr, "bench: only {} of {} claims supported\n", report.summary.supported, k_series);
    std::exit(1);
  }
  return elapsed.count();
}

} // namespace

int
main()
{
  const std::string csv = read_file("fixtures/deepseek-2025-01-27/stooq/nvda.us.csv");
  if (csv.empty()) {
    fmt::print(stderr, "bench: run from the repository root (fixtures/ not found)\n");
    return 2;
  }
  factcheck::test::LoopbackServer server(64); // threaded: the server is not the bottleneck
  server.server().Get("/q/d/l/", [&csv](const httplib::Request&, httplib::Response& res) {
    std::this_thread::sleep_for(k_latency);
    // Not text/csv: cpp-httplib would brotli-compress every answer, and on a
    // shared 2-core machine that compression, not the client, dominates.
    res.set_content(csv, "application/octet-stream");
  });
  server.start();

  const factcheck::http::CurlOptions defaults;
  const double sequential = run(server.url(), 1, defaults.connections_per_host);
  const double concurrent = run(server.url(), defaults.jobs, defaults.connections_per_host);
  const double floor =
      std::ceil(static_cast<double>(k_series)
                / static_cast<double>(std::min(defaults.jobs, defaults.connections_per_host)))
      * std::chrono::duration<double>(k_latency).count();
  fmt::print("{} series, {} ms latency, jobs {}, connections per host {}\n",
             k_series,
             k_latency.count(),
             defaults.jobs,
             defaults.connections_per_host);
  fmt::print("--jobs 1:     {:.2f} s\n", sequential);
  fmt::print("default:      {:.2f} s  ({:.1f}x faster than --jobs 1)\n",
             concurrent,
             sequential / concurrent);
  fmt::print("floor:        {:.2f} s  (default is {:.2f}x the floor)\n", floor, concurrent / floor);
  return 0;
}
