import { formatAge } from '../cli/status/duration.js';
import { renderAsciiTable } from '../output/formatters/ascii-table.js';
import type { ScreenSize } from '../output/terminal-screen.js';
import { shortId } from '../shell/shell-session.js';
import { ACTIONS, actionsFor } from './actions.js';
import { BINDINGS } from './keys.js';
import { selectableRows, selectedIndex, visibleSections, type Overlay, type TopState, type ViewState } from './state.js';
import { fitCell, fitColumns, printable, textWidth } from './table-fit.js';
import type { Section, Tone, ViewSpec } from './view.js';

/**
 * Draws the state as lines of styled text, as many as the screen has rows,
 * none wider than it: a header, the tab line, the body (the view's tables,
 * or what Enter or ? opened), a message line when there is one, and the
 * footer (key hints, or the question being asked). Pure: the terminal and
 * the colours are paint.ts's business.
 */

export interface Segment {
  text: string;
  tone?: Tone;
  bold?: boolean;
  inverse?: boolean;
  dim?: boolean;
}

export type StyledLine = Segment[];

interface Frame {
  lines: StyledLine[];
  /** The body's first line on screen, to keep for the next frame (the selection stays in view). */
  scroll: number;
}

/** Lines above and below the body: header, tabs; footer. */
const CHROME_LINES = 3;

export function renderFrame(state: TopState, views: readonly ViewSpec[], size: ScreenSize, now: number): Frame {
  const width = Math.max(1, size.columns);
  const message = messageLine(state);
  const footer = footerLines(state, width);
  const bodyHeight = Math.max(0, size.rows - CHROME_LINES + 1 - footer.length - (message ? 1 : 0));
  const view = state.views[state.view];
  const body = state.overlay ? overlayBody(state.overlay, state, width) : sectionBody(view, width);
  const scroll = state.overlay ? clampScroll(state.overlay.scroll, body.lines.length, bodyHeight) : followSelection(view.scroll, body, bodyHeight);
  const shown = body.lines.slice(scroll, scroll + bodyHeight);
  while (shown.length < bodyHeight) shown.push([]);
  const lines = [headerLine(state, now), tabLine(state, views), ...shown, ...(message ? [message] : []), ...footer];
  return { lines: lines.slice(0, Math.max(0, size.rows)).map((line) => cut(line, width)), scroll };
}

// ---------------------------------------------------------------- header and tabs

function headerLine(state: TopState, now: number): StyledLine {
  const view = state.views[state.view];
  const { header } = state;
  const parts = ['ucinder top', `${header.where ?? 'connecting…'}${header.project ? `/${shortId(header.project)}` : ''}`];
  if (header.microversion) parts.push(`API ${header.microversion}`);
  if (view.refreshedAt !== undefined) parts.push(`${clock(view.refreshedAt)}Z ${view.latencyMs ?? 0} ms`);
  else if (!view.error) parts.push('loading…');
  parts.push(`${header.requests} req`);
  if (view.error && view.finishedAt !== undefined) {
    // The failure takes the place of the figures, its message last: a narrow screen cuts the end of the message only.
    const since = view.refreshedAt === undefined ? 'no data yet' : `data from ${formatAge((now - view.refreshedAt) / 1000)} ago`;
    return [
      { text: ` ${parts.slice(0, 2).join('  ')} `, inverse: true, bold: true },
      { text: ` refresh failed at ${clock(view.finishedAt)} (${since}; retrying): ${printable(view.error)} `, tone: 'error', inverse: true, bold: true },
    ];
  }
  return [{ text: ` ${parts.join('  ')} `, inverse: true, bold: true }];
}

function tabLine(state: TopState, views: readonly ViewSpec[]): StyledLine {
  const line: StyledLine = [{ text: ' ' }];
  for (const spec of views) {
    line.push({ text: ` ${spec.number} ${spec.title} `, inverse: spec.id === state.view, bold: spec.id === state.view });
  }
  // The overview's verdict stays in sight on every view (from its last refresh: other views do not ask for it).
  if (state.health) {
    const tone: Tone = state.health.level === 'HEALTH_ERR' ? 'error' : state.health.level === 'HEALTH_WARN' ? 'warning' : 'ok';
    line.push({ text: '  ' }, { text: state.health.level, tone, bold: true }, { text: `: ${state.health.summary}` });
  }
  return line;
}

