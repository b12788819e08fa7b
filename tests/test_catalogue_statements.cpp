// claims/deepseek-2025-01-27.statements.md lists every checkable statement of
// the DeepSeek article with the claims that check it. Its ids must be claims
// of the catalogue, every statement claim of the catalogue must be in it (an
// input claim is no statement), and its coverage line must be what the
// table says.
#include "testutil.hpp"

#include <factcheck/catalogue/load.hpp>
#include <factcheck/util/text.hpp>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <set>
#include <string>
#include <vector>

namespace {

struct Row
{
  int number = 0;
  std::vector<std::string> ids;
};

// The table's rows: "| 14 | part | statement | `a`, `b` | note |".
std::vector<Row>
rows_of(const std::string& text)
{
  std::vector<Row> out;
  for (const auto line : factcheck::util::split(text, '\n')) {
    if (!line.starts_with("| ") || line.size() < 3 || line[2] < '0' || line[2] > '9') {
      continue;
    }
    const auto cells = factcheck::util::split(line, '|');
    REQUIRE(cells.size() >= 6);
    Row row;
    row.number = std::stoi(std::string(factcheck::util::trim(cells[1])));
    const std::string claims(cells[4]);
    for (auto open = claims.find('`'); open != std::string::npos;
         open = claims.find('`', open + 1)) {
      const auto close = claims.find('`', open + 1);
      REQUIRE(close != std::string::npos);
      row.ids.push_back(claims.substr(open + 1, close - open - 1));
      open = close;
    }
    out.push_back(std::move(row));
  }
  return out;
}

} // namespace

TEST_CASE("catalogue: the DeepSeek statements list names claims and states its coverage",
          "[coverage]")
{
  const std::string dir = std::string(FACTCHECK_SOURCE_DIR) + "/claims/";
  const auto text = factcheck::test::read_file(dir + "deepseek-2025-01-27.statements.md");
  const auto catalogue = factcheck::catalogue::load(dir + "deepseek-2025-01-27.yaml");
  std::set<std::string> ids;
  std::set<std::string> inputs;
  for (const auto& claim : catalogue.claims) {
    ids.insert(claim.id);
    if (claim.input) {
      inputs.insert(claim.id);
    }
  }

  const auto rows = rows_of(text);
  REQUIRE(rows.size() == 116);
  std::set<std::string> listed;
  int covered = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    INFO("statement " << rows[i].number);
    CHECK(rows[i].number == static_cast<int>(i) + 1);
    covered += rows[i].ids.empty() ? 0 : 1;
    for (const auto& id : rows[i].ids) {
      INFO(id);
      CHECK(ids.count(id) == 1);
      CHECK(inputs.count(id) == 0);
      listed.insert(id);
    }
  }
  for (const auto& id : ids) {
    INFO(id);
    CHECK((listed.count(id) == 1 || inputs.count(id) == 1));
  }
  const auto line = fmt::format("Coverage: {} of {} statements ({:.1f}%).",
                                covered,
                                rows.size(),
                                100.0 * covered / static_cast<double>(rows.size()));
  CHECK(text.find("\n" + line + "\n") != std::string::npos);
  // The desk's bar: at least 95% of the article's checkable statements.
  CHECK(covered * 100 >= 95 * static_cast<int>(rows.size()));
}
