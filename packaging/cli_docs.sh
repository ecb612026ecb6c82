#!/usr/bin/env bash
# Writes a program's manual-page material and bash completion from its own
# --help, so neither can drift from the options the program really takes.
#
#   packaging/cli_docs.sh PROGRAM NAME OUT_DIR
#
# PROGRAM is the built executable, NAME the installed command (what2wear or
# what2wear-studio). Writes:
#   OUT_DIR/NAME.commands.h2m  help2man include: one COMMANDS subsection per
#                              subcommand (empty for a program without any)
#   OUT_DIR/NAME.bash          bash completion: subcommands, options, option
#                              values (files, folders, listed words), arguments
#
# Every help text is the one QCommandLineParser prints ("Usage:" line,
# description, "Options:" and "Arguments:" blocks); the top-level help of a
# program with subcommands lists them under "Commands:".
set -euo pipefail

program="$1"
name="$2"
out="$3"
mkdir -p "$out"
export LC_ALL=C.UTF-8 QT_QPA_PLATFORM=offscreen

# Turns one help text (stdin) into tab-separated records:
#   usage   TEXT                    the usage line after the command's name
#   desc    TEXT                    one line of the description
#   option  NAMES  VALUE  TEXT      e.g. "-h,--help" "" "Show this help."
#   arg     NAME   ""     TEXT
parse_help() {
  awk '
    function flush() {
      if (kind != "") print kind "\t" names "\t" value "\t" text
      kind = ""
    }
    /^Usage: / { flush(); sub(/^Usage: [^ ]+( [a-z][a-z-]*)?/, ""); sub(/^ /, ""); print "usage\t" $0; section = "desc"; next }
    /^Options:$/ { flush(); section = "options"; next }
    /^Arguments:$/ { flush(); section = "args"; next }
    /^$/ { flush(); next }
    section == "desc" { print "desc\t" $0; next }
    /^  [^ ]/ {
      flush()
      line = substr($0, 3)
      entry = line
      sub(/  .*/, "", entry)
      text = substr(line, length(entry) + 1)
      sub(/^ +/, "", text)
      value = ""
      if (section == "options" && match(entry, / <[^>]+>$/)) {
        value = substr(entry, RSTART + 2, RLENGTH - 3)
        entry = substr(entry, 1, RSTART - 1)
      }
      gsub(/, /, ",", entry)
      names = entry
      kind = (section == "options") ? "option" : "arg"
      next
    }
    /^   +/ { line = $0; sub(/^ +/, "", line); text = text " " line; next }
    END { flush() }
  '
}

