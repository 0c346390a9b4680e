import { UcinderError, UsageError } from '../errors.js';
import { quoteShellWord, splitShellWords } from './shell-words.js';
import type { CommandOutcome, CommandRunner } from './runner.js';

/**
 * cinder-manage, Cinder's database-level admin tool. Some operations (service
 * and cluster removal) have no REST call, so ucinder runs cinder-manage where
 * the deployment has it: on this host, in the kolla `cinder_api` container, or
 * on a controller over ssh — always as an argv array, never through a local shell.
 */

const DEFAULT_MANAGE_COMMAND = 'cinder-manage';
/** cinder-manage imports all of Cinder before doing anything: 5-15 s on a busy controller. */
const MANAGE_TIMEOUT_MS = 180_000;

type ManageRunner = { kind: 'local' } | { kind: 'docker'; container: string } | { kind: 'ssh'; destination: string };

/** Parses `local`, `docker:<container>` or `ssh:<[user@]host>` (--runner, UCINDER_MANAGE_RUNNER). */
export function parseManageRunner(text: string): ManageRunner {
  const trimmed = text.trim();
  if (trimmed === 'local') return { kind: 'local' };
  const match = /^(docker|ssh):(.*)$/.exec(trimmed);
  const target = match?.[2] ?? '';
  // A leading '-' would be read as an option by docker/ssh.
  if (match && target !== '' && !target.startsWith('-') && !/\s/.test(target)) {
    return match[1] === 'docker' ? { kind: 'docker', container: target } : { kind: 'ssh', destination: target };
  }
  throw new UsageError(`invalid cinder-manage runner '${text}': expected local, docker:<container> or ssh:<[user@]host>`);
}

export function describeManageRunner(runner: ManageRunner): string {
  switch (runner.kind) {
    case 'local':
      return 'local';
    case 'docker':
      return `docker:${runner.container}`;
    case 'ssh':
      return `ssh:${runner.destination}`;
  }
}

export interface ManageInvocation {
  runner: ManageRunner;
  /** cinder-manage and its global options, e.g. ['cinder-manage', '--config-file', '/etc/cinder/cinder.conf']. */
  command: string[];
}

/** Flags win over the environment, which wins over `local` / `cinder-manage`. */
export function resolveManageInvocation(flags: { runner?: string; manageCommand?: string }, env: Record<string, string | undefined>): ManageInvocation {
  const runnerText = flags.runner || env.UCINDER_MANAGE_RUNNER || 'local';
  const commandText = flags.manageCommand || env.UCINDER_MANAGE_COMMAND || DEFAULT_MANAGE_COMMAND;
  return {
    runner: parseManageRunner(runnerText),
    command: manageCommandWords(commandText),
  };
}

/** The configured cinder-manage command line as argv, split like a shell would but never run through one. */
function manageCommandWords(text: string): string[] {
  const fail = (problem: string): never => {
    throw new UsageError(`invalid cinder-manage command '${text}': ${problem}`);
  };
  let words: string[] = [];
  try {
    words = splitShellWords(text);
  } catch (error) {
    if (error instanceof UsageError) fail(error.message);
    throw error;
  }
  if (words.length === 0) fail('it is empty');
  return words;
}

/** The argv that runs `cinder-manage <args>` through the chosen runner. */
export function manageArgv(invocation: ManageInvocation, args: readonly string[]): string[] {
  const local = [...invocation.command, ...args];
  const { runner } = invocation;
  switch (runner.kind) {
    case 'local':
      return local;
    case 'docker':
      // docker exec hands argv to the container's exec as is: no shell in between.
      return ['docker', 'exec', runner.container, ...local];
    case 'ssh':
      // ssh joins its arguments into one string for the remote user's shell,
      // so each word is quoted for that shell. BatchMode: never hang on a password prompt.
      return ['ssh', '-o', 'BatchMode=yes', '--', runner.destination, local.map(quoteShellWord).join(' ')];
  }
}

/** cinder-manage ran but did not do what was asked. */
export class ManageCommandError extends UcinderError {
  override name = 'ManageCommandError';
}

interface ServiceRemoval {
  argv: string[];
  /** cinder-manage's own words, e.g. "Service cinder-volume on host node2@lvm removed." */
  output: string;
}

/**
 * Zed's cinder-manage reports a missing service only on stdout ("Host not
 * found. Failed to remove …") and exits 0; newer releases exit 2. Both
 * become a ManageCommandError.
 */
