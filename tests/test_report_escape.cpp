#include <factcheck/report/escape.hpp>

#include <catch2/catch.hpp>

using factcheck::report::escape_controls;
using factcheck::report::github_escape_data;
using factcheck::report::github_escape_property;
using factcheck::report::markdown_escape;
using factcheck::report::xml_escape;

TEST_CASE("report::github_escape_data: %, CR and LF as the Actions toolkit escapes them",
          "[report]")
{
  CHECK(github_escape_data("fell 17% on 2025-01-27") == "fell 17%25 on 2025-01-27");
  CHECK(github_escape_data("line one\r\nline two\n") == "line one%0D%0Aline two%0A");
  // '%' first: an escaped sequence in the input is not unescaped later.
  CHECK(github_escape_data("%0A") == "%250A");
  // ':' and ',' are fine in a message.
  CHECK(github_escape_data("a: b, c") == "a: b, c");
}

TEST_CASE("report::github_escape_property: also ':' and ',' that would end a property", "[report]")
{
  CHECK(github_escape_property("contradicted: nvda, 600bn") == "contradicted%3A nvda%2C 600bn");
  CHECK(github_escape_property("C:\\claims\\a,b.yaml") == "C%3A\\claims\\a%2Cb.yaml");
  CHECK(github_escape_property("17%\n") == "17%25%0A");
  CHECK(github_escape_property("輝達") == "輝達");
}

TEST_CASE("report::xml_escape: markup, line breaks and characters XML cannot hold", "[report]")
{
  CHECK(xml_escape(R"(<a href="x">S&P's</a>)")
        == "&lt;a href=&quot;x&quot;&gt;S&amp;P&apos;s&lt;/a&gt;");
  CHECK(xml_escape("a\nb\r\tc") == "a&#10;b&#13;&#9;c");
  CHECK(xml_escape(std::string("bell\x07", 5)) == "bell\xEF\xBF\xBD");
  CHECK(xml_escape("逾6000億美元") == "逾6000億美元");
  // U+FFFE and U+FFFF are not XML characters, nor are bytes that are not
  // UTF-8; U+FFFD, U+10FFFF and an RTL mark are.
  CHECK(xml_escape("a\uFFFEb\uFFFFc") == "a\uFFFDb\uFFFDc");
  CHECK(xml_escape(std::string("x\xFF\xC3y", 4)) == "x\uFFFD\uFFFDy");
  CHECK(xml_escape("\uFFFD\U0010FFFF\u200F") == "\uFFFD\U0010FFFF\u200F");
}

TEST_CASE("report::escape_controls: no control character reaches a terminal", "[report]")
{
  CHECK(escape_controls("a\nb\r\tc") == "a\\nb\\r\\tc");
  CHECK(escape_controls("\x1b[31mred\x7f") == "\\u001b[31mred\\u007f");
  // C1 controls (CSI is U+009B) too; other characters after 0xC2 stay.
  CHECK(escape_controls("\u009B2J \u00A3 \u200F 逾") == "\\u009b2J \u00A3 \u200F 逾");
}

TEST_CASE("report::markdown_escape: markup shows as written", "[report]")
{
  CHECK(markdown_escape("*S&P 500* [1] $5.6 million") == "\\*S\\&P 500\\* \\[1\\] \\$5.6 million");
  CHECK(markdown_escape("a | b\nc") == "a \\| b c");
  // A named entity shows as written, not as the character it names.
  CHECK(markdown_escape("R&amp;D &lt;tag&gt;") == "R\\&amp;D \\&lt;tag\\&gt;");
  CHECK(markdown_escape("\x1b[2J ~~x~~") == "\\\\u001b\\[2J \\~\\~x\\~\\~");
}
