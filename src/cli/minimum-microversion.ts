import type { Command, Option } from 'commander';

/**
 * The oldest Block Storage API microversion a command or one of its options
 * needs, for the man pages. A declared version (set where the command is
 * defined) wins; otherwise the version its help text states, "(API 3.13+)",
 * which is how the commands document it. For a command, the nouns above it
 * count too: `volume group snapshot list` needs what "Volume group snapshots
 * (API 3.14+)" says.
 */
const DECLARED = new WeakMap<Command | Option, string>();

export function declareMinimumMicroversion(target: Command | Option, version: string): void {
  if (!MICROVERSION.test(version)) throw new Error(`not a 3.N microversion: ${version}`);
  DECLARED.set(target, version);
}

const MICROVERSION = /^3\.\d+$/;
/** "API 3.47", "(API 3.13+)", "(API 3.7+, admin)": the first one a text names. */
const STATED = /\bAPI (3\.\d+)\b/;

export function optionMinimumMicroversion(option: Option): string | undefined {
  return DECLARED.get(option) ?? STATED.exec(option.description)?.[1];
}

export function commandMinimumMicroversion(command: Command): string | undefined {
  const versions: string[] = [];
  for (let current: Command | null = command; current; current = current.parent) {
    const version = DECLARED.get(current) ?? (STATED.exec(current.summary()) ?? STATED.exec(current.description()))?.[1];
    if (version) versions.push(version);
  }
  return versions.reduce<string | undefined>((newest, version) => (newest && minor(newest) >= minor(version) ? newest : version), undefined);
}

function minor(version: string): number {
  return Number(version.split('.')[1]);
}
