// The entity table: names and aliases -> the series and documents that settle
// claims about them. The data is src/extract/entities.yaml.
#include "utf8.hpp"

#include <factcheck/extract/extract.hpp>
#include <factcheck/util/error.hpp>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>

namespace factcheck::extract {

// Defined in the file CMake generates from entities.yaml.
extern const char* const k_builtin_entities_yaml;

namespace {

std::string
field(const YAML::Node& node, const char* key, const std::string& where, bool required)
{
  const auto value = node[key];
  if (!value) {
    if (required) {
      throw Error(fmt::format("entity table: {} has no \"{}\"", where, key));
    }
    return {};
  }
  if (!value.IsScalar()) {
    throw Error(fmt::format("entity table: {}: \"{}\" must be text", where, key));
  }
  return value.as<std::string>();
}

std::vector<std::string>
list(const YAML::Node& node, const char* key, const std::string& where)
{
  std::vector<std::string> out;
  const auto value = node[key];
  if (!value) {
    return out;
  }
  if (!value.IsSequence()) {
    throw Error(fmt::format("entity table: {}: \"{}\" must be a list", where, key));
  }
  for (const auto& item : value) {
    out.push_back(item.as<std::string>());
  }
  return out;
}

std::optional<quantity::Unit>
unit_named(const std::string& name, const std::string& where)
{
  if (name.empty()) {
    return std::nullopt;
  }
  using quantity::Unit;
  for (const auto unit : {Unit::none,
                          Unit::percent,
                          Unit::percentage_points,
                          Unit::points,
                          Unit::usd,
                          Unit::hkd,
                          Unit::cny,
                          Unit::shares,
                          Unit::days}) {
    if (quantity::to_string(unit) == name) {
      return unit;
    }
  }
  throw Error(fmt::format("entity table: {}: unknown unit \"{}\"", where, name));
}

} // namespace

EntityTable
EntityTable::parse(std::string_view yaml)
{
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml));
  } catch (const YAML::Exception& e) {
    throw Error(fmt::format("entity table:{}: {}", e.mark.line + 1, e.msg));
  }
  if (!root.IsSequence()) {
    throw Error("entity table: must be a list of entities");
  }
  EntityTable table;
  for (const auto& node : root) {
    const std::string where = fmt::format("the entry at line {}", node.Mark().line + 1);
    Entity entity;
    entity.id = field(node, "id", where, true);
    entity.name = field(node, "name", where, true);
    entity.aliases = list(node, "aliases", where);
    if (entity.aliases.empty()) {
      throw Error(fmt::format("entity table: {} ({}) has no aliases", where, entity.id));
    }
    entity.ticker = field(node, "ticker", where, false);
    entity.series = field(node, "series", where, false);
    entity.corroborate = field(node, "corroborate", where, false);
    entity.shares = field(node, "shares", where, false);
    entity.index = field(node, "index", where, false) == "true";
    entity.unsure = field(node, "unsure", where, false);
    if (const auto documents = node["documents"]) {
      for (const auto& doc : documents) {
        EntityDocument d;
        d.about = field(doc, "about", where, true);
        if (d.about != "founded" && d.about != "figure") {
          throw Error(fmt::format(
              "entity table: {}: document about \"{}\" is not founded or figure", where, d.about));
        }
        d.words = list(doc, "words", where);
        d.unit = unit_named(field(doc, "unit", where, false), where);
        d.document = field(doc, "document", where, true);
        d.anchor = field(doc, "anchor", where, true);
        entity.documents.push_back(std::move(d));
      }
    }
    table.m_entities.push_back(std::move(entity));
  }
  return table;
}

const EntityTable&
EntityTable::builtin()
{
  static const EntityTable table = parse(k_builtin_entities_yaml);
  return table;
}

std::vector<EntityTable::Match>
EntityTable::find(std::string_view text) const
{
  struct Alias
  {
    std::string_view text;
    const Entity* entity;
    bool ascii;
  };
  std::vector<Alias> aliases;
  for (const auto& entity : m_entities) {
    for (const auto& alias : entity.aliases) {
      const bool ascii = std::all_of(
          alias.begin(), alias.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
      aliases.push_back({alias, &entity, ascii});
    }
  }
  std::stable_sort(aliases.begin(), aliases.end(), [](const Alias& a, const Alias& b) {
    return a.text.size() > b.text.size();
  });
  std::vector<Match> out;
  std::size_t at = 0;
  while (at < text.size()) {
    bool matched = false;
    for (const auto& alias : aliases) {
      if (alias.text.empty() || text.substr(at, alias.text.size()) != alias.text) {
        continue;
      }
      const std::size_t end = at + alias.text.size();
      if (alias.ascii) {
        // Whole words on the ASCII side only: "DeepSeek的" and "SOXX)" match,
        // "Metaverse" does not. A digit after is allowed ("DeepSeek560萬").
        const bool before_ok = at == 0 || !detail::is_ascii_alnum(text[at - 1]);
        const bool after_ok =
            end == text.size() || !detail::is_ascii_alnum(text[end])
            || (text[end] >= '0' && text[end] <= '9' && detail::is_ascii_alnum(alias.text.back())
                && !(alias.text.back() >= '0' && alias.text.back() <= '9'));
        if (!before_ok || !after_ok) {
          continue;
        }
      }
      out.push_back({at, end, alias.entity});
      at = end;
      matched = true;
      break;
    }
    if (!matched) {
      at += util::utf8_at(text, at).length;
    }
  }
  return out;
}

} // namespace factcheck::extract
