import type { Incident } from '../../../shared/schemas/incident';

/** The kinds of incident a desk records most, each filling category, severity and a first line. */
export const QUICK_PICKS = [
  { id: 'alarm', label: 'Alarm activation', category: 'fire-alarm', severity: 'low', details: 'Alarm activation: ' },
  { id: 'first-aid', label: 'First aid', category: 'health-safety', severity: 'low', details: 'First aid given: ' },
  { id: 'trespass', label: 'Trespass', category: 'security', severity: 'medium', details: 'Trespass: ' },
  { id: 'slip-trip', label: 'Slip/trip', category: 'health-safety', severity: 'medium', details: 'Slip/trip: ' },
] as const satisfies readonly {
  id: string;
  label: string;
  category: Incident['category'];
  severity: Incident['severity'];
  details: string;
}[];

export type QuickPick = (typeof QUICK_PICKS)[number];
