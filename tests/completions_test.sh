#!/usr/bin/env bash
# The completion scripts as their shells run them: bash's through
# `complete -p` and COMP_WORDS, as bash calls a completion function; fish's
# through `complete -C`; zsh's loaded by compinit and asked in a pseudo-
# terminal (zpty). What is expected comes from the program's own --help,
# so that a flag or a --format value added there must be completed too.
# Usage: tests/completions_test.sh path/to/factcheck   (from the repository root)
set -u
factcheck=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
failures=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

"$factcheck" completions bash >"$tmp/factcheck.bash" || fail "completions bash exited $?"
"$factcheck" completions zsh >"$tmp/_factcheck" || fail "completions zsh exited $?"
"$factcheck" completions fish >"$tmp/factcheck.fish" || fail "completions fish exited $?"
"$factcheck" completions tcsh >/dev/null 2>&1
[ $? -eq 2 ] || fail "completions tcsh: expected exit 2"
if command -v shellcheck >/dev/null; then
  shellcheck -s bash "$tmp/factcheck.bash" || fail "shellcheck on the bash completion"
fi

# What the program says it takes.
subcommands=$("$factcheck" --help | sed -n '/^Subcommands:/,/^$/p' | sed -n 's/^  \([a-z]*\) .*/\1/p' | sort)
[ "$(echo "$subcommands" | wc -l)" -ge 9 ] || fail "fewer subcommands than expected in --help: $subcommands"
options_of() { # the long and short options in SUB --help
  "$factcheck" "$1" --help | grep -oE '^ +(-[a-zA-Z],)?--?[a-z][-a-z]*(,--?[a-z][-a-z]*)?' |
    tr ',' '\n' | tr -d ' ' | sort -u
}
members_of() { # the {a,b,c} list after OPTION in SUB --help
  "$factcheck" "$1" --help | grep -E "^ +$2 " | grep -oE '\{[^}]*\}' | head -1 | tr -d '{}' | tr ',' '\n' | sort
}
formats=$(members_of verify --format)
[ "$(echo "$formats" | wc -l)" -ge 8 ] || fail "verify --help lists fewer formats than expected: $formats"

# --- bash -----------------------------------------------------------------
# shellcheck disable=SC1091
source "$tmp/factcheck.bash"
spec=$(complete -p factcheck) || fail "no completion registered for factcheck"
function=$(echo "$spec" | sed -n 's/.* -F \([^ ]*\) .*/\1/p')
[ -n "$function" ] || fail "complete -p factcheck has no -F function: $spec"

