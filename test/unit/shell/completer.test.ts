import { describe, expect, it } from 'vitest';
import { completionModel } from '../../../src/completion/command-model.js';
import { buildWholeProgram } from '../../../src/commands/root.js';
import type { NameKind } from '../../../src/completion/name-kinds.js';
import { bufferIOStreams } from '../../../src/output/iostreams.js';
import { completeLine } from '../../../src/shell/completer.js';

const model = completionModel(
  await buildWholeProgram(() => {
    throw new Error('completion builds no factory');
  }, bufferIOStreams().io),
);

const asked: NameKind[] = [];
const names = async (kind: NameKind) => {
  asked.push(kind);
  return kind === 'volume' ? ['db-1', 'db-2', 'web 1', 'web'] : kind === 'type' ? ['fast', 'slow'] : [];
};

async function tab(line: string): Promise<string[]> {
  const [matches, word] = await completeLine(line, model, names);
  expect(line.endsWith(word)).toBe(true);
  return matches;
}

describe('TAB in the shell', () => {
  it("completes command words, and the shell's own words at the root", async () => {
    expect(await tab('vol')).toEqual(['volume ']);
    expect(await tab('qu')).toEqual(['quota', 'quit']);
    expect(await tab('us')).toEqual(['use ']);
    expect(await tab('volume sn')).toEqual(['snapshot ']);
    expect(await tab('volume snapshot ')).toContain('create');
  });

  it("offers the command's columns after -c (quoted when they hold spaces); service binaries after a service's host", async () => {
    expect(await tab('volume list -c ')).toEqual(expect.arrayContaining(['ID', 'Name', 'Status', "'Attached to'"]));
    expect(await tab('volume list -c Sta')).toEqual(['Status ']);
    expect(await tab('volume service set node1@lvm ')).toEqual([]);
    expect(asked.at(-1)).toBe('service');
    expect(await tab('volume service set --')).not.toContain('--host');
  });

  it('completes the flags of the command, then the global ones', async () => {
    const flags = await tab('volume create --');
    expect(flags).toContain('--size');
    expect(flags).toContain('--wait');
    expect(flags).toContain('--os-cloud');
    // At the prompt there is no batch mode to keep going in.
    expect(flags).not.toContain('--keep-going');
    expect(await tab('volume create --si')).toEqual(['--size ']);
  });

  it('completes fixed values of a flag', async () => {
    expect(await tab('volume list -f ')).toEqual(['table', 'json', 'yaml', 'value', 'csv']);
    expect(await tab('volume list --format j')).toEqual(['json ']);
  });

  it('completes resource names from the live session, for arguments and for flags', async () => {
    asked.length = 0;
    expect(await tab('volume show d')).toEqual(['db-1', 'db-2']);
    expect(await tab('volume show db-1 --os-cloud x ')).toEqual([]);
    expect(await tab('volume create --type f')).toEqual(['fast ']);
    expect(asked).toEqual(['volume', 'type']);
    // Variadic: every further argument is a volume too.
    expect(await tab('volume delete db-1 d')).toEqual(['db-1', 'db-2']);
  });

  it('offers a name with a blank quoted, matching once the quote is typed', async () => {
    expect(await tab('volume show ')).toEqual(['db-1', 'db-2', "'web 1'", 'web']);
    expect(await tab("volume show 'w")).toEqual(["'web 1' "]);
  });

  it('completes `use`, and nothing inside an unterminated quote', async () => {
    expect(await tab('use ')).toEqual(['cloud', 'project']);
    expect(await tab('volume show "db ')).toEqual([]);
  });
});
