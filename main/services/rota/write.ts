/** The one way shifts are written: validated, checked against the block rules, history kept, one change. */
import type { z } from 'zod';
import type { Finding } from '../../../shared/domain/rota';
import { AppError } from '../../../shared/result';
import type { shiftSaveSchema, ShiftChanges } from '../../../shared/contract/rota';
import type { Service } from '../../../shared/schemas/common';
import type { Shift } from '../../../shared/schemas/shift';
import type { Site } from '../../../shared/schemas/site';
import { newMeta, touched } from '../records';
import type { AppCore, Call } from '../types';
import { checkWindow, ruleContext, shiftsBetween } from './context';
import { addedBlocks } from './enforce';

export type SaveItem = z.output<typeof shiftSaveSchema>;

const FIELDS = ['site', 'service', 'date', 'start', 'end', 'breakMinutes', 'staffId', 'notes', 'deleted'] as const;

/** The fields of a shift a planner can change, as its history records them. */
export const shiftFields = (s: Shift | SaveItem): Record<string, unknown> => Object.fromEntries(FIELDS.map((f) => [f, s[f]]));

const same = (a: Shift, b: SaveItem) => FIELDS.every((f) => a[f] === b[f]);

const byId = (shifts: readonly Shift[]) => new Map(shifts.map((s) => [s.id, s]));

/** Shifts by id wherever they are stored; moves normally stay within the planner's weeks, so this reads every partition only for the rest. */
export const findElsewhere = (app: AppCore, ids: string[]): Map<string, Shift> => {
  const found = new Map<string, Shift>();
  if (ids.length === 0) return found;
  const wanted = new Set(ids);
  for (const key of app.repos.shifts.keys())
    for (const s of Object.values(app.repos.shifts.partition(key))) if (wanted.has(s.id)) found.set(s.id, s);
  return found;
};

/** Refuses a site that does not exist or does not run the service; `at` prefixes the field names (`items.0.`). */
export const checkSiteRuns = (sites: readonly Site[], code: string, service: Service, at = ''): void => {
  const site = sites.find((s) => s.code === code);
  if (!site) throw new AppError('invalid', `There is no site ${code}.`, { [`${at}site`]: 'Choose a site' });
  if (!site.services.includes(service))
    throw new AppError('invalid', `${site.name} does not run ${service}.`, { [`${at}service`]: 'Choose a service the site runs' });
};

const validate = (app: AppCore, items: SaveItem[]) => {
  const sites = app.repos.sites.all();
  const staff = new Set(app.repos.staff.all().map((s) => s.id));
  items.forEach((item, i) => {
    checkSiteRuns(sites, item.site, item.service, `items.${i}.`);
    if (item.staffId && !staff.has(item.staffId))
      throw new AppError('invalid', 'That person is not on the staff list.', {
        [`items.${i}.staffId`]: 'Choose someone on the staff list',
      });
  });
};

/** The first few blocks as sentences; a copied week can break dozens, and a wall of them helps no one. */
const SHOWN_BLOCKS = 3;
const blockedMessage = (blocks: Finding[]) => {
  const head =
    blocks.length === 1
      ? "This breaks a rule that needs a manager's override."
      : `This breaks ${blocks.length} rules that need a manager's override.`;
  const shown = blocks.slice(0, SHOWN_BLOCKS).map((b) => `${b.message.replace(/\.$/, '')}.`);
  const more = blocks.length > SHOWN_BLOCKS ? [`And ${blocks.length - SHOWN_BLOCKS} more.`] : [];
  return [head, ...shown, ...more].join(' ');
};

/**
 * Creates, changes, deletes (tombstones) or restores shifts in one journaled change. A change that adds
 * a block finding is refused unless `override` gives a reason, which is then recorded on the shifts it
 * names. Changes to published shifts append {who, when, before, after} to their history.
 */
export const writeShifts = (call: Pick<Call, 'app' | 'user' | 'now'>, items: SaveItem[], override: string | null): ShiftChanges => {
  const { app, now } = call;
  const userId = call.user!.id;
  validate(app, items);
  const dates = items.map((i) => i.date).sort();
  const window = checkWindow(app, dates[0], dates[dates.length - 1]);
  const loaded = shiftsBetween(app, window.from, window.to);
  const current = byId(loaded);
  const missing = items.filter((i) => i.id && !current.has(i.id)).map((i) => i.id!);
  const far = findElsewhere(app, missing);
  const at = new Date(now).toISOString();

  const changed: { old: Shift | undefined; next: Shift }[] = [];
  for (const item of items) {
    const { id, rev, ...fields } = item;
    if (!id) {
      changed.push({
        old: undefined,
        next: { ...fields, status: 'draft', override: null, history: [], ...newMeta(app.clock, userId, now) },
      });
      continue;
    }
    const old = current.get(id) ?? far.get(id);
    if (!old) throw new AppError('not_found', 'That shift no longer exists.');
    if (rev !== undefined && rev !== old.rev)
      throw new AppError('conflict', 'Someone else changed this shift; reload the week and try again.');
    if (same(old, item)) continue;
    const history =
      old.status === 'published' ? [...old.history, { at, by: userId, before: shiftFields(old), after: shiftFields(item) }] : old.history;
    changed.push({ old, next: touched(app.clock, { ...old, ...fields, history }, userId, now) });
  }
  if (changed.length === 0) return { before: [], after: [] };

  const replaced = new Set(changed.map((c) => c.next.id));
  const after = [...loaded.filter((s) => !replaced.has(s.id)), ...changed.map((c) => c.next)];
  const blocks = addedBlocks(ruleContext(app, loaded, window), ruleContext(app, after, window), changed);
  if (blocks.length > 0) {
    if (!override) throw new AppError('blocked', blockedMessage(blocks), { override: 'Give a reason to override the rule' });
    for (const c of changed) {
      const rules = [...new Set(blocks.filter((b) => b.shiftIds.includes(c.next.id)).map((b) => b.rule))];
      if (rules.length > 0) c.next.override = { reason: override, by: userId, at, rules };
    }
  }
  const olds = changed.flatMap((c) => (c.old ? [c.old] : []));
  app.repos.shifts.put(
    changed.map((c) => c.next),
    olds,
  );
  return { before: olds, after: changed.map((c) => c.next) };
};
