// The config file, ${XDG_CONFIG_HOME:-~/.config}/factcheck/config, and
// `factcheck config`, which shows each setting's effective value and where
// it came from (docs/configuration.md).
#include "cli.hpp"

#include <factcheck/util/error.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

namespace factcheck::cli {

namespace {

struct Key
{
  std::string_view name;
  std::string_view flag;
  std::string_view env; // "" when no variable sets it
  std::string_view help;
};

// Every key the config file takes, in the order `factcheck config` shows them.
constexpr Key k_keys[] = {
    {"contact",
     "--contact",
     "FACTCHECK_CONTACT",
     "an e-mail address or URL put in the User-Agent (SEC requires one)"},
    {"reviewer", "--reviewer", "", "claimreview: the organisation publishing the review"},
    {"review_url", "--review-url", "", "claimreview: the page that publishes the review"},
};

const Key*
find_key(std::string_view name)
{
  for (const auto& key : k_keys) {
    if (key.name == name) {
      return &key;
    }
  }
  return nullptr;
}

std::string
env(std::string_view name)
{
  const char* value = std::getenv(std::string(name).c_str());
  return value != nullptr ? std::string(value) : std::string();
}

std::string
trim(std::string_view text)
{
  const auto first = text.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) {
    return {};
  }
  const auto last = text.find_last_not_of(" \t\r");
  return std::string(text.substr(first, last - first + 1));
}

struct Entry
{
  std::string key;
  std::string value;
  std::size_t line = 0;
};

struct ConfigFile
{
  std::string path; // "" when there is no home to hold one
  bool exists = false;
  std::vector<Entry> entries;
  std::vector<std::string> mistakes; // "path:line: message"
};

// "key = value" lines; blank lines and lines starting with '#' are skipped.
// A later line for the same key wins, as in most such files.
ConfigFile
parse_config(const std::string& path, std::string_view text)
{
  ConfigFile file;
  file.path = path;
  file.exists = true;
  std::size_t number = 0;
  for (std::size_t start = 0; start < text.size();) {
    const auto end = std::min(text.find('\n', start), text.size());
    const auto line = trim(text.substr(start, end - start));
    start = end + 1;
    ++number;
    if (line.empty() || line.starts_with('#')) {
      continue;
    }
    const auto equals = line.find('=');
    if (equals == std::string::npos) {
      file.mistakes.push_back(
          fmt::format("{}:{}: expected \"key = value\", got \"{}\"", path, number, line));
      continue;
    }
    Entry entry{trim(line.substr(0, equals)), trim(line.substr(equals + 1)), number};
    if (find_key(entry.key) == nullptr) {
      std::vector<std::string_view> names;
      for (const auto& key : k_keys) {
        names.push_back(key.name);
      }
      file.mistakes.push_back(fmt::format("{}:{}: unknown key \"{}\" (known: {})",
                                          path,
                                          number,
                                          entry.key,
                                          fmt::join(names, ", ")));
      continue;
    }
    file.entries.push_back(std::move(entry));
  }
  return file;
}

std::string
config_path()
{
  std::string dir = env("XDG_CONFIG_HOME");
  if (dir.empty()) {
    const std::string home = env("HOME");
    if (home.empty()) {
      return {};
    }
    dir = home + "/.config";
  }
  return dir + "/factcheck/config";
}

ConfigFile
read_config()
{
  const auto path = config_path();
  if (path.empty()) {
    return {};
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    ConfigFile file;
    file.path = path;
    return file;
  }
  std::ostringstream text;
  text << in.rdbuf();
  return parse_config(path, text.str());
}

Setting
resolve(const ConfigFile& file, const Key& key, const std::string& flag_value)
{
  if (!flag_value.empty()) {
    return {flag_value, std::string(key.flag)};
  }
  if (!key.env.empty()) {
    if (auto value = env(key.env); !value.empty()) {
      return {value, std::string(key.env)};
    }
  }
  for (auto entry = file.entries.rbegin(); entry != file.entries.rend(); ++entry) {
    if (entry->key == key.name && !entry->value.empty()) {
      return {entry->value, fmt::format("{}:{}", file.path, entry->line)};
    }
  }
  return {"", "default"};
}

} // namespace

Setting
setting(std::string_view key, const std::string& flag_value)
{
  const Key* found = find_key(key);
  if (found == nullptr) {
    throw std::logic_error(fmt::format("no config key \"{}\"", key));
  }
  return resolve(read_config(), *found, flag_value);
}

CLI::App*
setup_config(CLI::App& app, ConfigOptions& options)
{
  auto* cmd = app.add_subcommand(
      "config",
      "Show the effective settings and where each came from: a flag, the environment, the "
      "config file or the default.");
  cmd->add_option("--contact", options.contact, "As verify's --contact: shown as set by it.");
  cmd->add_option("--reviewer", options.reviewer, "As verify's --reviewer.");
  cmd->add_option("--review-url", options.review_url, "As verify's --review-url.");
  cmd->footer("Examples:\n"
              "  factcheck config\n"
              "      each key, its value and where it came from\n"
              "  FACTCHECK_CONTACT=me@example.org factcheck config\n"
              "      the environment wins over the file\n"
              "\n"
              "The file is ${XDG_CONFIG_HOME:-~/.config}/factcheck/config, one 'key = value' a\n"
              "line, '#' starting a comment line. Precedence: flag, environment, file, default.\n"
              "The output is itself a valid config file. Keys: docs/configuration.md.\n"
              "Exit codes: 0 shown, 2 the file has a mistake (each one as file:line: message).");
  return cmd;
}

int
run_config(const ConfigOptions& options)
{
  const auto file = read_config();
  if (!file.mistakes.empty()) {
    throw Error(fmt::format("{}", fmt::join(file.mistakes, "\n")));
  }
  std::ostringstream text;
  if (file.path.empty()) {
    text << "# config file: none (neither XDG_CONFIG_HOME nor HOME is set)\n";
  } else {
    text << fmt::format("# config file: {}{}\n", file.path, file.exists ? "" : " (not found)");
  }
  for (const auto& key : k_keys) {
    std::string flag_value;
    if (key.name == "contact") {
      flag_value = options.contact;
    } else if (key.name == "reviewer") {
      flag_value = options.reviewer;
    } else if (key.name == "review_url") {
      flag_value = options.review_url;
    }
    const auto effective = resolve(file, key, flag_value);
    std::string from;
    if (effective.origin == "default") {
      from = "not set";
    } else if (effective.origin == key.flag) {
      from = fmt::format("from the flag {}", key.flag);
    } else if (effective.origin == key.env) {
      from = fmt::format("from the environment ({})", key.env);
    } else {
      from = fmt::format("from {}", effective.origin);
    }
    text << fmt::format("\n# {}; {}\n{} = {}\n", key.help, from, key.name, effective.value);
  }
  std::cout << text.str();
  std::cout.flush();
  return 0;
}

} // namespace factcheck::cli
