/** POSIX single quoting, valid in bash and zsh alike. */
export function singleQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}
