// The only file that includes <curl/curl.h> (docs/architecture.md, "Libraries"),
// built into libfactcheck-net.so, which the binary loads on its first request
// to the network (src/modules/modules.hpp).
#include "../modules/modules.hpp"

#include <factcheck/http/curl_client.hpp>
#include <factcheck/util/text.hpp>

#include <curl/curl.h>
#include <fmt/chrono.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <ctime>
#include <map>
#include <optional>
#include <random>

namespace factcheck::http {

namespace {

using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

// A transfer gets onto the progress line's "slow" list after this long.
constexpr auto k_slow_after = 3s;

struct Body
{
  std::string data;
  std::size_t max_bytes = 0;
  bool too_large = false;
  std::size_t* total_bytes = nullptr;
  // All bodies of a batch are held until the batch returns, so their sum is
  // capped too, not only each one (16 jobs × 64 MiB would be 1 GiB).
  std::size_t max_total_bytes = 0;
  bool over_total = false;
};

// CURLOPT_MAXFILESIZE does not stop chunked bodies of unknown length on this
// libcurl, so the cap is enforced here: returning less than asked aborts the
// transfer with CURLE_WRITE_ERROR.
std::size_t
write_body(char* data, std::size_t size, std::size_t count, void* user)
{
  auto* body = static_cast<Body*>(user);
  const std::size_t bytes = size * count;
  if (body->data.size() + bytes > body->max_bytes) {
    body->too_large = true;
    return 0;
  }
  if (*body->total_bytes + bytes > body->max_total_bytes) {
    body->over_total = true;
    return 0;
  }
  body->data.append(data, bytes);
  *body->total_bytes += bytes;
  return bytes;
}

// The headers a retry or the cache needs, from the last response (a
// redirect's headers are dropped when the next status line arrives).
struct Headers
{
  std::string retry_after;
  std::string etag;
  std::string last_modified;
};

std::string
trimmed(std::string_view text)
{
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())) != 0) {
    text.remove_prefix(1);
  }
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())) != 0) {
    text.remove_suffix(1);
  }
  return std::string(text);
}

std::size_t
read_header(char* data, std::size_t size, std::size_t count, void* user)
{
  auto* headers = static_cast<Headers*>(user);
  const std::size_t bytes = size * count;
  const std::string_view line(data, bytes);
  if (line.starts_with("HTTP/")) {
    *headers = Headers{};
    return bytes;
  }
  const auto colon = line.find(':');
  if (colon == std::string_view::npos) {
    return bytes;
  }
  std::string name(line.substr(0, colon));
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) {
    return static_cast<char>(std::tolower(c));
  });
  const std::string value = trimmed(line.substr(colon + 1));
  if (name == "retry-after") {
    headers->retry_after = value;
  } else if (name == "etag") {
    headers->etag = value;
  } else if (name == "last-modified") {
    headers->last_modified = value;
  }
  return bytes;
}

// Retry-After is either delay-seconds or an HTTP date (RFC 9110 §10.2.3).
std::optional<std::chrono::milliseconds>
parse_retry_after(const std::string& value)
{
  if (value.empty()) {
    return std::nullopt;
  }
  if (std::all_of(value.begin(), value.end(), [](unsigned char c) { return std::isdigit(c); })) {
    if (value.size() > 9) {
      return std::chrono::milliseconds(std::chrono::hours(24 * 365));
    }
    return std::chrono::seconds(std::stol(value));
  }
  const time_t when = curl_getdate(value.c_str(), nullptr);
  if (when < 0) {
    return std::nullopt;
  }
  const time_t now = std::time(nullptr);
  return std::chrono::seconds(std::max<time_t>(0, when - now));
}

std::string
now_utc()
{
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", tm);
}

// "host:port" of a URL, the key for connection and rate limits.
std::string
host_of(const std::string& url)
{
  std::unique_ptr<CURLU, decltype(&curl_url_cleanup)> parsed(curl_url(), &curl_url_cleanup);
  if (!parsed || curl_url_set(parsed.get(), CURLUPART_URL, url.c_str(), 0) != CURLUE_OK) {
    return url;
  }
  char* host = nullptr;
  char* port = nullptr;
  std::string key;
  if (curl_url_get(parsed.get(), CURLUPART_HOST, &host, 0) == CURLUE_OK) {
    key = host;
  }
  if (curl_url_get(parsed.get(), CURLUPART_PORT, &port, CURLU_DEFAULT_PORT) == CURLUE_OK) {
    key += fmt::format(":{}", port);
  }
  curl_free(host);
  curl_free(port);
  return key;
}

struct Job
{
  Request request;
  std::string host;
  int attempts = 0;
  Clock::time_point not_before;
  Clock::time_point started;
  bool running = false;
  bool finished = false;
  Expected<Response> result = unexpected(std::string("not fetched"));

