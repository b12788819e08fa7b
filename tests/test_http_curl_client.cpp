// The libcurl client against a real HTTP server on 127.0.0.1 that the test
// starts (cpp-httplib); nothing here touches the internet.
#include <factcheck/http/curl_client.hpp>

#include <catch2/catch.hpp>
#include <httplib.h>

#include <chrono>
#include <thread>

using factcheck::http::CurlOptions;
using factcheck::http::make_curl_client;
using factcheck::http::Request;
using namespace std::chrono_literals;

namespace {

// A loopback server on a free port, stopped and joined on destruction.
class LoopbackServer
{
public:
  LoopbackServer()
  {
    m_server.Get("/fredgraph.csv", [this](const httplib::Request& req, httplib::Response& res) {
      m_user_agent = req.get_header_value("User-Agent");
      res.set_content("observation_date,NASDAQCOM\n2025-01-27,19341.830\n", "text/csv");
    });
    m_server.Get("/missing", [](const httplib::Request&, httplib::Response& res) {
      res.status = 404;
      res.set_content("<html>not found</html>", "text/html");
    });
    m_server.Get("/slow", [](const httplib::Request&, httplib::Response& res) {
      std::this_thread::sleep_for(1500ms);
      res.set_content("late", "text/plain");
    });
    m_server.Get("/endless", [](const httplib::Request&, httplib::Response& res) {
      // Chunked, with no length announced: only the write callback's cap
      // can stop it.
      res.set_chunked_content_provider("text/csv", [](size_t offset, httplib::DataSink& sink) {
        const std::string chunk(64U * 1024U, 'x');
        sink.write(chunk.data(), chunk.size());
        if (offset > 64U * 1024U * 1024U) {
          sink.done();
        }
        return true;
      });
    });
    m_server.Get("/to-file", [](const httplib::Request&, httplib::Response& res) {
      res.set_redirect("file:///etc/passwd");
    });
    m_server.Get("/loop", [](const httplib::Request&, httplib::Response& res) {
      res.set_redirect("/loop");
    });
    m_port = m_server.bind_to_any_port("127.0.0.1");
    m_thread = std::thread([this] { m_server.listen_after_bind(); });
    // cpp-httplib 0.11 has no wait_until_ready(); poll, boundedly.
    for (int i = 0; i < 2000 && !m_server.is_running(); ++i) {
      std::this_thread::sleep_for(1ms);
    }
  }
  ~LoopbackServer()
  {
    m_server.stop();
    m_thread.join();
  }
  LoopbackServer(const LoopbackServer&) = delete;
  LoopbackServer& operator=(const LoopbackServer&) = delete;

  std::string
  url(const std::string& path) const
  {
    return "http://127.0.0.1:" + std::to_string(m_port) + path;
  }

  std::string m_user_agent;

private:
  httplib::Server m_server;
  int m_port = 0;
  std::thread m_thread;
};

CurlOptions
fast_options()
{
  CurlOptions options;
  options.connect_timeout = 2000ms;
  options.total_timeout = 500ms;
  options.max_bytes = 1024U * 1024U;
  return options;
}

} // namespace

TEST_CASE("http::CurlClient: a 200 response with its body, type and hash", "[http][curl]")
{
  LoopbackServer server;
  const auto client = make_curl_client(fast_options());
  const auto response = client->get(Request{server.url("/fredgraph.csv"), {}, {}});
  REQUIRE(response);
  CHECK(response->status == 200);
  CHECK(response->content_type == "text/csv");
  CHECK(response->body == "observation_date,NASDAQCOM\n2025-01-27,19341.830\n");
  CHECK(response->sha256.size() == 64);
  CHECK(response->origin == factcheck::http::Origin::network);
  CHECK(server.m_user_agent.rfind("factcheck/", 0) == 0);
}

TEST_CASE("http::CurlClient: an HTTP error status is a response, not a failure", "[http][curl]")
{
  LoopbackServer server;
  const auto response =
      make_curl_client(fast_options())->get(Request{server.url("/missing"), {}, {}});
  REQUIRE(response);
  CHECK(response->status == 404);
}

TEST_CASE("http::CurlClient: failures are values that say what happened", "[http][curl]")
{
  LoopbackServer server;
  const auto client = make_curl_client(fast_options());
  SECTION("timeout")
  {
    const auto response = client->get(Request{server.url("/slow"), {}, {}});
    REQUIRE_FALSE(response);
    CHECK(response.error() == server.url("/slow") + ": timed out");
  }
  SECTION("a chunked body past the byte cap")
  {
    // A generous timeout, so that only the cap can end the transfer.
    auto options = fast_options();
    options.total_timeout = 20'000ms;
    const auto response = make_curl_client(options)->get(Request{server.url("/endless"), {}, {}});
    REQUIRE_FALSE(response);
    CHECK(response.error()
          == server.url("/endless") + ": the response is larger than the 1048576 byte cap");
  }
  SECTION("a redirect to file:// is refused")
  {
    const auto response = client->get(Request{server.url("/to-file"), {}, {}});
    REQUIRE_FALSE(response);
    CHECK_THAT(response.error(), Catch::Contains(server.url("/to-file")));
  }
  SECTION("a redirect loop ends")
  {
    const auto response = client->get(Request{server.url("/loop"), {}, {}});
    REQUIRE_FALSE(response);
    CHECK_THAT(response.error(), Catch::Contains("redirect"));
  }
  SECTION("nothing listening")
  {
    const auto response = client->get(Request{"http://127.0.0.1:1/x", {}, {}});
    REQUIRE_FALSE(response);
  }
  SECTION("only http and https")
  {
    const auto response = client->get(Request{"file:///etc/passwd", {}, {}});
    REQUIRE_FALSE(response);
  }
}
