#pragma once

#include <factcheck/http/client.hpp>

#include <cstdint>
#include <ctime>
#include <functional>
#include <optional>
#include <string>

namespace factcheck::http {

// ${XDG_CACHE_HOME:-$HOME/.cache}/factcheck, or "" when neither is set.
std::string default_cache_dir();

struct CacheOptions
{
  std::string dir;
  // Live mode: always ask the network (conditionally, when an entry exists)
  // and refresh the cache; a fresh entry is not enough.
  bool network_first = false;
  // Told once when the cache cannot be written (read-only, full disk).
  std::function<void(const std::string&)> warn;
  // The clock, in seconds since the epoch; tests replace it.
  std::function<std::time_t()> now = [] { return std::time(nullptr); };
};

// A disk cache in front of another client (docs/network.md, "The disk cache"). Bodies are stored
// content-addressed (objects/ab/<sha256>) and checked against their sha256
// on every read; a body that does not match is dropped and fetched again.
// An entry per canonical URL (entries/<sha256 of URL>.json) holds the status,
// type, validators and when it was stored. An entry younger than its
// source's `fresh_for` is served as is; an older one is revalidated with
// If-None-Match / If-Modified-Since, and a 304 serves the stored body. Only
// 2xx answers are stored, by writing a temporary file and renaming it. When
// the folder cannot be written the cache warns once and carries on.
class CachingClient : public HttpClient
{
public:
  CachingClient(CacheOptions options, HttpClient& next);

  Expected<Response> get(const Request& request) override;
  std::vector<Expected<Response>> get_all(const std::vector<Request>& requests) override;

private:
  struct Entry;

  std::optional<Entry> load(const std::string& url) const;
  void store(const Response& response);
  bool write_atomically(const std::string& path, const std::string& data);

  CacheOptions m_options;
  HttpClient& m_next;
  bool m_warned = false;
};

struct CacheInfo
{
  std::string dir;
  std::size_t entries = 0;
  std::size_t objects = 0;
  std::uintmax_t bytes = 0; // of everything under the folder
};

// What is in the cache folder (an absent folder is an empty cache).
CacheInfo cache_info(const std::string& dir);

// Removes the cache's entries and objects. Returns an error saying what
// could not be removed.
Expected<CacheInfo> clear_cache(const std::string& dir);

} // namespace factcheck::http