function clock(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(11, 19);
}

// ---------------------------------------------------------------- the view's sections

interface Body {
  lines: StyledLine[];
  /** The selected row's line, and the first line of its section (its title). */
  selectedLine?: number;
  selectedSectionStart?: number;
}

/** Two columns left of every table: `>` on the selected row, `*` on a row that changed at the last refresh. */
const GUTTER = 2;

function sectionBody(view: ViewState, width: number): Body {
  if (!view.data) return { lines: [[{ text: view.error ? '  No data: the first refresh failed (see above); retrying.' : '  Loading…', dim: true }]] };
  const selectable = selectableRows(view);
  const selected = selectable[selectedIndex(view, selectable)]?.id;
  const stale = view.error !== undefined;
  const visible = visibleSections(view);
  const lines: StyledLine[] = [];
  let selectedLine: number | undefined;
  let selectedSectionStart: number | undefined;
  visible.forEach(({ section, rows }, index) => {
    const start = lines.length;
    const order = view.sort[section.id];
    const headers = section.columns.map((column, position) => (order?.column === position ? `${column.header} ${order.descending ? '▼' : '▲'}` : column.header));
    const cells = rows.map((row) => row.cells.map(printable));
    const fitted = fitColumns(
      section.columns.map((column, i) => ({ ...column, header: headers[i]! })),
      cells,
      width - GUTTER,
    );
    const fitRow = (texts: readonly string[]) => fitted.shown.map((column, i) => fitCell(texts[column] ?? '', fitted.widths[i]!, section.columns[column]!.numeric === true));
    const hidden = section.columns.length - fitted.shown.length;
    const title = sectionTitle(section, rows.length, view) + (hidden && rows.length ? ` +${hidden} column${hidden === 1 ? '' : 's'} (widen, or Enter)` : '');
    const table = renderAsciiTable(fitRow(headers), cells.map(fitRow)).split('\n');
    if (rows.length === 0) {
      lines.push(ruleWithTitle(table[0]!.replace(/\+/g, '-'), title));
      if (section.note) lines.push([{ text: `  ${printable(section.note)}`, tone: 'warning' }]);
      lines.push([{ text: `  ${view.filter && section.rows.length ? 'No row matches the filter.' : section.empty}`, dim: true }]);
      return;
    }
    lines.push(ruleWithTitle(table[0]!, title));
    if (section.note) lines.push([{ text: `  ${printable(section.note)}`, tone: 'warning' }]);
    lines.push([{ text: '  ' }, { text: table[1]!, bold: true }], [{ text: `  ${table[2]!}` }]);
    rows.forEach((row, i) => {
      const id = `${section.id}/${row.key}`;
      const isSelected = id === selected;
      if (isSelected) {
        selectedLine = lines.length;
        selectedSectionStart = start;
      }
      const gutter = `${isSelected ? '>' : ' '}${view.changed.has(id) ? '*' : ' '}`;
      const line: StyledLine = [{ text: gutter, bold: true }];
      line.push(
        ...rowSegments(
          table[3 + i]!,
          fitted.widths,
          fitted.shown.map((column) => row.cellTones?.[column] ?? row.tone),
        ),
      );
      lines.push(
        line.map((segment, s) => ({
          ...segment,
          inverse: isSelected && s > 0 ? true : segment.inverse,
          bold: segment.bold || view.changed.has(id),
          dim: stale,
        })),
      );
    });
    if (index === visible.length - 1) lines.push([{ text: `  ${table[table.length - 1]!}` }]);
  });
  return { lines, selectedLine, selectedSectionStart };
}

/** "Volumes (12 of 40, filter "vol", sorted by Size ▲)". */
function sectionTitle(section: Section, shown: number, view: ViewState): string {
  const count = shown === section.rows.length ? `${shown}` : `${shown} of ${section.rows.length}`;
  const notes = [count];
  if (view.filter) notes.push(`filter "${printable(view.filter)}"`);
  return `${section.title} (${notes.join(', ')})`;
}

/** The table's top rule with the section's title in it: `+- Volumes (3) ---+----+`. */
function ruleWithTitle(rule: string, title: string): StyledLine {
  const label = `- ${title} `;
  const text = textWidth(label) + 1 < textWidth(rule) ? `+${label}${rule.slice(1 + textWidth(label))}` : `+${label}`;
  return [{ text: '  ' }, { text, bold: true }];
}

