import type { IOStreams } from './iostreams.js';

/** Shows the status of something being waited for, on stderr. */
export interface Progress {
  update(text: string): void;
  stop(finalText?: string): void;
}

/**
 * An ora spinner when stderr is a terminal; otherwise one plain line per
 * change, so logs of scripts still show what happened.
 */
export async function startProgress(io: IOStreams, text: string): Promise<Progress> {
  // A terminal that reports no width (script(1), some `docker exec -t`) sends
  // ora into an endless clear-line loop: plain lines there too.
  const width = (io.stderr as { columns?: number }).columns;
  if (!io.stderrIsTTY || !width) {
    io.stderr.write(`${text}\n`);
    return {
      update: (line) => io.stderr.write(`${line}\n`),
      stop: (finalText) => {
        if (finalText) io.stderr.write(`${finalText}\n`);
      },
    };
  }
  const { default: ora } = await import('ora');
  const spinner = ora({ text, stream: io.stderr as NodeJS.WritableStream, discardStdin: false }).start();
  return {
    update: (line) => {
      spinner.text = line;
    },
    stop: (finalText) => {
      if (finalText) spinner.stopAndPersist({ symbol: '✔', text: finalText });
      else spinner.stop();
    },
  };
}
