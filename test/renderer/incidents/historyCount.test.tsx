// @vitest-environment happy-dom
/**
 * An incident just recorded has one history entry: its page says "1 entry, chain verified", as its PDF now does,
 * not "1 entries".
 */
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import type { IncidentDetail } from '../../../shared/contract/incidents';
import { incidentSchema } from '../../../shared/schemas/incident';
import '../noServer';
import { incidentRequest } from '../../support/requests';

const { useStore } = await import('../../../renderer/store/appStore');
const { IncidentPage } = await import('../../../renderer/features/incidents/IncidentPage');

const at = '2026-11-25T07:05:00.000Z';
const by = 'account_sup_ch01';
/** As incidents:create answers for an incident just recorded: one 'created' entry, the chain verified. */
const made: IncidentDetail = {
  incident: incidentSchema.parse({
    ...incidentRequest(),
    id: 'inc_just_made01',
    ref: 'CH-2026-0001',
    status: 'open',
    history: [{ at, by, kind: 'created', changes: [], prevHash: '', hash: 'h1' }],
    createdAt: at,
    createdBy: by,
    updatedAt: at,
    updatedBy: by,
    rev: 1,
  }),
  verification: { ok: true },
  riddor: { state: 'not-reportable', daysLeft: null },
  people: { [by]: 'Dee Supervisor' },
  canClose: false,
  closeBlockers: [],
  locked: false,
  canDecide: false,
} as IncidentDetail;

describe('the history heading of an incident just recorded', () => {
  it('counts its one entry in the singular', async () => {
    useStore.setState({ incident: { status: 'ready', data: made }, openIncident: async () => {} } as never);
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    await act(async () => root.render(<IncidentPage id={made.incident.id} />));
    expect(document.getElementById('history-title')!.textContent).toBe('History 1 entry, chain verified');
    await act(async () => root.unmount());
  });
});
