// The json and ndjson reports are written by report::JsonWriter, which must
// write the bytes nlohmann::json's dump() writes for the same document (the
// format the reports had, and that readers of them parse).
#include "../src/report/json_writer.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cmath>
#include <limits>
#include <string>

using factcheck::report::JsonWriter;
using Json = nlohmann::ordered_json;

namespace {

// Every string a report may carry that needs care: each control character,
// a quote, a backslash, DEL, UTF-8 text, nothing.
std::string
awkward_text()
{
  std::string text = "\"quoted\" back\\slash \x7f 輝達 -16.97% ";
  for (int c = 0; c < 0x20; ++c) {
    text += static_cast<char>(c);
  }
  return text;
}

const double k_numbers[] = {0.0,
                            -16.97,
                            118.42,
                            19341.830078125,
                            1e21,
                            1e-7,
                            592.66e9,
                            3.0,
                            std::numeric_limits<double>::denorm_min(),
                            std::numeric_limits<double>::quiet_NaN(),
                            std::numeric_limits<double>::infinity()};

// The same document written both ways.
void
write(JsonWriter& w)
{
  w.begin_object();
  w.key("text");
  w.string(awkward_text());
  w.key("empty");
  w.text_or_null("");
  w.key("key \"with\" quotes\n");
  w.boolean(true);
  w.key("false");
  w.boolean(false);
  w.key("line");
  w.integer(-42);
  w.key("numbers");
  w.begin_array();
  for (const double x : k_numbers) {
    w.number(x);
  }
  w.end_array();
  w.key("nothing");
  w.begin_object();
  w.end_object();
  w.key("none");
  w.begin_array();
  w.end_array();
  w.key("rows");
  w.begin_array();
  w.begin_object();
  w.key("series");
  w.string("stooq:nvda.us");
  w.key("value");
  w.number(118.42);
  w.end_object();
  w.begin_array();
  w.null();
  w.end_array();
  w.end_array();
  w.end_object();
}

Json
document()
{
  Json numbers = Json::array();
  for (const double x : k_numbers) {
    numbers.push_back(x);
  }
  Json out;
  out["text"] = awkward_text();
  out["empty"] = nullptr;
  out["key \"with\" quotes\n"] = true;
  out["false"] = false;
  out["line"] = -42;
  out["numbers"] = numbers;
  out["nothing"] = Json::object();
  out["none"] = Json::array();
  out["rows"] =
      Json::array({Json{{"series", "stooq:nvda.us"}, {"value", 118.42}}, Json::array({nullptr})});
  return out;
}

} // namespace

TEST_CASE("report::JsonWriter: the bytes of nlohmann's dump(), compact and indented", "[report]")
{
  SECTION("compact, as ndjson writes a line")
  {
    std::string out;
    JsonWriter w(out, -1);
    write(w);
    CHECK(out == document().dump());
  }
  SECTION("indented by 2, as the json report")
  {
    std::string out;
    JsonWriter w(out, 2);
    write(w);
    CHECK(out == document().dump(2));
    // A control character is escaped as \u00XX in lowercase hex.
    CHECK(out.find("\\u001f") != std::string::npos);
    CHECK(out.find("null,\n") != std::string::npos); // NaN
  }
  SECTION("nested at an indentation, as each verdict of the json report")
  {
    Json outer;
    outer["verdicts"] = Json::array({document()});
    const auto whole = outer.dump(2);
    std::string out = "    ";
    JsonWriter w(out, 2, 4);
    write(w);
    // The element as dump(2) writes it inside {"verdicts": [ ... ]}.
    const std::string open = "{\n  \"verdicts\": [\n";
    REQUIRE(whole.starts_with(open));
    CHECK(whole.substr(open.size(), out.size()) == out);
  }
}