  // The transfer in flight.
  CURL* easy = nullptr;
  curl_slist* header_list = nullptr;
  Body body;
  Headers headers;
  char error_buffer[CURL_ERROR_SIZE] = {};
};

struct Host
{
  std::size_t running = 0;
  double rate = 0; // requests per second; 0 = unlimited
  std::optional<Clock::time_point> last_start;
  Clock::time_point paused_until; // after a throttle signal
};

// Why an answer is retried, and how it reads when the retries run out.
struct Retry
{
  bool throttled = false; // pause the whole host, not just this request
  std::string what;
  std::optional<std::chrono::milliseconds> retry_after;
};

class CurlClient : public HttpClient
{
public:
  explicit CurlClient(const CurlOptions& options)
      : m_options(options), m_user_agent(user_agent(options.contact)),
        m_random(std::random_device{}())
  {
    curl_global_init(CURL_GLOBAL_DEFAULT);
  }

  ~CurlClient() override
  {
    curl_global_cleanup();
  }

  CurlClient(const CurlClient&) = delete;
  CurlClient& operator=(const CurlClient&) = delete;

  Expected<Response>
  get(const Request& request) override
  {
    return get_all({request}).front();
  }

  std::vector<Expected<Response>>
  get_all(const std::vector<Request>& requests) override
  {
    // Identical requests share one job.
    std::vector<Job> jobs;
    std::vector<std::size_t> job_of;
    std::map<std::string, std::size_t> by_url;
    for (const auto& request : requests) {
      const auto [it, inserted] = by_url.emplace(request.url, jobs.size());
      if (inserted) {
        Job job;
        job.request = request;
        job.host = host_of(request.url);
        jobs.push_back(std::move(job));
      }
      job_of.push_back(it->second);
    }
    run(jobs);
    std::vector<Expected<Response>> results;
    results.reserve(requests.size());
    for (const std::size_t index : job_of) {
      results.push_back(jobs[index].result);
    }
    return results;
  }

private:
  void
  run(std::vector<Job>& jobs)
  {
    std::unique_ptr<CURLM, decltype(&curl_multi_cleanup)> multi(curl_multi_init(),
                                                                &curl_multi_cleanup);
    if (!multi) {
      for (auto& job : jobs) {
        job.result = unexpected(std::string("cannot start libcurl"));
      }
      return;
    }
    std::map<std::string, Host> hosts;
    std::size_t remaining = jobs.size();
    for (auto& job : jobs) {
      auto& host = hosts[job.host];
      // One host may serve two sources (mirrors, tests): the stricter wins.
      const double rate = job.request.politeness.requests_per_second;
      if (rate > 0 && (host.rate == 0 || rate < host.rate)) {
        host.rate = rate;
      }
      if (job.request.politeness.needs_contact && m_options.contact.empty()) {
        job.result = unexpected(fmt::format(
            "{}: this source requires a contact address in the User-Agent; set one with "
            "--contact EMAIL, the FACTCHECK_CONTACT environment variable or "
            "\"contact = EMAIL\" in ~/.config/factcheck/config",
            job.request.url));
        job.finished = true;
        --remaining;
      }
    }

    std::size_t running = 0;
    std::size_t bytes = 0;
    auto last_report = Clock::now() - 1h;
    while (remaining > 0) {
      if (m_options.cancelled && m_options.cancelled()) {
        cancel(multi.get(), jobs);
        break;
      }
      auto now = Clock::now();
      auto wake = now + 100ms;
      for (auto& job : jobs) {
        if (running >= m_options.jobs) {
          break;
        }
        if (job.finished || job.running) {
          continue;
        }
        auto& host = hosts[job.host];
        if (host.running >= std::max<std::size_t>(1, m_options.connections_per_host)) {
          continue;
        }
        auto ready = std::max(job.not_before, host.paused_until);
        if (host.rate > 0 && host.last_start) {
          ready = std::max(ready,
                           *host.last_start
                               + std::chrono::duration_cast<Clock::duration>(
                                   std::chrono::duration<double>(1.0 / host.rate)));
        }
        if (ready > now) {
          wake = std::min(wake, ready);
          continue;
        }
        host.last_start = now;
        start(multi.get(), job, bytes);
        ++host.running;
        ++running;
      }

      int still_running = 0;
      curl_multi_perform(multi.get(), &still_running);
      bool any_done = false;
      int queued = 0;
      while (CURLMsg* message = curl_multi_info_read(multi.get(), &queued)) {
        if (message->msg != CURLMSG_DONE) {
          continue;
        }
        Job* job = nullptr;
        curl_easy_getinfo(message->easy_handle, CURLINFO_PRIVATE, &job);
        curl_multi_remove_handle(multi.get(), message->easy_handle);
        --hosts[job->host].running;
        --running;
        finish(*job, message->data.result, hosts[job->host]);
        if (job->finished) {
          --remaining;
        }
        any_done = true;
      }

      now = Clock::now();
      if (m_options.progress && (any_done || now - last_report > 200ms)) {
        last_report = now;
        report(jobs, remaining, bytes, now);
      }
      if (any_done || remaining == 0) {
        continue;
      }
      const auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(wake - now);
      curl_multi_poll(
          multi.get(), nullptr, 0, static_cast<int>(std::max(wait.count(), 1L)), nullptr);
    }
  }

