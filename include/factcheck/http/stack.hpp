#pragma once

#include <factcheck/http/cache.hpp>
#include <factcheck/http/client.hpp>
#include <factcheck/http/curl_client.hpp>
#include <factcheck/http/recordings.hpp>
#include <factcheck/model/claim.hpp>
#include <factcheck/model/run.hpp>

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace factcheck::http {

struct StackOptions
{
  Mode mode = Mode::automatic;
  // Folders of recorded responses, asked first (not in live mode).
  std::vector<std::string> recordings;
  // The network engine's settings (no engine is made offline).
  CurlOptions curl;
  // The disk cache between the recordings and the network; "" for none.
  std::string cache_dir;
  // Told about what is skipped or cannot be written (a read-only cache).
  std::function<void(const std::string&)> warn;
};

// The clients a run fetches through, outermost first: the recordings, the
// disk cache, the network (docs/architecture.md). Offline stops after the
// recordings, so a request without one is an error value; live skips the
// recordings and has the cache ask the network first. verify, explain and
// record all fetch through one of these.
class FetchStack : public HttpClient
{
public:
  // Throws factcheck::Error for a recordings folder that does not exist or
  // holds a malformed recording.
  explicit FetchStack(const StackOptions& options);

  Expected<Response> get(const Request& request) override;
  std::vector<Expected<Response>> get_all(const std::vector<Request>& requests) override;

private:
  std::unique_ptr<HttpClient> m_network;
  std::unique_ptr<CachingClient> m_cache;
  std::unique_ptr<RecordingClient> m_recordings;
  HttpClient* m_top = nullptr;
};

// The recordings folders for a run of `catalogue`: the one it names, then
// `extra` (--recordings); none in live mode. From standard input a relative
// folder can only be read against the working directory, which is often not
// where the catalogue was written: one that is not found there is skipped
// with a warning.
std::vector<std::string> recording_dirs(const Catalogue& catalogue,
                                        const std::vector<std::string>& extra,
                                        Mode mode,
                                        const std::function<void(const std::string&)>& warn);

} // namespace factcheck::http
