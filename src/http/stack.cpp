#include <factcheck/http/stack.hpp>

#include <fmt/format.h>

#include <filesystem>
#include <system_error>

namespace factcheck::http {

FetchStack::FetchStack(const StackOptions& options)
{
  if (options.mode != Mode::offline) {
    m_network = make_curl_client(options.curl);
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