  void
  report(const std::vector<Job>& jobs,
         std::size_t remaining,
         std::size_t bytes,
         Clock::time_point now)
  {
    TransferProgress progress;
    progress.total = jobs.size();
    progress.done = jobs.size() - remaining;
    progress.bytes = bytes;
    for (const auto& job : jobs) {
      if (job.running && now - job.started > k_slow_after
          && std::find(progress.slow_hosts.begin(), progress.slow_hosts.end(), job.host)
                 == progress.slow_hosts.end()) {
        progress.slow_hosts.push_back(job.host);
      }
    }
    m_options.progress(progress);
  }

  void
  start(CURLM* multi, Job& job, std::size_t& bytes)
  {
    ++job.attempts;
    job.running = true;
    job.started = Clock::now();
    job.body = Body{};
    job.body.max_bytes = m_options.max_bytes;
    job.body.total_bytes = &bytes;
    job.body.max_total_bytes = m_options.max_total_bytes;
    job.headers = Headers{};
    job.error_buffer[0] = '\0';
    job.easy = curl_easy_init();
    if (job.easy == nullptr) {
      job.running = false;
      job.finished = true;
      job.result = unexpected(std::string("cannot start a libcurl transfer"));
      return;
    }
    curl_slist_free_all(job.header_list);
    job.header_list = nullptr;
    for (const auto& [name, value] : job.request.headers) {
      job.header_list =
          curl_slist_append(job.header_list, fmt::format("{}: {}", name, value).c_str());
    }

    CURL* h = job.easy;
    curl_easy_setopt(h, CURLOPT_PRIVATE, &job);
    curl_easy_setopt(h, CURLOPT_URL, job.request.url.c_str());
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(h, CURLOPT_MAXREDIRS, m_options.max_redirects);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(h, CURLOPT_USERAGENT, m_user_agent.c_str());
    curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(
        h, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(m_options.connect_timeout.count()));
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(m_options.total_timeout.count()));
    curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(m_options.max_bytes));
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, &write_body);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &job.body);
    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, &read_header);
    curl_easy_setopt(h, CURLOPT_HEADERDATA, &job.headers);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, job.error_buffer);
    if (job.header_list != nullptr) {
      curl_easy_setopt(h, CURLOPT_HTTPHEADER, job.header_list);
    }
    curl_multi_add_handle(multi, h);
  }

  // Judges a finished transfer: a result, or a retry at a later time.
  void
  finish(Job& job, CURLcode code, Host& host)
  {
    job.running = false;
    long status = 0;
    curl_easy_getinfo(job.easy, CURLINFO_RESPONSE_CODE, &status);
    char* content_type = nullptr;
    curl_easy_getinfo(job.easy, CURLINFO_CONTENT_TYPE, &content_type);
    const std::string type = content_type != nullptr ? content_type : "";
    release(job);

    const std::string& url = job.request.url;
    const auto& manners = job.request.politeness;
    std::optional<Retry> retry;
    if (code != CURLE_OK) {
      if (job.body.over_total) {
        return fail(job,
                    fmt::format("{}: the run's responses together pass the {} MiB cap",
                                url,
                                m_options.max_total_bytes >> 20));
      }
      if (body_too_large(job, code)) {
        return fail(job,
                    fmt::format("{}: the response is larger than the {} byte cap",
                                url,
                                m_options.max_bytes));
      }
      if (code == CURLE_OPERATION_TIMEDOUT) {
        return fail(job, fmt::format("{}: timed out", url));
      }
      const std::string what =
          job.error_buffer[0] != '\0' ? job.error_buffer : curl_easy_strerror(code);
      // A dropped connection is often a busy server; anything else (refused,
      // bad protocol, redirect loop) will not be better a second later.
      if (code == CURLE_RECV_ERROR || code == CURLE_SEND_ERROR || code == CURLE_GOT_NOTHING
          || code == CURLE_PARTIAL_FILE) {
        retry = Retry{false, what, std::nullopt};
      } else {
        return fail(job, fmt::format("{}: {}", url, what));
      }
    } else {
      const bool ok = status >= 200 && status <= 299;
      const bool throttle_status =
          status == 429 || status == 503
          || std::find(manners.throttle_statuses.begin(), manners.throttle_statuses.end(), status)
                 != manners.throttle_statuses.end();
      if (throttle_status) {
        std::string what = fmt::format("HTTP {}", status);
        if (!job.headers.retry_after.empty()) {
          what += fmt::format(" (Retry-After: {})", job.headers.retry_after);
        }
        retry = Retry{true,
                      what + ": the source is limiting requests",
                      parse_retry_after(job.headers.retry_after)};
      } else if (ok && !manners.throttle_body.empty()
                 && trimmed(job.body.data).starts_with(manners.throttle_body)) {
        retry = Retry{true,
                      fmt::format("HTTP {} with body \"{}\": the source is limiting requests",
                                  status,
                                  manners.throttle_body),
                      std::nullopt};
      } else if (status >= 500) {
        retry = Retry{false, fmt::format("HTTP {}", status), std::nullopt};
      } else if (ok && manners.json && !nlohmann::json::accept(job.body.data)) {
        retry = Retry{false,
                      fmt::format("HTTP {} with a JSON body cut short or malformed ({} bytes)",
                                  status,
                                  job.body.data.size()),
                      std::nullopt};
      }
    }

    if (retry) {
      if (retry->retry_after && *retry->retry_after > m_options.retry_after_max) {
        return fail(job, fmt::format("{}: {}; not waiting that long", url, retry->what));
      }
      if (job.attempts >= m_options.max_attempts) {
        return fail(
            job, fmt::format("{}: {} (gave up after {} attempts)", url, retry->what, job.attempts));
      }
      const auto delay = std::max(backoff(job.attempts), retry->retry_after.value_or(0ms));
      job.not_before = Clock::now() + delay;
      if (retry->throttled) {
        host.paused_until = std::max(host.paused_until, job.not_before);
      }
      return;
    }

    Response response;
    response.url = url;
    response.status = static_cast<int>(status);
    response.content_type = type;
    response.origin = Origin::network;
    response.retrieved_at = now_utc();
    response.sha256 = util::sha256_hex(job.body.data);
    job.body.data.shrink_to_fit(); // a doubled buffer, held until the batch ends
    response.body = std::move(job.body.data);
    response.etag = job.headers.etag;
    response.last_modified = job.headers.last_modified;
    response.attempts = job.attempts;
    job.result = std::move(response);
    job.finished = true;
  }

  // Frees a finished or abandoned transfer's handle and header list.
  static void
  release(Job& job)
  {
    curl_easy_cleanup(job.easy);
    job.easy = nullptr;
    curl_slist_free_all(job.header_list);
    job.header_list = nullptr;
  }

  // Drops the transfers in flight; every request not finished fails.
  static void
  cancel(CURLM* multi, std::vector<Job>& jobs)
  {
    for (auto& job : jobs) {
      if (job.running) {
        curl_multi_remove_handle(multi, job.easy);
        release(job);
        job.running = false;
      }
      if (!job.finished) {
        fail(job, fmt::format("{}: interrupted", job.request.url));
      }
    }
  }

  static bool
  body_too_large(const Job& job, CURLcode code)
  {
    return job.body.too_large || code == CURLE_FILESIZE_EXCEEDED;
  }

  static void
  fail(Job& job, std::string message)
  {
    job.result = unexpected(std::move(message));
    job.finished = true;
  }

  // Exponential, bounded, with jitter in [50%, 100%] so that many clients
  // throttled at once do not come back in step.
  std::chrono::milliseconds
  backoff(int attempt)
  {
    const double base = static_cast<double>(m_options.backoff_base.count())
                        * std::pow(2.0, static_cast<double>(attempt - 1));
    const double capped = std::min(base, static_cast<double>(m_options.backoff_max.count()));
    std::uniform_real_distribution<double> jitter(0.5, 1.0);
    return std::chrono::milliseconds(static_cast<long>(capped * jitter(m_random)));
  }

  CurlOptions m_options;
  std::string m_user_agent;
  std::mt19937 m_random;
};

} // namespace

std::string
user_agent(std::string_view contact)
{
  if (contact.empty()) {
    return "factcheck/" FACTCHECK_VERSION;
  }
  return fmt::format("factcheck/{} (+{})", FACTCHECK_VERSION, contact);
}

std::unique_ptr<HttpClient>
make_curl_client(const CurlOptions& options)
{
  return std::make_unique<CurlClient>(options);
}

} // namespace factcheck::http

namespace {

constexpr factcheck::modules::NetApi k_net_api{FACTCHECK_VERSION,
                                               &factcheck::http::make_curl_client};

} // namespace

extern "C" const factcheck::modules::NetApi*
factcheck_net_module_v1()
{
  return &k_net_api;
}
