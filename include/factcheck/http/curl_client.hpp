#pragma once

#include <factcheck/http/client.hpp>

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace factcheck::http {

// A snapshot of a batch in flight, for a progress display.
struct TransferProgress
{
  std::size_t done = 0;  // distinct requests finished (fetched or failed)
  std::size_t total = 0; // distinct requests in the batch
  std::size_t bytes = 0; // body bytes received so far
  // Hosts with a transfer running for longer than a few seconds.
  std::vector<std::string> slow_hosts;
};

struct CurlOptions
{
  // Put in the User-Agent so that sources can reach whoever runs the tool;
  // SEC refuses requests without one.
  std::string contact;
  std::chrono::milliseconds connect_timeout{10'000};
  std::chrono::milliseconds total_timeout{60'000};              // per attempt
  std::size_t max_bytes = std::size_t{64} * 1024 * 1024;        // per response body
  std::size_t max_total_bytes = std::size_t{512} * 1024 * 1024; // all bodies of a batch together
  long max_redirects = 5;
  std::size_t jobs = 16;                         // transfers at once, over all hosts
  std::size_t connections_per_host = 8;          // transfers at once to one host
  int max_attempts = 4;                          // per request, first try included
  std::chrono::milliseconds backoff_base{1'000}; // doubled on each retry, with jitter
  std::chrono::milliseconds backoff_max{30'000};
  // A Retry-After longer than this is not waited for: the request fails and
  // says when the source asked to be called again.
  std::chrono::milliseconds retry_after_max{120'000};
  // Called as transfers finish, and a few times a second while they run.
  std::function<void(const TransferProgress&)> progress;
  // Asked at least every 100 ms while a batch runs; once it says true, the
  // transfers in flight are dropped and every unfinished request fails with
  // "interrupted" (the CLI's Ctrl-C).
  std::function<bool()> cancelled;
};

// "factcheck/VERSION (+CONTACT)", or "factcheck/VERSION" with no contact.
std::string user_agent(std::string_view contact);

// Fetches over the network with libcurl's multi interface. A batch runs
// concurrently within `jobs` and `connections_per_host`, and each host's
// requests are spaced by the rate its source asks for (Politeness). 429 and
// 503 (honouring Retry-After), 5xx, dropped connections and each source's own
// throttle signals are retried with bounded exponential backoff and jitter,
// then become error values saying what the source answered.
//
// Only http and https are allowed, also on redirects; TLS peers are always
// verified; proxies come from the environment (http_proxy, https_proxy,
// no_proxy), as libcurl reads them itself. Transport failures, timeouts and
// oversized bodies (capped in the write callback) are error values.
std::unique_ptr<HttpClient> make_curl_client(const CurlOptions& options);

} // namespace factcheck::http
