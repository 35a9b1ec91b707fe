/** The records the crash test writes: each one's whole content follows from its slot and generation. */
import type { Settings } from '../../shared/schemas/settings';
import type { Shift } from '../../shared/schemas/shift';

export const CRASH_SHIFTS = 6;

/** Shift `slot` at generation `gen`. Odd slots alternate between a November and a December partition. */
export const crashShift = (slot: number, gen: number): Shift => {
  const moves = slot % 2 === 1;
  const date = moves && gen % 2 === 1 ? `2026-12-0${1 + slot}` : `2026-11-1${slot}`;
  const at = new Date(Date.UTC(2026, 10, 1) + gen * 1000).toISOString();
  return {
    id: `crash${String(slot).padStart(6, '0')}`,
    site: 'CH',
    service: 'cleaning',
    date,
    start: gen % 2 === 0 ? '05:00' : '06:00',
    end: '08:00',
    breakMinutes: 0,
    staffId: null,
    notes: `gen ${gen}`,
    status: 'draft',
    override: null,
    history: [],
    deleted: false,
    createdAt: '2026-11-01T00:00:00.000Z',
    createdBy: 'crashtest',
    updatedAt: at,
    updatedBy: 'crashtest',
    rev: gen + 1,
  };
};

/** The generation a shift was written at. */
export const generationOf = (s: Shift): number => Number(/^gen (\d+)$/.exec(s.notes)?.[1] ?? -1);

/** The generation the settings were written at (0 before the first write). */
export const settingsGeneration = (s: Settings): number => Number(/^gen (\d+)$/.exec(s.organisationName)?.[1] ?? 0);
