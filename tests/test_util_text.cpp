#include "testutil.hpp"

#include <factcheck/util/file.hpp>
#include <factcheck/util/text.hpp>

#include <catch2/catch.hpp>

#include <filesystem>
#include <iterator>

using namespace factcheck::util;

TEST_CASE("util::percent_encode: everything but unreserved bytes", "[util]")
{
  CHECK(percent_encode("^IXIC") == "%5EIXIC");
  CHECK(percent_encode("nvda.us") == "nvda.us");
  CHECK(percent_encode("a b&c=d/e?") == "a%20b%26c%3Dd%2Fe%3F");
  CHECK(percent_encode("輝") == "%E8%BC%9D");
  CHECK(percent_encode("A-Z_a~z.0") == "A-Z_a~z.0");
}

TEST_CASE("util::sha256_hex: the standard test vectors", "[util]")
{
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("util::display_width: CJK counts two columns", "[util]")
{
  CHECK(display_width("17%") == 3);
  CHECK(display_width("逾6000億美元") == 12);
  CHECK(display_width("輝達(NVIDIA)") == 12);
  CHECK(display_width("「AI」") == 6);
  CHECK(display_width("") == 0);
}

TEST_CASE("util::parse_double: the whole text or nothing", "[util]")
{
  double v = 0;
  CHECK(parse_double("142.62", v));
  CHECK(v == 142.62);
  CHECK(parse_double("-3", v));
  CHECK(v == -3);
  CHECK(parse_double("+1e9", v));
  CHECK(v == 1e9);
  CHECK_FALSE(parse_double("142.62x", v));
  CHECK_FALSE(parse_double("", v));
  CHECK_FALSE(parse_double(" 1", v));
}

TEST_CASE("util::split and trim", "[util]")
{
  const auto fields = split("a,,b,", ',');
  REQUIRE(fields.size() == 4);
  CHECK(fields[1].empty());
  CHECK(fields[2] == "b");
  CHECK(trim("  x y \r\n") == "x y");
}

TEST_CASE("util::write_file_atomically: all or nothing, no temporary left", "[util]")
{
  factcheck::test::TempDir dir;
  const auto path = (dir.path() / "report.txt").string();
  dir.write("report.txt", "old");
  CHECK_FALSE(write_file_atomically(path, "new"));
  CHECK(factcheck::test::read_file(path) == "new");
  CHECK(std::distance(std::filesystem::directory_iterator(dir.path()),
                      std::filesystem::directory_iterator())
        == 1);

  const auto missing = (dir.path() / "no" / "such" / "x.txt").string();
  const auto error = write_file_atomically(missing, "x");
  REQUIRE(error);
  CHECK(*error == "cannot write: No such file or directory");
  CHECK_FALSE(std::filesystem::exists(dir.path() / "no"));
  CHECK_FALSE(write_file_atomically(missing, "x", true));
  CHECK(factcheck::test::read_file(missing) == "x");
}

TEST_CASE("util::write_file_atomically: through symlinks, to special files, keeping the mode",
          "[util][hardening]")
{
  namespace fs = std::filesystem;
  factcheck::test::TempDir dir;
  // A symlink: its target gets the report, the link stays a link.
  dir.write("real.txt", "old");
  fs::create_symlink(dir.path() / "real.txt", dir.path() / "link.txt");
  CHECK_FALSE(write_file_atomically((dir.path() / "link.txt").string(), "new"));
  CHECK(fs::is_symlink(dir.path() / "link.txt"));
  CHECK(factcheck::test::read_file((dir.path() / "real.txt").string()) == "new");

  // A private report stays private.
  dir.write("private.txt", "old");
  fs::permissions(dir.path() / "private.txt", fs::perms::owner_read | fs::perms::owner_write);
  CHECK_FALSE(write_file_atomically((dir.path() / "private.txt").string(), "new"));
  CHECK(fs::status(dir.path() / "private.txt").permissions()
        == (fs::perms::owner_read | fs::perms::owner_write));

  // /dev/null is written to, not replaced by a regular file (as root, a
  // rename would replace the device).
  CHECK_FALSE(write_file_atomically("/dev/null", "report"));
  CHECK(fs::is_character_file("/dev/null"));

  // A folder is refused, and nothing is left behind.
  fs::create_directory(dir.path() / "folder");
  CHECK(write_file_atomically((dir.path() / "folder").string(), "x")
        == std::optional<std::string>("cannot write: it is a folder"));
  for (const auto& entry : fs::directory_iterator(dir.path())) {
    CHECK(entry.path().filename().string().find(".tmp.") == std::string::npos);
  }
}

TEST_CASE("util::count_of: one claim, many claims", "[util]")
{
  CHECK(factcheck::util::count_of(1, "claim") == "1 claim");
  CHECK(factcheck::util::count_of(0, "claim") == "0 claims");
  CHECK(factcheck::util::count_of(80, "claim") == "80 claims");
}
