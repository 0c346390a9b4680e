import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync, chmodSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { buildWholeProgram } from '../../../src/commands/root.js';
import { completionScript, type CompletionShell } from '../../../src/commands/completion/script.js';
import { bufferIOStreams } from '../../../src/output/iostreams.js';
import { tempDir } from '../helpers/harness.js';

export const REPO_ROOT = resolve(import.meta.dirname, '../../..');

/** The real command tree, every noun built (no command is run). */
export function realProgram(): Promise<Command> {
  return buildWholeProgram(() => {
    throw new Error('no command runs while generating completions');
  }, bufferIOStreams().io);
}

export async function generated(shell: CompletionShell): Promise<string> {
  return completionScript(await realProgram(), shell);
}

/**
 * A stand-in `ucinder` on $PATH for the scripts' name lookups: it logs its
 * arguments to $UCINDER_STUB_LOG and prints the names in $UCINDER_STUB_NAMES.
 */
export function stubProgramDir(): string {
  const dir = tempDir('stub-bin');
  const stub = join(dir, 'ucinder');
  writeFileSync(stub, '#!/bin/sh\nprintf "%s\\n" "$*" >> "$UCINDER_STUB_LOG"\nprintf "%s" "$UCINDER_STUB_NAMES"\n');
  chmodSync(stub, 0o755);
  return dir;
}

/**
 * Runs the bash script's completion function the way readline does: sources
 * it in a clean bash, sets COMP_WORDS/COMP_CWORD (the last word is the one
 * being completed) and prints COMPREPLY, one entry per line.
 */
export function bashComplete(scriptFile: string, words: string[], env: NodeJS.ProcessEnv = process.env): string[] {
  const driver = 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); _ucinder; printf "%s\\n" "${COMPREPLY[@]}"';
  const out = execFileSync('bash', ['--norc', '--noprofile', '-c', driver, 'bash', scriptFile, ...words], {
    env,
    encoding: 'utf8',
  });
  return out.split('\n').filter((line) => line !== '');
}

/** zsh is a test dependency (test/run-tests.sh installs it): fail loudly without it. */
export function requireZsh(): void {
  const probe = spawnSync('zsh', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error('zsh is not installed; the zsh completion tests need it (apt-get install -y zsh; test/run-tests.sh does this)');
  }
}

/**
 * Completes `line` in a real interactive zsh (compinit, _ucinder from
 * `completionDir` on $fpath, TAB typed in a pseudo-terminal) and returns
 * the candidates zsh offered. See zsh-capture.zsh.
 */
export function zshComplete(completionDir: string, line: string, env: NodeJS.ProcessEnv = process.env): string[] {
  const out = execFileSync('zsh', ['-f', join(import.meta.dirname, 'zsh-capture.zsh'), completionDir, line], {
    env,
    encoding: 'utf8',
    timeout: 30_000,
  });
  return out.split('\n').filter((entry) => entry !== '');
}

/** fish is a test dependency (test/run-tests.sh installs it): fail loudly without it. */
export function requireFish(): void {
  const probe = spawnSync('fish', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error('fish is not installed; the fish completion tests need it (apt-get install -y fish; test/run-tests.sh does this)');
  }
}

/**
 * Completes `line` as fish does on TAB (`complete -C`), with ucinder.fish
 * autoloaded from `completionDir` as from an installed completions directory
 * (fish loads it only for a command on $PATH: `env` must have one). Returns
 * the candidates without the descriptions fish shows beside them.
 */
export function fishComplete(completionDir: string, line: string, env: NodeJS.ProcessEnv): string[] {
  return fishCompleteDescribed(completionDir, line, env).map((entry) => entry.split('\t')[0]!);
}

/** As fishComplete, each candidate as `candidate<TAB>description`. */
export function fishCompleteDescribed(completionDir: string, line: string, env: NodeJS.ProcessEnv): string[] {
  const out = execFileSync('fish', ['--no-config', '-c', 'set -p fish_complete_path $argv[1]; complete -C $argv[2]', completionDir, line], {
    env,
    encoding: 'utf8',
    timeout: 30_000,
  });
  return out.split('\n').filter((entry) => entry !== '');
}

export function writeScript(dir: string, name: string, text: string): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}
