// The recordings manifest reader: any bytes as a `.recording.yaml` beside a
// small body either index (and the body is served only when its sha256
// matches) or fail as factcheck::Error naming the file and line; nothing
// else may escape, and nothing outside the folder is ever read.
#include <factcheck/http/recordings.hpp>
#include <factcheck/util/error.hpp>
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

void
write(const fs::path& path, std::string_view data)
{
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(data.data(), static_cast<std::streamsize>(data.size()));
}

// One folder per process: a recordings folder holding the input as the
// manifest, the body it may name, and a file beside the folder that no
// manifest may reach.
const fs::path&
folder()
{
  static const fs::path root = [] {
    const auto base =
        fs::temp_directory_path() / ("factcheck-fuzz-recording-" + std::to_string(::getpid()));
    fs::create_directories(base / "recordings");
    write(base / "recordings" / "body.csv", "DATE,VALUE\n2025-01-27,19341.83\n");
    write(base / "outside.txt", "not a recording's body\n");
    return base;
  }();
  return root;
}

} // namespace

extern "C" int
LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  namespace http = factcheck::http;
  const auto dir = folder() / "recordings";
  write(dir / "fuzz.recording.yaml", std::string_view(reinterpret_cast<const char*>(data), size));
  try {
    http::RecordingClient client({dir.string()}, nullptr);
    for (const auto& url : client.urls()) {
      http::Request request;
      request.url = url;
      const auto response = client.get(request);
      if (response && factcheck::util::sha256_hex(response->body) != response->sha256) {
        std::abort(); // served a body that is not the recorded one
      }
      if (response && response->body == "not a recording's body\n") {
        std::abort(); // read a file outside the recordings folder
      }
    }
  } catch (const factcheck::Error&) {
  }
  return 0;
}
