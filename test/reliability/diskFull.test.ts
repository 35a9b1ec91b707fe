import Conf from 'conf';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { StoreClass } from '../../main/storage/storeClass';
import { makeShift } from '../shared/domain/rota/factories';
import { openTestApp, withManager } from '../support/app';

/** conf whose writes fail with `failing.code` while it is set: `after` more writes succeed first, then `times` fail. */
const failing: { code: string | null; after: number; times: number } = { code: null, after: 0, times: Infinity };
class FailingConf extends Conf {
  override get store() {
    return super.store;
  }

  override set store(value: Record<string, unknown>) {
    if (failing.code) {
      if (failing.after > 0) failing.after -= 1;
      else if (failing.times > 0) {
        failing.times -= 1;
        throw Object.assign(new Error(`${failing.code}: simulated`), { code: failing.code });
      }
    }
    super.store = value;
  }
}
const FailingStore = FailingConf as unknown as StoreClass;

describe('disk full or read-only folder', () => {
  it.each([
    ['ENOSPC', 'the disk is full'],
    ['EROFS', 'the data folder is read-only'],
    ['EACCES', 'the data folder is read-only'],
  ])('%s: the save fails with a clear message, and what was saved before is intact', async (code, why) => {
    const t = openTestApp({ StoreClass: FailingStore });
    const m = await withManager(t);
    expect(await t.call('settings:update', { organisationName: 'Saved before' }, m)).toMatchObject({ ok: true });
    const before = t.snapshot();
    failing.code = code;
    try {
      const result = await t.call('settings:update', { organisationName: 'Never saved' }, m);
      expect(result).toMatchObject({
        ok: false,
        code: 'storage',
        message: `Could not save because ${why}. Nothing was changed; what was saved before is intact.`,
      });
      const created = await t.call(
        'accounts:create',
        { username: 'sam', displayName: 'Sam', role: 'supervisor', sites: ['CH'], password: 'desk password' },
        m,
      );
      expect(created).toMatchObject({ ok: false, code: 'storage' });
      expect(t.snapshot()).toEqual(before);
      expect(await t.call('settings:get', {}, m)).toMatchObject({ ok: true, data: { organisationName: 'Saved before' } });
    } finally {
      failing.code = null;
    }
    const again = t.reopen();
    onTestFinished(() => again.opened.close());
    expect(again.opened.app.repos.settings.get().organisationName).toBe('Saved before');
    expect(again.opened.app.repos.accounts.all().map((a) => a.username)).toEqual(['maria']);
  });

  const moveShift = () => {
    const t = openTestApp({ StoreClass: FailingStore });
    const { repos } = t.opened.app;
    const shift = makeShift({ id: 'shift00001', date: '2026-11-30', start: '07:00', end: '15:00' });
    repos.shifts.put([shift]);
    // Moving it to December writes the journal, then November, then December.
    const move = () => repos.shifts.put([{ ...shift, date: '2026-12-01', rev: 2 }], [shift]);
    return { t, shift, move };
  };
  const failFrom = (after: number, times: number) => Object.assign(failing, { code: 'ENOSPC', after, times });
  const stopFailing = () => Object.assign(failing, { code: null, after: 0, times: Infinity });

  it('a multi-file save that fails part-way is undone: the files are as before and no journal is left', async () => {
    const { t, shift, move } = moveShift();
    const before = t.snapshot();
    failFrom(2, 1); // December fails once; putting November back works
    try {
      expect(move).toThrow(/disk is full. Nothing was changed/);
    } finally {
      stopFailing();
    }
    const after = t.snapshot();
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    // JSON files compared by content (key order may differ); the change log by its text, its undone line taken out.
    const read = (file: string, text: string) => (file.endsWith('.json') ? JSON.parse(text) : text);
    for (const [file, text] of Object.entries(before)) expect(read(file, after[file]), file).toEqual(read(file, text));
    expect(t.opened.app.repos.shifts.partition('2026-11/CH')).toEqual({ [shift.id]: shift });
    const reopened = t.reopen();
    onTestFinished(() => reopened.opened.close());
    const again = reopened.opened.app.repos.shifts;
    expect(again.partition('2026-11/CH')).toEqual({ [shift.id]: shift });
    expect(again.partition('2026-12/CH')).toEqual({});
  });

  it('when the disk refuses the undo too, it says so, and the next start completes the change from the journal', async () => {
    const { t, shift, move } = moveShift();
    failFrom(2, Infinity);
    try {
      expect(move).toThrow(/disk is full, and the change was only partly written. SiteDesk will finish it when it next starts/);
    } finally {
      stopFailing();
    }
    const reopened = t.reopen();
    onTestFinished(() => reopened.opened.close());
    const again = reopened.opened.app;
    expect(again.repos.shifts.partition('2026-11/CH')).toEqual({});
    expect(again.repos.shifts.partition('2026-12/CH')).toEqual({ [shift.id]: { ...shift, date: '2026-12-01', rev: 2 } });
    expect(again.ds.notices().map((n) => n.kind)).toEqual(['journal-replayed']);
  });
});
