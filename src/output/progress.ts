import type { IOStreams } from './iostreams.js';

/** Shows the status of something being waited for, on stderr. */
interface Progress {
  update(text: string): void;
  /** A line that stays (the spinner's text is replaced by the next update). */
  note(line: string): void;
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
      note: (line) => io.stderr.write(`${line}\n`),
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
    note: (line) => {
      spinner.clear();
      io.stderr.write(`${line}\n`);
      spinner.render();
    },
    stop: (finalText) => {
      if (finalText) spinner.stopAndPersist({ symbol: '✔', text: finalText });
      else spinner.stop();
    },
  };
}
