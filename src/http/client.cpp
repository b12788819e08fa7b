#include <factcheck/http/client.hpp>

#include <map>

namespace factcheck::http {

std::vector<Expected<Response>>
HttpClient::get_all(const std::vector<Request>& requests)
{
  std::vector<Expected<Response>> results;
  results.reserve(requests.size());
  std::map<std::string, std::size_t> first; // URL -> index of its first result
  for (const auto& request : requests) {
    const auto [it, inserted] = first.emplace(request.url, results.size());
    if (inserted) {
      results.push_back(get(request));
    } else {
      results.push_back(results[it->second]);
    }
  }
  return results;
}

} // namespace factcheck::http
