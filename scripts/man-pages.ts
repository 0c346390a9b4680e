// npm run --silent man -- <outdir>: writes ucinder.1 and one page per leaf command
// (ucinder-volume-create.1, …) into <outdir>, generated from the command tree.
// SOURCE_DATE_EPOCH, when set, dates the pages (reproducible builds).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { manPages } from '../src/cli/man/pages.js';
import { buildWholeProgram } from '../src/commands/root.js';
import { bufferIOStreams } from '../src/output/iostreams.js';

const outdir = process.argv[2];
if (!outdir) {
  process.stderr.write('usage: npm run --silent man -- <outdir>\n');
  process.exit(2);
}
// npm runs scripts in the package root.
const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
const epoch = process.env.SOURCE_DATE_EPOCH;
const date = (epoch ? new Date(Number(epoch) * 1000) : new Date()).toISOString().slice(0, 10);
async function main(): Promise<void> {
  const program = await buildWholeProgram(() => {
    throw new Error('no command runs while generating the man pages');
  }, bufferIOStreams().io);
  mkdirSync(outdir, { recursive: true });
  const pages = manPages(program, { version, date });
  for (const page of pages) writeFileSync(join(outdir, `${page.name}.1`), page.text);
}

// CommonJS when piped into node: no top-level await.
void main();
