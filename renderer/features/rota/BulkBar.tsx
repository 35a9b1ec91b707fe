import { Trash, X } from 'lucide-react';
import type { WeekView } from '../../../shared/contract/rota';
import { useStoreFields } from '../../store/appStore';
import { saveOf } from './commands';

/** Actions on every selected shift at once: reassign, change times, delete. */
export const BulkBar = ({ view }: { view: WeekView }) => {
  const { selection, select, saveShifts } = useStoreFields('selection', 'select', 'saveShifts');
  if (selection.length === 0) return null;
  const chosen = view.shifts.filter((s) => selection.includes(s.id));
  const people = view.staff.filter((s) => !s.archived).sort((a, b) => a.name.localeCompare(b.name));
  const apply = (label: string, patch: (s: ReturnType<typeof saveOf>) => ReturnType<typeof saveOf>) =>
    void saveShifts(
      label,
      chosen.map((s) => patch(saveOf(s))),
    );
  return (
    <div className="bulk-bar" role="region" aria-label="Selected shifts">
      <strong>{chosen.length} selected</strong>
      <label htmlFor="bulk-person">Assign to</label>
      <select
        id="bulk-person"
        value=""
        onChange={(e) =>
          e.target.value &&
          apply(`Reassign ${chosen.length} shifts`, (s) => ({ ...s, staffId: e.target.value === 'open' ? null : e.target.value }))
        }
      >
        <option value="">Choose…</option>
        <option value="open">OPEN (no one)</option>
        {people.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
      <label htmlFor="bulk-times">Times</label>
      <select
        id="bulk-times"
        value=""
        onChange={(e) => {
          const [start, end] = e.target.value.split('-');
          if (start) apply(`Set ${chosen.length} shifts to ${start}–${end}`, (s) => ({ ...s, start, end }));
        }}
      >
        <option value="">Choose…</option>
        {['07:00-19:00', '19:00-07:00', '08:00-16:00', '08:00-18:00', '05:00-08:00', '06:00-14:00', '14:00-22:00', '22:00-06:00'].map(
          (t) => (
            <option key={t} value={t}>
              {t.replace('-', '–')}
            </option>
          ),
        )}
      </select>
      <button
        type="button"
        className="btn btn-danger"
        onClick={() => apply(`Delete ${chosen.length} shifts`, (s) => ({ ...s, deleted: true }))}
      >
        <Trash aria-hidden size={16} /> Delete
      </button>
      <button type="button" className="btn btn-quiet" onClick={() => select([])}>
        <X aria-hidden size={16} /> Clear
      </button>
    </div>
  );
};
