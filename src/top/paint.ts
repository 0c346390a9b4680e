import type { Segment, StyledLine } from './frame.js';
import type { Tone } from './view.js';

/** Turns styled lines into what the terminal is sent: with chalk's codes on a colour terminal, plain text otherwise. */
export type Painter = (line: StyledLine) => string;

/** The part of chalk's API the screen uses. */
interface ChalkLike {
  red: ChalkLike;
  yellow: ChalkLike;
  cyan: ChalkLike;
  green: ChalkLike;
  bold: ChalkLike;
  inverse: ChalkLike;
  dim: ChalkLike;
  (text: string): string;
}

const TONE_COLOUR: Record<Tone, 'red' | 'yellow' | 'cyan' | 'green'> = { error: 'red', warning: 'yellow', busy: 'cyan', ok: 'green' };

/**
 * Without colour (NO_COLOR, TERM=dumb) the text alone: the selection is the
 * `>` in the gutter and changed rows the `*`, so nothing depends on colour.
 */
export const plainPainter: Painter = (line) => line.map((segment) => segment.text).join('');

export function chalkPainter(chalk: ChalkLike): Painter {
  return (line) => line.map((segment) => paintSegment(chalk, segment)).join('');
}

function paintSegment(chalk: ChalkLike, segment: Segment): string {
  if (!segment.text) return '';
  let style = chalk;
  if (segment.tone) style = style[TONE_COLOUR[segment.tone]];
  if (segment.bold) style = style.bold;
  if (segment.inverse) style = style.inverse;
  if (segment.dim) style = style.dim;
  return style === chalk ? segment.text : style(segment.text);
}
