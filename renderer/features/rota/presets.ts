/** Ready-made patterns a manager starts from: the shapes of most council-site rotas. */
import type { Service } from '../../../shared/schemas/common';
import type { PatternInput } from '../../../shared/schemas/rotaPlan';

export interface Preset {
  id: string;
  label: string;
  /** The service its shifts are for: offered only at sites that run it. */
  service: Service;
  make: (site: string, monday: string) => PatternInput;
}

export const PRESETS: Preset[] = [
  {
    id: 'four-on-four-off',
    label: '4 on 4 off, 12 h days and nights (24/7 security)',
    service: 'security',
    make: (site, monday) => ({
      name: `${site} security 4 on 4 off`,
      site,
      service: 'security',
      cycleDays: 8,
      anchor: monday,
      lines: [
        { label: 'Days A', start: '07:00', end: '19:00', breakMinutes: 60, days: [0, 1, 2, 3], staffId: null, count: 1 },
        { label: 'Nights A', start: '19:00', end: '07:00', breakMinutes: 60, days: [0, 1, 2, 3], staffId: null, count: 1 },
        { label: 'Days B', start: '07:00', end: '19:00', breakMinutes: 60, days: [4, 5, 6, 7], staffId: null, count: 1 },
        { label: 'Nights B', start: '19:00', end: '07:00', breakMinutes: 60, days: [4, 5, 6, 7], staffId: null, count: 1 },
      ],
    }),
  },
  {
    id: 'early-cleaning',
    label: 'Monday to Friday early cleaning 05:00–08:00',
    service: 'cleaning',
    make: (site, monday) => ({
      name: `${site} early cleaning Mon–Fri`,
      site,
      service: 'cleaning',
      cycleDays: 7,
      anchor: monday,
      lines: [{ label: 'Early clean', start: '05:00', end: '08:00', breakMinutes: 0, days: [0, 1, 2, 3, 4], staffId: null, count: 1 }],
    }),
  },
];
