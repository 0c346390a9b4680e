import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
/** Where a name exported by src/ may be used: the code, its tests, the build scripts and the benchmarks. */
const READERS = ['src', 'test', 'scripts', 'bench'];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'fixtures' ? [] : files(path);
    return /\.(ts|mjs|cjs)$/.test(entry.name) ? [path] : [];
  });
}

/** The names a file's top-level statements export (`export function f`, `export const A, B`, `export interface I` …). */
function exportedNames(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  return source.statements.flatMap((statement) => {
    const modifiers = ts.canHaveModifiers(statement) ? ts.getModifiers(statement) : undefined;
    if (!modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)) return [];
    if (ts.isVariableStatement(statement))
      return statement.declarationList.declarations.flatMap((declaration) => (ts.isIdentifier(declaration.name) ? [declaration.name.text] : []));
    const name = (statement as { name?: ts.Node }).name;
    return name && ts.isIdentifier(name) ? [name.text] : [];
  });
}

/**
 * An export is for other files: one that no other file names is either dead
 * or local, and says the wrong thing to a reader ("something outside uses
 * this"). Any mention as a word counts, even a comment's, so the check errs
 * towards leaving an export alone (a dynamic `m.registerX` counts as a use).
 */
describe('exports', () => {
  it('every name src/ exports is named by another file', () => {
    const all = READERS.flatMap((dir) => files(join(ROOT, dir)));
    const texts = new Map(all.map((file) => [file, readFileSync(file, 'utf8')]));
    // For each identifier-like word, the files that contain it.
    const filesOf = new Map<string, Set<string>>();
    for (const [file, text] of texts) {
      for (const word of new Set(text.match(/[A-Za-z_$][\w$]*/g) ?? [])) {
        let holders = filesOf.get(word);
        if (!holders) filesOf.set(word, (holders = new Set()));
        holders.add(file);
      }
    }
    const unused = all
      .filter((file) => file.startsWith(join(ROOT, 'src')) && file.endsWith('.ts') && !file.endsWith('.d.ts'))
      .flatMap((file) =>
        exportedNames(file, texts.get(file)!)
          .filter((name) => [...(filesOf.get(name) ?? [])].every((holder) => holder === file))
          .map((name) => `${relative(ROOT, file)}: ${name}`),
      );
    expect(unused).toEqual([]);
  });

  it('the check sees each kind of exported declaration (a list of re-exports is not one)', () => {
    const text = 'export function f() {}\nexport const A = 1, B = 2;\nexport interface I {}\nexport type T = I;\nexport class C {}\nconst hidden = 0;\nexport { hidden };\n';
    expect(exportedNames('x.ts', text)).toEqual(['f', 'A', 'B', 'I', 'T', 'C']);
  });
});
