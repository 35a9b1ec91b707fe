// @vitest-environment happy-dom
/**
 * A bank holiday's day heading in a narrow column (the planner's week, the people view, the printed week) wraps
 * cleanly: a line may start with the date or with "Bank holiday", never with the separator between them, and
 * neither the date nor the marker is split across lines. Checked on the heading as rendered with the app's own
 * style sheet, at every place the browser may end a line (CSS Text: after a breakable space, at a line break, and
 * around a block), so it holds at whatever width the column has.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { act, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import { DayHeading } from '../../../renderer/features/rota/DayHeading';
import { WeekHead } from '../../../renderer/features/rota/WeekHead';

const CHRISTMAS = { date: '2026-12-25', name: 'Christmas Day' };
const WEEK = ['2026-12-21', '2026-12-22', '2026-12-23', '2026-12-24', '2026-12-25', '2026-12-26', '2026-12-27'];

/** Renders `element` into a document that carries the app's style sheets. */
const render = async (element: ReactElement) => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
  for (const sheet of ['renderer/styles.css', 'renderer/features/rota/rota.css']) {
    const style = document.createElement('style');
    style.textContent = fs.readFileSync(sheet, 'utf8');
    document.head.append(style);
  }
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  await act(async () => root.render(element));
  return () => act(async () => root.unmount());
};

const wraps = (el: Element) => {
  const style = getComputedStyle(el);
  const mode = style.getPropertyValue('text-wrap-mode') || style.whiteSpace;
  return !['nowrap', 'pre'].includes(mode);
};

/**
 * The heading's text and every index in it where a new line may begin: after a space the browser may break at
 * (not a no-break space, nor one inside `white-space: nowrap`), at a `<br>`, and before and after a block.
 */
const breakPoints = (root: Element): { text: string; starts: number[] } => {
  let text = '';
  const starts: number[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      const breakable = wraps(node.parentElement!);
      for (const c of node.textContent ?? '') {
        text += c;
        if (breakable && /[ \t\n]/.test(c)) starts.push(text.length);
      }
      return;
    }
    if (!(node instanceof Element)) return;
    const display = getComputedStyle(node).display;
    if (display === 'none') return;
    if (node.tagName === 'BR') return void starts.push(text.length);
    const block = node !== root && !display.startsWith('inline');
    if (block) starts.push(text.length);
    node.childNodes.forEach(walk);
    if (block) starts.push(text.length);
  };
  walk(root);
  return { text, starts };
};

/** What each possible line of `heading` begins with, and whether `words` can be split across two lines. */
const lines = (heading: Element) => {
  const { text, starts } = breakPoints(heading);
  const lineStarts = [0, ...starts].map((at) => text.slice(at).trimStart()).filter(Boolean);
  const splits = (words: string) => {
    const at = text.indexOf(words);
    expect(at, `"${words}" in "${text}"`).toBeGreaterThanOrEqual(0);
    return starts.some((s) => s > at && s < at + words.length);
  };
  return { text: text.replace(/\s+/g, ' ').trim(), lineStarts, splits };
};

const expectCleanWrap = (heading: Element) => {
  const { text, lineStarts, splits } = lines(heading);
  expect(text).toMatch(/^Fri 25 Dec\b.*\bBank holiday$/);
  for (const start of lineStarts) expect(start, `a line of "${text}" may begin "${start}"`).not.toMatch(/^[·•|,;:–—-]/);
  expect(splits('Fri 25 Dec'), 'the date is split across lines').toBe(false);
  expect(splits('Bank holiday'), 'the marker is split across lines').toBe(false);
};

describe('a bank holiday heading wraps cleanly in a narrow column', () => {
  it('in the planner grids (by site and by person)', async () => {
    const unmount = await render(
      <table className="rota-grid">
        <WeekHead rowHead="Site and service" dates={WEEK} today="2026-11-25" bankHolidays={[CHRISTMAS]} />
      </table>,
    );
    const heading = [...document.querySelectorAll('th')].find((th) => th.textContent?.startsWith('Fri 25 Dec'))!;
    expectCleanWrap(heading);
    // The days around it say nothing of a holiday.
    const christmasEve = [...document.querySelectorAll('th')].find((th) => th.textContent?.startsWith('Thu 24 Dec'))!;
    expect(christmasEve.textContent).toBe('Thu 24 Dec');
    await unmount();
  });

  it('on the printed week', async () => {
    const unmount = await render(
      <table className="print-week">
        <thead>
          <tr>
            <th scope="col" className="is-bank-holiday">
              <DayHeading date="2026-12-25" holiday={CHRISTMAS} />
            </th>
          </tr>
        </thead>
      </table>,
    );
    expectCleanWrap(document.querySelector('th')!);
    await unmount();
  });
});
