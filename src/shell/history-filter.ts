import { splitShellWords } from '../host/shell-words.js';

/** Flags whose value is a secret: a line naming one is never written to the history. */
export const SECRET_FLAGS = ['--os-password', '--os-token', '--os-application-credential-secret', '--auth-key'] as const;

/**
 * Whether a line may be remembered. A line carrying a secret is not (judged
 * on its raw text as well as its words, so quoting cannot smuggle one in),
 * nor one starting with a space (bash's ignorespace: the operator's own way
 * to keep a line out), nor a blank one.
 */
export function belongsInHistory(line: string): boolean {
  if (line.trim() === '' || /^\s/.test(line)) return false;
  if (SECRET_FLAGS.some((flag) => line.includes(flag))) return false;
  let words: string[];
  try {
    words = splitShellWords(line, { comments: true });
  } catch {
    return true;
  }
  return !words.some((word) => SECRET_FLAGS.some((flag) => word === flag || word.startsWith(`${flag}=`)));
}
