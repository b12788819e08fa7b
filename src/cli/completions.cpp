// `factcheck completions bash|zsh|fish`: shell completion scripts written
// from the command line's own definition (the CLI11 app), so that a flag,
// a subcommand or a --format value added there is completed without anyone
// editing a script.
#include "cli.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <iostream>
#include <sstream>
#include <string_view>

namespace factcheck::cli {

namespace {

constexpr std::string_view k_tag_prefix = "completion:";

// What a word in some place can be, as the shells complete it.
enum class Kind {
  text,      // anything: nothing to offer
  words,     // one of a fixed list
  catalogue, // a .yaml, .yml or .json file
  file,      // any file
  dir,       // a folder
};

struct Value
{
  Kind kind = Kind::text;
  std::vector<std::string> words;
  char delimiter = '\0'; // ',' when a word may be a comma-separated list
};

struct OptionSpec
{
  std::vector<std::string> names; // "--format", "-o", with their dashes
  std::string help;               // the first sentence of the description
  bool takes_value = false;
  bool repeatable = false;
  Value value;
};

struct PositionalSpec
{
  std::string name;
  std::string help;
  bool repeatable = false;
  Value value;
};

struct CommandSpec
{
  std::string name;
  std::string help;
  std::vector<OptionSpec> options;
  std::vector<PositionalSpec> positionals;
};

std::string
first_sentence(std::string_view text)
{
  auto end = text.find(". ");
  if (end == std::string_view::npos) {
    end = text.size();
  }
  std::string sentence(text.substr(0, end));
  while (!sentence.empty() && (sentence.back() == '.' || sentence.back() == ' ')) {
    sentence.pop_back();
  }
  std::replace(sentence.begin(), sentence.end(), '\n', ' ');
  return sentence;
}

// CLI::IsMember describes itself as "{a,b,c}".
std::vector<std::string>
members(std::string_view description)
{
  std::vector<std::string> words;
  if (description.size() < 2 || description.front() != '{' || description.back() != '}') {
    return words;
  }
  description = description.substr(1, description.size() - 2);
  for (std::size_t start = 0; start <= description.size();) {
    const auto comma = std::min(description.find(',', start), description.size());
    words.emplace_back(description.substr(start, comma - start));
    start = comma + 1;
  }
  return words;
}

// The value of an option or positional: from a completion tag (see
// completes_as), a member list, or CLI11's own file and folder checks.
Value
value_of(CLI::Option& option)
{
  Value value;
  value.delimiter = option.get_delimiter();
  for (int i = 0;; ++i) {
    CLI::Validator* validator = nullptr;
    try {
      validator = option.get_validator(i);
    } catch (const CLI::OptionNotFound&) {
      break;
    }
    const std::string name = validator->get_name();
    const std::string description = validator->get_description();
    if (name == fmt::format("{}catalogue", k_tag_prefix)) {
      value.kind = Kind::catalogue;
    } else if (name == fmt::format("{}file", k_tag_prefix) || description == "FILE") {
      value.kind = Kind::file;
    } else if (name == fmt::format("{}dir", k_tag_prefix) || description == "DIR") {
      value.kind = Kind::dir;
    } else if (auto words = members(description); !words.empty()) {
      value.kind = Kind::words;
      value.words = std::move(words);
    }
  }
  return value;
}

CommandSpec
describe(CLI::App& app)
{
  CommandSpec spec;
  spec.name = app.get_name();
  spec.help = first_sentence(app.get_description());
  for (auto* option : app.get_options()) {
    if (option->get_positional() && !option->nonpositional()) {
      PositionalSpec positional;
      positional.name = option->get_name();
      positional.help = first_sentence(option->get_description());
      positional.repeatable = option->get_items_expected_max() > 1;
      positional.value = value_of(*option);
      spec.positionals.push_back(std::move(positional));
      continue;
    }
    OptionSpec spec_option;
    for (const auto& name : option->get_lnames()) {
      spec_option.names.push_back("--" + name);
    }
    for (const auto& name : option->get_snames()) {
      spec_option.names.push_back("-" + name);
    }
    spec_option.help = first_sentence(option->get_description());
    spec_option.takes_value = option->get_expected_max() > 0;
    spec_option.repeatable =
        option->get_items_expected_max() > 1 || option->get_delimiter() != '\0';
    spec_option.value = value_of(*option);
    spec.options.push_back(std::move(spec_option));
  }
  return spec;
}

std::vector<CommandSpec>
subcommands(CLI::App& app)
{
  std::vector<CommandSpec> specs;
  for (auto* sub : app.get_subcommands([](CLI::App*) { return true; })) {
    specs.push_back(describe(*sub));
  }
  return specs;
}

// A word inside single quotes, for bash, zsh and fish alike.
std::string
single_quoted(std::string_view text)
{
  std::string quoted = "'";
  for (const char c : text) {
    if (c == '\'') {
      quoted += "'\\''";
    } else {
      quoted += c;
    }
  }
  return quoted + "'";
}

std::string
joined_names(const std::vector<OptionSpec>& options, bool with_value)
{
  std::vector<std::string> names;
  for (const auto& option : options) {
    if (option.takes_value == with_value) {
      names.insert(names.end(), option.names.begin(), option.names.end());
    }
  }
  return fmt::format("{}", fmt::join(names, " "));
}

// bash: one function, _factcheck, registered with `complete -F`. It finds
// the subcommand, then completes the value of the option before the cursor,
// or an option, or the positional argument at the cursor.
std::string
bash_value(const Value& value)
{
  switch (value.kind) {
  case Kind::words:
    return fmt::format(
        "_factcheck_words {} {}",
        single_quoted(value.delimiter != '\0' ? std::string(1, value.delimiter) : ""),
        single_quoted(fmt::format("{}", fmt::join(value.words, " "))));
  case Kind::catalogue:
    return "_factcheck_paths catalogue";
  case Kind::file:
    return "_factcheck_paths file";
  case Kind::dir:
    return "_factcheck_paths dir";
  case Kind::text:
    break;
  }
  return ":";
}

void
write_bash(std::ostream& out, const CommandSpec& top, const std::vector<CommandSpec>& commands)
{
  std::vector<std::string> names;
  names.reserve(commands.size());
  for (const auto& command : commands) {
    names.push_back(command.name);
  }
  out << "# bash completion for factcheck, written by `factcheck completions bash`\n"
         "# from the program's own command-line definition.\n"
         "\n"
         "# The words of a list; with a delimiter, after the last one in the word.\n"
         "_factcheck_words() {\n"
         "  local delimiter=$1 list=$2 head=\"\" tail=$cur\n"
         "  if [[ -n $delimiter && $cur == *\"$delimiter\"* ]]; then\n"
         "    head=${cur%\"$delimiter\"*}$delimiter\n"
         "    tail=${cur##*\"$delimiter\"}\n"
         "  fi\n"
         "  local word\n"
         "  COMPREPLY=()\n"
         "  for word in $list; do\n"
         "    [[ $word == \"$tail\"* ]] && COMPREPLY+=(\"$head$word\")\n"
         "  done\n"
         "  [[ -n $delimiter ]] && compopt -o nospace 2>/dev/null\n"
         "  return 0\n"
         "}\n"
         "\n"
         "# Folders, and with 'file' any file, with 'catalogue' .yaml, .yml and .json.\n"
         "_factcheck_paths() {\n"
         "  local line\n"
         "  COMPREPLY=()\n"
         "  compopt -o filenames 2>/dev/null\n"
         "  while IFS= read -r line; do COMPREPLY+=(\"$line\"); done < <(compgen -d -- \"$cur\")\n"
         "  case $1 in\n"
         "  file)\n"
         "    while IFS= read -r line; do [[ -d $line ]] || COMPREPLY+=(\"$line\"); done "
         "< <(compgen -f -- \"$cur\")\n"
         "    ;;\n"
         "  catalogue)\n"
         "    local suffix\n"
         "    for suffix in yaml yml json; do\n"
         "      while IFS= read -r line; do [[ -d $line ]] || COMPREPLY+=(\"$line\"); done "
         "< <(compgen -f -X \"!*.$suffix\" -- \"$cur\")\n"
         "    done\n"
         "    ;;\n"
         "  esac\n"
         "  return 0\n"
         "}\n"
         "\n"
         "_factcheck() {\n"
         "  local cur=${COMP_WORDS[COMP_CWORD]} prev=\"\" cword=$COMP_CWORD\n"
         "  ((cword > 0)) && prev=${COMP_WORDS[cword - 1]}\n"
         "  # COMP_WORDBREAKS splits --format=json into '--format' '=' 'json'.\n"
         "  if [[ $cur == = ]]; then\n"
         "    cur=\"\"\n"
         "  elif [[ $prev == = ]] && ((cword > 1)); then\n"
         "    prev=${COMP_WORDS[cword - 2]}\n"
         "  fi\n"
         "  local sub=\"\" i\n"
         "  for ((i = 1; i < COMP_CWORD; i++)); do\n"
         "    case ${COMP_WORDS[i]} in\n"
      << "    " << fmt::format("{}", fmt::join(names, "|")) << ")\n"
      << "      sub=${COMP_WORDS[i]}\n"
         "      break\n"
         "      ;;\n"
         "    esac\n"
         "  done\n"
         "  if [[ -z $sub ]]; then\n"
         "    if [[ $cur == -* ]]; then\n"
      << "      _factcheck_words '' " << single_quoted(joined_names(top.options, false)) << "\n"
      << "    else\n"
      << "      _factcheck_words '' " << single_quoted(fmt::format("{}", fmt::join(names, " ")))
      << "\n"
         "    fi\n"
         "    return 0\n"
         "  fi\n"
         "  case $sub in\n";
  for (const auto& command : commands) {
    out << "  " << command.name << ")\n";
    // The value of the option before the cursor.
    std::string with_value;
    out << "    case $prev in\n";
    for (const auto& option : command.options) {
      if (!option.takes_value) {
        continue;
      }
      out << "    " << fmt::format("{}", fmt::join(option.names, "|")) << ")\n"
          << "      " << bash_value(option.value) << "\n"
          << "      return 0\n"
          << "      ;;\n";
    }
    out << "    esac\n";
    out << "    if [[ $cur == -* ]]; then\n"
        << "      _factcheck_words '' "
        << single_quoted(joined_names(command.options, false) + " "
                         + joined_names(command.options, true))
        << "\n"
        << "      return 0\n"
        << "    fi\n";
    // Which positional the cursor is on: the words after the subcommand
    // that are neither options nor an option's value.
    const auto valued = joined_names(command.options, true);
    out << "    local n=0 j skip=0\n"
        << "    for ((j = i + 1; j < cword; j++)); do\n"
        << "      # --format=json is three words: '--format' '=' 'json'.\n"
        << "      if [[ ${COMP_WORDS[j]} == = ]]; then skip=1; continue; fi\n"
        << "      if ((skip)); then skip=0; continue; fi\n"
        << "      case ${COMP_WORDS[j]} in\n";
    if (!valued.empty()) {
      std::string pattern = valued;
      std::replace(pattern.begin(), pattern.end(), ' ', '|');
      out << "      " << pattern << ") skip=1 ;;\n";
    }
    out << "      -*) ;;\n"
        << "      *) n=$((n + 1)) ;;\n"
        << "      esac\n"
        << "    done\n"
        << "    case $n in\n";
    for (std::size_t k = 0; k < command.positionals.size(); ++k) {
      const auto& positional = command.positionals[k];
      const bool last = k + 1 == command.positionals.size();
      out << "    " << (last && positional.repeatable ? "*" : std::to_string(k)) << ") "
          << bash_value(positional.value) << " ;;\n";
    }
    out << "    esac\n"
        << "    ;;\n";
  }
  out << "  esac\n"
         "  return 0\n"
         "}\n"
         "\n"
         "complete -F _factcheck factcheck\n";
}

// zsh: _arguments specs, one function per subcommand. In an option's
// [explanation] a bracket must be escaped; in a message, a colon.
std::string
zsh_escaped(std::string_view text, std::string_view special)
{
  std::string escaped;
  for (const char c : text) {
    if (c == '\\' || special.find(c) != std::string_view::npos) {
      escaped += '\\';
    }
    escaped += c;
  }
  return escaped;
}

std::string
zsh_action(const Value& value)
{
  switch (value.kind) {
  case Kind::words:
    if (value.delimiter != '\0') {
      return fmt::format("_sequence -s {} compadd - {}",
                         std::string(1, value.delimiter),
                         fmt::join(value.words, " "));
    }
    return fmt::format("({})", fmt::join(value.words, " "));
  case Kind::catalogue:
    return "_files -g \"*.(yaml|yml|json)\"";
  case Kind::file:
    return "_files";
  case Kind::dir:
    return "_files -/";
  case Kind::text:
    break;
  }
  return " ";
}

std::string
zsh_option(const OptionSpec& option)
{
  const auto& names = option.names;
  const std::string help = zsh_escaped(option.help, "[]");
  const std::string exclusive =
      names.size() > 1 && !option.repeatable ? fmt::format("({})", fmt::join(names, " ")) : "";
  std::vector<std::string> specs;
  for (const auto& name : names) {
    std::string one = (option.repeatable ? "*" : exclusive) + name;
    if (option.takes_value) {
      one += name.starts_with("--") ? "=" : "+";
    }
    one += "[" + help + "]";
    if (option.takes_value) {
      const auto& first = option.names.front();
      one += ":" + zsh_escaped(first.substr(first.find_first_not_of('-')), ":") + ":"
             + zsh_action(option.value);
    }
    specs.push_back(single_quoted(one));
  }
  return fmt::format("{}", fmt::join(specs, " \\\n    "));
}

void
write_zsh(std::ostream& out, const CommandSpec& top, const std::vector<CommandSpec>& commands)
{
  out << "#compdef factcheck\n"
         "# zsh completion for factcheck, written by `factcheck completions zsh`\n"
         "# from the program's own command-line definition.\n\n";
  for (const auto& command : commands) {
    out << "_factcheck_" << command.name << "() {\n"
        << "  _arguments -s -S \\\n";
    for (const auto& option : command.options) {
      out << "    " << zsh_option(option) << " \\\n";
    }
    for (std::size_t k = 0; k < command.positionals.size(); ++k) {
      const auto& positional = command.positionals[k];
      const bool last = k + 1 == command.positionals.size();
      const std::string position = last && positional.repeatable ? "*" : std::to_string(k + 1);
      out << "    "
          << single_quoted(position + ":" + zsh_escaped(positional.help, ":") + ":"
                           + zsh_action(positional.value))
          << " \\\n";
    }
    out << "    && return 0\n"
        << "  return 1\n"
        << "}\n\n";
  }
  out << "_factcheck() {\n"
         "  local curcontext=$curcontext state line\n"
         "  local -a commands\n"
         "  commands=(\n";
  for (const auto& command : commands) {
    out << "    " << single_quoted(command.name + ":" + zsh_escaped(command.help, "")) << "\n";
  }
  out << "  )\n"
         "  _arguments -C \\\n";
  for (const auto& option : top.options) {
    out << "    " << zsh_option(option) << " \\\n";
  }
  out << "    '1:command:->command' \\\n"
         "    '*::argument:->argument' && return 0\n"
         "  case $state in\n"
         "  command) _describe -t commands 'factcheck command' commands ;;\n"
         "  argument)\n"
         "    curcontext=${curcontext%:*:*}:factcheck-$line[1]:\n"
         "    case $line[1] in\n";
  for (const auto& command : commands) {
    out << "    " << command.name << ") _factcheck_" << command.name << " ;;\n";
  }
  out << "    esac\n"
         "    ;;\n"
         "  esac\n"
         "}\n"
         "\n"
         "if [ \"$funcstack[1]\" = _factcheck ]; then\n"
         "  _factcheck \"$@\"\n"
         "else\n"
         "  compdef _factcheck factcheck\n"
         "fi\n";
}

// fish: one `complete` line per option and argument, conditioned on the
// subcommand seen.
std::string
fish_arguments(const Value& value)
{
  switch (value.kind) {
  case Kind::words:
    if (value.delimiter != '\0') {
      return fmt::format(" -a {}",
                         single_quoted(fmt::format("(__fish_complete_list {} 'printf %s\\n {}')",
                                                   value.delimiter,
                                                   fmt::join(value.words, " "))));
    }
    return fmt::format(" -a {}", single_quoted(fmt::format("{}", fmt::join(value.words, " "))));
  case Kind::catalogue:
    return " -a '(__factcheck_catalogues)'";
  case Kind::file:
    return " -F";
  case Kind::dir:
    return " -a '(__fish_complete_directories (commandline -ct) \"\")'";
  case Kind::text:
    break;
  }
  return "";
}

void
write_fish_option(std::ostream& out, const std::string& condition, const OptionSpec& option)
{
  out << "complete -c factcheck -n " << single_quoted(condition);
  for (const auto& name : option.names) {
    if (name.starts_with("--")) {
      out << " -l " << name.substr(2);
    } else {
      out << " -s " << name.substr(1);
    }
  }
  if (option.takes_value) {
    // -r: the option takes a value; -f: not a file, unless it is one.
    out << (option.value.kind == Kind::file ? " -r" : " -r -f") << fish_arguments(option.value);
  }
  out << " -d " << single_quoted(option.help) << "\n";
}

void
write_fish(std::ostream& out, const CommandSpec& top, const std::vector<CommandSpec>& commands)
{
  out << "# fish completion for factcheck, written by `factcheck completions fish`\n"
         "# from the program's own command-line definition.\n"
         "\n"
         "# Folders, and the .yaml, .yml and .json files, under the word typed.\n"
         "function __factcheck_catalogues\n"
         "    for path in (commandline -ct)*\n"
         "        if test -d $path\n"
         "            echo $path/\n"
         "        else if string match -qr '\\.(ya?ml|json)$' -- $path\n"
         "            echo $path\n"
         "        end\n"
         "    end\n"
         "end\n"
         "\n"
         "complete -c factcheck -f\n";
  for (const auto& option : top.options) {
    write_fish_option(out, "__fish_use_subcommand", option);
  }
  for (const auto& command : commands) {
    out << "complete -c factcheck -n '__fish_use_subcommand' -a " << command.name << " -d "
        << single_quoted(command.help) << "\n";
  }
  for (const auto& command : commands) {
    const auto condition = "__fish_seen_subcommand_from " + command.name;
    for (const auto& option : command.options) {
      write_fish_option(out, condition, option);
    }
    // fish cannot tell one positional from the next: it offers what the
    // first one that has something to offer takes.
    for (const auto& positional : command.positionals) {
      if (positional.value.kind != Kind::text) {
        out << "complete -c factcheck -n " << single_quoted(condition)
            << fish_arguments(positional.value) << " -d " << single_quoted(positional.help) << "\n";
        break;
      }
    }
  }
}

} // namespace

CLI::Validator
completes_as(std::string_view kind)
{
  return {[](std::string&) { return std::string(); }, "", fmt::format("{}{}", k_tag_prefix, kind)};
}

CLI::App*
setup_completions(CLI::App& app, CompletionsOptions& options)
{
  auto* cmd = app.add_subcommand(
      "completions",
      "Print the completion script for a shell (subcommands, flags and their values).");
  cmd->add_option("shell", options.shell, "bash, zsh or fish.")
      ->required()
      ->check(CLI::IsMember({"bash", "zsh", "fish"}));
  cmd->footer(
      "Examples:\n"
      "  source <(factcheck completions bash)\n"
      "      completion in the current bash\n"
      "  factcheck completions bash > ~/.local/share/bash-completion/completions/factcheck\n"
      "  factcheck completions zsh > ~/.zfunc/_factcheck   # with fpath+=(~/.zfunc)\n"
      "  factcheck completions fish > ~/.config/fish/completions/factcheck.fish\n"
      "      completion in every new shell\n"
      "\n"
      "The Debian package installs all three. Exit codes: 0 printed, 2 unknown shell.");
  return cmd;
}

int
run_completions(CLI::App& app, const CompletionsOptions& options)
{
  const auto top = describe(app);
  const auto commands = subcommands(app);
  std::ostringstream text;
  if (options.shell == "bash") {
    write_bash(text, top, commands);
  } else if (options.shell == "zsh") {
    write_zsh(text, top, commands);
  } else {
    write_fish(text, top, commands);
  }
  std::cout << text.str();
  std::cout.flush();
  return 0;
}

} // namespace factcheck::cli
