import { systemIOStreams } from './output/iostreams.js';
import { VERSION } from './version.js';

// The published bin's entry: wires the real process to main(). The build
// (scripts/build.mjs) keeps this bundle tiny: main() and the command tree are
// another bundle (cli.cjs), required below only when there is a command to
// run, and undici a third one, required at the first request. `--version`
// is answered before any of it loads. What changes the whole process is done
// here, but for one V8 flag: --liftoff-only is set in http/undici-agent.ts
// once undici is loaded (before its first connection), because built-ins
// loaded after it lose their code cache (measured there).

const argv = process.argv.slice(2);
if (argv.length === 1 && argv[0] === '--version') {
  process.stdout.write(`${VERSION}\n`);
} else {
  run();
}

function run(): void {
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
  // The bundle is CommonJS (see the build script): no top-level await, and
  // this import() becomes a require() of cli.cjs.
  void import('./main.js')
    .then(({ main }) =>
      main(argv, {
        io: systemIOStreams(env),
        env,
        signal: interrupt.signal,
        programArgv: [process.execPath, ...process.execArgv, process.argv[1]],
      }),
    )
    .then((code) => {
      process.exitCode = code;
    });
}
