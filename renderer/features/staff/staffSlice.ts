import { call } from '../../api';
import type { RequestOf, ResponseOf } from '../../../shared/contract';
import type { LicenceWatchView, StaffView } from '../../../shared/contract/staff';
import type { AbsenceCalendar, StaffCsvResult, StaffFilter } from '../../../shared/domain/directory';
import type { Err, Result } from '../../../shared/result';
import type { Load, Slice } from '../../store/types';

export interface StaffSlice {
  /** Everyone the user may see, archived people included; the list filters them on screen. */
  staff: Load<StaffView[]>;
  loadStaff: () => Promise<void>;
  /** The list's search and filters, kept while a person's page is open so going back finds the same list. */
  staffFilter: StaffFilter;
  setStaffFilter: (patch: Partial<StaffFilter>) => void;
  /** The person open on their page. */
  person: Load<StaffView>;
  loadPerson: (id: string) => Promise<void>;
  createStaff: (input: RequestOf<'staff:create'>) => Promise<Result<StaffView>>;
  updateStaff: (input: RequestOf<'staff:update'>) => Promise<Err | null>;
  archiveStaff: (id: string, on?: string) => Promise<Err | null>;
  restoreStaff: (id: string) => Promise<Err | null>;
  saveAbsence: (input: RequestOf<'staff:save-absence'>) => Promise<Err | null>;
  removeAbsence: (staffId: string, absenceId: string) => Promise<Err | null>;
  teamAbsences: Load<AbsenceCalendar>;
  loadTeamAbsences: (site: string, month: string) => Promise<void>;
  licenceWatch: Load<LicenceWatchView>;
  loadLicenceWatch: () => Promise<void>;
  previewImport: (csv: string) => Promise<Result<StaffCsvResult>>;
  importStaff: (csv: string) => Promise<Result<{ imported: number }>>;
  exportStaff: (input: RequestOf<'staff:export'>) => Promise<Result<ResponseOf<'staff:export'>>>;
  exportLeave: () => Promise<Result<ResponseOf<'staff:leave-csv'>>>;
}

export const createStaffSlice: Slice<StaffSlice> = (set, get) => {
  /** A changed person replaces their copy on the page and in the list. */
  const changed = (r: Result<StaffView>): Err | null => {
    if (!r.ok) return r;
    const list = get().staff;
    set({
      person: { status: 'ready', data: r.data },
      staff: list.status === 'ready' ? { status: 'ready', data: list.data.map((p) => (p.id === r.data.id ? r.data : p)) } : list,
    });
    return null;
  };
  return {
    staff: { status: 'idle' },
    loadStaff: async () => {
      if (get().staff.status !== 'ready') set({ staff: { status: 'loading' } });
      const r = await call('staff:list', { includeArchived: true });
      set({ staff: r.ok ? { status: 'ready', data: r.data } : { status: 'error', message: r.message } });
    },
    staffFilter: { archived: 'active' },
    setStaffFilter: (patch) => set({ staffFilter: { ...get().staffFilter, ...patch } }),
    person: { status: 'idle' },
    loadPerson: async (id) => {
      const current = get().person;
      if (current.status !== 'ready' || current.data.id !== id) set({ person: { status: 'loading' } });
      const r = await call('staff:get', { id });
      set({ person: r.ok ? { status: 'ready', data: r.data } : { status: 'error', message: r.message } });
    },
    createStaff: async (input) => {
      const r = await call('staff:create', input);
      if (r.ok) await get().loadStaff();
      return r;
    },
    updateStaff: async (input) => changed(await call('staff:update', input)),
    archiveStaff: async (id, on) => changed(await call('staff:archive', on ? { id, on } : { id })),
    restoreStaff: async (id) => changed(await call('staff:restore', { id })),
    saveAbsence: async (input) => changed(await call('staff:save-absence', input)),
    removeAbsence: async (staffId, absenceId) => changed(await call('staff:remove-absence', { staffId, absenceId })),
    teamAbsences: { status: 'idle' },
    loadTeamAbsences: async (site, month) => {
      set({ teamAbsences: { status: 'loading' } });
      const r = await call('staff:absence-calendar', { site, month });
      set({ teamAbsences: r.ok ? { status: 'ready', data: r.data } : { status: 'error', message: r.message } });
    },
    licenceWatch: { status: 'idle' },
    loadLicenceWatch: async () => {
      if (get().licenceWatch.status !== 'ready') set({ licenceWatch: { status: 'loading' } });
      const r = await call('staff:licence-watch', {});
      set({ licenceWatch: r.ok ? { status: 'ready', data: r.data } : { status: 'error', message: r.message } });
    },
    previewImport: (csv) => call('staff:import-preview', { csv }),
    importStaff: async (csv) => {
      const r = await call('staff:import', { csv });
      if (r.ok) await get().loadStaff();
      return r;
    },
    exportStaff: (input) => call('staff:export', input),
    exportLeave: () => call('staff:leave-csv', {}),
  };
};
