#pragma once

#include <factcheck/http/client.hpp>
#include <factcheck/model/date.hpp>
#include <factcheck/model/series.hpp>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <string_view>

namespace factcheck::test {

// The whole file; fails the test when it cannot be read.
inline std::string
read_file(const std::string& path)
{
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// A sample from ../shared/reference/formats without its first (provenance)
// line, or std::nullopt where ../shared is absent (users' clones).
inline std::optional<std::string>
read_shared_sample(const std::string& name)
{
  const std::string path = FACTCHECK_SHARED_DIR "/reference/formats/" + name;
  if (!std::filesystem::exists(path)) {
    return std::nullopt;
  }
  const std::string text = read_file(path);
  return text.substr(text.find('\n') + 1);
}

// A date from "YYYY-MM-DD"; fails the test on anything else.
inline Date
day(std::string_view text)
{
  const auto date = parse_date(text);
  REQUIRE(date);
  return *date;
}

// The row of `series` on `date`, or nullptr.
inline const Row*
row_on(const Series& series, std::string_view date)
{
  return series.find(day(date));
}

// Whether the rows are in strictly ascending date order (no duplicates).
inline bool
strictly_ascending(const Series& series)
{
  for (std::size_t i = 1; i < series.rows.size(); ++i) {
    if (!(series.rows[i - 1].date < series.rows[i].date)) {
      return false;
    }
  }
  return true;
}

// A fresh folder under the system temp dir, removed with its contents when
// the object goes out of scope.
class TempDir
{
public:
  TempDir()
  {
    std::random_device random;
    m_path = std::filesystem::temp_directory_path()
             / ("factcheck-test-" + std::to_string(random()) + std::to_string(random()));
    std::filesystem::create_directories(m_path);
  }
  ~TempDir()
  {
    std::error_code ec;
    std::filesystem::remove_all(m_path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path&
  path() const
  {
    return m_path;
  }

  // Writes `content` to `name` under the folder, creating parent folders.
  std::string
  write(const std::string& name, const std::string& content) const
  {
    const auto file = m_path / name;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << content;
    return file.string();
  }

private:
  std::filesystem::path m_path;
};

// An HttpClient that serves fixed bodies by URL and counts requests.
class FakeHttpClient : public http::HttpClient
{
public:
  void
  add(const std::string& url, std::string body, int status = 200)
  {
    http::Response response;
    response.url = url;
    response.status = status;
    response.body = std::move(body);
    response.origin = http::Origin::network;
    response.retrieved_at = "2026-11-28T00:00:00Z";
    m_responses[url] = std::move(response);
  }

  Expected<http::Response>
  get(const http::Request& request) override
  {
    ++m_requests[request.url];
    const auto it = m_responses.find(request.url);
    if (it == m_responses.end()) {
      return unexpected("fake: connection refused for " + request.url);
    }
    return it->second;
  }

  int
  requests(const std::string& url) const
  {
    const auto it = m_requests.find(url);
    return it == m_requests.end() ? 0 : it->second;
  }

private:
  std::map<std::string, http::Response> m_responses;
  std::map<std::string, int> m_requests;
};

} // namespace factcheck::test
