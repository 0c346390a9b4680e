import { main } from './main.js';
import { systemIOStreams } from './output/iostreams.js';

// The published bin's entry: wires the real process to main(). What changes
// the whole process is done here, but for one V8 flag: --liftoff-only is set
// in http/undici-agent.ts once undici is loaded (before its first connection),
// because built-ins loaded after it lose their code cache (measured there).

// `ucinder volume list | head -1` closes the pipe early; that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const interrupt = new AbortController();
process.once('SIGINT', () => {
  interrupt.abort();
  // Whatever is in flight unwinds on the abort; a second Ctrl-C, or a stuck
  // unwind, ends the process at once.
  process.once('SIGINT', () => process.exit(130));
  setTimeout(() => process.exit(130), 2000).unref();
});

const env = process.env;
// The bundle is CommonJS (see the build script), so no top-level await.
void main(process.argv.slice(2), {
  io: systemIOStreams(env),
  env,
  signal: interrupt.signal,
  programArgv: [process.execPath, ...process.execArgv, process.argv[1]],
}).then((code) => {
  process.exitCode = code;
});
