import { singleQuote } from '../host/shell-words.js';
import type { CompletionTables } from './completion-tables.js';

/**
 * The zsh completion function (`_ucinder`, for a directory on $fpath, or
 * `source <(ucinder completion zsh)` after compinit). Same tables as bash, plus
 * the summaries and option descriptions zsh shows beside each candidate.
 */
export function zshScript(tables: CompletionTables): string {
  const fn = `_${tables.program.replace(/[^A-Za-z0-9_]/g, '_')}`;
  const lines: string[] = [];
  const assoc = (name: string, entries: [string, string][]) => {
    lines.push(`typeset -gA ${fn}_${name}`, `${fn}_${name}=(`);
    for (const [key, value] of entries) lines.push(`  ${singleQuote(key)} ${singleQuote(value)}`);
    lines.push(')');
  };
  // `name:description` lines, the format _describe takes; a ':' in the name must be escaped.
  const described = (entries: { name: string; description: string }[]) =>
    entries.map((entry) => `${entry.name.replace(/:/g, '\\:')}:${entry.description.replace(/\n/g, ' ')}`).join('\n');
  lines.push(
    `#compdef ${tables.program}`,
    `# zsh completion for ${tables.program}.`,
    `# Generated from the command tree by \`${tables.program} completion zsh\` (npm run completions); do not edit.`,
    `# Install: put this file, named ${fn}, in a directory on $fpath before compinit runs,`,
    `# or: source <(${tables.program} completion zsh) after compinit.`,
    '',
  );
  assoc(
    'commands',
    [...tables.commands].map(([path, subs]) => [path, described(subs.map((sub) => ({ name: sub.name, description: sub.summary })))]),
  );
  assoc('aliases', [...tables.aliases]);
  assoc(
    'options',
    [...tables.options].map(([path, options]) => [path, described(options.map((option) => ({ name: option.flag, description: option.description })))]),
  );
  lines.push(`typeset -g ${fn}_global_options=${singleQuote(described(tables.globalOptions.map((option) => ({ name: option.flag, description: option.description }))))}`);
  assoc('values', [...tables.values]);
  assoc(
    'args',
    [...tables.args].map(([path, args]) => [path, args.join(' ')]),
  );
  lines.push('', ZSH_FUNCTIONS.replaceAll('_PROGRAM', fn).replaceAll('PROGRAM_NAME', tables.program));
  return `${lines.join('\n')}\n`;
}

const ZSH_FUNCTIONS = `# Sets _PROGRAM_spec to the value completion of option $2 under command path $1
# ('' for a flag without a value) and _PROGRAM_is_global to 1 for global options.
_PROGRAM_option_spec() {
  _PROGRAM_spec='' _PROGRAM_is_global=0
  if (( \${+_PROGRAM_values[$1|$2]} )); then
    _PROGRAM_spec=\${_PROGRAM_values[$1|$2]}
  elif (( \${+_PROGRAM_values[.|$2]} )); then
    _PROGRAM_spec=\${_PROGRAM_values[.|$2]} _PROGRAM_is_global=1
  elif (( \${\${(f)_PROGRAM_global_options}[(I)\${2}:*]} )); then
    _PROGRAM_is_global=1
  fi
}

# Offers the values for spec $1. Reads the caller's globals, cmdpath and positionals.
_PROGRAM_complete_value() {
  local spec=$1
  local -a candidates
  case $spec in
    choices:*)
      candidates=(\${(s:,:)spec#choices:})
      compadd -- $candidates
      ;;
    names:*)
      candidates=(\${(f)"$(\${~words[1]} $globals completion names \${spec#names:} 2>/dev/null)"})
      compadd -- $candidates
      ;;
    commands)
      # help [command...]: the subcommands under the help command's parent and the words so far.
      local target=\${cmdpath% *}
      local -a subs
      (( \${#positionals} )) && target+=" \${(j: :)positionals}"
      subs=(\${(f)_PROGRAM_commands[$target]})
      (( \${#subs} )) && _describe -t commands 'command' subs
      ;;
    files) _files ;;
  esac
}

_PROGRAM() {
  local cmdpath=PROGRAM_NAME word spec sub next
  local -i i=2 npos=0
  local -a globals specs subs options positionals
  # Walk the words before the cursor: descend into subcommands, skip option
  # values, count positionals, and keep global options for 'completion names'.
  while (( i < CURRENT )); do
    word=\${words[i]}
    if [[ $word == -?* ]]; then
      _PROGRAM_option_spec "$cmdpath" "\${word%%=*}"
      if [[ $word != *=* && -n $_PROGRAM_spec ]]; then
        next=$(( i + 1 ))
        if (( next >= CURRENT )); then
          _PROGRAM_complete_value $_PROGRAM_spec
          return
        fi
        (( _PROGRAM_is_global )) && globals+=($word \${words[next]})
        i=$next
      elif (( _PROGRAM_is_global )); then
        globals+=($word)
      fi
    elif (( npos == 0 && \${+_PROGRAM_commands[$cmdpath]} )); then
      sub=\${_PROGRAM_aliases[$cmdpath|$word]:-$word}
      subs=(\${\${(f)_PROGRAM_commands[$cmdpath]}%%:*})
      if (( \${subs[(Ie)$sub]} )); then
        cmdpath="$cmdpath $sub"
      else
        npos=1
        positionals+=($word)
      fi
    else
      npos+=1
      positionals+=($word)
    fi
    i+=1
  done

  if [[ \${words[CURRENT]} == -?*=* ]]; then
    _PROGRAM_option_spec "$cmdpath" "\${\${words[CURRENT]}%%=*}"
    if [[ -n $_PROGRAM_spec ]]; then
      compset -P '*='
      _PROGRAM_complete_value $_PROGRAM_spec
    fi
    return
  fi
  if [[ \${words[CURRENT]} == -* ]]; then
    options=(\${(f)_PROGRAM_options[$cmdpath]} \${(f)_PROGRAM_global_options})
    _describe -t options 'option' options
    return
  fi
  if (( npos == 0 && \${+_PROGRAM_commands[$cmdpath]} )); then
    subs=(\${(f)_PROGRAM_commands[$cmdpath]})
    _describe -t commands 'command' subs
    return
  fi
  specs=(\${=_PROGRAM_args[$cmdpath]})
  (( \${#specs} )) || return 1
  if (( npos < \${#specs} )); then
    spec=\${specs[npos + 1]}
  else
    spec=\${specs[-1]}
    [[ $spec == *... ]] || return 1
  fi
  _PROGRAM_complete_value \${spec%...}
}

# Autoloaded from $fpath, this file is the body of _PROGRAM: run it. Sourced, register it.
if [[ \${funcstack[1]-} == _PROGRAM ]]; then
  _PROGRAM "$@"
else
  compdef _PROGRAM PROGRAM_NAME
fi`;
