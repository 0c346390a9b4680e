import { Option, type Command } from 'commander';
import type { FactoryProvider } from '../../cli/command.js';
import { Factory } from '../../cli/factory.js';
import { NAME_KINDS, isNameKind, type NameKind } from '../../completion/name-kinds.js';
import { UsageError } from '../../errors.js';
import { cacheDir } from '../../state/paths.js';

/**
 * `ucinder completion names <kind>`: what the shell scripts run on TAB for a
 * resource name. Hidden from help; prints one name per line and never fails
 * the TAB (errors mean no names; --debug shows them). Its machinery is
 * imported on use, so registering it costs every other command nothing.
 */
export function registerCompletionNames(parent: Command, factoryFor: FactoryProvider): Command {
  return parent
    .command('names <kind>', { hidden: true })
    .description(`Print resource names for shell completion (${NAME_KINDS.join(', ')}), from a short-lived cache`)
    .addOption(new Option('--refresh', 'fetch the names now and store them (the background refresh)').hideHelp())
    .action(async (kind: string, options: { refresh?: boolean }, self: Command) => {
      if (!isNameKind(kind)) throw new UsageError(`unknown name kind '${kind}': choose from ${NAME_KINDS.join(', ')}`);
      const f = factoryFor(self);
      const [{ NameCache, nameScope }, { namesForCompletion, refreshNames }, { fetchNames }] = await Promise.all([
        import('../../state/name-cache.js'),
        import('../../completion/name-lookup.js'),
        import('../../completion/name-sources.js'),
      ]);
      const cache = new NameCache(cacheDir(f.env), nameScope(f.settings), f.deps.now);
      if (options.refresh) {
        await refreshNames(kind, { cache, fetchNames: async (which) => fetchNames(await f.session(), which) });
        return;
      }
      const names = await namesForCompletion(kind, {
        cache,
        fetchNames: (which, timeoutMs) => fetchWithDeadline(f, which, timeoutMs),
        startBackgroundRefresh: async (which) => {
          // Only the real program can re-run itself; in-process runs (tests, embedding) have no command line.
          if (!f.deps.programArgv) return;
          const { startDetached } = await import('../../host/detached.js');
          startDetached([...f.deps.programArgv, ...globalArgsOf(self), 'completion', 'names', which, '--refresh'], f.env);
        },
      });
      if (names.length) f.io.stdout.write(`${names.join('\n')}\n`);
    });
}

/** One fetch, request timeout and overall deadline both `timeoutMs`. */
async function fetchWithDeadline(f: Factory, kind: NameKind, timeoutMs: number): Promise<string[]> {
  const { fetchNames } = await import('../../completion/name-sources.js');
  const deadline = AbortSignal.timeout(timeoutMs);
  const quick = new Factory(
    { ...f.deps, signal: f.deps.signal ? AbortSignal.any([f.deps.signal, deadline]) : deadline },
    { ...f.settings, timeoutMs: Math.min(f.settings.timeoutMs, timeoutMs) },
  );
  try {
    return await fetchNames(await quick.session(), kind);
  } catch (error) {
    f.debug?.(`completion names ${kind}: ${(error as Error).message}`);
    throw error;
  } finally {
    await quick.close();
  }
}

/** The global options given on this command line, for the background process to reuse. */
function globalArgsOf(command: Command): string[] {
  let root = command;
  while (root.parent) root = root.parent;
  return root.options.flatMap((option) => {
    const key = option.attributeName();
    if (!option.long || root.getOptionValueSource(key) !== 'cli') return [];
    const value: unknown = root.getOptionValue(key);
    return typeof value === 'string' ? [option.long, value] : [option.long];
  });
}
