// /usr/share/doc/ucinder/copyright in Debian's machine-readable format:
// packaging/debian/copyright.in (ucinder's own paragraph and the common
// licences) with one paragraph per npm package dist/'s bundles hold — taken
// from esbuild's metafiles, so it names exactly what is built in — and
// one per part of the embedded Node.js, taken from Node's own LICENSE file.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** npm's licence names -> the copyright format's, for the licences copyright.in spells out. */
const LICENSES = { MIT: 'Expat', ISC: 'ISC', 'Apache-2.0': 'Apache-2.0' };

const APACHE_2_REFERENCE = 'On Debian systems, the full text of the Apache License, Version 2.0 can be found in /usr/share/common-licenses/Apache-2.0.';

/** A field's value as continuation lines: each indented by one space, an empty line as " .". */
function continuation(lines) {
  return lines.map((line) => (line.trim() ? ` ${line.replace(/\t/g, '    ').trimEnd()}` : ' .')).join('\n');
}

/** The "Copyright …" statements of a licence text, without the word itself (the format's Copyright field). */
function copyrightHolders(text) {
  const holders = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /^(copyright\b|\(c\)|©)/i.test(line) && !/copyright (notice|holders?\b|owner)|and permission notice|\[yyyy\]|<year>/i.test(line))
    .map((line) => line.replace(/^copyright\s*(\(c\)|©)?\s*/i, '').replace(/^(\(c\)|©)\s*/i, ''));
  return [...new Set(holders)];
}

/** The directories of the npm packages that the `metafiles`' inputs come from (nested ones included). */
function packageDirectories(metafiles) {
  const directories = new Set();
  for (const input of metafiles.flatMap((metafile) => Object.keys(metafile.inputs))) {
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match) directories.add(match[1]);
  }
  return [...directories].sort();
}

function bundledPackageParagraph(directory) {
  const manifest = JSON.parse(readFileSync(join(ROOT, directory, 'package.json'), 'utf8'));
  const license = LICENSES[manifest.license];
  if (!license) throw new Error(`${manifest.name} is licensed '${manifest.license}': add that licence to packaging/debian/copyright.in and scripts/package/copyright.mjs`);
  const licenseFiles = readdirSync(join(ROOT, directory)).filter((name) => /^(licen[cs]e|copying)/i.test(name));
  const holders = licenseFiles.flatMap((name) => copyrightHolders(readFileSync(join(ROOT, directory, name), 'utf8')));
  const author = typeof manifest.author === 'string' ? manifest.author : manifest.author?.name;
  return [
    `Files: ${directory}/*`,
    `Copyright: ${(holders.length ? holders : [author ?? `the ${manifest.name} authors`]).join('\n ')}`,
    `License: ${license}`,
    `Comment: ${manifest.name} ${manifest.version}, built into /usr/bin/ucinder.`,
  ].join('\n');
}

/** Node's LICENSE: its own licence (the head), then "- NAME, located at PATH, is licensed as follows:" and a quoted text per library. */
function nodeParagraphs(licenseText) {
  const head = licenseText.slice(0, licenseText.indexOf('The externally maintained libraries'));
  const own = [`Files: node/*`, `Copyright: ${copyrightHolders(head).join('\n ')}`, 'License: Expat'].join('\n');
  const parts = [...licenseText.matchAll(/^- (.+?), located at (\S+?)\/?, is licensed as follows:\n {2}"""\n([\s\S]*?)\n {2}"""$/gm)];
  if (parts.length === 0) throw new Error("Node's LICENSE no longer lists its libraries as '- NAME, located at PATH, is licensed as follows:'");
  const paragraphs = parts.map(([, name, path, quoted]) => {
    const lines = quoted.split('\n');
    const indent = Math.min(...lines.filter((line) => line.trim()).map((line) => /^ */.exec(line)[0].length));
    let text = lines.map((line) => line.slice(indent)).join('\n');
    // Debian points at its copy of the Apache licence rather than repeating it.
    text = text.replace(/^[ \t]*Apache License\s*\n[ \t]*Version 2\.0, January 2004[\s\S]*?END OF TERMS AND CONDITIONS[ \t]*$/m, APACHE_2_REFERENCE);
    const holders = copyrightHolders(text);
    const files = `node/${path}${/\.[a-z]+$/.test(path) ? '' : '/*'}`;
    const slug = name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
    const onlyApache = text.trim() === APACHE_2_REFERENCE;
    return [
      `Files: ${files}`,
      `Copyright: ${(holders.length ? holders : [`the ${name} authors`]).join('\n ')}`,
      onlyApache ? 'License: Apache-2.0' : `License: Node.js-${slug}\n${continuation(text.replace(/^\n+|\n+$/g, '').split('\n'))}`,
      `Comment: ${name}, part of the Node.js runtime embedded in /usr/bin/ucinder.`,
    ].join('\n');
  });
  return [own, ...paragraphs].join('\n\n');
}

/** The copyright file for the package built from the bundles of `metafiles` and the Node of `nodeLicense` (a path). */
export function debianCopyright({ metafiles, nodeLicense, nodeVersion }) {
  const template = readFileSync(join(ROOT, 'packaging/debian/copyright.in'), 'utf8');
  const directories = packageDirectories(metafiles);
  if (directories.length === 0) throw new Error('the bundles hold no npm package');
  if (!existsSync(nodeLicense)) throw new Error(`no Node.js LICENSE at ${nodeLicense}`);
  return template
    .replace('@NODE_VERSION@', nodeVersion)
    .replace('@BUNDLED@', directories.map(bundledPackageParagraph).join('\n\n'))
    .replace('@NODE@', nodeParagraphs(readFileSync(nodeLicense, 'utf8')));
}
