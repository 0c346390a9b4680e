#!/usr/bin/env node
// Runs every test of the given vitest projects alone, one `vitest run -t`
// per test, and prints one line per test (PASS/FAIL, seconds, name) and a
// summary: proof that no test depends on another having run first.
//
//   node test/integration/run-each-alone.mjs [--project NAME]... [--file SUBSTRING]... [--name SUBSTRING]... [--out FILE]
//
// Defaults: --project integration --project integration-services. A run passes only when exactly one test
// ran and passed (a pattern that matched nothing is a failure too).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const projects = [];
const files = [];
const names = [];
let out;
for (let i = 2; i < process.argv.length; i++) {
  const arg = process.argv[i];
  if (arg === '--project') projects.push(process.argv[++i]);
  else if (arg === '--file') files.push(process.argv[++i]);
  else if (arg === '--name') names.push(process.argv[++i]);
  else if (arg === '--out') out = process.argv[++i];
  else throw new Error(`unknown argument ${arg}`);
}
if (projects.length === 0) projects.push('integration', 'integration-services');

const work = mkdtempSync(join(tmpdir(), 'run-each-alone-'));
const vitest = (args) => spawnSync('npx', ['vitest', ...args], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const tests = [];
for (const project of projects) {
  const listFile = join(work, `${project}.json`);
  const listed = vitest(['list', '--project', project, `--json=${listFile}`]);
  if (listed.status !== 0) throw new Error(`vitest list --project ${project} failed:\n${listed.stderr}`);
  for (const test of JSON.parse(readFileSync(listFile, 'utf8'))) {
    const file = relative(root, test.file);
    const wanted = (files.length === 0 || files.some((part) => file.includes(part))) && (names.length === 0 || names.some((part) => test.name.includes(part)));
    if (wanted) tests.push({ project, file, name: test.name });
  }
}

const results = [];
for (const [index, test] of tests.entries()) {
  // vitest matches -t against the suite and test names joined by spaces.
  const pattern = `^${escape(test.name.split(' > ').join(' '))}$`;
  const report = join(work, `report-${index}.json`);
  const started = Date.now();
  const run = vitest(['run', '--project', test.project, '-t', pattern, '--reporter=json', `--outputFile=${report}`]);
  const seconds = (Date.now() - started) / 1000;
  let summary;
  try {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    // A file-level message is a failed hook (beforeAll/afterAll) or an unhandled error.
    const errors = json.testResults.flatMap((file) => [...(file.message ? [file.message] : []), ...file.assertionResults.flatMap((result) => result.failureMessages ?? [])]);
    summary = { passed: json.numPassedTests, failed: json.numFailedTests, errors };
  } catch {
    summary = { passed: 0, failed: 0, errors: [] };
  }
  const ok = run.status === 0 && summary.passed === 1 && summary.failed === 0;
  results.push({ ...test, ok, seconds, ...summary });
  const line = `${ok ? 'PASS' : 'FAIL'}\t${seconds.toFixed(1)}s\t${test.file}\t${test.name}`;
  console.log(line);
  if (!ok) {
    console.log(`  exit ${run.status}, ${summary.passed} passed, ${summary.failed} failed`);
    console.log(summary.errors.length ? summary.errors.join('\n').slice(0, 4000) : `${run.stdout.slice(-3000)}${run.stderr.slice(-3000)}`);
  }
}

const failed = results.filter((result) => !result.ok);
const total = results.reduce((sum, result) => sum + result.seconds, 0);
console.log(`\n${results.length} tests run alone: ${results.length - failed.length} passed, ${failed.length} failed (${(total / 60).toFixed(1)} min)`);
if (out) writeFileSync(out, JSON.stringify(results, null, 2));
execFileSync('rm', ['-rf', work]);
process.exit(failed.length ? 1 : 0);
