#include <factcheck/http/cache.hpp>
#include <factcheck/http/recordings.hpp>
#include <factcheck/util/file.hpp>
#include <factcheck/util/json.hpp>
#include <factcheck/util/text.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <optional>
#include <random>
#include <sstream>

namespace fs = std::filesystem;

namespace factcheck::http {

namespace {

// 64 lowercase hex digits: what the cache writes, and all it will read, so a
// planted "sha256" cannot name another file ("../../dev/zero").
bool
is_sha256_hex(std::string_view text)
{
  return text.size() == 64 && std::all_of(text.begin(), text.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

std::optional<std::string>
read_whole(const fs::path& path)
{
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return std::nullopt;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

fs::path
entry_path(const std::string& dir, const std::string& url)
{
  return fs::path(dir) / "entries" / (util::sha256_hex(canonical_url(url)) + ".json");
}

fs::path
object_path(const std::string& dir, const std::string& sha256)
{
  return fs::path(dir) / "objects" / sha256.substr(0, 2) / sha256;
}

} // namespace

std::string
default_cache_dir()
{
  const char* xdg = std::getenv("XDG_CACHE_HOME");
  if (xdg != nullptr && xdg[0] != '\0') {
    return (fs::path(xdg) / "factcheck").string();
  }
  const char* home = std::getenv("HOME");
  if (home != nullptr && home[0] != '\0') {
    return (fs::path(home) / ".cache" / "factcheck").string();
  }
  return {};
}

struct CachingClient::Entry
{
  Response response; // with its body, checked
  std::time_t stored_at = 0;
};

CachingClient::CachingClient(CacheOptions options, HttpClient& next)
    : m_options(std::move(options)), m_next(next)
{}

std::optional<CachingClient::Entry>
CachingClient::load(const std::string& url) const
{
  const auto text = read_whole(entry_path(m_options.dir, url));
  if (!text) {
    return std::nullopt;
  }
  const auto parsed = util::parse_json(*text);
  if (!parsed) {
    return std::nullopt;
  }
  // Every field has its type, or the entry is a miss and is fetched again:
  // a damaged entry must not end the run, nor every run after it.
  const auto& json = *parsed;
  const auto stored_url = util::string_field(json, "url");
  const auto status = util::integer_field(json, "status");
  const auto sha256 = util::string_field(json, "sha256");
  const auto stored_at = util::integer_field(json, "stored_at");
  if (!stored_url || *stored_url != canonical_url(url) || !status || *status < 100 || *status > 599
      || !sha256 || !is_sha256_hex(*sha256) || !stored_at) {
    return std::nullopt;
  }
  Entry entry;
  entry.response.url = url;
  entry.response.status = static_cast<int>(*status);
  entry.response.content_type = util::string_field(json, "content_type").value_or("");
  entry.response.sha256 = *sha256;
  entry.response.retrieved_at = util::string_field(json, "retrieved_at").value_or("");
  entry.response.etag = util::string_field(json, "etag").value_or("");
  entry.response.last_modified = util::string_field(json, "last_modified").value_or("");
  entry.response.origin = Origin::cache;
  // An entry stored "in the future" (a clock set wrong, or planted) has no
  // age to trust: it is stale, so it is revalidated rather than fresh until
  // that day.
  const auto stored = static_cast<std::time_t>(*stored_at);
  entry.stored_at = stored > m_options.now() ? 0 : stored;
  auto body = read_whole(object_path(m_options.dir, entry.response.sha256));
  // A body that is not what was stored (a flipped bit, a torn write by some
  // other tool) is never served: it is fetched again.
  if (!body || util::sha256_hex(*body) != entry.response.sha256) {
    return std::nullopt;
  }
  entry.response.body = std::move(*body);
  return entry;
}

bool
CachingClient::write_atomically(const std::string& path, const std::string& data)
{
  const bool ok = !util::write_file_atomically(path, data, true).has_value();
  if (!ok) {
    if (!m_warned && m_options.warn) {
      m_options.warn(
          fmt::format("{}: cannot write the cache (read-only or full?); carrying on without it",
                      m_options.dir));
    }
    m_warned = true;
  }
  return ok;
}

void
CachingClient::store(const Response& response)
{
  if (m_warned) {
    return; // it failed once; don't try (and fail) for every response
  }
  if (!write_atomically(object_path(m_options.dir, response.sha256).string(), response.body)) {
    return;
  }
  const nlohmann::json entry{{"url", canonical_url(response.url)},
                             {"status", response.status},
                             {"content_type", response.content_type},
                             {"sha256", response.sha256},
                             {"retrieved_at", response.retrieved_at},
                             {"etag", response.etag},
                             {"last_modified", response.last_modified},
                             {"stored_at", m_options.now()}};
  write_atomically(entry_path(m_options.dir, response.url).string(), entry.dump(2) + "\n");
}

Expected<Response>
CachingClient::get(const Request& request)
{
  return get_all({request}).front();
}

std::vector<Expected<Response>>
CachingClient::get_all(const std::vector<Request>& requests)
{
  std::vector<Expected<Response>> results(requests.size(), unexpected(std::string("not fetched")));
  std::vector<std::optional<Entry>> entries(requests.size());
  std::vector<Request> misses;
  std::vector<std::size_t> miss_index;
  const std::time_t now = m_options.now();
  for (std::size_t i = 0; i < requests.size(); ++i) {
    entries[i] = load(requests[i].url);
    const auto& entry = entries[i];
    const auto age = std::chrono::seconds(now - (entry ? entry->stored_at : 0));
    if (entry && !m_options.network_first && age < requests[i].politeness.fresh_for) {
      results[i] = entry->response;
      continue;
    }
    Request request = requests[i];
    if (entry && !entry->response.etag.empty()) {
      request.headers.emplace_back("If-None-Match", entry->response.etag);
    }
    if (entry && !entry->response.last_modified.empty()) {
      request.headers.emplace_back("If-Modified-Since", entry->response.last_modified);
    }
    misses.push_back(std::move(request));
    miss_index.push_back(i);
  }
  if (misses.empty()) {
    return results;
  }

  auto fetched = m_next.get_all(misses);
  for (std::size_t k = 0; k < misses.size(); ++k) {
    const std::size_t i = miss_index[k];
    auto& result = fetched[k];
    auto& entry = entries[i];
    if (result && result->status == 304 && entry) {
      // Still current: serve the stored body and restart its freshness.
      Response response = entry->response;
      response.retrieved_at = result->retrieved_at;
      if (!result->etag.empty()) {
        response.etag = result->etag;
      }
      store(response);
      results[i] = std::move(response);
    } else if (result && result->status >= 200 && result->status <= 299) {
      store(*result);
      results[i] = std::move(result);
    } else if (!result && entry && !m_options.network_first) {
      // The source is unreachable, but an older copy is on disk: better a
      // verdict marked as from the cache (with its date) than none.
      results[i] = entry->response;
    } else {
      results[i] = std::move(result);
    }
  }
  return results;
}

CacheInfo
cache_info(const std::string& dir)
{
  CacheInfo info;
  info.dir = dir;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    if (!it->is_regular_file(ec)) {
      continue;
    }
    info.bytes += it->file_size(ec);
    const auto parent = it->path().parent_path();
    if (parent.filename() == "entries") {
      ++info.entries;
    } else if (parent.parent_path().filename() == "objects") {
      ++info.objects;
    }
  }
  return info;
}

Expected<CacheInfo>
clear_cache(const std::string& dir)
{
  auto info = cache_info(dir);
  for (const char* part : {"entries", "objects"}) {
    std::error_code ec;
    fs::remove_all(fs::path(dir) / part, ec);
    if (ec) {
      return unexpected(
          fmt::format("{}: cannot remove: {}", (fs::path(dir) / part).string(), ec.message()));
    }
  }
  return info;
}

} // namespace factcheck::http
