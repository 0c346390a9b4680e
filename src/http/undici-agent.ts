// undici's Agent and request, and nothing else of undici (see transport.ts).
// The build makes this module a bundle of its own, dist/undici.cjs
// (scripts/build.mjs), required by transport.ts when a command makes its first
// request: --help, --version and a TAB never parse its ~290 KB.
// These lib/ files are private to undici: package.json pins its exact version
// and test/unit/api/undici-pin.test.ts fails when they move or the version differs.
import { setFlagsFromString } from 'node:v8';
import Agent from 'undici/lib/dispatcher/agent.js';
import request from 'undici/lib/api/api-request.js';

// undici parses HTTP with llhttp compiled to WebAssembly. V8 compiles it
// twice: Liftoff (baseline, fast to compile) and then TurboFan in the
// background, and a process cannot exit until that background compile
// ends: ~150 ms of every command spent idle after its last request.
// Liftoff code parses as fast for a CLI's responses (measured: 4 pages of
// 0.8 MB in 53 ms vs 56 ms, and 0.1 s less per process). undici compiles
// llhttp at its first connection, after this line.
// Set here, after undici and its built-ins load, not in entry.ts: once set, Node
// rejects its built-ins' code cache (NODE_DEBUG_NATIVE=CODE_CACHE says so),
// and every built-in loaded afterwards is compiled from source (measured:
// node:crypto 1.9 -> 4.7 ms CPU; set at start-up, it cost `volume list`
// ~7 ms and a TAB ~4 ms CPU).
setFlagsFromString('--liftoff-only');

/**
 * What undoes it: --liftoff-only also turns off these two tiering flags.
 * state/code-cache.ts applies it at the end of a run before storing the
 * compiled code of the bundles that loaded before this one, so that V8's
 * stamp of the flags on that code matches the next run's start.
 */
export const undoV8Flags = '--no-liftoff-only --wasm-tier-up --wasm-dynamic-tiering';

export { Agent, request };
