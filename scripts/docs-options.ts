// npm run docs:options: rewrites README.md's table of global options from src/cli/global-options.ts.
import { readFileSync, writeFileSync } from 'node:fs';
import { withGlobalOptionsTable } from '../src/cli/global-options-readme.js';

// npm runs scripts in the package root.
const readme = readFileSync('README.md', 'utf8');
writeFileSync('README.md', withGlobalOptionsTable(readme));
