import { AppError } from '../../shared/result';
import type { Account } from '../../shared/schemas/account';
import type { Site } from '../../shared/schemas/site';
import type { Handlers } from './types';

/** Whether an account may see a site: managers see all, supervisors their own. */
export const canSeeSite = (user: Account, code: string): boolean => user.role === 'manager' || user.sites.includes(code);

export const siteHandlers: Pick<Handlers, 'sites:list' | 'sites:get'> = {
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
};
