import type { Arg } from './runner.js';
import { quoteShellWord } from './shell-words.js';

/** What --dry-run prints: shell lines that run as they are. */
interface DryRunScript {
  /** The variable assignments (only when secrets are shown), then the commands. */
  lines: string[];
  /** The variables the commands read that the script does not set (secrets not shown). */
  unset: string[];
}

/**
 * The planned commands as a POSIX shell script: each argument quoted so the
 * shell reads it back unchanged, each secret as "$VARIABLE" so no password
 * sits in the commands (or in a terminal's scrollback unless asked). With
 * `showSecrets` the script starts by setting those variables; without, they
 * are left for the operator to set. Two different secrets under one name
 * (two volumes' CHAP passwords in `connect --all`) get _2, _3….
 */
export function dryRunScript(planned: readonly (readonly Arg[])[], showSecrets: boolean): DryRunScript {
  const variableOf = new Map<string, string>();
  const taken = new Set<string>();
  const assignments: string[] = [];
  const variable = (secret: string, base: string): string => {
    const known = variableOf.get(secret);
    if (known) return known;
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}_${n}`;
    taken.add(name);
    variableOf.set(secret, name);
    assignments.push(`${name}=${quoteShellWord(secret)}`);
    return name;
  };
  const commands = planned.map((argv) => argv.map((arg) => (typeof arg === 'string' ? quoteShellWord(arg) : `"$${variable(arg.secret, arg.variable)}"`)).join(' '));
  return showSecrets ? { lines: [...assignments, ...commands], unset: [] } : { lines: commands, unset: [...taken] };
}
