import { z } from 'zod';
import { londonParts, monthOf } from '../../shared/domain/dates';
import { accountSchema } from '../../shared/schemas/account';
import { attendanceSchema } from '../../shared/schemas/attendance';
import { incidentSchema } from '../../shared/schemas/incident';
import { logEntrySchema } from '../../shared/schemas/occurrence';
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../../shared/schemas/settings';
import { patternSchema, templateSchema } from '../../shared/schemas/rotaPlan';
import { shiftSchema } from '../../shared/schemas/shift';
import { siteSchema } from '../../shared/schemas/site';
import { staffSchema } from '../../shared/schemas/staff';
import { DirectoryCollection, PartitionedCollection } from './collections';
import type { DataStore, FileKind } from './dataStore';

const settingsKind: FileKind<{ settings: Settings }> = {
  schema: z.object({ settings: settingsSchema }),
  empty: () => ({ settings: DEFAULT_SETTINGS }),
};

/** Every collection of records, over one data store. */
export const openRepos = (ds: DataStore) => ({
  sites: new DirectoryCollection(ds, 'directory/sites', siteSchema),
  staff: new DirectoryCollection(ds, 'directory/staff', staffSchema),
  accounts: new DirectoryCollection(ds, 'directory/accounts', accountSchema),
  templates: new DirectoryCollection(ds, 'directory/templates', templateSchema),
  patterns: new DirectoryCollection(ds, 'directory/patterns', patternSchema),
  shifts: new PartitionedCollection(ds, 'shifts', shiftSchema, (s) => `${monthOf(s.date)}/${s.site}`),
  attendance: new PartitionedCollection(ds, 'attendance', attendanceSchema, (a) => `${monthOf(a.date)}/${a.site}`),
  incidents: new PartitionedCollection(
    ds,
    'incidents',
    incidentSchema,
    (i) => `${monthOf(londonParts(Date.parse(i.occurredAt)).date)}/${i.site}`,
  ),
  log: new PartitionedCollection(ds, 'log', logEntrySchema, (e) => `${monthOf(e.date)}/${e.site}`),
  settings: {
    get: (): Settings => ds.read('directory/settings', settingsKind).settings,
    set: (settings: Settings): void => ds.write('directory/settings', settingsKind, { settings }),
  },
});
export type Repos = ReturnType<typeof openRepos>;
