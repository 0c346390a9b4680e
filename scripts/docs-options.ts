// npm run docs:options: rewrites docs/configuration.md's table of global options from src/cli/global-options.ts.
import { readFileSync, writeFileSync } from 'node:fs';
import { OPTIONS_DOC, withGlobalOptionsTable } from '../src/cli/global-options-readme.js';

// npm runs scripts in the package root.
const doc = readFileSync(OPTIONS_DOC, 'utf8');
writeFileSync(OPTIONS_DOC, withGlobalOptionsTable(doc));