/** A row line of the table (`| a | b |`) split at its cells, so each cell can take its own tone. */
function rowSegments(line: string, widths: readonly number[], tones: readonly (Tone | undefined)[]): Segment[] {
  const segments: Segment[] = [{ text: line.slice(0, 1) }];
  let at = 1;
  widths.forEach((width, column) => {
    segments.push({ text: line.slice(at, at + 1) }, { text: line.slice(at + 1, at + 1 + width), tone: tones[column] }, { text: line.slice(at + 1 + width, at + 3 + width) });
    at += width + 3;
  });
  if (at < line.length) segments.push({ text: line.slice(at) });
  return segments;
}

function followSelection(previous: number, body: Body, height: number): number {
  let scroll = previous;
  if (body.selectedLine !== undefined) {
    if (body.selectedLine < scroll) scroll = body.selectedLine;
    if (body.selectedLine >= scroll + height) scroll = body.selectedLine - height + 1;
    // The first rows of a section come with its title and headers.
    if (body.selectedSectionStart !== undefined && body.selectedLine - body.selectedSectionStart <= 3 && body.selectedLine - body.selectedSectionStart < height) {
      scroll = Math.min(scroll, body.selectedSectionStart);
    }
  }
  return clampScroll(scroll, body.lines.length, height);
}

function clampScroll(scroll: number, total: number, height: number): number {
  return Math.max(0, Math.min(scroll, total - height));
}

// ---------------------------------------------------------------- overlays

function overlayBody(overlay: Overlay, state: TopState, width: number): Body {
  switch (overlay.kind) {
    case 'details':
      return { lines: [titleLine(overlay.title), ...fieldTable(overlay.fields, width)] };
    case 'output':
      return {
        lines: [
          titleLine(overlay.title),
          ...overlay.text
            .replace(/\n$/, '')
            .split('\n')
            .map((text): StyledLine => [{ text: `  ${printable(text)}` }]),
        ],
      };
    case 'help':
      return { lines: helpLines(state, width) };
    case 'fix': {
      const { problem } = overlay;
      const fields: [string, string][] = [
        ['severity', problem.severity],
        ['check', problem.check],
        ['resource', `${problem.resource} ${problem.id}`],
        ['name', problem.name ?? ''],
        ['problem', problem.problem],
        ['since', problem.since ?? ''],
        ['fix', problem.fix],
      ];
      const commands: StyledLine[] = problem.commands.length
        ? [
            [
              {
                text: `  Press ${problem.commands.length === 1 ? '1 or Enter' : `1-${problem.commands.length}`} to run (y/N first; removals through cinder-manage ask twice):`,
                bold: true,
              },
            ],
            ...problem.commands.map((words, index): StyledLine => [{ text: `   ${index + 1}  `, bold: true }, { text: `ucinder ${words.join(' ')}` }]),
          ]
        : [[{ text: '  Nothing here runs as it is: fill in the <placeholders> and run it from a shell.', tone: 'warning' }]];
      return { lines: [titleLine(`Problem: ${problem.check} on ${problem.resource} ${problem.name ?? problem.id}`), ...fieldTable(fields, width), [], ...commands] };
    }
  }
}

function titleLine(text: string): StyledLine {
  return [{ text: `  ${printable(text)}`, bold: true }];
}

/** A Field/Value table as `show` prints it, long values wrapped to the screen. */
function fieldTable(fields: readonly [string, string][], width: number): StyledLine[] {
  const nameWidth = fields.reduce((widest, [name]) => Math.max(widest, textWidth(name)), 5);
  const valueWidth = Math.max(10, width - GUTTER - nameWidth - 7);
  const rows = fields.map(([name, value]) => [name, wrap(value, valueWidth)]);
  return renderAsciiTable(['Field', 'Value'], rows)
    .split('\n')
    .map((text, index) => [{ text: `  ${text}`, bold: index === 1 }]);
}

/** Breaks text into lines of at most `width` columns (at a space when there is one), keeping its own line breaks. */
export function wrap(text: string, width: number): string {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let rest = [...printable(paragraph)];
    while (rest.length > width) {
      const space = rest.lastIndexOf(' ', width);
      const cut = space > width / 2 ? space : width;
      out.push(rest.slice(0, cut).join('').trimEnd());
      rest = rest.slice(space === cut ? cut + 1 : cut);
    }
    out.push(rest.join(''));
  }
  return out.join('\n');
}

