import { copyCoverDayToSites, coverPlace, validateSite, type FieldErrors } from '../../shared/domain/directory';
import { AppError } from '../../shared/result';
import type { Account } from '../../shared/schemas/account';
import type { Site } from '../../shared/schemas/site';
import { newMeta, touched } from './records';
import type { Handlers } from './types';

/** Whether an account may see a site: managers see all, supervisors their own. */
export const canSeeSite = (user: Account, code: string): boolean => user.role === 'manager' || user.sites.includes(code);

/** A form's errors as a typed failure whose message is the first of them, so it reads on its own. */
export const invalidFields = (fields: FieldErrors, lead = 'Check the highlighted fields'): AppError => {
  const first = Object.values(fields)[0];
  return new AppError('invalid', first ? `${lead}: ${first}` : lead, fields);
};

const stale = (what: string) =>
  new AppError('conflict', `Someone saved this ${what} after you opened it. Reload it and make your change again.`);

export const siteHandlers: Pick<Handlers, 'sites:list' | 'sites:get' | 'sites:create' | 'sites:update' | 'sites:copy-cover'> = {
  'sites:list': (req, { app, user }) =>
    app.repos.sites
      .all()
      .filter((s: Site) => (req.includeArchived || !s.archived) && canSeeSite(user!, s.code))
      .sort((a, b) => a.name.localeCompare(b.name)),

  'sites:get': (req, { app, user }) => {
    const site = app.repos.sites.all().find((s) => s.code === req.code);
    if (!site || !canSeeSite(user!, site.code)) throw new AppError('not_found', `No site with code ${req.code}.`);
    return site;
  },

  'sites:create': (req, { app, user, now }) => {
    const errors = validateSite(req, app.repos.sites.all());
    if (Object.keys(errors).length) throw invalidFields(errors, 'The site was not added');
    const site: Site = { ...req, archived: false, ...newMeta(app.clock, user!.id, now) };
    app.repos.sites.put(site);
    return site;
  },

  'sites:update': (req, { app, user, now }) => {
    const { id, rev, ...input } = req;
    const current = app.repos.sites.get(id);
    if (!current) throw new AppError('not_found', 'That site no longer exists.');
    if (current.rev !== rev) throw stale('site');
    // Shift and incident partitions and references are keyed by the code, so it is fixed once set.
    if (input.code !== current.code)
      throw invalidFields(
        { code: `A site code cannot change once set (it stays ${current.code}): shifts and incident references use it` },
        'The site was not saved',
      );
    const errors = validateSite(input, app.repos.sites.all(), id);
    if (Object.keys(errors).length) throw invalidFields(errors, 'The site was not saved');
    const next = touched(app.clock, { ...current, ...input }, user!.id, now);
    app.repos.sites.put(next);
    return next;
  },

  'sites:copy-cover': (req, { app, user, now }) => {
    const all = app.repos.sites.all();
    const source = all.find((s) => s.code === req.from);
    if (!source) throw new AppError('not_found', `No site with code ${req.from}.`);
    const missing = req.toSites.filter((code) => !all.some((s) => s.code === code));
    if (missing.length) throw new AppError('not_found', `No site with code ${missing.join(', ')}.`);
    const targets = all.filter((s) => req.toSites.includes(s.code));
    const { updated, skipped } = copyCoverDayToSites(source.cover, req.service, req.day, targets, req.toDays);
    // Only the copied service's cover is judged, so an unrelated problem elsewhere cannot block the copy. Each problem
    // names the site, day and window it is in ("FH, Monday, security 22:00–24:00"), which may be a day not copied to.
    const problems = updated.flatMap((site) =>
      Object.entries(validateSite(site, all, site.id))
        .filter(([path]) => path.startsWith(`cover.${req.service}`))
        .map(([path, message]) => {
          const place = coverPlace(site.cover, path);
          return `${site.code}${place ? `, ${place}` : ''}: ${message}`;
        }),
    );
    if (problems.length)
      throw new AppError(
        'invalid',
        `Nothing was copied. ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? ` (and ${problems.length - 3} more)` : ''}.`,
      );
    app.repos.sites.putMany(updated.map((s) => touched(app.clock, s, user!.id, now)));
    return { updated: updated.map((s) => s.code), skipped };
  },
};
