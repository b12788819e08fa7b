// A draft written out as catalogue YAML or JSON (docs/catalogue.md).
#include "utf8.hpp"

#include <factcheck/extract/extract.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace factcheck::extract {

namespace {

// Valid UTF-8 with no control characters but tab and newline: broken bytes
// become U+FFFD, so YAML and JSON writers and readers accept any article.
std::string
clean(std::string_view text)
{
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const auto cp = util::utf8_at(text, i);
    if (cp.value == 0xFFFD && cp.length == 1) {
      out += "\xEF\xBF\xBD";
    } else if ((cp.value < 0x20 && cp.value != '\t' && cp.value != '\n') || cp.value == 0x7F
               || (cp.value >= 0x80 && cp.value < 0xA0) || cp.value == 0xFEFF
               || (cp.value >= 0xD800 && cp.value <= 0xDFFF)) {
      out += ' '; // control characters, a BOM or a lone surrogate
    } else {
      out.append(text.substr(i, cp.length));
    }
    i += cp.length;
  }
  return out;
}

// A double-quoted YAML scalar (JSON's escapes, which YAML reads the same).
std::string
yaml_string(std::string_view text)
{
  return nlohmann::json(clean(text)).dump();
}

// A check value drafted already quoted ("\"stooq:nvda.us\"") or bare
// (2025-01-27, fall, 20): YAML takes it as written; JSON gets a string or a
// number.
nlohmann::json
json_value(const std::string& value)
{
  if (!value.empty() && value.front() == '"') {
    return nlohmann::json::parse(value);
  }
  if (!value.empty() && value.find_first_not_of("0123456789") == std::string::npos) {
    return std::stoi(value);
  }
  return value;
}

std::string
yaml_value(const std::string& value)
{
  return value; // already a JSON string or a bare scalar
}

std::vector<std::string>
tags_of(const DraftClaim& claim, const Options& options)
{
  if (options.review_keys) {
    return {"draft"};
  }
  return {"draft", claim.needs_review ? "needs-review" : "resolved"};
}

std::string
note_of(const DraftClaim& claim, const Options& options)
{
  std::string note;
  if (!options.review_keys) {
    note = fmt::format("drafted: {}; span {}-{} (code points)",
                       claim.needs_review ? "needs_review" : "resolved",
                       claim.span_begin,
                       claim.span_end);
  }
  for (const auto& line : claim.notes) {
    if (!note.empty()) {
      note += "; ";
    }
    note += line;
  }
  return note;
}

} // namespace

std::string
to_yaml(const Draft& draft, const Options& options)
{
  std::string out;
  out += "# A draft catalogue written by `factcheck extract` (docs/extract.md).\n";
  out += "# Review every claim tagged needs-review before relying on the verdicts.\n";
  out += "article:\n";
  out += fmt::format("  title: {}\n", yaml_string(draft.title));
  out += fmt::format("  language: {}\n", draft.language);
  if (draft.published) {
    out += fmt::format("  published: \"{}\"\n", format_date(*draft.published));
  }
  if (!draft.recordings.empty()) {
    out += fmt::format("recordings: {}\n", yaml_string(draft.recordings));
  }
  if (draft.claims.empty()) {
    out += "claims: []\n";
    return out;
  }
  out += "claims:\n";
  for (const auto& claim : draft.claims) {
    out += fmt::format("  - id: {}\n", claim.id);
    out += fmt::format("    quote: {}\n", yaml_string(claim.quote));
    out += fmt::format("    statement: {}\n", yaml_string(claim.statement));
    out += "    check: {";
    bool first = true;
    for (const auto& [key, value] : claim.check) {
      out += fmt::format("{}{}: {}", first ? "" : ", ", key, yaml_value(value));
      first = false;
    }
    out += "}\n";
    if (!claim.claimed.empty()) {
      out += fmt::format("    claimed: {}\n", yaml_string(claim.claimed));
    }
    if (const auto note = note_of(claim, options); !note.empty()) {
      out += fmt::format("    note: {}\n", yaml_string(note));
    }
    out += "    tags: [";
    first = true;
    for (const auto& tag : tags_of(claim, options)) {
      out += fmt::format("{}{}", first ? "" : ", ", tag);
      first = false;
    }
    out += "]\n";
    if (options.review_keys) {
      out += fmt::format("    span: [{}, {}]\n", claim.span_begin, claim.span_end);
      out += fmt::format("    drafted: {}\n", claim.needs_review ? "needs_review" : "resolved");
      out += fmt::format("    needs_review: {}\n", claim.needs_review ? "true" : "false");
    }
  }
  return out;
}

std::string
to_json(const Draft& draft, const Options& options)
{
  nlohmann::ordered_json root;
  nlohmann::ordered_json article;
  article["title"] = clean(draft.title);
  article["language"] = draft.language;
  if (draft.published) {
    article["published"] = format_date(*draft.published);
  }
  root["article"] = article;
  if (!draft.recordings.empty()) {
    root["recordings"] = clean(draft.recordings);
  }
  auto claims = nlohmann::ordered_json::array();
  for (const auto& claim : draft.claims) {
    nlohmann::ordered_json c;
    c["id"] = claim.id;
    c["quote"] = clean(claim.quote);
    c["statement"] = clean(claim.statement);
    nlohmann::ordered_json check;
    for (const auto& [key, value] : claim.check) {
      check[key] = json_value(value);
    }
    c["check"] = check;
    if (!claim.claimed.empty()) {
      c["claimed"] = clean(claim.claimed);
    }
    if (const auto note = note_of(claim, options); !note.empty()) {
      c["note"] = clean(note);
    }
    c["tags"] = tags_of(claim, options);
    if (options.review_keys) {
      c["span"] = {claim.span_begin, claim.span_end};
      c["drafted"] = claim.needs_review ? "needs_review" : "resolved";
      c["needs_review"] = claim.needs_review;
    }
    claims.push_back(c);
  }
  root["claims"] = claims;
  return root.dump(2) + "\n";
}

} // namespace factcheck::extract
