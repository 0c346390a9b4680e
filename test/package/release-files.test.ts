import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testbedEnv } from '../support/testbed.js';
import { privateHome, ROOT, ucinder } from '../support/ucinder-process.js';
import { debianPackage, executable, RELEASE, VERSION } from './release.js';

describe('release/', () => {
  it('holds the executables, the packages, the npm tarball and SHA256SUMS over all of them', () => {
    const artifacts = [executable('arm64'), executable('x64'), join(RELEASE, `ucinder-${VERSION}.tgz`), debianPackage('amd64'), debianPackage('arm64')].map((path) =>
      path.slice(RELEASE.length + 1),
    );
    expect(
      readdirSync(RELEASE)
        .filter((name) => !name.startsWith('.'))
        .sort(),
    ).toEqual([...artifacts, 'SHA256SUMS'].sort());
    const sums = readFileSync(join(RELEASE, 'SHA256SUMS'), 'utf8');
    expect(
      sums
        .split('\n')
        .filter(Boolean)
        .map((line) => line.split('  ')[1])
        .sort(),
    ).toEqual([...artifacts].sort());
    // As the README tells an operator to check a download.
    const check = execFileSync('sha256sum', ['--strict', '-c', 'SHA256SUMS'], { cwd: RELEASE, encoding: 'utf8' });
    expect(check.split('\n').filter(Boolean).sort()).toEqual(artifacts.map((name) => `${name}: OK`).sort());
  });

  it("names in README's Install section the files it holds", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const install = readme.slice(readme.indexOf('<!-- install:start -->'), readme.indexOf('<!-- install:end -->'));
    const named = [...install.matchAll(/ucinder[-_]\d[^\s`)]*/g)].map((match) => match[0]);
    expect(named.length).toBeGreaterThanOrEqual(4);
    expect(readdirSync(RELEASE)).toEqual(expect.arrayContaining(named));
  });
});

describe('the npm tarball', () => {
  const tarball = join(RELEASE, `ucinder-${VERSION}.tgz`);

  it('declares no run-time dependencies and no scripts', () => {
    const manifest = JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' })) as Record<string, unknown>;
    expect(manifest).toMatchObject({ name: 'ucinder', version: VERSION, bin: { ucinder: 'bin/ucinder' } });
    expect(manifest).not.toHaveProperty('dependencies');
    expect(manifest).not.toHaveProperty('scripts');
  });

  it('installs with npm install -g while no registry can be reached, and the command works', async () => {
    const prefix = mkdtempSync(join(tmpdir(), 'ucinder-npm-prefix-'));
    const cache = mkdtempSync(join(tmpdir(), 'ucinder-npm-cache-'));
    // A closed port for a registry and an empty cache: any fetch would fail the install.
    const install = [
      'install',
      '--global',
      '--prefix',
      prefix,
      '--cache',
      cache,
      '--registry',
      'http://127.0.0.1:9/',
      '--fetch-retries',
      '0',
      '--no-audit',
      '--no-fund',
      '--no-update-notifier',
      tarball,
    ];
    execFileSync('npm', install, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const command = [join(prefix, 'bin/ucinder')];
    const env = { ...testbedEnv(), ...privateHome() };
    const version = await ucinder(['--version'], env, { command });
    expect(version.stdout).toBe(`${VERSION}\n`);
    const list = await ucinder(['volume', 'list', '-f', 'json'], env, { command });
    expect(list.code, list.stderr).toBe(0);
    expect(Array.isArray(JSON.parse(list.stdout))).toBe(true);
  });
});
