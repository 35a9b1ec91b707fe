import type { SyncStatus } from '../../../shared/contract/sync';
import { formatClockGB } from '../../../shared/domain/dates';

const count = new Intl.NumberFormat('en-GB');

/** The words the shell shows for a sync status; null when sync is off (nothing is shown then). */
export const syncText = (s: SyncStatus): string | null => {
  switch (s.state) {
    case 'off':
      return null;
    case 'up-to-date':
      return s.at ? `Up to date · ${formatClockGB(Date.parse(s.at))}` : 'Up to date';
    case 'syncing':
      return `Syncing ${count.format(s.done)} of ${count.format(s.total)}`;
    case 'offline':
      return s.waiting === 0
        ? 'Offline — nothing waiting'
        : `Offline — ${count.format(s.waiting)} ${s.waiting === 1 ? 'change' : 'changes'} waiting`;
    case 'refused':
      return 'Hub refused this desk’s password';
  }
};

/** The count of conflicts waiting for a manager, in words. */
export const conflictsText = (n: number): string =>
  n === 0 ? 'No conflicts to decide' : `${count.format(n)} ${n === 1 ? 'conflict' : 'conflicts'} to decide`;
