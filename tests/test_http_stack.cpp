// The fetch stack every subcommand uses, without the network: offline it
// is the recordings alone.
#include <factcheck/catalogue/load.hpp>
#include <factcheck/http/stack.hpp>
#include <factcheck/util/error.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using factcheck::Mode;
using factcheck::http::FetchStack;
using factcheck::http::Request;
using factcheck::http::StackOptions;

TEST_CASE("http::FetchStack: offline serves recordings and never the network", "[http]")
{
  StackOptions options;
  options.mode = Mode::offline;
  options.recordings = {std::string(FACTCHECK_FIXTURES_DIR) + "/deepseek-2025-01-27"};
  FetchStack stack(options);
  const auto responses = stack.get_all(
      {Request{"https://fred.stlouisfed.org/graph/fredgraph.csv?id=NASDAQCOM", {}, {}},
       Request{"https://fred.stlouisfed.org/graph/fredgraph.csv?id=NOPE", {}, {}}});
  REQUIRE(responses.size() == 2);
  REQUIRE(responses[0]);
  CHECK(responses[0]->origin == factcheck::http::Origin::recording);
  CHECK(responses[0]->status == 200);
  REQUIRE_FALSE(responses[1]);
  CHECK(responses[1].error()
        == "no recording of https://fred.stlouisfed.org/graph/fredgraph.csv?id=NOPE (offline "
           "mode does not use the network)");
}

TEST_CASE("http::FetchStack: a recordings folder that does not exist is a caller error", "[http]")
{
  StackOptions options;
  options.mode = Mode::automatic;
  options.recordings = {"/no/such/recordings"};
  CHECK_THROWS_AS(FetchStack(options), factcheck::Error);
}

TEST_CASE("http::recording_dirs: the catalogue's folder, then --recordings, and none in live mode",
          "[http]")
{
  factcheck::Catalogue catalogue;
  catalogue.path = "claims/c.yaml";
  catalogue.recordings_dir = "fixtures/c";
  std::vector<std::string> warnings;
  const auto warn = [&](const std::string& message) { warnings.push_back(message); };
  CHECK(factcheck::http::recording_dirs(catalogue, {"extra"}, Mode::offline, warn)
        == std::vector<std::string>{"fixtures/c", "extra"});
  CHECK(factcheck::http::recording_dirs(catalogue, {"extra"}, Mode::live, warn).empty());
  CHECK(warnings.empty());
  // From standard input a relative folder that is not there is skipped,
  // with a warning saying how to name it.
  catalogue.path = "<stdin>";
  catalogue.recordings_dir = "no/such/folder";
  CHECK(factcheck::http::recording_dirs(catalogue, {}, Mode::automatic, warn).empty());
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0]
        == "<stdin>: recordings folder \"no/such/folder\" not found from the working directory; "
           "ignored (name it with --recordings)");
}