function helpLines(state: TopState, width: number): StyledLine[] {
  const keys: [string, string][] = [
    ...BINDINGS.map((binding): [string, string] => [binding.shown, binding.help]),
    ['1-5', 'switch view: overview, volumes, services, snapshots and backups, messages'],
    ...ACTIONS.map((action): [string, string] => [action.key, `on a ${action.kinds.join('/')}: ${action.help}`]),
    ['y', 'answers yes to a question; any other key answers no'],
  ];
  const rows = keys.map(([key, help]) => [key, wrap(help, Math.max(10, width - GUTTER - 18))]);
  const table = renderAsciiTable(['Key', 'What it does'], rows)
    .split('\n')
    .map((text, index): StyledLine => [{ text: `  ${text}`, bold: index === 1 }]);
  const interval = 'Each view refreshes every interval while shown (--interval), never faster, one refresh at a time.';
  return [titleLine('ucinder top: keys (Esc to go back)'), ...table, [], [{ text: `  ${state.running ? 'An action is running.' : interval}`, dim: true }]];
}

// ---------------------------------------------------------------- message and footer

function messageLine(state: TopState): StyledLine | undefined {
  if (state.running) return [{ text: ` running: ${printable(state.running)} …`, tone: 'busy', bold: true }];
  if (state.message) return [{ text: ` ${printable(state.message.text)}`, tone: state.message.tone, bold: true }];
  return undefined;
}

/** A question longer than the screen is wide takes this many lines at most (the body gives them up). */
const QUESTION_LINES = 4;

/** The last lines: the question being asked (wrapped: its [y/N] must show), or one line of key hints. */
function footerLines(state: TopState, width: number): StyledLine[] {
  const prompt = state.prompt;
  if (prompt?.kind === 'confirm') return wrapped(`${prompt.question} [y/N]`, width, { tone: 'warning', bold: true });
  if (prompt?.kind === 'input') {
    const lines = wrapped(prompt.error ? `${prompt.question} (${prompt.error})` : prompt.question, width, { bold: true, tone: prompt.error ? 'error' : undefined });
    return [...lines, [{ text: ' > ' }, { text: printable(prompt.text) }, { text: ' ', inverse: true }]];
  }
  return [footerLine(state)];
}

function wrapped(text: string, width: number, style: Omit<Segment, 'text'>): StyledLine[] {
  return wrap(printable(text), Math.max(10, width - 2))
    .split('\n')
    .slice(-QUESTION_LINES)
    .map((line) => [{ ...style, text: ` ${line}` }]);
}

function footerLine(state: TopState): StyledLine {
  const view = state.views[state.view];
  if (state.editingFilter) return [{ text: ' /', bold: true }, { text: printable(view.filter) }, { text: ' ', inverse: true }, { text: '   Enter keep  Esc clear', dim: true }];
  if (state.overlay?.kind === 'fix') return hints(['1-9 run', 'Esc back', 'q quit']);
  if (state.overlay) return hints(['↑↓ scroll', 'Esc back', 'q quit']);
  const row = selectableRows(view)[selectedIndex(view)]?.row;
  const actions = actionsFor(row).map((action) => `${action.key} ${action.label}`);
  const general = BINDINGS.filter((binding) => binding.hint).map((binding) =>
    binding.command === 'open' && row?.kind === 'problem' ? 'Enter fix' : `${binding.shown.split(' ')[0]} ${binding.hint}`,
  );
  const filter = view.filter ? [`filter "${printable(view.filter)}" (Esc clears)`] : [];
  return hints([...filter, ...actions, ...general, '1-5 views']);
}

function hints(items: string[]): StyledLine {
  return [{ text: ` ${items.join('  ')}`, dim: true }];
}

/** A line cut to the screen's width. */
function cut(line: StyledLine, width: number): StyledLine {
  const out: StyledLine = [];
  let left = width;
  for (const segment of line) {
    if (left <= 0) break;
    const chars = [...segment.text];
    if (chars.length <= left) {
      out.push(segment);
      left -= chars.length;
    } else {
      out.push({ ...segment, text: chars.slice(0, left).join('') });
      left = 0;
    }
  }
  return out;
}
