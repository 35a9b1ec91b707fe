import type { WeekView } from '../../../shared/contract/rota';

/** The week's sites as options for a site picker, each shown as "CODE · Name". */
export const siteOptions = (view: WeekView): [string, string][] => view.sites.map((s) => [s.code, `${s.code} · ${s.name}`]);
