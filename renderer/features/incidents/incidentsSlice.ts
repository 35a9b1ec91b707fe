import { call } from '../../api';
import { download } from '../../components/download';
import type { IncidentDetail, IncidentFilterInput, IncidentList, IncidentRow } from '../../../shared/contract/incidents';
import type { RequestOf } from '../../../shared/contract';
import type { RiddorQueueItem } from '../../../shared/domain/incidents';
import type { Err } from '../../../shared/result';
import type { IncidentInput } from '../../../shared/schemas/incident';
import type { Load, Slice } from '../../store/types';

type Patch = RequestOf<'incidents:update'>['patch'];

export interface IncidentsSlice {
  incidentFilter: IncidentFilterInput;
  incidentList: Load<IncidentList>;
  riddorQueue: RiddorQueueItem<IncidentRow>[];
  incident: Load<IncidentDetail>;
  /** The quick "record an incident" dialog, open from any screen; a draft pre-fills it (from a log entry). */
  newIncident: { open: false } | { open: true; draft: Partial<IncidentInput> | null };
  /** Why a photo chosen in the new-incident form was not attached; shown on the new incident's page. */
  photoError: string | null;
  setIncidentFilter: (filter: IncidentFilterInput) => void;
  loadIncidents: () => Promise<void>;
  loadRiddorQueue: () => Promise<void>;
  openIncident: (id: string) => Promise<void>;
  startNewIncident: (draft?: Partial<IncidentInput> | null) => void;
  cancelNewIncident: () => void;
  /** Records an incident and attaches its photos; returns the failure or the new incident's id. */
  createIncident: (input: RequestOf<'incidents:create'>, photos: File[]) => Promise<Err | { id: string }>;
  updateIncident: (patch: Patch) => Promise<Err | null>;
  amendIncident: (patch: Patch, note: string) => Promise<Err | null>;
  setIncidentStatus: (status: 'investigating' | 'closed', outcome?: string) => Promise<Err | null>;
  /** A manager's decision to accept a broken history as it stands, with the reason. */
  decideIncident: (reason: string) => Promise<Err | null>;
  addPhotos: (files: File[]) => Promise<Err | null>;
  photoUrl: (photoId: string) => Promise<string | null>;
  exportIncidentPdf: () => Promise<Err | null>;
  exportIncidentsCsv: () => Promise<Err | null>;
}

const toBase64 = async (file: File): Promise<string> => {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
};

export const createIncidentsSlice: Slice<IncidentsSlice> = (set, get) => {
  const current = () => {
    const s = get().incident;
    return s.status === 'ready' ? s.data.incident : null;
  };
  /** Applies a changed incident to the page, and refreshes the list behind it. */
  const landed = (r: { ok: true; data: IncidentDetail } | Err): Err | null => {
    if (!r.ok) return r;
    set({ incident: { status: 'ready', data: r.data } });
    void get().loadIncidents();
    return null;
  };
  const uploadAll = async (id: string, files: File[]): Promise<Err | null> => {
    for (const file of files) {
      const d = get().incident;
      const rev = d.status === 'ready' && d.data.incident.id === id ? d.data.incident.rev : 1;
      const r = await call('incidents:add-photo', { id, rev, name: file.name, base64: await toBase64(file) });
      if (!r.ok) return { ...r, message: `${file.name}: ${r.message}` };
      set({ incident: { status: 'ready', data: r.data } });
    }
    return null;
  };
  return {
    incidentFilter: {},
    incidentList: { status: 'idle' },
    riddorQueue: [],
    incident: { status: 'idle' },
    newIncident: { open: false },
    photoError: null,
    setIncidentFilter: (incidentFilter) => {
      set({ incidentFilter });
      void get().loadIncidents();
    },
    loadIncidents: async () => {
      if (get().incidentList.status !== 'ready') set({ incidentList: { status: 'loading' } });
      const r = await call('incidents:list', get().incidentFilter);
      set({ incidentList: r.ok ? { status: 'ready', data: r.data } : { status: 'error', message: r.message } });
    },
    loadRiddorQueue: async () => {
      const r = await call('incidents:riddor-queue', {});
      if (r.ok) set({ riddorQueue: r.data });
    },
    openIncident: async (id) => {
      get().go('incidents', id);
      if (current()?.id !== id) set({ incident: { status: 'loading' }, photoError: null });
      const r = await call('incidents:get', { id });
      set({ incident: r.ok ? { status: 'ready', data: r.data } : { status: 'error', message: r.message } });
    },
    startNewIncident: (draft = null) => set({ newIncident: { open: true, draft } }),
    cancelNewIncident: () => set({ newIncident: { open: false } }),
    createIncident: async (input, photos) => {
      const r = await call('incidents:create', input);
      if (!r.ok) return r;
      set({ incident: { status: 'ready', data: r.data }, newIncident: { open: false }, photoError: null });
      get().go('incidents', r.data.incident.id);
      const failed = await uploadAll(r.data.incident.id, photos);
      // The form has closed by now: the incident's page says what was not attached.
      if (failed) set({ photoError: failed.message });
      void get().loadIncidents();
      void get().loadRiddorQueue();
      return failed ?? { id: r.data.incident.id };
    },
    updateIncident: async (patch) => {
      const i = current();
      if (!i) return null;
      return landed(await call('incidents:update', { id: i.id, rev: i.rev, patch }));
    },
    amendIncident: async (patch, note) => {
      const i = current();
      if (!i) return null;
      return landed(await call('incidents:amend', { id: i.id, rev: i.rev, patch, note }));
    },
    setIncidentStatus: async (status, outcome = '') => {
      const i = current();
      if (!i) return null;
      return landed(await call('incidents:set-status', { id: i.id, rev: i.rev, status, outcome }));
    },
    decideIncident: async (reason) => {
      const i = current();
      if (!i) return null;
      return landed(await call('incidents:decide', { id: i.id, rev: i.rev, reason }));
    },
    addPhotos: async (files) => {
      const i = current();
      if (!i) return null;
      set({ photoError: null });
      const failed = await uploadAll(i.id, files);
      void get().loadIncidents();
      return failed;
    },
    photoUrl: async (photoId) => {
      const i = current();
      if (!i) return null;
      const r = await call('incidents:photo', { id: i.id, photoId });
      return r.ok ? r.data.dataUrl : null;
    },
    exportIncidentPdf: async () => {
      const i = current();
      if (!i) return null;
      const r = await call('incidents:export-pdf', { id: i.id });
      if (!r.ok) return r;
      download(r.data);
      return null;
    },
    exportIncidentsCsv: async () => {
      const r = await call('incidents:export-csv', get().incidentFilter);
      if (!r.ok) return r;
      download(r.data);
      return null;
    },
  };
};
