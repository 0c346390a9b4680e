import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../../src');

/**
 * The layers of ../shared/ARCHITECTURE.md, top first. A folder may import
 * from folders in rows below its own, never above and never across a row:
 * top → shell → commands → cli → completion → auth → api → http → (output | host | state).
 * The files directly in src/ are outside the rows: errors.ts, env.ts,
 * version.ts, python-literal.ts and pyyaml-resolver.ts are the base everyone may import (they
 * import no folder); main.ts and entry.ts sit on top and may import anything.
 * output/ is imported only by the layers that render (RENDERERS below).
 */
const LAYERS: readonly (readonly string[])[] = [
  // The full-screen console: its views and state machine over the shell's
  // session (it runs commands as shell lines); the terminal itself is output/'s.
  ['top'],
  // The interactive shell and batch mode: they run the command tree line by line.
  ['shell'],
  ['commands'],
  ['cli'],
  ['completion'],
  ['auth'],
  ['api'],
  ['http'],
  // Rendering, and the only two that touch the machine: side by side, independent.
  ['output', 'host', 'state'],
];
const TOP = new Set(['main.ts', 'entry.ts']);

/**
 * output/ sits low so that every layer above could use it, but only the
 * layers that run a command render: the API client, auth, completion and
 * http return data and typed errors, and never format for a terminal.
 */
const RENDERERS = new Set(['top', 'shell', 'commands', 'cli']);

/** Only these may touch the machine (files, processes, environment) directly. */
const MACHINE_FOLDERS = new Set(['host', 'state']);
/** Terminal streams and prompts: the process's own stdio, owned by output/. */
const TERMINAL_FILES = new Set(['output/iostreams.ts', 'output/confirm.ts']);
const MACHINE_MODULES = /^node:(fs|fs\/promises|child_process|os|net|dgram|worker_threads|cluster)$/;
const MACHINE_GLOBALS = new Set(['env', 'argv', 'execPath', 'execArgv', 'cwd', 'chdir', 'kill', 'exit', 'pid', 'stdin', 'stdout', 'stderr']);

function rowOf(folder: string): number {
  return LAYERS.findIndex((row) => row.includes(folder));
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every module a file names: static, type-only, re-exports and import(). */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return info.importedFiles.map((imported) => imported.fileName);
}

/** The `process.<name>` uses in a file's code (comments do not count). */
function processUses(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const uses: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'process') {
      if (MACHINE_GLOBALS.has(node.name.text)) uses.push(`process.${node.name.text}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return uses;
}

/** "cli/factory.ts" → "cli"; "errors.ts" → "" (a file directly in src/). */
function folderOf(pathInSrc: string): string {
  return pathInSrc.includes('/') ? pathInSrc.split('/')[0]! : '';
}

function edges(): { from: string; to: string; spec: string }[] {
  const found: { from: string; to: string; spec: string }[] = [];
  for (const file of sources(SRC)) {
    for (const spec of importsOf(file)) {
      if (!spec.startsWith('.')) continue;
      const target = relative(SRC, resolve(dirname(file), spec)).replace(/\.js$/, '.ts');
      found.push({ from: relative(SRC, file), to: target, spec });
    }
  }
  return found;
}

/** Why an import breaks the layers, or undefined when it keeps them. */
function violation(from: string, to: string): string | undefined {
  const fromFolder = folderOf(from);
  const toFolder = folderOf(to);
  if (fromFolder === toFolder) return undefined;
  if (fromFolder === '') return TOP.has(from) ? undefined : 'a base file (errors, env, version) imports nothing from the folders';
  if (toFolder === '') return TOP.has(to) ? 'imports main/entry' : undefined;
  const fromRow = rowOf(fromFolder);
  const toRow = rowOf(toFolder);
  if (fromRow < 0) return `src/${fromFolder}/ is not in the layer table`;
  if (toRow < 0) return `src/${toFolder}/ is not in the layer table`;
  if (toRow < fromRow) return `${fromFolder} imports ${toFolder}, a layer above it`;
  if (toRow === fromRow) return `${fromFolder} and ${toFolder} sit side by side and must not import each other`;
  if (toFolder === 'output' && !RENDERERS.has(fromFolder)) return `${fromFolder} imports output, but only ${[...RENDERERS].join(', ')} render`;
  return undefined;
}

describe('layers', () => {
  it('every import runs down the layers', () => {
    const all = edges();
    // The walk found the tree (guards against a wrong SRC making this vacuous).
    expect(all.length).toBeGreaterThan(300);
    const broken = all
      .map((edge) => ({ ...edge, why: violation(edge.from, edge.to) }))
      .filter((edge) => edge.why)
      .map((edge) => `src/${edge.from} -> ${edge.spec}: ${edge.why}`);
    expect(broken).toEqual([]);
  });

  it('every folder of src/ has its place in the layer table', () => {
    const folders = readdirSync(SRC, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name !== 'types')
      .map((entry) => entry.name);
    expect(folders.filter((folder) => rowOf(folder) < 0)).toEqual([]);
  });

  it('the checker itself refuses imports up, across and into the top', () => {
    expect(violation('api/session.ts', 'auth/select.ts')).toMatch(/layer above/);
    expect(violation('host/runner.ts', 'state/paths.ts')).toMatch(/side by side/);
    expect(violation('cli/factory.ts', 'commands/root.ts')).toMatch(/layer above/);
    expect(violation('api/resources/volumes.ts', 'output/values.ts')).toMatch(/only top, shell, commands, cli render/);
    expect(violation('http/http.ts', 'output/values.ts')).toMatch(/only top, shell, commands, cli render/);
    expect(violation('cli/views/volume.ts', 'output/values.ts')).toBeUndefined();
    expect(violation('errors.ts', 'api/session.ts')).toBeDefined();
    expect(violation('commands/root.ts', 'cli/command.ts')).toBeUndefined();
    expect(violation('main.ts', 'commands/root.ts')).toBeUndefined();
    expect(violation('shell/index.ts', 'top/index.ts')).toMatch(/layer above/);
    expect(violation('top/controller.ts', 'shell/shell-session.ts')).toBeUndefined();
  });

  it('only host/ and state/ touch the machine (files, processes, environment)', () => {
    const touching: string[] = [];
    for (const file of sources(SRC)) {
      const path = relative(SRC, file);
      if (MACHINE_FOLDERS.has(folderOf(path)) || TOP.has(path)) continue;
      const modules = importsOf(file).filter((spec) => MACHINE_MODULES.test(spec));
      if (modules.length) touching.push(`src/${path} imports ${modules.join(', ')}`);
      const uses = TERMINAL_FILES.has(path) ? [] : processUses(file);
      if (uses.length) touching.push(`src/${path} uses ${uses.join(', ')}`);
    }
    expect(touching).toEqual([]);
  });
});
