#pragma once

#include <factcheck/util/expected.hpp>

#include <chrono>
#include <string>
#include <utility>
#include <vector>

namespace factcheck::http {

// How a source wants to be treated, and how it says it is over its limit.
// The source fills this in; the network engine applies it, keyed by host, so
// that per-source manners never become special cases in the engine.
struct Politeness
{
  // Requests per second to the host, as a token bucket shared by every
  // request to it; 0 leaves only the connection limits.
  double requests_per_second = 0;
  // Statuses that mean "slow down" besides 429 and 503 (SEC answers 403).
  std::vector<int> throttle_statuses;
  // A 2xx body starting with this is throttling too (arXiv: "Rate exceeded.").
  std::string throttle_body;
  // A 2xx body must be complete JSON; one that is not was cut short.
  bool json = false;
  // The source refuses anonymous clients: a contact must be in the
  // User-Agent (SEC).
  bool needs_contact = false;
  // How long a cached answer may be served without asking the source again
  // (after that it is revalidated). A whole series gains a row every
  // trading day, so this is hours, not months.
  std::chrono::seconds fresh_for{0};
};

// A GET request. `url` is canonical: the source adapters build it with query
// parameters in a fixed order and every identifier percent-encoded, so that
// equal requests are equal strings (recordings are matched on it).
struct Request
{
  std::string url;
  std::vector<std::pair<std::string, std::string>> headers;
  Politeness politeness;
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
  std::string etag;           // validators, for cache revalidation
  std::string last_modified;
  int attempts = 1; // how many tries the network needed
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

  // Fetches every request, returning results in the same order. Requests
  // with the same URL are fetched once. This default fetches them one after
  // another; the network engine runs them concurrently.
  virtual std::vector<Expected<Response>> get_all(const std::vector<Request>& requests);
};

std::string_view to_string(Origin origin);

} // namespace factcheck::http
