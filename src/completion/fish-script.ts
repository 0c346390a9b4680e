import type { CompletionTables } from './completion-tables.js';

/**
 * The fish completion script (`ucinder.fish` in a directory of
 * $fish_complete_path, e.g. ~/.config/fish/completions). The same tables as
 * bash and zsh, baked into functions that `switch` on the command path, and
 * one function that walks the line as the bash and zsh scripts do and prints
 * the candidates, with the summaries and descriptions fish shows beside them.
 * Resource names come from `ucinder completion names <kind>`.
 */
export function fishScript(tables: CompletionTables): string {
  const fn = `__${tables.program.replace(/[^A-Za-z0-9_]/g, '_')}`;
  const lines: string[] = [];
  /** A function printing the values of a key, or failing (status 1) for an unknown key. */
  const lookup = (name: string, comment: string, entries: [string, string[]][]) => {
    lines.push(`# ${comment}`, `function ${fn}_${name} --argument-names key`, '    switch $key');
    for (const [key, values] of entries) {
      // A case pattern treats * and ? as wildcards, even quoted.
      if (/[*?]/.test(key)) throw new Error(`cannot complete '${key}' in fish: * and ? are wildcards in a case`);
      lines.push(`        case ${fishQuote(key)}`, `            printf '%s\\n' ${values.map(fishQuote).join(' ')}`);
    }
    lines.push("        case '*'", '            return 1', '    end', 'end', '');
  };
  /** `name<TAB>description` lines: fish shows the description beside the candidate. */
  const described = (entries: { name: string; description: string }[]) => entries.map((entry) => `${entry.name}\t${entry.description.replace(/\s+/g, ' ')}`);
  lines.push(
    `# fish completion for ${tables.program}`,
    `# Generated from the command tree by \`${tables.program} completion fish\` (npm run completions); do not edit.`,
    `# Install: ${tables.program} completion fish > ~/.config/fish/completions/${tables.program}.fish`,
    `# (packages: /usr/share/fish/vendor_completions.d/${tables.program}.fish)`,
    '',
  );
  lookup(
    'commands',
    'Command path → its subcommands and their summaries.',
    [...tables.commands].map(([path, subs]) => [path, described(subs.map((sub) => ({ name: sub.name, description: sub.summary })))]),
  );
  lookup(
    'aliases',
    "'path|alias' → the subcommand's name.",
    [...tables.aliases].map(([key, name]) => [key, [name]]),
  );
  lookup(
    'options',
    'Command path → its own options and their descriptions.',
    [...tables.options].map(([path, options]) => [path, described(options.map((option) => ({ name: option.flag, description: option.description })))]),
  );
  lookup(
    'values',
    "'path|flag' → how the option's value completes ('.|flag' for global options).",
    [...tables.values].map(([key, value]) => [key, [value]]),
  );
  lookup(
    'args',
    'Command path → how each positional argument completes.',
    [...tables.args].map(([path, args]) => [path, args]),
  );
  lines.push(
    '# The global options, which every command takes.',
    `function ${fn}_global_options`,
    `    printf '%s\\n' ${described(tables.globalOptions.map((option) => ({ name: option.flag, description: option.description })))
      .map(fishQuote)
      .join(' ')}`,
    'end',
    '',
    FISH_FUNCTIONS.replaceAll('__PROGRAM', fn).replaceAll('PROGRAM_NAME', tables.program),
  );
  return `${lines.join('\n')}\n`;
}

/** fish's single quotes: only a backslash and a quote are escaped (unlike POSIX shells). */
function fishQuote(text: string): string {
  return `'${text.replace(/[\\']/g, '\\$&')}'`;
}

