// The only file that includes <curl/curl.h> (DESIGN §7).
#include <factcheck/http/curl_client.hpp>
#include <factcheck/util/text.hpp>

#include <curl/curl.h>
#include <fmt/chrono.h>
#include <fmt/format.h>

#include <ctime>

namespace factcheck::http {

namespace {

struct Body
{
  std::string data;
  std::size_t max_bytes = 0;
  bool too_large = false;
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
  body->data.append(data, bytes);
  return bytes;
}

std::string
now_utc()
{
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", tm);
}

class CurlClient : public HttpClient
{
public:
  explicit CurlClient(const CurlOptions& options) : m_options(options)
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
    std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), &curl_easy_cleanup);
    if (!curl) {
      return unexpected("cannot start a libcurl transfer");
    }
    Body body;
    body.max_bytes = m_options.max_bytes;
    char error_buffer[CURL_ERROR_SIZE] = {};

    curl_slist* raw_headers = nullptr;
    for (const auto& [name, value] : request.headers) {
      raw_headers = curl_slist_append(raw_headers, fmt::format("{}: {}", name, value).c_str());
    }
    std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> headers(raw_headers,
                                                                        &curl_slist_free_all);

    CURL* h = curl.get();
    curl_easy_setopt(h, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(h, CURLOPT_MAXREDIRS, m_options.max_redirects);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(h, CURLOPT_USERAGENT, m_options.user_agent.c_str());
    curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(
        h, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(m_options.connect_timeout.count()));
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(m_options.total_timeout.count()));
    curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(m_options.max_bytes));
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, &write_body);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &body);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, error_buffer);
    if (headers) {
      curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers.get());
    }

    const CURLcode code = curl_easy_perform(h);
    if (code != CURLE_OK) {
      if (body.too_large || code == CURLE_FILESIZE_EXCEEDED) {
        return unexpected(fmt::format(
            "{}: the response is larger than the {} byte cap", request.url, m_options.max_bytes));
      }
      if (code == CURLE_OPERATION_TIMEDOUT) {
        return unexpected(fmt::format("{}: timed out", request.url));
      }
      return unexpected(
          fmt::format("{}: {}",
                      request.url,
                      error_buffer[0] != '\0' ? error_buffer : curl_easy_strerror(code)));
    }

    Response response;
    response.url = request.url;
    long status = 0;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
    response.status = static_cast<int>(status);
    char* content_type = nullptr;
    curl_easy_getinfo(h, CURLINFO_CONTENT_TYPE, &content_type);
    if (content_type != nullptr) {
      response.content_type = content_type;
    }
    response.origin = Origin::network;
    response.retrieved_at = now_utc();
    response.sha256 = util::sha256_hex(body.data);
    response.body = std::move(body.data);
    return response;
  }

private:
  CurlOptions m_options;
};

} // namespace

std::unique_ptr<HttpClient>
make_curl_client(const CurlOptions& options)
{
  return std::make_unique<CurlClient>(options);
}

} // namespace factcheck::http
