import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, Option } from 'commander';
import { beforeAll, describe, expect, it } from 'vitest';
import { GLOBAL_OPTIONS } from '../../../src/cli/global-options.js';
import { commandPath } from '../../../src/cli/help-layout.js';
import { EXIT_STATUS, leafCommands, manPages, pageName, type ManPage } from '../../../src/cli/man/pages.js';
import { wrapCommand } from '../../../src/cli/man/roff.js';
import { commandMinimumMicroversion, declareMinimumMicroversion, optionMinimumMicroversion } from '../../../src/cli/minimum-microversion.js';
import { EXIT_FAILURE, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE } from '../../../src/main.js';
import { FILE_CATALOG } from '../../../src/state/file-catalog.js';
import { REPO_ROOT, realProgram } from '../completion/helpers.js';
import { newAgent, run, tempDir } from '../helpers/harness.js';

const INFO = { version: '9.8.7', date: '2026-01-02' };

/** Roff back to the text a reader sees: font changes dropped, escapes decoded. */
function plain(roff: string): string {
  return roff
    .replace(/\\f[BIRP]/g, '')
    .replace(/\\&/g, '')
    .replace(/\\-/g, '-')
    .replace(/\\\(aq/g, "'")
    .replace(/\\\(ga/g, '`')
    .replace(/\\\(dq/g, '"')
    .replace(/\\\[u([0-9A-F]{4,6})\]/g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/\\e/g, '\\');
}

/** A page's sections: title → the roff lines under it. */
function sections(page: ManPage): Map<string, string[]> {
  const found = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of page.text.split('\n')) {
    const heading = /^\.SH (.+)$/.exec(line);
    if (heading) found.set(heading[1]!, (current = []));
    else current?.push(line);
  }
  return found;
}

/** The entries of a section made of `.TP` paragraphs: term → text (joined, plain). */
function tagged(lines: string[]): Map<string, string> {
  const entries = new Map<string, string>();
  lines.forEach((line, index) => {
    if (line !== '.TP') return;
    const text: string[] = [];
    for (const next of lines.slice(index + 2)) {
      if (next.startsWith('.') && next !== '.br') break;
      if (next !== '.br') text.push(plain(next));
    }
    entries.set(plain(lines[index + 1]!), text.join(' '));
  });
  return entries;
}

/** The verbatim lines of a section, continuations (` \` then an indented or, inside quotes, unindented line) joined back. */
function verbatim(lines: string[]): string[] {
  const raw = lines.slice(lines.indexOf('.nf') + 1, lines.indexOf('.fi')).map(plain);
  return raw
    .join('\n')
    .replace(/ \\\n {4}/g, ' ')
    .replace(/ \\\n/g, ' ')
    .split('\n');
}

/** What `--help` shows: its options (term → description) and the lines of a section such as "Examples:". */
function parseHelp(text: string): { usage: string; options: Map<string, string>; section: (heading: string) => string[] } {
  const blocks = text.split(/\n(?=[A-Z][A-Za-z ]*:\n)/);
  const block = (heading: string) =>
    blocks
      .find((candidate) => candidate.startsWith(`${heading}:\n`))
      ?.split('\n')
      .slice(1)
      .filter(Boolean) ?? [];
  const options = new Map<string, string>();
  let last: string | undefined;
  for (const line of block('Options')) {
    const entry = /^ {2}(-\S.*?)(?: {2,}(.*))?$/.exec(line);
    if (entry) options.set((last = entry[1]!), entry[2] ?? '');
    else if (last) options.set(last, `${options.get(last)} ${line.trim()}`);
  }
  for (const [term, description] of options) options.set(term, description.replace(/\s+/g, ' ').trim());
  return { usage: /^Usage: (.*)$/m.exec(text)![1]!, options, section: (heading) => block(heading).map((line) => line.replace(/^ {2}/, '')) };
}

const program = await realProgram();

describe('man pages, generated from the command tree', () => {
  const leaves = leafCommands(program);
  const pages = new Map(manPages(program, INFO).map((page) => [page.name, page]));
  const root = pages.get('ucinder')!;

  it('has ucinder(1) and one page per leaf command, named by its words', () => {
    expect(leaves.length).toBeGreaterThan(100);
    expect([...pages.keys()].sort()).toEqual(['ucinder', ...leaves.map(pageName)].sort());
    expect(pages.has('ucinder-volume-create')).toBe(true);
    expect(pages.has('ucinder-volume-type-access-list')).toBe(true);
    // Commander's implicit `<noun> help` and hidden commands have no page; the root's help command has one.
    expect(pages.has('ucinder-volume-help')).toBe(false);
    expect(pages.has('ucinder-completion-names')).toBe(false);
    expect(pages.has('ucinder-help')).toBe(true);
  });

  it("each leaf's page shows exactly the usage, options, descriptions and examples of its --help", async () => {
    const { agent } = newAgent();
    const drift: string[] = [];
    for (const leaf of leaves) {
      const path = commandPath(leaf).slice(1);
      const result = await run([...path, '--help'], agent);
      expect(result.code, `${path.join(' ')} --help`).toBe(0);
      const help = parseHelp(result.stdout);
      const page = sections(pages.get(pageName(leaf))!);
      const synopsis = plain(page.get('SYNOPSIS')!.join(' '));
      if (synopsis !== help.usage) drift.push(`${path.join(' ')}: synopsis '${synopsis}' is not the usage '${help.usage}'`);
      const options = tagged(page.get('OPTIONS')!);
      if (JSON.stringify([...options]) !== JSON.stringify([...help.options])) {
        drift.push(`${path.join(' ')}: OPTIONS ${JSON.stringify([...options])} differ from --help ${JSON.stringify([...help.options])}`);
      }
      // Wrapping a long line joins the spaces that align a trailing comment.
      const squeezed = (lines: string[]) => lines.map((line) => line.replace(/ {2,}#/, ' #'));
      const examples = squeezed(help.section('Examples'));
      const pageExamples = squeezed(page.has('EXAMPLES') ? verbatim(page.get('EXAMPLES')!) : []);
      if (JSON.stringify(pageExamples) !== JSON.stringify(examples)) drift.push(`${path.join(' ')}: EXAMPLES ${JSON.stringify(pageExamples)} are not ${JSON.stringify(examples)}`);
      const argumentTerms = [...tagged(page.get('ARGUMENTS') ?? []).keys()];
      const usageArguments = help.usage.split(' ').filter((word) => /^[<[]/.test(word) && word !== '[options]');
      if (JSON.stringify(argumentTerms) !== JSON.stringify(usageArguments)) drift.push(`${path.join(' ')}: ARGUMENTS ${argumentTerms} are not ${usageArguments}`);
    }
    expect(drift).toEqual([]);
  }, 300_000);

  it('shows another section of --help too (the shell\'s "At the prompt")', () => {
    const prompt = tagged(sections(pages.get('ucinder-shell')!).get('AT THE PROMPT')!);
    expect(prompt.get('use cloud NAME')).toBe('switch to a cloud of clouds.yaml');
    expect(prompt.get('TAB')).toBe('completes commands, flags, values, columns, names');
    expect(prompt.get('Ctrl-R')).toContain('searches the history');
  });

  it('ucinder(1) lists every global option of ucinder --help, with its variables, default and choices', async () => {
    const help = parseHelp((await run(['--help'], newAgent().agent)).stdout);
    const options = tagged(sections(root).get('OPTIONS')!);
    expect([...options.keys()]).toEqual([...help.options.keys()]);
    for (const row of GLOBAL_OPTIONS) {
      const text = options.get(row.flag)!;
      expect(text).toContain(row.help);
      expect(text).toContain(`Variables: ${row.env.join(', ')}`);
      if ('default' in row) expect(text).toContain(`Default: ${row.default}.`);
      if ('choices' in row) expect(text).toContain(`One of: ${row.choices.join(', ')}.`);
    }
  });

  it('ucinder(1) has the files, the exit status of main, the commands and a page reference for each', () => {
    const page = sections(root);
    const files = tagged(page.get('FILES')!);
    expect([...files.keys()]).toEqual(FILE_CATALOG.map((file) => file.path));
    expect(files.get('$XDG_CACHE_HOME/ucinder/tokens/*.json')).toBe('Keystone tokens (0600, until shortly before expiry)');
    expect([...tagged(page.get('EXIT STATUS')!).keys()]).toEqual([EXIT_OK, EXIT_FAILURE, EXIT_USAGE, EXIT_INTERRUPTED].map(String));
    expect(EXIT_STATUS.map((status) => status.code)).toEqual([EXIT_OK, EXIT_FAILURE, EXIT_USAGE, EXIT_INTERRUPTED]);
    const commands = tagged(page.get('COMMANDS')!);
    expect(commands.get('ucinder volume create [options] <name>')).toBe('Create a volume');
    expect(commands.size).toBe(leaves.length);
    const seeAlso = plain(page.get('SEE ALSO')!.join(' '));
    for (const leaf of leaves) expect(seeAlso).toContain(`${pageName(leaf)}(1)`);
    expect(verbatim(page.get('EXAMPLES')!)).toContain('$ ucinder volume create --size 1 --type mmj2 --wait vol1');
  });

  it('states the API microversion a command and its options need', () => {
    const api = (name: string) => plain(sections(pages.get(name)!).get('API MICROVERSION')!.join(' '));
    // From the noun: "Volume group snapshots (API 3.14+)".
    expect(api('ucinder-volume-group-snapshot-list')).toContain('Needs Block Storage API microversion 3.14 or later.');
    expect(api('ucinder-volume-attachment-list')).toContain('microversion 3.27 or later');
    // From the command's own summary.
    expect(api('ucinder-volume-revert')).toContain('microversion 3.40 or later');
    // From its options' help.
    const create = api('ucinder-volume-create');
    expect(create).toContain('Works with any microversion of the Block Storage API v3 (3.0 and later), but for these options:');
    expect(create).toContain('--backup needs 3.47 or later.');
    expect(create).toContain('--cluster needs 3.16 or later.');
    // A command that needs nothing newer than 3.0 has no such section.
    expect(sections(pages.get('ucinder-volume-show')!).has('API MICROVERSION')).toBe(false);
    expect(sections(pages.get('ucinder-completion-fish')!).has('API MICROVERSION')).toBe(false);
  });

  it('reads a declared minimum microversion before the help text, and the newest of the command and its nouns', () => {
    const parent = new Command('group').summary('Groups (API 3.13+)');
    const leaf = parent.command('list').summary('List groups');
    expect(commandMinimumMicroversion(leaf)).toBe('3.13');
    declareMinimumMicroversion(leaf, '3.9');
    expect(commandMinimumMicroversion(leaf)).toBe('3.13');
    declareMinimumMicroversion(leaf, '3.20');
    expect(commandMinimumMicroversion(leaf)).toBe('3.20');
    const option = new Option('--all', 'every one (API 3.31)');
    expect(optionMinimumMicroversion(option)).toBe('3.31');
    declareMinimumMicroversion(option, '3.32');
    expect(optionMinimumMicroversion(option)).toBe('3.32');
    expect(optionMinimumMicroversion(new Option('--x', 'no version here'))).toBeUndefined();
    expect(() => declareMinimumMicroversion(option, '3.x')).toThrow('not a 3.N microversion');
  });

  describe('as groff and man read them', () => {
    let dir: string;
    beforeAll(() => {
      dir = tempDir('man');
      for (const page of pages.values()) writeFileSync(join(dir, `${page.name}.1`), page.text);
    });
    const files = () => readdirSync(dir).map((name) => join(dir, name));

    it('is valid roff: no groff warning at the strictest level, every page with a whatis entry', () => {
      const check = spawnSync('groff', ['-ww', '-z', '-man', ...files()], { encoding: 'utf8' });
      expect(check.error).toBeUndefined();
      expect(check.stderr).toBe('');
      expect(check.status).toBe(0);
      const whatis = execFileSync('lexgrog', files(), { encoding: 'utf8' });
      expect(whatis).toContain('"ucinder-volume-create - Create a volume"');
      expect(whatis.split('\n').filter(Boolean)).toHaveLength(pages.size);
    });

    it('fits 80 columns as man renders it (line length 78, examples wrapped)', () => {
      const rendered = execFileSync('groff', ['-man', '-Tutf8', '-rLL=78n', '-rLT=78n', '-P-cbou', ...files()], { encoding: 'utf8', maxBuffer: 64 << 20 });
      expect(rendered).toContain('ucinder volume create [options] <name>');
      expect(rendered.split('\n').filter((line) => [...line].length > 80)).toEqual([]);
    });
  });
});

describe('long example lines', () => {
  /** The command a shell reads from wrapped lines: continuations joined as the test above does. */
  const unwrap = (lines: string[]) =>
    lines
      .join('\n')
      .replace(/ \\\n {4}/g, ' ')
      .replace(/ \\\n/g, ' ');

  it('are split between words, keeping an option with its value', () => {
    const line = '$ ucinder volume create --remote-source source-name=lun7 --host node1@mmj#mmj --wait adopted';
    const lines = wrapCommand(line, 60);
    expect(lines).toEqual(['$ ucinder volume create --remote-source source-name=lun7 \\', '    --host node1@mmj#mmj --wait adopted']);
    expect(unwrap(lines)).toBe(line);
  });

  it('break a quoted word too long for a line inside its double quotes, where the shell drops the backslash-newline', () => {
    const line = '$ UCINDER_MANAGE_COMMAND="cinder-manage --config-file /etc/cinder/cinder.conf" ucinder service remove node3';
    const lines = wrapCommand(line, 60);
    expect(lines.every((entry) => entry.length <= 60)).toBe(true);
    expect(lines[0]).toBe('$ UCINDER_MANAGE_COMMAND="cinder-manage --config-file \\');
    expect(lines[1]).toMatch(/^\/etc\/cinder\/cinder\.conf" /);
    // bash reads the wrapped text as the same words.
    const words = (text: string) => execFileSync('bash', ['-c', 'eval "set -- $1"; printf "%s\\n" "$@"', 'bash', text.slice(2)], { encoding: 'utf8' });
    expect(words(lines.join('\n'))).toBe(words(line));
  });

  it('keep a trailing comment whole, after the continuation', () => {
    const line = '$ ucinder volume type unset --encryption-type secret       # refused while volumes of the type exist';
    const lines = wrapCommand(line, 60);
    expect(lines).toEqual(['$ ucinder volume type unset --encryption-type secret \\', '    # refused while volumes of the type exist']);
  });

  it('leave a short line alone', () => {
    expect(wrapCommand('$ ucinder volume list', 60)).toEqual(['$ ucinder volume list']);
  });
});

describe('npm run man -- <outdir>', () => {
  it('writes ucinder.1 and the leaf pages, as manPages makes them', async () => {
    const out = tempDir('man-script');
    execFileSync('npm', ['run', '--silent', 'man', '--', out], { cwd: REPO_ROOT, env: { ...process.env, SOURCE_DATE_EPOCH: '1767312000' }, encoding: 'utf8' });
    const { version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    const expected = manPages(await realProgram(), { version, date: '2026-01-02' });
    expect(readdirSync(out).sort()).toEqual(expected.map((page) => `${page.name}.1`).sort());
    for (const page of expected) expect(readFileSync(join(out, `${page.name}.1`), 'utf8')).toBe(page.text);
  }, 120_000);
});