const FISH_FUNCTIONS = `# Prints 'global' or 'local', then the value completion of option $flag under
# $cmdpath ('-' for a flag without a value).
function __PROGRAM_option_spec --argument-names cmdpath flag
    set -l spec (__PROGRAM_values "$cmdpath|$flag")
    if test -n "$spec"
        printf '%s\\n' local $spec
        return
    end
    set spec (__PROGRAM_values ".|$flag")
    if test -n "$spec"
        printf '%s\\n' global $spec
    else if contains -- $flag (__PROGRAM_global_options | string replace -r '\\t.*' '')
        printf '%s\\n' global -
    else
        printf '%s\\n' local -
    end
end

# Prints the candidates for value completion $spec, each prefixed with $prefix.
# $program runs 'completion names'; $target is the command path 'help' words start from;
# the rest are the global options on the line.
function __PROGRAM_complete_value --argument-names spec prefix program target
    set -l globals $argv[5..-1]
    switch $spec
        case 'choices:*'
            string split , -- (string replace 'choices:' '' -- $spec) | string replace -r '^' -- "$prefix"
        case 'names:*'
            set program (string replace -r '^~/' "$HOME/" -- $program)
            command $program $globals completion names (string replace 'names:' '' -- $spec) 2>/dev/null | string replace -r '^' -- "$prefix"
        case commands
            __PROGRAM_commands $target
        case files
            __fish_complete_path (string replace -- "$prefix" '' (commandline -ct)) | string replace -r '^' -- "$prefix"
    end
end

function __PROGRAM_complete
    set -l tokens (commandline -opc)
    set -l cur (commandline -ct)
    set -l cmdpath PROGRAM_NAME
    set -l globals
    set -l positionals
    set -l i 2
    # Walk the words before the cursor: descend into subcommands, skip option
    # values, count positionals, and keep global options for 'completion names'.
    while test $i -le (count $tokens)
        set -l word $tokens[$i]
        if string match -q -- '-?*' $word
            set -l spec (__PROGRAM_option_spec $cmdpath (string split -m 1 = -- $word)[1])
            if not string match -q -- '*=*' $word; and test $spec[2] != -
                set -l next (math $i + 1)
                if test $next -gt (count $tokens)
                    # The cursor is on this option's value.
                    __PROGRAM_complete_value $spec[2] '' $tokens[1] "$cmdpath" $globals
                    return
                end
                test $spec[1] = global; and set -a globals $word $tokens[$next]
                set i $next
            else if test $spec[1] = global
                set -a globals $word
            end
        else if test (count $positionals) -eq 0; and set -l subs (__PROGRAM_commands $cmdpath | string replace -r '\\t.*' '')
            set -l sub (__PROGRAM_aliases "$cmdpath|$word")
            test -n "$sub"; or set sub $word
            if contains -- $sub $subs
                set cmdpath "$cmdpath $sub"
            else
                set -a positionals $word
            end
        else
            set -a positionals $word
        end
        set i (math $i + 1)
    end

    # help [command...]: the subcommands under the help command's parent and the words so far.
    set -l target (string join ' ' (string replace -r ' [^ ]+$' '' -- $cmdpath) $positionals)
    if string match -qr -- '^-[^=]+=' $cur
        set -l flag (string split -m 1 = -- $cur)[1]
        set -l spec (__PROGRAM_option_spec $cmdpath $flag)
        test $spec[2] != -; and __PROGRAM_complete_value $spec[2] "$flag=" $tokens[1] $target $globals
        return
    end
    if string match -q -- '-*' $cur
        __PROGRAM_options $cmdpath
        __PROGRAM_global_options
        return
    end
    if test (count $positionals) -eq 0; and set -l subs (__PROGRAM_commands $cmdpath)
        printf '%s\\n' $subs
        return
    end
    set -l specs (__PROGRAM_args $cmdpath)
    test (count $specs) -gt 0; or return
    set -l spec
    if test (count $positionals) -lt (count $specs)
        set spec $specs[(math (count $positionals) + 1)]
    else
        set spec $specs[-1]
        string match -q -- '*...' $spec; or return
    end
    __PROGRAM_complete_value (string replace -r '\\.\\.\\.$' '' -- $spec) '' $tokens[1] $target $globals
end

complete -c PROGRAM_NAME -f -k -a '(__PROGRAM_complete)'`;
