'use strict';
// The single executable's main script. A single executable's require() sees
// only Node's built-ins, so dist/'s bundles (the same files the npm command
// runs: ucinder.cjs, which requires cli.cjs, undici.cjs, … on demand) are
// assets of the executable, and this loader is the require() between them.
// Each is compiled with the V8 code cache that scripts/package/sea-code-cache.cjs
// made for it with the same Node at package time.
//
// Why not the whole program as one main script: every start-up would read and
// deserialize all of it (~880 KB), `--version` included, where the npm
// command loads only what a command needs.

/**
 * A require() for dist/'s files: `source(name)` is a bundle's text,
 * `codeCache(name)` its V8 code cache or undefined. `loaded` lists the
 * scripts compiled so far (the cache maker reads them).
 */
function distLoader(source, codeCache) {
  const vm = require('node:vm');
  const modules = new Map();
  const loaded = [];
  function load(name) {
    const known = modules.get(name);
    if (known) return known.exports;
    const module = { exports: {} };
    modules.set(name, module);
    const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source(name)}\n})`, {
      filename: `ucinder/dist/${name}`,
      cachedData: codeCache(name),
    });
    loaded.push({ name, script });
    script.runInThisContext().call(module.exports, module.exports, requireFrom, module, `ucinder/dist/${name}`, 'ucinder/dist');
    return module.exports;
  }
  function requireFrom(id) {
    return id.startsWith('./') ? load(id.slice(2)) : require(id);
  }
  return { load, loaded };
}

const sea = require('node:sea');
if (sea.isSea()) {
  const asset = (name) => {
    try {
      return sea.getAsset(name);
    } catch {
      return undefined;
    }
  };
  const { load } = distLoader(
    (name) => sea.getAsset(name, 'utf8'),
    (name) => {
      const cache = asset(`${name}.cache`);
      return cache && Buffer.from(cache);
    },
  );
  load('ucinder.cjs');
} else {
  module.exports = { distLoader };
}