# roff for one subcommand: a subsection with its usage line, description,
# options and arguments.
to_roff() {
  local command="$1"
  awk -F '\t' -v command="$command" '
    function esc(s) { gsub(/\\/, "\\e", s); gsub(/-/, "\\-", s); return s }
    # Text lines: a leading . or \x27 would be a roff request, and a leading [
    # or / a help2man include directive.
    function text(s) { gsub(/\\/, "\\e", s); if (s ~ /^[.\x27[\/]/) s = "\\&" s; return s }
    BEGIN { print ".SS \"" command "\"" }
    $1 == "usage" { printf "\\fB%s\\fR %s\n.PP\n", esc(command), esc($2) }
    $1 == "desc" { print text($2) }
    $1 == "option" || $1 == "arg" {
      print ".TP"
      n = split($2, names, ",")
      line = ""
      for (i = 1; i <= n; ++i) line = line (i > 1 ? ", " : "") "\\fB" esc(names[i]) "\\fR"
      if ($3 != "") line = line " \\fI" esc($3) "\\fR"
      print line
      print text($4)
    }
  '
}

# The bash `case` branch of one (sub)command: its options, how the value of
# each option that takes one completes, and how its arguments complete.
to_completion_case() {
  local pattern="$1"
  awk -F '\t' -v pattern="$pattern" '
    # How a value completes, from its name (and, for an argument, its help
    # text): a .w2w library where either names one, files, folders (DIR, or a
    # checkpoint CKPT), the choices a value name lists (<gt|auto>, plus
    # folders for <basic|DIR>), the words an argument is described by alone
    # ("init, info, check or remove"), or nothing (numbers, ids, free text).
    function completion(option, value, help,   words, n, i, choice, dirs) {
      if (value ~ /W2W/ || option == "--library" || help ~ /\.w2w/) return "_filedir w2w"
      if (value ~ /\|/) {
        n = split(value, choices, "|")
        for (i = 1; i <= n; ++i) {
          choice = choices[i]
          if (choice ~ /^(DIR|CKPT)$/) dirs = 1
          else words = words " " tolower(choice)
        }
        return (dirs ? "_filedir -d; " : "") "COMPREPLY+=($(compgen -W \"" substr(words, 2) "\" -- \"$cur\"))"
      }
      if (value ~ /^(DIR|CKPT|FOLDER)/) return "_filedir -d"
      if (value ~ /FILE|PATH|PHOTO|IMAGE/) return "_filedir"
      if (option == "" && match(help, /^[a-z][a-z0-9_-]*(, [a-z][a-z0-9_-]*)*,? or [a-z][a-z0-9_-]*\.?$/)) {
        words = help
        gsub(/,/, " ", words)
        gsub(/ or /, " ", words)
        gsub(/\./, "", words)
        gsub(/  +/, " ", words)
        return "COMPREPLY=($(compgen -W \"" words "\" -- \"$cur\"))"
      }
      return ":"
    }
    function quote(s) { gsub(/\x27/, "\x27\\\x27\x27", s); return "\x27" s "\x27" }
    $1 == "usage" { repeats = ($2 ~ /\.\.\.\]?$/) }
    $1 == "option" {
      n = split($2, names, ",")
      for (i = 1; i <= n; ++i) {
        options = options " " names[i]
        if ($3 != "") { valued = valued " " names[i]; order[++nvalued] = names[i]; values[names[i]] = completion(names[n], toupper($3), $4) }
      }
    }
    $1 == "arg" { args[++nargs] = completion("", toupper($2), $4) }
    END {
      sub(/^ /, "", options)
      sub(/^ /, "", valued)
      print "    " pattern ")"
      print "      options=\"" options "\""
      print "      takes_value=\"" valued "\""
      print "      case $prev in"
      for (i = 1; i <= nvalued; ++i) print "        " order[i] ") " values[order[i]] "; return ;;"
      print "      esac"
      line = "      arguments=("
      for (i = 1; i <= nargs; ++i) line = line (i > 1 ? " " : "") quote(args[i])
      print line ")"
      print "      repeats=" (repeats ? 1 : 0)
      print "      ;;"
    }
  '
}

help_of() { "$program" "$@" --help 2>/dev/null; }

# Subcommands: the words listed under "Commands:" in the top-level help.
commands=$(help_of | awk '/^Commands:$/ { on = 1; next } on && /^$/ { on = 0 } on && /^  [a-z]/ { print $1 }')

write_completion() {
  local function_name="_${name//-/_}"
  echo "# bash completion for $name, generated from its --help at build time."
  echo
  echo "$function_name() {"
  echo "  local cur prev words cword"
  echo "  _init_completion || return"
  if [ -n "$commands" ]; then
    echo "  if ((cword == 1)); then"
    echo "    COMPREPLY=(\$(compgen -W \"$(echo $commands) --help --version\" -- \"\$cur\"))"
    echo "    return"
    echo "  fi"
    echo "  local command=\${words[1]} first=2"
  else
    echo "  local command=\"\" first=1"
  fi
  echo "  local options=\"\" takes_value=\"\" arguments=() repeats=0"
  echo "  case \$command in"
  if [ -n "$commands" ]; then
    for command in $commands; do
      help_of "$command" | parse_help | to_completion_case "$command"
    done
  else
    help_of | parse_help | to_completion_case '""'
  fi
  echo "  esac"
  cat <<'END'
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$options" -- "$cur"))
    return
  fi
  # Which argument the cursor is on (options and their values do not count).
  local argument=0 i
  for ((i = first; i < cword; i++)); do
    [[ ${words[i]} == -* ]] && continue
    [[ " $takes_value " == *" ${words[i - 1]} "* ]] && continue
    ((++argument))
  done
  if ((argument >= ${#arguments[@]})); then
    ((repeats && ${#arguments[@]})) || return 0
    argument=$((${#arguments[@]} - 1))
  fi
  eval "${arguments[argument]}"
}
END
  echo "complete -F $function_name $name"
}

write_commands_section() {
  [ -n "$commands" ] || return 0
  echo "[COMMANDS]"
  for command in $commands; do
    help_of "$command" | parse_help | to_roff "$name $command"
  done
}

write_completion >"$out/$name.bash"
write_commands_section >"$out/$name.commands.h2m"
