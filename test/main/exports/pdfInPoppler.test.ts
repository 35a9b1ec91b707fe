/**
 * The incident PDF read back by poppler, as a records officer's tools would: every font embedded, and
 * the text exactly as typed, Polish, Chinese, emoji and the user's own tick included, with no `?` in place
 * of a letter. Every page names the incident, its page n of m and the time zone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/app';
import { DESK_NOW, DESK_PASSWORD, seedDesk } from '../../support/deskWorld';
import { poppler } from '../../support/realTools';

let t: TestApp;
let pdf: Buffer;

// Names written right to left, beside Latin text: each must read in its own order, words apart.
const RTL_PEOPLE = 'שרה כהן and سارة الهاشمي (visitor)';
const DETAILS =
  'Łukasz Kowalski and 李雷 found the side gate open. ✓ gate checked and locked. Ελένη and Олег confirmed. Alarm 🔥 reset ✅ 👍 visitor from 🇵🇱.';

beforeAll(async () => {
  t = openTestApp({ start: DESK_NOW });
  const app = t.opened.app;
  await seedDesk(app);
  const [seeded] = app.repos.incidents.inMonths(['2026-11'], ['CH']);
  app.repos.incidents.put([
    {
      ...seeded,
      details: DETAILS,
      peopleInvolved: `Zoë Brontë; ${RTL_PEOPLE}`,
      // Long enough to run onto more pages, so the footer is checked on more than one.
      actionTaken: Array.from({ length: 60 }, (_, n) => `Step ${n + 1}: walked the perimeter with Łukasz.`).join('\n'),
    },
  ]);
  const m = t.session();
  const signIn = await t.call('auth:sign-in', { username: 'manager', password: DESK_PASSWORD }, m);
  if (!signIn.ok) throw new Error(signIn.message);
  const r = await t.call('incidents:export-pdf', { id: seeded.id }, m);
  if (!r.ok) throw new Error(r.message);
  pdf = Buffer.from(r.data.base64, 'base64');
  expect(r.data.bytes).toBe(pdf.length);
}, 60_000);
afterAll(() => t?.opened.close());

describe('the incident PDF in poppler', () => {
  it('embeds every font it uses', () => {
    const rows = poppler('pdffonts', pdf).trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThan(0);
    const notEmbedded = rows.filter((r) => r.trim().split(/\s+/).at(-5) !== 'yes');
    expect(notEmbedded).toEqual([]);
    // The emoji in the details are drawn in the emoji font, not as DejaVu's or Noto Sans SC's empty boxes.
    expect(rows.some((r) => r.includes('NotoEmoji'))).toBe(true);
  });

  it('reads back the text exactly as typed, with no letter turned into ?', () => {
    const text = poppler('pdftotext', pdf, ['-raw']);
    const questionMarks = (text.match(/\?/g) ?? []).length;
    console.log(`? characters found in the incident PDF: ${questionMarks}`);
    expect(questionMarks).toBe(0);
    // Lines wrap where the page ends them; the words and letters must be the same.
    const flowing = text.replace(/\s+/g, ' ');
    expect(flowing).toContain(DETAILS);
    expect(flowing).toContain('Zoë Brontë');
    expect(flowing).toContain('Step 60: walked the perimeter with Łukasz.');
    // The seeded incident has one history entry, counted in the singular.
    expect(flowing).toContain('History (1 entry)');
  });

  it('prints right-to-left names as they read: words right to left, spaces between them', () => {
    // pdftotext -bbox gives each word drawn on the page with its place, letters in the order drawn (left to
    // right, so a right-to-left word comes out reversed).
    const words = [...poppler('pdftotext', pdf, ['-bbox']).matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</g)].map(
      ([, x, y, word]) => ({ x: Number(x), y: Number(y), word }),
    );
    const line = words.find((w) => w.word === 'Brontë;')!.y;
    const drawn = words
      .filter((w) => Math.abs(w.y - line) < 1)
      .sort((a, b) => a.x - b.x)
      .map((w) => w.word);
    const mirrored = (s: string) => [...s].reverse().join('');
    // Left to right as drawn: the Hebrew name's last word leftmost, since it is read from the right.
    expect(drawn).toEqual(['Zoë', 'Brontë;', mirrored('כהן'), mirrored('שרה'), 'and', mirrored('الهاشمي'), mirrored('سارة'), '(visitor)']);
    // Copied out of the page (pdftotext's layout mode, which orders each line as a reader would), each name
    // comes back as written, between the marks that say it runs right to left.
    const copied = poppler('pdftotext', pdf, ['-layout']).replace(/[\u202a-\u202e]/g, '');
    expect(copied).toContain('שרה כהן');
    expect(copied).toContain('سارة الهاشمي');
  });

  it('puts the reference, page n of m and the time zone on every page', () => {
    const pages = poppler('pdftotext', pdf, ['-raw'])
      .split('\f')
      .filter((p) => p.trim());
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, n) => {
      expect(page).toContain(`Incident CH-2026-0042 · page ${n + 1} of ${pages.length}`);
      expect(page).toContain('Europe/London');
    });
  });
});
