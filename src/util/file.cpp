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

namespace {

// Writes `data` to an existing file that is not a regular one (/dev/null, a
// FIFO a reader waits on, a terminal): such a file is written through, not
// replaced by a regular file.
std::optional<std::string>
write_through(const fs::path& target, const StreamWriter& write)
{
  std::ofstream out(target, std::ios::binary);
  if (!out) {
    return fmt::format("cannot write: {}", std::strerror(errno));
  }
  write(out);
  out.flush();
  if (!out) {
    return fmt::format("cannot write: {}", std::strerror(errno));
  }
  return std::nullopt;
}

} // namespace

std::optional<std::string>
write_file_atomically(const std::string& path, const std::string& data, bool create_parents)
{
  return write_file_atomically(
      path,
      [&data](std::ostream& out) {
        out.write(data.data(), static_cast<std::streamsize>(data.size()));
      },
      create_parents);
}

std::optional<std::string>
write_file_atomically(const std::string& path, const StreamWriter& write, bool create_parents)
{
  std::error_code ec;
  fs::path target(path);
  // A symlink is written through: the file it names is replaced, the link
  // stays (a report linked from a web folder keeps its link).
  if (fs::is_symlink(fs::symlink_status(target, ec))) {
    const auto resolved = fs::weakly_canonical(target, ec);
    if (ec) {
      return fmt::format("cannot write: {}", ec.message());
    }
    target = resolved;
  }
  const auto status = fs::status(target, ec);
  const bool exists = !ec && fs::exists(status);
  if (exists && !fs::is_regular_file(status)) {
    if (fs::is_directory(status)) {
      return std::string("cannot write: it is a folder");
    }
    return write_through(target, write);
  }
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
      try {
        write(out);
      } catch (...) {
        out.close();
        fs::remove(temp, ec);
        throw;
      }
      out.flush();
      if (!out) {
        error = std::strerror(errno);
      }
    }
  }
  // The new file keeps the old one's permissions (a 0600 report stays
  // private).
  if (error.empty() && exists) {
    fs::permissions(temp, status.permissions(), fs::perm_options::replace, ec);
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
