import { Command } from 'commander';
import { Factory, type FactoryDeps } from '../cli/factory.js';
import { addGlobalOptions } from '../cli/global-options.js';
import { resolveSettings, type Settings } from '../cli/settings.js';
import type { Env } from '../env.js';
import { UsageError } from '../errors.js';
import type { Confirmer } from '../output/confirm.js';
import type { IOStreams } from '../output/iostreams.js';

/** main(), handed in: shell/ sits below the top and may not import it. */
export type LineRunner = (argv: string[], deps: FactoryDeps, line: ShellLine) => Promise<number>;

/** What main() is handed with each line of one shell, and keeps across them. */
export interface ShellLine {
  /** The shell's factory for these settings, kept across lines (the shell closes it). */
  factoryFor: (settings: Settings) => Factory;
  /**
   * The command tree, built for the first line and parsed again for every
   * other (Commander restores its state before each parse): building it
   * costs more than a request to a local Cinder.
   */
  program?: Command;
}

export interface ShellOptions {
  deps: FactoryDeps;
  /** The settings of the command line that opened the shell. */
  settings: Settings;
  /** Global options given with `shell`: they apply to every line. */
  globalArgs: string[];
  runLine: LineRunner;
}

const PROJECT_FLAGS = ['--os-project-id', '--os-project-name'];
const PROJECT_VARIABLES = ['OS_PROJECT_ID', 'OS_TENANT_ID', 'OS_PROJECT_NAME', 'OS_TENANT_NAME'];

/**
 * What the lines of one shell (or batch) share: one Factory per distinct
 * settings, so one authentication, one API discovery and one kept-alive
 * connection serve every line that does not change them. A line's own global
 * options make (and keep) a factory of their own.
 */
export class ShellSession {
  private readonly factories = new Map<string, Factory>();
  private lineSignal?: AbortSignal;
  private args: string[];
  private env: Env;
  private readonly lineDeps: FactoryDeps;
  private readonly line: ShellLine = { factoryFor: (settings) => this.factoryFor(settings) };

  constructor(
    private readonly options: ShellOptions,
    io: IOStreams = options.deps.io,
  ) {
    this.args = [...options.globalArgs];
    this.env = { ...options.deps.env };
    const outer = options.deps;
    // A getter: the factories outlive a line, each line brings its own Ctrl-C.
    const shell = this;
    this.lineDeps = {
      ...outer,
      io,
      get env() {
        return shell.env;
      },
      get signal() {
        return shell.lineSignal ?? outer.signal;
      },
    };
  }

  get io(): IOStreams {
    return this.lineDeps.io;
  }

  /** Aborted by Ctrl-C during the running line. */
  get signal(): AbortSignal | undefined {
    return this.lineDeps.signal;
  }

  /** At the prompt, questions go through the shell's own line editor: a second reader of the terminal would also feed the answer to the prompt. */
  useConfirmer(confirm: Confirmer): void {
    this.lineDeps.confirm = confirm;
  }

  /** Runs one line's words as the CLI would; `signal` aborts it (Ctrl-C at the prompt). */
  async run(words: string[], signal?: AbortSignal): Promise<number> {
    this.lineSignal = signal && this.options.deps.signal ? AbortSignal.any([signal, this.options.deps.signal]) : signal;
    try {
      return await this.options.runLine([...this.args, ...words], this.lineDeps, this.line);
    } finally {
      this.lineSignal = undefined;
    }
  }

  /** The factory of the shell's own settings (no per-line options): completion and the prompt use it. */
  current(): Factory {
    return this.factoryFor(this.settingsFor(this.args));
  }

  /** `use cloud NAME`: later lines use that clouds.yaml entry; fails (and changes nothing) for an unknown cloud. */
  async useCloud(name: string): Promise<void> {
    const args = [...withoutFlags(this.args, ['--os-cloud', ...PROJECT_FLAGS]), '--os-cloud', name];
    await this.factoryFor(this.settingsFor(args)).effectiveSettings();
    this.args = args;
  }

  /**
   * `use project NAME|ID`: the same credentials scoped to another project.
   * Keystone resolves a name to its ID; noauth takes the word as the ID (and
   * its `user:project` token follows).
   */
  async useProject(nameOrId: string): Promise<void> {
    const factory = this.current();
    const settings = await factory.effectiveSettings();
    const plugin = await factory.authPlugin();
    const projectId = plugin.findIdentityId ? await plugin.findIdentityId('project', nameOrId) : nameOrId;
    const args = [...withoutFlags(this.args, [...PROJECT_FLAGS, ...(plugin.authType === 'noauth' ? ['--os-token'] : [])]), '--os-project-id', projectId];
    const token = settings.auth.token;
    if (plugin.authType === 'noauth' && token?.includes(':')) args.push('--os-token', `${token.slice(0, token.indexOf(':'))}:${projectId}`);
    const env = { ...this.env };
    for (const name of PROJECT_VARIABLES) delete env[name];
    if (plugin.authType === 'noauth') delete env.OS_TOKEN;
    this.env = env;
    this.args = args;
  }

  /** `(ucinder CLOUD/PROJECT)`: the cloud's name (or the endpoint's host) and the project's name (or ID). */
  async prompt(): Promise<string> {
    const { where, project } = await this.place();
    return `(ucinder ${where ?? 'ucinder'}${project ? `/${shortId(project)}` : ''}) `;
  }

  /** Where the session's commands go: the cloud's name or the endpoint's host, and the project's name (or ID) once known. */
  async place(): Promise<{ where?: string; project?: string }> {
    const factory = this.current();
    let where: string | undefined;
    let project: string | undefined;
    try {
      const settings = await factory.effectiveSettings();
      where = settings.cloud ?? hostOf(settings.auth.endpoint) ?? hostOf(settings.auth.authUrl);
      project = settings.auth.projectName ?? settings.auth.projectId;
      const opened = factory.openedSession();
      if (opened) {
        const session = await opened.catch(() => undefined);
        project = (await session?.projectName().catch(() => undefined)) ?? project ?? (await session?.projectId().catch(() => undefined));
      }
    } catch {
      // A broken cloud entry shows up when a command runs; the prompt stays plain.
    }
    return { where, project };
  }

  async close(): Promise<void> {
    await Promise.all([...this.factories.values()].map((factory) => factory.close()));
    this.factories.clear();
  }

  private factoryFor(settings: Settings): Factory {
    const key = JSON.stringify(settings);
    let factory = this.factories.get(key);
    if (!factory) {
      factory = new Factory(this.lineDeps, settings);
      this.factories.set(key, factory);
    }
    return factory;
  }

  /** The settings global options give, as main() resolves them for a command. */
  private settingsFor(args: string[]): Settings {
    const program = new Command().exitOverride().configureOutput({ writeOut: () => undefined, writeErr: () => undefined });
    addGlobalOptions(program);
    try {
      program.parse(args, { from: 'user' });
    } catch (error) {
      throw new UsageError((error as Error).message.replace(/^error: /, ''));
    }
    return resolveSettings(program.opts(), this.env);
  }
}

function withoutFlags(args: string[], flags: string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const flag = args[i]!.split('=')[0]!;
    if (!flags.includes(flag)) kept.push(args[i]!);
    else if (!args[i]!.includes('=')) i++;
  }
  return kept;
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}

/** A 32-hex project ID is shown by its first 8 digits, as git shows commits: the prompt stays short. */
export function shortId(project: string): string {
  return /^[0-9a-f]{32}$/.test(project) ? project.slice(0, 8) : project;
}
