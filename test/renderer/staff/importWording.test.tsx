// @vitest-environment happy-dom
/** The staff import's preview says how many rows are ready or wrong in correct English, one row or many. */
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import type { StaffCsvResult } from '../../../shared/domain/directory';
// Every channel answers "not available" (no server in these tests).
import '../noServer';
import { mountEach } from '../dom';

const { useStore } = await import('../../../renderer/store/appStore');
const { ImportView } = await import('../../../renderer/features/staff/ImportView');

mountEach(() => <ImportView />);

/** A checked file of `total` rows (from line 2), with errors on the given lines. */
const checked = (total: number, badLines: number[] = []): StaffCsvResult => ({
  rows: Array.from({ length: total }, (_, i) => ({
    line: i + 2,
    values: { name: `Person ${i + 1}` },
    errors: badLines.includes(i + 2) ? [{ column: 'Pay rate', message: 'Write the pay rate in pounds, e.g. 12.10' }] : [],
    warnings: [],
  })),
  fileErrors: [],
  ignoredColumns: [],
  ok: badLines.length === 0,
});

/** Pastes a file, presses Check file with main answering `result`, and returns the preview's summary line. */
const summaryFor = async (result: StaffCsvResult) => {
  await act(async () => useStore.setState({ previewImport: async () => ({ ok: true, data: result }) }));
  const box = document.querySelector<HTMLTextAreaElement>('#csv-text')!;
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(box, 'Name\nSomeone');
    box.dispatchEvent(new Event('input', { bubbles: true }));
  });
  const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Check file')!;
  await act(async () => button.click());
  const preview = document.querySelector('[aria-labelledby="preview-title"]')!;
  // What is on screen: the banner's text without the tone word only a screen reader says.
  const visible = (banner: Element) => {
    const copy = banner.cloneNode(true) as Element;
    copy.querySelectorAll('.visually-hidden').forEach((e) => e.remove());
    return copy.textContent!.replace(/\s+/g, ' ').trim();
  };
  return [...preview.querySelectorAll('.banner')].map(visible).join(' | ');
};

describe('the staff import preview’s summary', () => {
  it.each([
    ['one row, ready', checked(1), 'The row is ready to import.'],
    ['twelve rows, all ready', checked(12), 'All 12 rows are ready to import.'],
    ['one row, wrong', checked(1, [2]), /^The row has errors \(line 2\)\. /],
    ['one of three rows wrong', checked(3, [3]), /^1 of 3 rows has errors \(line 3\)\. /],
    ['two of three rows wrong', checked(3, [2, 4]), /^2 of 3 rows have errors \(lines 2, 4\)\. /],
  ])('%s', async (_case, result, expected) => {
    const said = await summaryFor(result);
    if (typeof expected === 'string') expect(said).toBe(expected);
    else expect(said).toMatch(expected);
  });
});
