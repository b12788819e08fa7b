#include "testpdf.hpp"
#include "testutil.hpp"

#include <factcheck/model/document.hpp>
#include <factcheck/sources/parsers.hpp>
#include <factcheck/sources/registry.hpp>

#include <catch2/catch.hpp>

#include <filesystem>

using namespace factcheck;
using namespace factcheck::sources;
using factcheck::test::make_pdf;
using factcheck::test::read_shared_sample;

TEST_CASE("normalise_text: hyphenation and whitespace across line breaks")
{
  CHECK(normalise_text("  pre-\ntraining   costs\n 2664K\tGPU hours ")
        == "pretraining costs 2664K GPU hours");
  // A hyphen before a capital or digit is a real one: keep it, drop the
  // break.
  CHECK(normalise_text("DeepSeek-\nV3") == "DeepSeek- V3");
  CHECK(normalise_text("one.\n\n\ntwo") == "one.\ntwo");
  CHECK(normalise_text("a\xC2\xA0"
                       "b")
        == "a b");
}

TEST_CASE("parse_arxiv_atom: the arXiv user manual's Atom response")
{
  const auto sample = read_shared_sample("arxiv_api_atom_response.xml.txt");
  if (!sample) {
    SUCCEED("../shared absent: skipped");
    return;
  }
  const auto document = parse_arxiv_atom(*sample);
  REQUIRE(document);
  CHECK(document->title
        == "Multi-Electron Production at High Transverse Momenta in ep "
           "Collisions at HERA");
  CHECK(document->published == "2003-07-07");
  CHECK(document->url == "http://arxiv.org/abs/hep-ex/0307015");
  REQUIRE(document->pages.size() == 1);
  CHECK(document->pages[0].text.starts_with("Multi-electron production is studied at high "
                                            "electron transverse momentum in positron- and "
                                            "electron-proton collisions"));
  CHECK(document->pages[0].text.find("integrated luminosity of 115 pb-1.") != std::string::npos);
}

TEST_CASE("parse_arxiv_atom: namespaces matter, throttling and errors are errors")
{
  // An element called <entry> outside the Atom namespace is not an entry.
  const auto foreign =
      parse_arxiv_atom(R"(<feed xmlns="http://www.w3.org/2005/Atom"><x:entry xmlns:x="urn:other">)"
                       R"(<summary>no</summary></x:entry></feed>)");
  REQUIRE_FALSE(foreign);
  CHECK(foreign.error() == "the feed holds no <entry>: no such paper");

  const auto throttled = parse_arxiv_atom("Rate exceeded.");
  REQUIRE_FALSE(throttled);
  CHECK(throttled.error().find("throttling") != std::string::npos);

  const auto broken = parse_arxiv_atom("<feed");
  REQUIRE_FALSE(broken);
  CHECK(broken.error().starts_with("bad XML"));

  const auto error_entry =
      parse_arxiv_atom(R"(<feed xmlns="http://www.w3.org/2005/Atom"><entry>)"
                       R"(<id>http://arxiv.org/api/errors#incorrect_id_format_for_1234</id>)"
                       R"(<summary>incorrect id format for 1234</summary></entry></feed>)");
  REQUIRE_FALSE(error_entry);
  CHECK(error_entry.error() == "arXiv error: incorrect id format for 1234");
}

TEST_CASE("parse_wikipedia_summary: a captured REST summary")
{
  const auto sample = read_shared_sample("wikipedia_rest_summary_response.json.txt");
  if (!sample) {
    SUCCEED("../shared absent: skipped");
    return;
  }
  const auto document = parse_wikipedia_summary(*sample);
  REQUIRE(document);
  CHECK(document->title == "Ayrton Senna");
  CHECK(document->wikibase_item == "Q10490");
  CHECK(document->url == "https://en.wikipedia.org/wiki/Ayrton_Senna");
  REQUIRE(document->pages.size() == 1);
  CHECK(document->pages[0].text.find("Senna won 41 Grands Prix and set 65 pole positions")
        != std::string::npos);

  const auto missing = parse_wikipedia_summary(R"({"title":"Not found.","detail":"Page or )"
                                               R"(revision not found."})");
  REQUIRE_FALSE(missing);
  CHECK(missing.error() == "Wikipedia says: Page or revision not found.");
}

TEST_CASE("parse_wikidata_entity: P571 inception with its precision")
{
  const auto sample = read_shared_sample("wikidata_wbgetentities_Q94_excerpt.json.txt");
  if (!sample) {
    SUCCEED("../shared absent: skipped");
    return;
  }
  const auto entity = parse_wikidata_entity(*sample, "Q94");
  REQUIRE(entity);
  CHECK(entity->id == "Q94");
  CHECK(entity->label == "Android");
  REQUIRE(entity->statements.count("P571") == 1);
  const auto& inception = entity->statements.at("P571").at(0);
  CHECK(inception.value == "+2008-09-23T00:00:00Z");
  CHECK(inception.precision == 11);
  CHECK(inception.rank == "normal");
}