# Calls the completion function as bash does: COMP_WORDS split as readline
# splits them (so '--format=js' is '--format' '=' 'js'), COMP_CWORD the last
# word, and the command, the word and the one before as arguments.
complete_words() {
  COMP_WORDS=("$@")
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  COMP_LINE="$*"
  COMP_POINT=${#COMP_LINE}
  COMPREPLY=()
  "$function" factcheck "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}" 2>/dev/null
  printf '%s\n' "${COMPREPLY[@]}" | sed '/^$/d' | sort
}
expect() { # what expected actual
  [ "$2" = "$3" ] || fail "$1: got [$(echo "$3" | tr '\n' ' ')], expected [$(echo "$2" | tr '\n' ' ')]"
}

expect "factcheck <TAB>" "$subcommands" "$(complete_words factcheck '')"
expect "factcheck ver<TAB>" "verify" "$(complete_words factcheck ver)"
expect "factcheck verify --format <TAB>" "$formats" "$(complete_words factcheck verify --format '')"
expect "factcheck verify --format=<TAB>" "$formats" "$(complete_words factcheck verify --format = '')"
expect "factcheck verify --format=js<TAB>" "json" "$(complete_words factcheck verify --format = js)"
expect "factcheck verify --mode <TAB>" "$(members_of verify --mode)" "$(complete_words factcheck verify --mode '')"
verdicts=$(members_of verify --fail-on)
expect "verify --fail-on lists the verdicts" "$(printf '%s\n' contradicted error none supported unverifiable)" "$verdicts"
expect "factcheck verify --fail-on <TAB>" "$verdicts" "$(complete_words factcheck verify --fail-on '')"
expect "factcheck verify --fail-on contradicted,e<TAB>" "contradicted,error" \
  "$(complete_words factcheck verify --fail-on contradicted,e)"
for sub in $subcommands; do
  expect "factcheck $sub -<TAB> (every option of $sub --help)" "$(options_of "$sub")" \
    "$(complete_words factcheck "$sub" - | sort -u)"
done
expect "factcheck cache <TAB>" "$(printf '%s\n' clear info)" "$(complete_words factcheck cache '')"
expect "factcheck completions <TAB>" "$(printf '%s\n' bash fish zsh)" "$(complete_words factcheck completions '')"

# Paths: catalogues are .yaml, .yml and .json (and folders to go into).
mkdir -p "$tmp/work/claims" "$tmp/work/recs"
touch "$tmp/work/a.yaml" "$tmp/work/b.yml" "$tmp/work/c.json" "$tmp/work/notes.txt"
catalogues=$(printf '%s\n' a.yaml b.yml c.json claims recs)
(
  cd "$tmp/work" || exit 1
  expect "factcheck verify <TAB>" "$catalogues" "$(complete_words factcheck verify '')"
  expect "factcheck verify --format json <TAB>" "$catalogues" "$(complete_words factcheck verify --format json '')"
  expect "factcheck verify --format=json <TAB>" "$catalogues" "$(complete_words factcheck verify --format = json '')"
  expect "factcheck validate <TAB>" "$catalogues" "$(complete_words factcheck validate '')"
  expect "factcheck explain ID <TAB>" "$catalogues" "$(complete_words factcheck explain some-id '')"
  expect "factcheck explain <TAB> (an id: nothing)" "" "$(complete_words factcheck explain '')"
  expect "factcheck verify --recordings <TAB>" "$(printf '%s\n' claims recs)" \
    "$(complete_words factcheck verify --recordings '')"
  expect "factcheck verify -o <TAB>" "$(printf '%s\n' a.yaml b.yml c.json claims notes.txt recs)" \
    "$(complete_words factcheck verify -o '')"
  expect "factcheck extract <TAB>" "$(printf '%s\n' a.yaml b.yml c.json claims notes.txt recs)" \
    "$(complete_words factcheck extract '')"
  expect "factcheck verify a<TAB>" "a.yaml" "$(complete_words factcheck verify a)"
  exit "$failures"
) || failures=$((failures + $?))

# --- fish -----------------------------------------------------------------
if command -v fish >/dev/null; then
  fish_complete() { # a command line; prints the candidates, without descriptions
    (cd "$tmp/work" && fish --no-config -c "source $tmp/factcheck.fish; complete -C '$1'") | cut -f1 | sort
  }
  expect "fish: factcheck <TAB>" "$subcommands" "$(fish_complete 'factcheck ')"
  expect "fish: factcheck verify --format <TAB>" "$formats" "$(fish_complete 'factcheck verify --format ')"
  # shellcheck disable=SC2086 # one verdict a line, split on purpose
  expect "fish: factcheck verify --fail-on contradicted,<TAB>" \
    "$(printf 'contradicted,%s\n' $verdicts)" "$(fish_complete 'factcheck verify --fail-on contradicted,')"
  expect "fish: factcheck verify <TAB>" "$(printf '%s\n' a.yaml b.yml c.json claims/ recs/)" \
    "$(fish_complete 'factcheck verify ')"
  expect "fish: factcheck verify --recordings <TAB>" "$(printf '%s\n' claims/ recs/)" \
    "$(fish_complete 'factcheck verify --recordings ')"
  fish_options=$(fish_complete 'factcheck verify -' | sort -u)
  expect "fish: factcheck verify -<TAB>" "$(options_of verify)" "$fish_options"
else
  echo "fish is not installed: its completion is not run (scripts/install-ci-readers installs it)" >&2
fi

# --- zsh ------------------------------------------------------------------
# compinit loads _factcheck from fpath, as for an installed completion; a
# zpty pseudo-terminal types the line and a TAB, and compadd is wrapped to
# print what the completion system would offer.
if command -v zsh >/dev/null; then
  zsh -n "$tmp/_factcheck" || fail "zsh -n: the zsh completion does not parse"
  mkdir -p "$tmp/zfunc"
  cp "$tmp/_factcheck" "$tmp/zfunc/"
  cat >"$tmp/complete.zsh" <<'ZSH'
zmodload zsh/zpty
zpty z zsh -f -i
zpty -w z "fpath=($ZFUNC \$fpath); autoload -Uz compinit; compinit -u -D; cd $WORK"
zpty -w z 'zstyle ":completion:*" list-grouped false; zstyle ":completion:*" menu no'
zpty -w z 'compadd() { builtin compadd "$@"; local -a m; local x; builtin compadd -O m "$@"; for x in $m; do print -r -- "<<$x>>" >> $OUT; done }'
zpty -w z 'zle -C c complete-word _main_complete; bindkey "^G" c'
# The line and a TAB (^G here); then wait (up to 30 s) for the candidates
# to be written and to stop growing.
zpty -w z "$LINE"$'\a'
size=-1
for i in {1..300}; do
  zpty -r -t z line >/dev/null
  now=$(wc -c < $OUT)
  (( now > 0 && now == size )) && break
  size=$now
  sleep 0.1
done
zpty -d z
ZSH
  zsh_complete() {
    : >"$tmp/zout"
    ZFUNC=$tmp/zfunc WORK=$tmp/work OUT=$tmp/zout LINE=$1 zsh -f "$tmp/complete.zsh" >/dev/null 2>&1
    sed -n 's/^<<\(.*\)>>$/\1/p' "$tmp/zout" | sort -u
  }
  expect "zsh: factcheck verify --format <TAB>" "$formats" "$(zsh_complete 'factcheck verify --format ')"
  expect "zsh: factcheck <TAB>" "$subcommands" "$(zsh_complete 'factcheck ')"
  # _sequence leaves out what the list already has.
  expect "zsh: factcheck verify --fail-on contradicted,<TAB>" "$(echo "$verdicts" | grep -vx contradicted)" \
    "$(zsh_complete 'factcheck verify --fail-on contradicted,')"
  # zsh offers a folder by its name and adds the slash itself.
  expect "zsh: factcheck verify <TAB>" "$(printf '%s\n' a.yaml b.yml c.json claims recs)" \
    "$(zsh_complete 'factcheck verify ')"
  expect "zsh: factcheck verify --recordings <TAB>" "$(printf '%s\n' claims recs)" \
    "$(zsh_complete 'factcheck verify --recordings ')"
else
  echo "zsh is not installed: its completion is not run (scripts/install-ci-readers installs it)" >&2
fi

if [ "$failures" -ne 0 ]; then
  echo "$failures failure(s)" >&2
  exit 1
fi
echo "completions: all checks passed"