const SERVICE_NOT_FOUND = /Host not found|could not be found/i;
const SERVICE_REMOVED = /\bremoved\b/i;

export async function removeServiceWithManage(runner: CommandRunner, invocation: ManageInvocation, binary: string, host: string): Promise<ServiceRemoval> {
  const argv = manageArgv(invocation, ['service', 'remove', binary, host]);
  const outcome = await runner.run(argv, {
    timeoutMs: MANAGE_TIMEOUT_MS,
    okExitCodes: [0, 2],
    missingHint: missingHintFor(invocation),
  });
  const output = resultText(outcome);
  if (SERVICE_NOT_FOUND.test(output)) {
    throw new ManageCommandError(`cinder-manage found no ${binary} service on host '${host}': ${oneLine(output)}`);
  }
  if (outcome.exitCode !== 0 || !SERVICE_REMOVED.test(output)) {
    const said = oneLine(output) || '(no output)';
    throw new ManageCommandError(`cinder-manage service remove ${binary} ${host} did not confirm the removal (exit code ${outcome.exitCode}): ${said}`);
  }
  return { argv, output };
}

interface ClusterRemoval {
  argv: string[];
  /** cinder-manage's own words (or, when it said nothing useful, its last line). */
  output: string;
  exitCode: number;
  /** cinder-manage said "Cluster … successfully removed." and exited 0. */
  confirmed: boolean;
}

const CLUSTER_NOT_FOUND = /doesn't exist|could not be found/i;
const CLUSTER_HAS_HOSTS = /still has hosts/i;
const CLUSTER_REMOVED = /successfully removed/i;

/**
 * `cinder-manage cluster remove [--recursive] BINARY CLUSTER`. A missing
 * cluster and a cluster that still has services (without --recursive) are
 * errors. Zed's cinder-manage removes the rows with --recursive and then
 * crashes while printing ("'NoneType' object has no attribute 'items'",
 * exit 1), so an unconfirmed removal is returned, not thrown: the caller
 * asks the API whether the cluster is gone.
 */
export async function removeClusterWithManage(
  runner: CommandRunner,
  invocation: ManageInvocation,
  removal: { binary: string; cluster: string; recursive: boolean },
): Promise<ClusterRemoval> {
  const args = ['cluster', 'remove', ...(removal.recursive ? ['--recursive'] : []), removal.binary, removal.cluster];
  const argv = manageArgv(invocation, args);
  const outcome = await runner.run(argv, {
    timeoutMs: MANAGE_TIMEOUT_MS,
    okExitCodes: [0, 1, 2],
    missingHint: missingHintFor(invocation),
  });
  const stdout = outcome.stdout.trim();
  if (CLUSTER_NOT_FOUND.test(stdout)) {
    throw new ManageCommandError(`cinder-manage found no ${removal.binary} cluster '${removal.cluster}': ${oneLine(stdout)}`);
  }
  if (CLUSTER_HAS_HOSTS.test(stdout)) {
    throw new ManageCommandError(`cinder-manage did not remove cluster '${removal.cluster}': it still has services (remove them first, or pass --recursive)`);
  }
  const confirmed = outcome.exitCode === 0 && CLUSTER_REMOVED.test(stdout);
  return { argv, output: confirmed ? stdout : failureLine(resultText(outcome)), exitCode: outcome.exitCode, confirmed };
}

function missingHintFor(invocation: ManageInvocation): string {
  switch (invocation.runner.kind) {
    case 'local':
      return 'cinder-common (cinder-manage), or choose --runner docker:<container> / ssh:<host>';
    case 'docker':
      return 'docker (docker exec)';
    case 'ssh':
      return 'openssh-client (ssh)';
  }
}

/** cinder-manage prints its verdict on stdout; log lines and warnings go to stderr. */
function resultText(outcome: CommandOutcome): string {
  const stdout = outcome.stdout.trim();
  return stdout || outcome.stderr.trim();
}

function oneLine(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join(' ');
}

/**
 * The line that says what went wrong: the exception of a traceback (Cinder
 * logs it with a timestamp prefix and colour codes), else the last line.
 */
function failureLine(text: string): string {
  const lines = text
    .replace(/\x1b\[[0-9;]*m/g, '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  for (let index = lines.length - 1; index >= 0; index--) {
    const exception = /\b\w+(?:Error|Exception): .*/.exec(lines[index]!);
    if (exception) return exception[0];
  }
  return lines[lines.length - 1] ?? '(no output)';
}
