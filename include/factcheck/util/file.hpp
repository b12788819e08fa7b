#pragma once

#include <functional>
#include <optional>
#include <ostream>
#include <string>

namespace factcheck::util {

// Writes `data` to `path` by writing a uniquely named temporary file in the
// same folder and renaming it into place, so `path` holds either its old
// content or all of the new, never a part. Creates missing parent folders
// when `create_parents` is true. Returns std::nullopt on success, else what
// failed ("cannot write: Permission denied"); the temporary file is removed.
// A symlink is written through (its target is replaced, the link kept), an
// existing file keeps its permissions, and a file that is not a regular one
// (/dev/null, a FIFO) is written to directly rather than replaced.
std::optional<std::string> write_file_atomically(const std::string& path,
                                                 const std::string& data,
                                                 bool create_parents = false);

// Writes what `write` puts on the stream it is given.
using StreamWriter = std::function<void(std::ostream&)>;

// The same, with the content written by `write` straight into the temporary
// file (a large report is never held whole in memory). If `write` throws,
// the temporary file is removed and the exception goes on; `path` is
// untouched.
std::optional<std::string> write_file_atomically(const std::string& path,
                                                 const StreamWriter& write,
                                                 bool create_parents = false);

} // namespace factcheck::util
