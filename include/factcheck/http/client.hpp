#pragma once

#include <factcheck/util/expected.hpp>

#include <string>
#include <utility>
#include <vector>

namespace factcheck::http {

// A GET request. `url` is canonical: the source adapters build it with query
// parameters in a fixed order and every identifier percent-encoded, so that
// equal requests are equal strings (recordings are matched on it).
struct Request
{
  std::string url;
  std::vector<std::pair<std::string, std::string>> headers;
};

// Where a response came from, for the evidence a verdict shows.
enum class Origin {
  recording, // a recorded response shipped with a catalogue (fixtures/)
  cache,     // the local disk cache
  network,   // fetched just now
};

struct Response
{
  std::string url;
  int status = 0;
  std::string content_type;
  std::string body;
  Origin origin = Origin::network;
  std::string retrieved_at; // ISO 8601 UTC: when fetched or recorded
  std::string sha256;       // of body, lowercase hex
  // For recordings: "verbatim" or "reconstructed", and from which public copy.
  std::string provenance;
  std::string provenance_detail;
  std::string recording_path; // the recording's file, when origin is recording
};

// Interface for getting bytes over HTTP.
//
// Abstract so it can be faked in tests. The real implementations are
// RecordingClient (recorded responses) and CurlClient (libcurl, in
// factcheck_http). A failure to get any response is an error value; an HTTP
// error status is a Response, which the caller judges.
class HttpClient
{
public:
  virtual ~HttpClient() = default;
  virtual Expected<Response> get(const Request& request) = 0;
};

std::string_view to_string(Origin origin);

} // namespace factcheck::http
