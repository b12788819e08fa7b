#include "../modules/modules.hpp"

#include <factcheck/http/stack.hpp>

#include <fmt/format.h>

#include <filesystem>
#include <mutex>
#include <system_error>

namespace factcheck::http {

namespace {

// The network engine, loaded from libfactcheck-net.so on the first request
// that reaches it: a run answered by its recordings or the cache never maps
// libcurl. If the module cannot be loaded, every request fails with the
// loader's message, which the verdicts show.
class LazyNetworkClient : public HttpClient
{
public:
  explicit LazyNetworkClient(CurlOptions options) : m_options(std::move(options))
  {}

  Expected<Response>
  get(const Request& request) override
  {
    if (auto* engine = load()) {
      return engine->get(request);
    }
    return unexpected(m_failure);
  }

  std::vector<Expected<Response>>
  get_all(const std::vector<Request>& requests) override
  {
    if (requests.empty()) {
      return {};
    }
    if (auto* engine = load()) {
      return engine->get_all(requests);
    }
    return std::vector<Expected<Response>>(requests.size(), unexpected(m_failure));
  }

private:
  HttpClient*
  load()
  {
    std::call_once(m_once, [this] {
      const auto api = modules::net();
      if (!api) {
        m_failure = api.error();
        return;
      }
      m_engine = (*api)->make_client(m_options);
    });
    return m_engine.get();
  }

  CurlOptions m_options;
  std::once_flag m_once;
  std::unique_ptr<HttpClient> m_engine;
  std::string m_failure;
};

} // namespace

FetchStack::FetchStack(const StackOptions& options)
{
  if (options.mode != Mode::offline) {
    m_network = std::make_unique<LazyNetworkClient>(options.curl);
    m_top = m_network.get();
    if (!options.cache_dir.empty()) {
      CacheOptions cache;
      cache.dir = options.cache_dir;
      cache.network_first = options.mode == Mode::live;
      cache.warn = options.warn;
      m_cache = std::make_unique<CachingClient>(cache, *m_network);
      m_top = m_cache.get();
    }
  }
  if (options.mode != Mode::live) {
    // Offline, m_top is null: a request without a recording is an error.
    m_recordings = std::make_unique<RecordingClient>(options.recordings, m_top);
    m_top = m_recordings.get();
  }
}

Expected<Response>
FetchStack::get(const Request& request)
{
  return m_top->get(request);
}

std::vector<Expected<Response>>
FetchStack::get_all(const std::vector<Request>& requests)
{
  return m_top->get_all(requests);
}

std::vector<std::string>
recording_dirs(const Catalogue& catalogue,
               const std::vector<std::string>& extra,
               Mode mode,
               const std::function<void(const std::string&)>& warn)
{
  std::vector<std::string> dirs;
  if (mode == Mode::live) {
    return dirs;
  }
  if (!catalogue.recordings_dir.empty()) {
    std::error_code ec;
    if (catalogue.path == "<stdin>"
        && !std::filesystem::is_directory(catalogue.recordings_dir, ec)) {
      if (warn) {
        warn(fmt::format("<stdin>: recordings folder \"{}\" not found from the working "
                         "directory; ignored (name it with --recordings)",
                         catalogue.recordings_dir));
      }
    } else {
      dirs.push_back(catalogue.recordings_dir);
    }
  }
  dirs.insert(dirs.end(), extra.begin(), extra.end());
  return dirs;
}

} // namespace factcheck::http
