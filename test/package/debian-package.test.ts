import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdtempSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: the packaging scripts are plain JavaScript.
import { INSTALLED, SYSTEMD_UNIT_SOURCE } from '../../scripts/package/deb.mjs';
import { pollUntil } from '../support/poll.js';
import { lintianResult } from './lintian.js';
import { DEBIAN_VERSION, debianPackage, VERSION } from './release.js';

const DEB = debianPackage('amd64');

/** Runs a command without blocking the test worker (dpkg's triggers take a while): exit code and output. */
async function runAsync(program: string, args: string[], env?: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(program, args, { encoding: 'utf8', maxBuffer: 64 << 20, env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? String(error) };
  }
}

/** dpkg, waiting (bounded) while apt or another dpkg holds the package database. */
async function dpkg(...args: string[]): Promise<string> {
  const result = await pollUntil(
    () => runAsync('dpkg', args),
    (run) => !/locked by another process/.test(run.stderr),
    { attempts: 300, intervalMs: 1000 },
  );
  if (result.code !== 0) throw new Error(`dpkg ${args.join(' ')} failed:\n${result.stderr}`);
  return result.stdout;
}

function installedStatus(): string {
  const query = spawnSync('dpkg-query', ['-W', '-f', '${db:Status-Abbrev}', 'ucinder'], { encoding: 'utf8' });
  return query.status === 0 ? query.stdout.trim() : 'not known';
}

/** Every path the package holds (./usr/bin/ucinder -> /usr/bin/ucinder), directories included. */
function packagePaths(): string[] {
  return execFileSync('sh', ['-c', 'dpkg-deb --fsys-tarfile "$1" | tar -t', 'sh', DEB], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line && line !== './')
    .map((line) => line.replace(/^\./, '').replace(/\/$/, ''));
}

/** Which of `paths` exist on this machine (symlinks as themselves). */
function existing(paths: string[]): string[] {
  return paths.filter((path) => spawnSync('test', ['-e', path, '-o', '-L', path]).status === 0);
}

