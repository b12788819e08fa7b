// The disk cache's entry reader: any bytes as the entry of a URL either
// serve the stored body (only when it is the one the entry names, checked by
// sha256) or count as a miss that goes to the next client; nothing may
// escape, and no file outside objects/ is ever served.
#include <factcheck/http/cache.hpp>
#include <factcheck/http/recordings.hpp>
#include <factcheck/util/text.hpp>

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

namespace {

namespace fs = std::filesystem;

constexpr std::string_view k_url = "https://fred.stlouisfed.org/graph/fredgraph.csv?id=NASDAQCOM";
constexpr std::string_view k_body = "DATE,VALUE\n2025-01-27,19341.83\n";

void
write(const fs::path& path, std::string_view data)
{
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(data.data(), static_cast<std::streamsize>(data.size()));
}

// The next client: a miss in the cache lands here.
class Miss : public factcheck::http::HttpClient
{
public:
  factcheck::Expected<factcheck::http::Response>
  get(const factcheck::http::Request&) override
  {
    return factcheck::unexpected(std::string("miss"));
  }
};

// One cache folder per process, with the stored body in objects/.
const fs::path&
folder()
{
  static const fs::path root = [] {
    const auto dir =
        fs::temp_directory_path() / ("factcheck-fuzz-cache-" + std::to_string(::getpid()));
    const auto sha = factcheck::util::sha256_hex(k_body);
    write(dir / "objects" / sha.substr(0, 2) / sha, k_body);
    write(dir / "outside.txt", "not a cached body\n");
    return dir;
  }();
  return root;
}

} // namespace

extern "C" int
LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  namespace http = factcheck::http;
  namespace util = factcheck::util;
  const auto& dir = folder();
  const auto entry =
      dir / "entries" / (util::sha256_hex(http::canonical_url(std::string(k_url))) + ".json");
  write(entry, std::string_view(reinterpret_cast<const char*>(data), size));
  http::CacheOptions options;
  options.dir = dir.string();
  options.now = [] { return std::time_t{1764547200}; }; // 2025-12-01, fixed
  options.warn = [](const std::string&) {};
  Miss next;
  http::CachingClient cache(std::move(options), next);
  http::Request request;
  request.url = std::string(k_url);
  const auto response = cache.get(request);
  if (response
      && (response->body != k_body || util::sha256_hex(response->body) != response->sha256)) {
    std::abort();
  }
  return 0;
}
