/**
 * An incident just recorded has one history entry: its PDF, read back by poppler, counts it in the singular both under
 * the title and in the History heading. The heading was put right this evening; the line under the title still read
 * "History verified: 1 entries, chain intact."
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { okData, openTestApp, withManager, type TestApp } from '../../support/app';
import { poppler } from '../../support/realTools';
import { incidentRequest } from '../../support/requests';

let t: TestApp;
let text: string;

beforeAll(async () => {
  t = openTestApp();
  const m = await withManager(t);
  const made = okData(await t.call('incidents:create', incidentRequest(), m)).incident;
  const r = okData(await t.call('incidents:export-pdf', { id: made.id }, m));
  text = poppler('pdftotext', Buffer.from(r.base64, 'base64'), ['-raw']).replace(/\s+/g, ' ');
}, 60_000);
afterAll(() => t?.opened.close());

describe('the PDF of an incident with one history entry', () => {
  it('says "1 entry" under the title and in the History heading', () => {
    expect(text).toContain('History verified: 1 entry, chain intact.');
    expect(text).toContain('History (1 entry)');
  });
});
