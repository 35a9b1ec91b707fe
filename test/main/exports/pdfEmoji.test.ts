/**
 * Emoji typed into an incident (a supervisor's 👍 or 🔥 from a phone keyboard) print as themselves in the
 * PDF, not as empty boxes. Each run `fontRuns` hands pdfkit is laid out here by fontkit, in the font file
 * the PDF embeds for it: a glyph id of 0 is the font's empty box (.notdef), which is what a reader saw.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { fontRuns, PDF_FONTS, type PdfFont } from '../../../main/services/pdfFonts';

const require = createRequire(import.meta.url);
const fontkit = require('fontkit') as typeof import('fontkit');
const opened = new Map<string, import('fontkit').Font>();
const fontOf = (f: PdfFont) => {
  const file = PDF_FONTS[f];
  if (!opened.has(file)) opened.set(file, fontkit.openSync(file));
  return opened.get(file)!;
};

/** The glyphs pdfkit would draw for `text` in `font`: fontkit's layout, as pdfkit calls it. */
const drawn = (text: string, font: PdfFont) => fontOf(font).layout(text).glyphs;
const boxes = (text: string, font: PdfFont = 'regular') =>
  fontRuns(text, font).flatMap((r) =>
    drawn(r.text, r.font)
      .filter((g) => g.id === 0)
      .map(() => `${r.font}: ${r.text}`),
  );

describe('emoji in the incident PDF', () => {
  it.each([
    ['a face and a thumbs-up', 'All clear 👍 😀'],
    ['fire, a fire engine, a warning with its emoji form', 'Alarm 🔥 🚒 ⚠️ evacuated'],
    ['a thumbs-up with a skin tone', 'Thanks 👍🏽'],
    ['a flag (two regional letters)', 'Visitor from 🇬🇧 and 🇵🇱'],
    ['a family joined by zero-width joiners', 'Lost child 👨‍👩‍👧 reunited'],
    ['a keycap', 'Door 1️⃣ open'],
    ['emoji beside Chinese and Polish', 'Łukasz and 李雷 ✅ checked 🔒'],
  ])('prints %s with no empty box', (_, text) => {
    expect(boxes(text)).toEqual([]);
  });

  it('draws a joined family and a flag as one emoji each, not as their parts', () => {
    for (const text of ['👨‍👩‍👧', '🇬🇧']) {
      const runs = fontRuns(text, 'regular');
      expect(runs).toHaveLength(1);
      expect(drawn(runs[0].text, runs[0].font)).toHaveLength(1);
    }
  });

  it('keeps the letters, ticks and stars DejaVu draws in DejaVu, in the face asked for', () => {
    expect(fontRuns('Zoë ✓ ★ → Ελένη', 'bold')).toEqual([{ font: 'bold', text: 'Zoë ✓ ★ → Ελένη' }]);
  });
});
