import type { TextSink } from '../output/iostreams.js';

const PROGRAM = 'ucinder: ';

/**
 * Standard error in batch mode: every `ucinder: …` line (errors, warnings)
 * names the input line it came from, `ucinder: line 3: …`; progress and
 * other output pass unchanged.
 */
export function numberedErrors(stderr: TextSink, lineNumber: () => number): TextSink {
  let atLineStart = true;
  return {
    write(chunk: string) {
      let out = '';
      for (const piece of String(chunk).split(/(?<=\n)/)) {
        out += atLineStart && piece.startsWith(PROGRAM) ? `${PROGRAM}line ${lineNumber()}: ${piece.slice(PROGRAM.length)}` : piece;
        atLineStart = piece.endsWith('\n');
      }
      return stderr.write(out);
    },
  };
}
