/** A stack trace line ("    at fn (file:1:2)") anywhere in the text. */
export const STACK_TRACE = /^\s+at .+[:(]\d+/m;

/** The lines of stderr, without the trailing newline. */
export function lines(text: string): string[] {
  return text.split('\n').filter((line) => line !== '');
}
