// @vitest-environment happy-dom
/**
 * The planner re-renders only when what it shows changes. A sign-in on the Today desk or a new notice
 * changes the store but nothing on the planner, so the planner must not render again for it.
 */
import { Profiler, act } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
// Every channel answers "not available" (no server in these tests).
import '../noServer';
import { mountEach } from '../dom';

const { useStore } = await import('../../../renderer/store/appStore');
const { PlannerView } = await import('../../../renderer/features/rota/PlannerView');

let renders = 0;

mountEach(() => (
  <Profiler id="planner" onRender={() => (renders += 1)}>
    <PlannerView />
  </Profiler>
));
beforeEach(async () => {
  // Let the planner's own loads finish before counting.
  await act(async () => new Promise((r) => setTimeout(r, 20)));
});

describe('planner renders per unrelated store change', () => {
  it('has rendered, and shows its own state', () => {
    expect(renders).toBeGreaterThan(0);
    expect(document.body.textContent).toContain('No server in this test.');
  });

  it.each([
    ['a sign-in on the Today desk', () => useStore.setState({ today: { status: 'error', message: 'Signed in at 07:02' } })],
    [
      'a notices update',
      () => useStore.setState({ system: { version: '1', dataDir: '/data', schemaVersion: 1, mode: 'browser', notices: [] } }),
    ],
  ])('does not re-render for %s', async (_name, tick) => {
    const before = renders;
    await act(async () => tick());
    expect(renders - before).toBe(0);
  });

  it('does re-render for a change it shows', async () => {
    const before = renders;
    await act(async () => useStore.setState({ rotaNotice: { tone: 'error', text: 'Week could not be saved.' } }));
    expect(renders - before).toBe(1);
    expect(document.body.textContent).toContain('Week could not be saved.');
  });
});
