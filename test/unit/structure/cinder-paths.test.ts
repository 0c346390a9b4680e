import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../../src');

/** The session's request methods: what sends a request to a Cinder path. */
const REQUEST_METHODS = new Set(['get', 'post', 'put', 'delete', 'list', 'pages', 'projectless', 'postForRequestId', 'postWithRequestId']);
const CALLS = new RegExp(`\\.(${[...REQUEST_METHODS].join('|')})\\b`);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** A Cinder session however it is reached: `session`, `this.session`, `(await f.session())`. */
function isSession(expression: ts.Expression): boolean {
  if (ts.isParenthesizedExpression(expression) || ts.isAwaitExpression(expression)) return isSession(expression.expression);
  if (ts.isCallExpression(expression)) return isSession(expression.expression);
  if (ts.isIdentifier(expression)) return /session$/i.test(expression.text);
  if (ts.isPropertyAccessExpression(expression)) return /session$/i.test(expression.name.text);
  return false;
}

/** "file: session.method(…)" for every request a session is asked to send in `file`. */
function requestsIn(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  // Parsing is the slow part: only a file naming a session and calling a request method can hold one.
  if (!/session/i.test(text) || !CALLS.test(text)) return [];
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && REQUEST_METHODS.has(node.expression.name.text) && isSession(node.expression.expression)) {
      found.push(`src/${relative(SRC, file)}: session.${node.expression.name.text}(${node.arguments[0]?.getText(source) ?? ''})`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/**
 * api/resources/ owns every Cinder path and shape: a listing or a call
 * written elsewhere (a command, the status gatherer) is a second copy that
 * drifts, and skips the resource's checked envelope.
 */
describe('Cinder paths', () => {
  it('are requested only from src/api/resources/', () => {
    const all = sources(SRC).flatMap(requestsIn);
    // The scan finds the resource modules' requests (guards against a scan that finds nothing).
    expect(all.filter((request) => request.startsWith('src/api/resources/')).length).toBeGreaterThan(100);
    expect(all.filter((request) => !request.startsWith('src/api/resources/'))).toEqual([]);
  });

  it('the scan sees a request whatever the path looks like and however the session is reached', () => {
    expect(requestsIn(join(SRC, 'api/resources/volumes.ts'))).toContainEqual("src/api/resources/volumes.ts: session.list('/volumes/detail')");
    expect(requestsIn(join(SRC, 'api/resources/default-types.ts'))).toContainEqual("src/api/resources/default-types.ts: session.projectless('GET')");
    expect(requestsIn(join(SRC, 'api/resources/backups.ts'))).toContainEqual('src/api/resources/backups.ts: session.get(backupPath(id))');
  });
});
