#pragma once

#include <factcheck/http/client.hpp>

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

namespace factcheck::http {

struct CurlOptions
{
  std::string user_agent = "factcheck/" FACTCHECK_VERSION;
  std::chrono::milliseconds connect_timeout{10'000};
  std::chrono::milliseconds total_timeout{60'000};
  std::size_t max_bytes = 64U * 1024U * 1024U; // per response body
  long max_redirects = 5;
};

// Fetches over the network with libcurl, one request at a time. Only http
// and https are allowed, also on redirects; TLS peers are always verified;
// proxies come from the environment (http_proxy, https_proxy, no_proxy), as
// libcurl reads them itself. Transport failures, timeouts and oversized
// bodies are error values.
std::unique_ptr<HttpClient> make_curl_client(const CurlOptions& options);

} // namespace factcheck::http
