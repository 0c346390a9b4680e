import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const require = createRequire(resolve(ROOT, 'package.json'));

/**
 * src/http/undici-agent.ts imports undici's private lib/ files (the package
 * index costs ~100 ms of start-up). Private files may move or change in any
 * release, so package.json pins undici to the exact version they were
 * checked against; upgrading means re-checking these imports.
 */
const agentSource = readFileSync(resolve(ROOT, 'src/http/undici-agent.ts'), 'utf8');
const privateImports = [...agentSource.matchAll(/from '(undici\/lib\/[^']+)'/g)].map((match) => match[1]!);
// A devDependency: the bundles carry it, the published package declares none.
const pin = (JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies.undici!;
const trouble = `src/http/undici-agent.ts imports undici's private ${privateImports.join(' and ')}, checked against undici ${pin}`;

describe('undici private imports', () => {
  it('are the two the transport uses', () => {
    expect(privateImports).toEqual(['undici/lib/dispatcher/agent.js', 'undici/lib/api/api-request.js']);
  });

  it('come from the exact undici version package.json pins', () => {
    expect(pin, `${trouble}: pin an exact version in package.json, not a range`).toMatch(/^\d+\.\d+\.\d+$/);
    const installed = (require('undici/package.json') as { version: string }).version;
    expect(installed, `${trouble}, but ${installed} is installed: run npm ci, or re-check those files and move the pin`).toBe(pin);
  });

  it('still export what undici-agent.ts uses', () => {
    const load = (path: string): unknown => {
      try {
        return require(path);
      } catch (error) {
        throw new Error(`${trouble}, and ${path} no longer loads: ${(error as Error).message}`);
      }
    };
    const Agent = load('undici/lib/dispatcher/agent.js') as { prototype?: Record<string, unknown> };
    expect(typeof Agent, `${trouble}: its agent.js no longer exports the Agent class`).toBe('function');
    expect(typeof Agent.prototype?.close, `${trouble}: its Agent has no close()`).toBe('function');
    expect(typeof Agent.prototype?.dispatch, `${trouble}: its Agent has no dispatch()`).toBe('function');
    expect(typeof load('undici/lib/api/api-request.js'), `${trouble}: its api-request.js no longer exports request()`).toBe('function');
  });
});
