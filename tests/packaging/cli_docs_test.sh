#!/usr/bin/env bash
# The manual pages and bash completion made from the programs' --help
# (packaging/cli_docs.sh) cover every subcommand and option, render without
# warnings, and complete what a person types.
#
#   tests/packaging/cli_docs_test.sh GENERATED_DIR WHAT2WEAR [WHAT2WEAR_STUDIO]
set -euo pipefail

generated="$(realpath "$1")"
cli="$(realpath "$2")"
studio="${3:+$(realpath "$3")}"
export QT_QPA_PLATFORM=offscreen LC_ALL=C.UTF-8
failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

commands=$("$cli" --help | awk '/^Commands:$/ { on = 1; next } on && /^$/ { on = 0 } on && /^  [a-z]/ { print $1 }')
[ -n "$commands" ] || fail "no commands in what2wear --help"
# The long options a help text lists (every command has at least --help; an
# empty list means the program did not run, which fails the test).
options_of() {
  "$@" --help | grep -oE '^  (-[a-z], )?--[a-z][a-z0-9-]*' | grep -oE -- '--[a-z][a-z0-9-]*' || echo "(no options)"
}

# --- Manual pages -------------------------------------------------------------
if [ -f "$generated/what2wear.1" ]; then
  page="$generated/what2wear.1"
  for command in $commands; do
    section=$(awk -v head=".SS \"what2wear $command\"" '$0 == head { on = 1; next } /^\.S[SH] / { on = 0 } on' "$page")
    [ -n "$section" ] || fail "what2wear.1 has no section for '$command'"
    for option in $(options_of "$cli" "$command"); do
      grep -qF -- "${option//-/\\-}" <<<"$section" || fail "what2wear.1: '$command' lacks $option"
    done
  done
  for page in "$generated"/*.1; do
    warnings=$(groff -man -Tutf8 -ww -z "$page" 2>&1 || true)
    [ -z "$warnings" ] || fail "$(basename "$page") renders with warnings: $warnings"
  done
  if [ -n "$studio" ]; then
    for option in $(options_of "$studio"); do
      grep -qF -- "${option//-/\\-}" "$generated/what2wear-studio.1" || fail "what2wear-studio.1 lacks $option"
    done
  fi
else
  echo "skipped the manual pages: help2man is not installed"
fi

# --- Bash completion --------------------------------------------------------------
completion_lib=/usr/share/bash-completion/bash_completion
if [ ! -f "$completion_lib" ]; then
  echo "skipped the completion checks: bash-completion is not installed"
  [ "$failures" -eq 0 ] || exit 1
  exit 0
fi
# shellcheck disable=SC1090
source "$completion_lib"
source "$generated/what2wear.bash"
[ -n "$studio" ] && source "$generated/what2wear-studio.bash"

# Prints, one per line, what pressing Tab offers after LINE (cursor at its end).
complete_line() {
  local line="$1" function
  read -ra COMP_WORDS <<<"$line"
  [[ $line == *" " ]] && COMP_WORDS+=("")
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  COMP_LINE="$line"
  COMP_POINT=${#line}
  COMPREPLY=()
  function="_${COMP_WORDS[0]//-/_}"
  "$function" "${COMP_WORDS[0]}" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
  printf '%s\n' "${COMPREPLY[@]}" | sort
}

offers() {
  local line="$1" expected
  shift
  local got
  got=$(complete_line "$line")
  for expected in "$@"; do
    grep -qxF -- "$expected" <<<"$got" || fail "'$line<Tab>' does not offer '$expected' (offers: $(echo $got))"
  done
}

does_not_offer() {
  local line="$1" unexpected="$2" got
  got=$(complete_line "$line")
  if grep -qxF -- "$unexpected" <<<"$got"; then fail "'$line<Tab>' offers '$unexpected'"; fi
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
mkdir photos
touch wardrobe.w2w notes.txt photos/a.jpg

# shellcheck disable=SC2086
offers "what2wear " $commands --help
offers "what2wear imp" import
for command in $commands; do
  # shellcheck disable=SC2046
  offers "what2wear $command -" $(options_of "$cli" "$command")
done
offers "what2wear import --library " wardrobe.w2w photos
does_not_offer "what2wear import --library " notes.txt
offers "what2wear import --library wardrobe.w2w " notes.txt photos wardrobe.w2w
offers "what2wear library " init info check remove
offers "what2wear library info " wardrobe.w2w
does_not_offer "what2wear library info " notes.txt
if [ -n "$studio" ]; then
  # shellcheck disable=SC2046
  offers "what2wear-studio -" $(options_of "$studio")
  offers "what2wear-studio " wardrobe.w2w photos
  does_not_offer "what2wear-studio " notes.txt
  offers "what2wear-studio --library " wardrobe.w2w
fi

[ "$failures" -eq 0 ] || exit 1
echo "manual pages and completion cover every command and option"
