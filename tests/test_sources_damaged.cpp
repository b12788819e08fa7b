// A broken or hostile server never crashes a run: every source's parser is
// fed its real recorded body (fixtures/deepseek-2025-01-27, and the format
// samples in ../shared/reference/formats where present) after random damage
// with a fixed seed: cut short, bytes flipped, deleted or repeated. The
// damage is synthetic. Each result must be data or an error message; no
// exception escapes, and a series that parses is still in date order with
// finite values.
#include "testutil.hpp"

#include <factcheck/sources/registry.hpp>

#include <catch2/catch.hpp>

#include <cmath>
#include <optional>
#include <random>
#include <string>
#include <variant>
#include <vector>

namespace {

struct Body
{
  const char* source;
  const char* id;
  const char* content_type;
  std::string text;
  int rounds;
};

std::string
fixture(const std::string& name)
{
  return factcheck::test::read_file(FACTCHECK_FIXTURES_DIR "/deepseek-2025-01-27/" + name);
}

std::vector<Body>
bodies()
{
  std::vector<Body> out{
      {"fred", "NASDAQCOM", "text/csv", fixture("fred/NASDAQCOM.csv"), 300},
      {"stooq", "nvda.us", "text/csv", fixture("stooq/nvda.us.csv"), 300},
      {"yahoo", "^IXIC", "application/json", fixture("yahoo/IXIC.json"), 300},
      {"sec", "0001045810", "application/json", fixture("sec/CIK0001045810.json"), 300},
      {"wikipedia", "DeepSeek", "application/json", fixture("wikipedia/DeepSeek.json"), 300},
      {"document",
       "https://api-docs.deepseek.com/zh-cn/news/news250120",
       "text/html; charset=utf-8",
       fixture("document/news250120.html"),
       300},
      {"document",
       "https://arxiv.org/pdf/2407.21783",
       "text/plain",
       fixture("document/llama3-herd.txt"),
       100},
      // poppler is slower, and a damaged PDF is mostly poppler's own
      // robustness; a few rounds check that its failures reach us as values.
      {"document",
       "https://raw.githubusercontent.com/deepseek-ai/DeepSeek-V3/"
       "4c2fdb8f55e049553b9f4f1a3241f86d739c8cf8/DeepSeek_V3.pdf",
       "application/pdf",
       fixture("document/DeepSeek_V3.pdf"),
       40},
  };
  if (auto arxiv = factcheck::test::read_shared_sample("arxiv_api_atom_response.xml.txt")) {
    out.push_back({"arxiv", "hep-ex/0307015", "application/atom+xml", *arxiv, 300});
  }
  if (auto wikidata =
          factcheck::test::read_shared_sample("wikidata_wbgetentities_Q94_excerpt.json.txt")) {
    out.push_back({"wikidata", "Q94", "application/json", *wikidata, 300});
  }
  return out;
}

// One to three kinds of damage a network or a server does to a body.
std::string
damaged(std::string text, std::mt19937& random)
{
  const int damages = 1 + static_cast<int>(random() % 3);
  for (int d = 0; d < damages && !text.empty(); ++d) {
    const std::size_t at = random() % text.size();
    switch (random() % 5) {
    case 0: // cut short
      text.resize(at);
      break;
    case 1: // a flipped byte
      text[at] = static_cast<char>(text[at] ^ (1U << (random() % 8)));
      break;
    case 2: // a run deleted
      text.erase(at, 1 + random() % 64);
      break;
    case 3: // a run repeated
      text.insert(at, text.substr(at, 1 + random() % 64));
      break;
    default: // a byte that is not UTF-8, or a NUL
      text[at] = (random() % 2) != 0 ? '\xff' : '\0';
      break;
    }
  }
  return text;
}

bool
finite_or_absent(const std::optional<double>& value)
{
  return !value || std::isfinite(*value);
}

} // namespace

TEST_CASE("sources: damaged bodies are parsed or refused, never a crash", "[sources]")
{
  std::mt19937 random(20250127);
  for (const auto& body : bodies()) {
    const auto* source = factcheck::sources::find(body.source);
    REQUIRE(source != nullptr);
    INFO(body.source << " " << body.id);
    // The undamaged body parses: the damage below is what fails.
    REQUIRE(source->parse(body.text, body.content_type, body.id));

    int refused = 0;
    for (int round = 0; round < body.rounds; ++round) {
      const std::string text = damaged(body.text, random);
      factcheck::Expected<factcheck::sources::Data> result =
          factcheck::unexpected(std::string("not parsed"));
      REQUIRE_NOTHROW(result = source->parse(text, body.content_type, body.id));
      if (!result) {
        ++refused;
        CHECK_FALSE(result.error().empty());
        continue;
      }
      if (const auto* series = std::get_if<factcheck::Series>(&*result)) {
        CHECK(factcheck::test::strictly_ascending(*series));
        for (const auto& row : series->rows) {
          CHECK(finite_or_absent(row.close));
          CHECK(finite_or_absent(row.adjclose));
          CHECK(finite_or_absent(row.volume));
        }
      }
    }
    // Cut-short JSON and XML are refused; CSV and text can lose rows and
    // still parse, so only the structured formats must refuse some.
    if (std::string_view(body.content_type).find("json") != std::string_view::npos) {
      CHECK(refused > 0);
    }
  }
}
