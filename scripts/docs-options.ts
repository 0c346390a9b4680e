// npm run docs:options: rewrites docs/configuration.md's tables of global options and files
// from src/cli/global-options.ts and src/state/file-catalog.ts.
import { readFileSync, writeFileSync } from 'node:fs';
import { CONFIGURATION_DOC, withGeneratedTables } from '../src/cli/configuration-doc.js';

// npm runs scripts in the package root.
const doc = readFileSync(CONFIGURATION_DOC, 'utf8');
writeFileSync(CONFIGURATION_DOC, withGeneratedTables(doc));
