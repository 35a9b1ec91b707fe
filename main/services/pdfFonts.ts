/**
 * Fonts for the PDFs SiteDesk prints, embedded so a page reads the same on any machine and no letter
 * turns into `?`. DejaVu Sans (npm `dejavu-fonts-ttf`, the Bitstream Vera licence: free to embed and
 * redistribute) covers Latin, Greek, Cyrillic, arrows and ticks; Noto Sans SC (npm
 * `@fontsource/noto-sans-sc`, SIL OFL 1.1), its one-file simplified Chinese subset (WOFF, 1.5 MB; fontkit subsets its WOFF2 twin into blank glyphs), draws
 * the Chinese characters DejaVu lacks; Noto Emoji (npm `@fontsource/noto-emoji`, SIL OFL 1.1, the one-colour
 * emoji font in one WOFF file of 570 KB) draws emoji, flags and joined sequences as their one picture each.
 * Only the glyphs used are embedded (pdfkit subsets).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Font } from 'fontkit';

const require = createRequire(import.meta.url);
const dejavu = (file: string) => path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf', file);
const noto = (file: string) => path.join(path.dirname(require.resolve('@fontsource/noto-sans-sc/LICENSE')), 'files', file);
const notoEmoji = (file: string) => path.join(path.dirname(require.resolve('@fontsource/noto-emoji/LICENSE')), 'files', file);

export const PDF_FONTS = {
  regular: dejavu('DejaVuSans.ttf'),
  bold: dejavu('DejaVuSans-Bold.ttf'),
  italic: dejavu('DejaVuSans-Oblique.ttf'),
  mono: dejavu('DejaVuSansMono.ttf'),
  cjk: noto('noto-sans-sc-chinese-simplified-400-normal.woff'),
  emoji: notoEmoji('noto-emoji-emoji-400-normal.woff'),
} as const;

export type PdfFont = keyof typeof PDF_FONTS;

interface Doc {
  registerFont(name: string, src: string): unknown;
  font(name: string): Doc;
  text(text: string, options?: object): Doc;
}

const coverage = new Map<string, Font>();
/** Whether `font` draws every character of `text`; fonts are opened on the first PDF, not at start-up (fontkit's Unicode tables take 20–50 ms). */
const draws = (font: 'regular' | 'emoji', text: string): boolean => {
  let f = coverage.get(font);
  if (!f) coverage.set(font, (f = (require('fontkit') as typeof import('fontkit')).openSync(PDF_FONTS[font])));
  for (const ch of text) if (!f.hasGlyphForCodePoint(ch.codePointAt(0)!)) return false;
  return true;
};
/** Whether DejaVu draws this character; a character it lacks is drawn in a fallback. */
const inDejaVu = (ch: string): boolean => ch === '\n' || draws('regular', ch);

/** Text that may hold an emoji: a pictograph, a regional letter of a flag or a keycap's enclosing mark. */
const MAY_BE_EMOJI = /[\p{Extended_Pictographic}\p{Regional_Indicator}\u20E3]/u;
/**
 * Whether one user-perceived character (a grapheme: an emoji with its skin tone, variation selector, joined
 * parts or keycap mark) is to be drawn as an emoji: it asks for the emoji form (U+FE0F), joins pictographs,
 * is a flag or keycap, has emoji form by default, or is a pictograph DejaVu does not draw (☺ and ⚠ alone stay
 * DejaVu's text forms).
 */
const isEmoji = (g: string): boolean =>
  MAY_BE_EMOJI.test(g) &&
  (/\uFE0F|\u200D|\u20E3|\p{Regional_Indicator}|\p{Emoji_Modifier}/u.test(g) || /^\p{Emoji_Presentation}/u.test(g) || !inDejaVu(g)) &&
  draws('emoji', g);
let graphemes: Intl.Segmenter | null = null;

/** Registers the embedded fonts on a pdfkit document under their `PdfFont` names. */
export const registerPdfFonts = (doc: Doc): void => {
  for (const [name, file] of Object.entries(PDF_FONTS)) doc.registerFont(name, file);
};

/**
 * Right-to-left words (Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation forms) with the spaces
 * and hyphens between them.
 */
const RTL_RUN = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC]+(?:[ -][\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC]+)*/gu;
/** The longest run kept on one line (a name or a phrase; a line holds some 90 characters). */
const JOINABLE = 60;

/**
 * Splits text where it changes direction, each right-to-left run on its own. pdfkit has no bidirectional
 * layout: it hands fontkit one space-ended word at a time, and fontkit turns each word, its space included,
 * right to left, so 'שרה כהן and' was drawn with its words in left-to-right order and no space before
 * 'and'. A run on its own has no space at its end; its spaces become no-break spaces so fontkit turns the
 * whole run at once and its words read from the right. A run longer than a line keeps its spaces, so that
 * it can wrap (its words then stay in written order).
 */
const directionRuns = (text: string): string[] => {
  const out: string[] = [];
  let at = 0;
  for (const m of text.matchAll(RTL_RUN)) {
    if (m.index > at) out.push(text.slice(at, m.index));
    out.push(m[0].length <= JOINABLE ? m[0].replace(/ /g, '\u00A0') : m[0]);
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
};

/** Splits text into runs drawn by one font each: the chosen DejaVu face, or the CJK fallback. */
export const fontRuns = (text: string, font: PdfFont): { font: PdfFont; text: string }[] =>
  directionRuns(text).flatMap((part) => fontRunsOf(part, font));

const fontRunsOf = (text: string, font: PdfFont): { font: PdfFont; text: string }[] => {
  const runs: { font: PdfFont; text: string }[] = [];
  const add = (f: PdfFont, t: string) => {
    const last = runs.at(-1);
    if (last?.font === f) last.text += t;
    else runs.push({ font: f, text: t });
  };
  // Emoji go whole to the emoji font, so a flag's two letters and a family's joined parts make one picture.
  const segmented = MAY_BE_EMOJI.test(text);
  const parts = segmented
    ? Array.from((graphemes ??= new Intl.Segmenter('en', { granularity: 'grapheme' })).segment(text), (s) => s.segment)
    : [text];
  for (const part of parts) {
    if (segmented && isEmoji(part)) add('emoji', part);
    else for (const ch of part) add(inDejaVu(ch) ? font : 'cjk', ch);
  }
  return runs;
};

/** Writes text in `font`, switching to the fallback for characters DejaVu lacks, as one paragraph. */
export const writeText = (doc: Doc, text: string, font: PdfFont, options: object = {}): void => {
  const runs = fontRuns(text, font);
  if (runs.length === 0) runs.push({ font, text: '' });
  runs.forEach((r, i) => doc.font(r.font).text(r.text, { ...options, continued: i < runs.length - 1 }));
  doc.font(font);
};
