import { singleQuote } from '../host/shell-words.js';
import type { CompletionTables } from './completion-tables.js';

/**
 * The bash completion script. The command tree is baked in as associative
 * arrays, so a TAB on commands, flags and choices runs no process at all; only
 * resource names ask `ucinder completion names <kind>`, which answers from a
 * short-lived cache. Needs bash 4.2+ (declare -g); no bash-completion package.
 */
export function bashScript(tables: CompletionTables): string {
  const fn = `_${tables.program.replace(/[^A-Za-z0-9_]/g, '_')}`;
  const lines: string[] = [];
  const assoc = (name: string, entries: [string, string][]) => {
    lines.push(`declare -gA ${fn}_${name}=(`);
    for (const [key, value] of entries) lines.push(`  [${singleQuote(key)}]=${singleQuote(value)}`);
    lines.push(')');
  };
  lines.push(
    `# bash completion for ${tables.program}                      -*- shell-script -*-`,
    `# Generated from the command tree by \`${tables.program} completion bash\` (npm run completions); do not edit.`,
    `# Install: source <(${tables.program} completion bash), or copy to /etc/bash_completion.d/${tables.program}`,
    '',
  );
  assoc(
    'commands',
    [...tables.commands].map(([path, subs]) => [path, subs.map((sub) => sub.name).join(' ')]),
  );
  assoc('aliases', [...tables.aliases]);
  assoc(
    'options',
    [...tables.options].map(([path, options]) => [path, options.map((option) => option.flag).join(' ')]),
  );
  lines.push(`declare -g ${fn}_global_options=${singleQuote(tables.globalOptions.map((option) => option.flag).join(' '))}`);
  assoc('values', [...tables.values]);
  assoc(
    'args',
    [...tables.args].map(([path, args]) => [path, args.join(' ')]),
  );
  lines.push('', BASH_FUNCTIONS.replaceAll('_PROGRAM', fn).replaceAll('PROGRAM_NAME', tables.program));
  return `${lines.join('\n')}\n`;
}

const BASH_FUNCTIONS = `# Sets _PROGRAM_spec to the value completion of option $2 under command path $1
# ('' for a flag without a value) and _PROGRAM_is_global to 1 for global options.
_PROGRAM_option_spec() {
  _PROGRAM_spec='' _PROGRAM_is_global=0
  if [[ -n \${_PROGRAM_values["$1|$2"]+set} ]]; then
    _PROGRAM_spec=\${_PROGRAM_values["$1|$2"]}
  elif [[ -n \${_PROGRAM_values[".|$2"]+set} ]]; then
    _PROGRAM_spec=\${_PROGRAM_values[".|$2"]} _PROGRAM_is_global=1
  elif [[ " $_PROGRAM_global_options " == *" $2 "* ]]; then
    _PROGRAM_is_global=1
  fi
}

# Adds to COMPREPLY the values for spec $1 that start with $2, each prefixed with $3.
# Reads the caller's globals, cmdpath and positionals.
_PROGRAM_complete_value() {
  local spec=$1 cur=$2 prefix=$3 candidate program
  local -a candidates=()
  case $spec in
    choices:*) IFS=',' read -r -a candidates <<< "\${spec#choices:}" ;;
    names:*)
      program=\${COMP_WORDS[0]}
      [[ $program == '~/'* ]] && program=$HOME/\${program#'~/'}
      mapfile -t candidates < <("$program" "\${globals[@]}" completion names "\${spec#names:}" 2>/dev/null)
      ;;
    commands)
      # help [command...]: the subcommands under the help command's parent and the words so far.
      local target=\${cmdpath% *} word
      for word in "\${positionals[@]}"; do target+=" $word"; done
      read -r -a candidates <<< "\${_PROGRAM_commands["$target"]-}"
      ;;
    files)
      compopt -o filenames 2>/dev/null
      mapfile -t candidates < <(compgen -f -- "$cur")
      ;;
  esac
  for candidate in "\${candidates[@]}"; do
    [[ -n $candidate && $candidate == "$cur"* ]] || continue
    # Names and columns may hold spaces or quotes: insert them escaped.
    [[ $candidate == *[^A-Za-z0-9_.@+/:,=-]* ]] && printf -v candidate '%q' "$candidate"
    COMPREPLY+=("$prefix$candidate")
  done
}

_PROGRAM() {
  local cur=\${COMP_WORDS[COMP_CWORD]} cmdpath=PROGRAM_NAME word next spec sub npos=0 i=1
  local -a globals=() specs=() positionals=()
  COMPREPLY=()
  # Walk the words before the cursor: descend into subcommands, skip option
  # values, count positionals, and keep global options for 'completion names'.
  while (( i < COMP_CWORD )); do
    word=\${COMP_WORDS[i]}
    if [[ $word == -?* ]]; then
      _PROGRAM_option_spec "$cmdpath" "\${word%%=*}"
      if [[ $word != *=* && -n $_PROGRAM_spec ]]; then
        # bash splits '--format=json' into '--format' '=' 'json'.
        if [[ \${COMP_WORDS[i+1]-} == '=' ]]; then next=$((i + 2)); else next=$((i + 1)); fi
        if (( next >= COMP_CWORD )); then
          [[ $cur == '=' ]] && cur=''
          _PROGRAM_complete_value "$_PROGRAM_spec" "$cur" ''
          return 0
        fi
        (( _PROGRAM_is_global )) && globals+=("$word" "\${COMP_WORDS[next]}")
        i=$next
      elif (( _PROGRAM_is_global )); then
        globals+=("$word")
      fi
    elif (( npos == 0 )) && [[ -n \${_PROGRAM_commands["$cmdpath"]+set} ]]; then
      sub=\${_PROGRAM_aliases["$cmdpath|$word"]-$word}
      if [[ " \${_PROGRAM_commands["$cmdpath"]} " == *" $sub "* ]]; then
        cmdpath="$cmdpath $sub"
      else
        npos=1 positionals+=("$word")
      fi
    else
      npos=$((npos + 1)) positionals+=("$word")
    fi
    i=$((i + 1))
  done

  if [[ $cur == -?*=* ]]; then
    _PROGRAM_option_spec "$cmdpath" "\${cur%%=*}"
    [[ -n $_PROGRAM_spec ]] && _PROGRAM_complete_value "$_PROGRAM_spec" "\${cur#*=}" "\${cur%%=*}="
    return 0
  fi
  if [[ $cur == -* ]]; then
    mapfile -t COMPREPLY < <(compgen -W "\${_PROGRAM_options["$cmdpath"]-} $_PROGRAM_global_options" -- "$cur")
    return 0
  fi
  if (( npos == 0 )) && [[ -n \${_PROGRAM_commands["$cmdpath"]+set} ]]; then
    mapfile -t COMPREPLY < <(compgen -W "\${_PROGRAM_commands["$cmdpath"]}" -- "$cur")
    return 0
  fi
  read -r -a specs <<< "\${_PROGRAM_args["$cmdpath"]-}"
  (( \${#specs[@]} )) || return 0
  if (( npos < \${#specs[@]} )); then
    spec=\${specs[npos]}
  else
    spec=\${specs[\${#specs[@]} - 1]}
    [[ $spec == *... ]] || return 0
  fi
  _PROGRAM_complete_value "\${spec%...}" "$cur" ''
  return 0
}

complete -F _PROGRAM PROGRAM_NAME`;