TEST_CASE("parse_wikidata_entity: month precision, novalue snaks skipped")
{
  const auto entity = parse_wikidata_entity(
      R"({"entities":{"Q1":{"id":"Q1","claims":{"P571":[)"
      R"({"mainsnak":{"snaktype":"novalue","property":"P571"},"rank":"normal"},)"
      R"({"mainsnak":{"snaktype":"value","datavalue":{"type":"time","value":)"
      R"({"time":"+2023-07-00T00:00:00Z","precision":10}}},"rank":"preferred"}]}}}})",
      "Q1");
  REQUIRE(entity);
  REQUIRE(entity->statements.at("P571").size() == 1);
  CHECK(entity->statements.at("P571")[0].precision == 10);
  CHECK(entity->statements.at("P571")[0].rank == "preferred");
  CHECK_FALSE(parse_wikidata_entity("<html></html>", "Q1"));
}

TEST_CASE("parse_document: HTML drops scripts and styles, blocks become breaks (synthetic)")
{
  const auto document = parse_document(
      "<html><head><title>Stargate</title><style>p{color:red}</style></head><body>"
      "<script>var x = '$1 billion';</script><h1>Announcing</h1><p>The initial equity "
      "funders in Stargate are SoftBank, OpenAI, Oracle, and MGX.</p><p>We will invest "
      "<b>$500&nbsp;billion</b>.</p></body></html>",
      "text/html; charset=utf-8",
      "https://example.org/stargate");
  REQUIRE(document);
  CHECK(document->title == "Stargate");
  CHECK(document->url == "https://example.org/stargate");
  REQUIRE(document->pages.size() == 1);
  CHECK(document->pages[0].text
        == "Announcing\nThe initial equity funders in Stargate are "
           "SoftBank, OpenAI, Oracle, and MGX.\nWe will invest $500 "
           "billion.");
}

TEST_CASE("parse_document: UTF-8 HTML without a charset keeps Chinese text (synthetic)")
{
  const auto document = parse_document("<p>成本不到美國同業的1%</p>", "text/html", "https://x/");
  REQUIRE(document);
  CHECK(document->pages[0].text == "成本不到美國同業的1%");
}

TEST_CASE("parse_document: text/plain as is, unknown types refused")
{
  const auto plain = parse_document("line one\nline two\n", "text/plain", "https://x/a.txt");
  REQUIRE(plain);
  CHECK(plain->pages[0].text == "line one line two");
  const auto image = parse_document("GIF89a", "image/gif", "https://x/a.gif");
  REQUIRE_FALSE(image);
  CHECK(image.error() == "unsupported content type \"image/gif\"");
}

TEST_CASE("parse_document: a PDF keeps its page numbers (synthetic PDF)")
{
  const auto pdf = make_pdf({{"First page."},
                             {"Assuming the rental price is $2 per GPU hour, our total train-",
                              "ing costs amount to only $5.576M."}});
  const auto document = parse_document(pdf, "application/pdf", "https://x/p.pdf");
  REQUIRE(document);
  REQUIRE(document->pages.size() == 2);
  CHECK(document->pages[0].number == 1);
  CHECK(document->pages[0].text == "First page.");
  CHECK(document->pages[1].number == 2);
  CHECK(document->pages[1].text
        == "Assuming the rental price is $2 per GPU hour, our total "
           "training costs amount to only $5.576M.");
  // Sniffed without a content type, too.
  CHECK(parse_document(pdf, "", "https://x/p.pdf"));
  const auto broken = parse_document("%PDF-1.4 garbage", "application/pdf", "https://x/p.pdf");
  REQUIRE_FALSE(broken);
  CHECK(broken.error() == "bad PDF: poppler could not read it");
}

TEST_CASE("parse_document: the DeepSeek-V3 report's p.5 states $5.576M")
{
  const std::string path = FACTCHECK_SHARED_DIR "/reference/documents/DeepSeek_V3.pdf";
  if (!std::filesystem::exists(path)) {
    SUCCEED("../shared absent: skipped");
    return;
  }
  const auto document = parse_document(test::read_file(path), "application/pdf", path);
  REQUIRE(document);
  CHECK(document->pages.size() == 53);
  const auto& page5 = document->pages.at(4);
  CHECK(page5.number == 5);
  CHECK(page5.text.find("our total training costs amount to only $5.576M") != std::string::npos);
  CHECK(page5.text.find("3.7 days on our cluster with 2048 H800 GPUs") != std::string::npos);
}

TEST_CASE("sources registry: the document sources build canonical requests")
{
  const auto* arxiv = find("arxiv");
  REQUIRE(arxiv != nullptr);
  CHECK(arxiv->request("2412.19437", arxiv->default_base_url())->url
        == "https://export.arxiv.org/api/query?id_list=2412.19437");
  const auto* wikipedia = find("wikipedia");
  REQUIRE(wikipedia != nullptr);
  CHECK(wikipedia->request("DeepSeek", wikipedia->default_base_url())->url
        == "https://en.wikipedia.org/api/rest_v1/page/summary/DeepSeek");
  const auto* wikidata = find("wikidata");
  REQUIRE(wikidata != nullptr);
  CHECK(wikidata->request("Q182477", wikidata->default_base_url())->url
        == "https://www.wikidata.org/wiki/Special:EntityData/Q182477.json");
  CHECK_FALSE(wikidata->request("DeepSeek", ""));
  const auto* document = find("document");
  REQUIRE(document != nullptr);
  CHECK(document->request("https://openai.com/index/announcing-the-stargate-project/", "")->url
        == "https://openai.com/index/announcing-the-stargate-project/");
  CHECK_FALSE(document->request("file:///etc/passwd", ""));
}
