#include <factcheck/report/escape.hpp>

#include <catch2/catch.hpp>

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
}

TEST_CASE("report::markdown_escape: markup shows as written", "[report]")
{
  CHECK(markdown_escape("*S&P 500* [1] $5.6 million") == "\\*S&P 500\\* \\[1\\] \\$5.6 million");
  CHECK(markdown_escape("a | b\nc") == "a \\| b c");
}