/** The packages whose files the installed executable loads (ldd, then dpkg -S), without :arch. */
function packagesOfLoadedLibraries(): string[] {
  const libraries = [...execFileSync('ldd', ['/usr/bin/ucinder'], { encoding: 'utf8' }).matchAll(/(\/\S+) \(0x/g)].map((match) => match[1]!);
  const owners = libraries.map((library) => {
    // usrmerge: dpkg knows /lib/… where the loader may say /usr/lib/… (or the other way round).
    for (const path of [library, library.replace(/^\/usr\/lib/, '/lib'), realpathSync(library), realpathSync(library).replace(/^\/usr\/lib/, '/lib')]) {
      const owner = spawnSync('dpkg', ['-S', path], { encoding: 'utf8' });
      if (owner.status === 0) return owner.stdout.split(':')[0]!;
    }
    throw new Error(`no package owns ${library}`);
  });
  return [...new Set(owners)].sort();
}

/**
 * The amd64 .deb installed on this machine with dpkg, used, and purged. Safe
 * to re-run: a ucinder package an earlier run left installed is purged first;
 * a /usr/bin/ucinder no package owns stops the test rather than be replaced.
 */
describe('the Debian package, installed with dpkg -i', () => {
  const paths = packagePaths();
  let before: string[];

  beforeAll(async () => {
    if (installedStatus() !== 'not known' && installedStatus() !== 'un') await dpkg('--purge', 'ucinder');
    before = existing(paths);
    const strays = before.filter((path) => !isDirectory(path));
    expect(strays, `files the package would install exist already, owned by no package: remove them first`).toEqual([]);
    await dpkg('-i', DEB);
  }, 600_000);

  afterAll(async () => {
    if (installedStatus().startsWith('i')) await dpkg('--purge', 'ucinder');
  }, 600_000);

  it('is installed, and /usr/bin/ucinder runs', () => {
    expect(installedStatus()).toBe('ii');
    expect(execFileSync('dpkg-query', ['-W', '-f', '${Version}', 'ucinder'], { encoding: 'utf8' })).toBe(DEBIAN_VERSION);
    expect(execFileSync('/usr/bin/ucinder', ['--version'], { encoding: 'utf8', env: { PATH: '/usr/bin:/bin' } })).toBe(`${VERSION}\n`);
  });

  it('depends on exactly the packages of the libraries the executable loads, not on nodejs', () => {
    const depends = execFileSync('dpkg-query', ['-W', '-f', '${Depends}', 'ucinder'], { encoding: 'utf8' });
    const named = depends
      .split(',')
      .map((item) => item.trim().split(/[\s(:]/)[0]!)
      .sort();
    expect(named).toEqual(packagesOfLoadedLibraries());
    expect(depends).not.toMatch(/node/);
    expect(execFileSync('dpkg-query', ['-W', '-f', '${Suggests}', 'ucinder'], { encoding: 'utf8' })).toBe('open-iscsi, ceph-common, nvme-cli');
  });

  it('has man pages that man finds', () => {
    expect(execFileSync('man', ['-w', 'ucinder-volume-create'], { encoding: 'utf8' }).trim()).toBe(`/${INSTALLED.man}/ucinder-volume-create.1.gz`);
    expect(execFileSync('man', ['-w', 'ucinder'], { encoding: 'utf8' }).trim()).toBe(`/${INSTALLED.man}/ucinder.1.gz`);
  });

  it('completes `ucinder volume cr` in bash, with the script that bash-completion loads on demand', () => {
    const driver = [
      'source /usr/share/bash-completion/bash_completion',
      '_completion_loader ucinder',
      'function=$(complete -p ucinder | sed -n "s/.*-F \\([^ ]*\\) .*/\\1/p")',
      'COMP_WORDS=(ucinder volume cr); COMP_CWORD=2; COMP_LINE="ucinder volume cr"; COMP_POINT=${#COMP_LINE}',
      '"$function" ucinder cr volume',
      'printf "%s\\n" "${COMPREPLY[@]}"',
    ].join('\n');
    const replies = execFileSync('bash', ['--norc', '--noprofile', '-c', driver], { encoding: 'utf8', env: { PATH: '/usr/bin:/bin', HOME: '/nonexistent' } });
    expect(replies.split('\n').filter(Boolean)).toEqual(['create']);
  });

  it('completes `ucinder volume cr` in fish, from its vendor completions', () => {
    // An empty home: only the system's configuration, which puts vendor_completions.d on the path.
    const home = mkdtempSync(join(tmpdir(), 'ucinder-fish-'));
    const replies = execFileSync('fish', ['-c', 'complete -C "ucinder volume cr"'], { encoding: 'utf8', cwd: home, env: { PATH: '/usr/bin:/bin', HOME: home } });
    expect(
      replies
        .split('\n')
        .filter(Boolean)
        .map((line) => line.split('\t')[0]),
    ).toEqual(['create']);
  });

  it("puts the zsh completion function on zsh's default fpath", () => {
    const loaded = execFileSync('zsh', ['-f', '-c', 'autoload -Uz +X _ucinder && whence -w _ucinder'], { encoding: 'utf8' });
    expect(loaded.trim()).toBe('_ucinder: function');
  });

  it('ships the systemd unit when the repository has one, and nothing enables it', () => {
    const unit = `/${INSTALLED.systemdUnit}`;
    if (existsSync(SYSTEMD_UNIT_SOURCE)) {
      expect(readFileSync(unit, 'utf8')).toBe(readFileSync(SYSTEMD_UNIT_SOURCE, 'utf8'));
    } else {
      expect(paths).not.toContain(unit);
    }
    const enabled = spawnSync('sh', ['-c', 'ls /etc/systemd/system/*/ucinder-connections.service 2>/dev/null'], { encoding: 'utf8' });
    expect(enabled.stdout).toBe('');
  });

  it('leaves nothing behind once purged', async () => {
    await dpkg('--purge', 'ucinder');
    expect(installedStatus()).toMatch(/^(un|not known)$/);
    expect(existing(paths)).toEqual(before);
  }, 600_000);
});

/** A directory the system had before (shared, like /usr/share/man/man1), as opposed to a stray file. */
function isDirectory(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

describe('lintian', () => {
  it('finds no error in either package, and README lists every warning it leaves', async () => {
    const [amd64, arm64] = await Promise.all([lintianResult('amd64'), lintianResult('arm64')]);
    const lines = [...amd64.output.split('\n'), ...arm64.output.split('\n')].filter(Boolean);
    expect(lines.filter((line) => line.startsWith('E:'))).toEqual([]);
    expect([amd64.code, arm64.code], amd64.output + arm64.output).toEqual(['0', '0']);
    const warnings = [...new Set(lines.filter((line) => line.startsWith('W:')).map((line) => /^W: \S+: (\S+)/.exec(line)![1]!))].sort();
    expect(warnings).toEqual(documentedLintianWarnings());
  }, 900_000);
});

/** The tags listed under "Lintian warnings" in docs/development.md (linked from README's Install section). */
function documentedLintianWarnings(): string[] {
  const text = readFileSync(join(import.meta.dirname, '../../docs/development.md'), 'utf8');
  const section = /### Lintian warnings\n([\s\S]*?)(\n#|$)/.exec(text);
  if (!section) throw new Error('docs/development.md has no "### Lintian warnings" section');
  return [...section[1]!.matchAll(/^- `([a-z0-9-]+)`/gm)].map((match) => match[1]!).sort();
}
