#pragma once

#include <factcheck/http/client.hpp>

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace factcheck::http {

// The URL with its query parameters sorted by name (then value), so that
// requests that differ only in parameter order match one recording.
std::string canonical_url(std::string_view url);

// Serves recorded responses (fixtures/<catalogue>/**/<body>.recording.yaml,
// see docs/recordings.md), matched by canonical URL. A request with no
// recording goes to `fallback`, or is an error value when there is none
// (offline mode). A body whose sha256 differs from its recording's is an
// error value, never served.
class RecordingClient : public HttpClient
{
public:
  // Indexes every recording under `dirs`. Throws factcheck::Error for a
  // folder that does not exist or a recording file that is malformed
  // ("file:line: message"), and for two recordings of one URL.
  RecordingClient(const std::vector<std::string>& dirs, HttpClient* fallback);

  Expected<Response> get(const Request& request) override;
  std::vector<Expected<Response>> get_all(const std::vector<Request>& requests) override;

  std::size_t
  size() const
  {
    return m_index.size();
  }

  // The recorded URLs, as recorded (not canonicalised), in canonical order.
  std::vector<std::string> urls() const;

private:
  struct Entry
  {
    std::string meta_path;
    std::string body_path;
    std::string root;  // the recordings folder the body must stay inside
    Response response; // without body; it is read on demand
  };

  void add_dir(const std::string& dir);
  void add_recording(const std::string& meta_path, const std::string& folder);

  std::map<std::string, Entry> m_index; // by canonical URL
  HttpClient* m_fallback;
};

} // namespace factcheck::http
