#include <factcheck/util/file.hpp>

#include <fmt/format.h>

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>

namespace fs = std::filesystem;

namespace factcheck::util {

std::optional<std::string>
write_file_atomically(const std::string& path, const std::string& data, bool create_parents)
{
  const fs::path target(path);
  std::error_code ec;
  if (create_parents && target.has_parent_path()) {
    fs::create_directories(target.parent_path(), ec);
  }
  // Unique per process and call, so two writers sharing a folder (two runs
  // on one cache) never see each other's half-written files.
  std::random_device random;
  auto temp = target;
  temp.replace_filename(
      fmt::format(".{}.tmp.{}.{}", target.filename().string(), ::getpid(), random()));
  std::string error;
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out) {
      error = std::strerror(errno);
    } else {
      out.write(data.data(), static_cast<std::streamsize>(data.size()));
      out.flush();
      if (!out) {
        error = std::strerror(errno);
      }
    }
  }
  if (error.empty()) {
    fs::rename(temp, target, ec);
    if (ec) {
      error = ec.message();
    }
  }
  if (!error.empty()) {
    fs::remove(temp, ec);
    return fmt::format("cannot write: {}", error);
  }
  return std::nullopt;
}

} // namespace factcheck::util
