// @vitest-environment happy-dom
/**
 * "Build from cover" and "Auto-fill" start with the sites the planner shows ticked: the one site it is filtered to, or
 * all of them.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Site } from '../../../shared/schemas/site';
// Every channel answers "not available" (no server in these tests).
import '../noServer';
import { mountEach } from '../dom';

const { useStore } = await import('../../../renderer/store/appStore');
const { BuildFromCoverDialog } = await import('../../../renderer/features/rota/BuildFromCoverDialog');
const { AutofillPanel } = await import('../../../renderer/features/rota/AutofillPanel');

const SITES = [
  ['CH', 'County Hall'],
  ['FH', 'Farnham House'],
  ['HAT', 'Hatfield Library'],
].map(([code, name]) => ({ code, name, archived: false }) as Site);

const ticked = () =>
  [...document.querySelectorAll<HTMLInputElement>('.scope-site-list input[type=checkbox]')]
    .filter((box) => box.checked)
    .map((box) => box.parentElement!.textContent!.trim());
const legend = () => document.querySelector('.scope-sites legend')!.textContent;

describe('Build from cover when the planner shows one site', () => {
  beforeEach(() => {
    useStore.setState({ rotaWeek: '2026-12-07', rotaSite: 'FH', sites: { status: 'ready', data: SITES } });
  });
  mountEach(() => <BuildFromCoverDialog onClose={() => {}} />);

  it('ticks only that site', () => {
    expect(ticked()).toEqual(['FH · Farnham House']);
    expect(legend()).toBe('Sites (1 of 3)');
  });
});

describe('Build from cover when the planner shows every site', () => {
  beforeEach(() => {
    useStore.setState({ rotaWeek: '2026-12-07', rotaSite: null, sites: { status: 'ready', data: SITES } });
  });
  mountEach(() => <BuildFromCoverDialog onClose={() => {}} />);

  it('ticks every site', () => {
    expect(ticked()).toEqual(['CH · County Hall', 'FH · Farnham House', 'HAT · Hatfield Library']);
    expect(legend()).toBe('Sites (all 3)');
  });
});

describe('Auto-fill when the planner shows one site', () => {
  beforeEach(() => {
    useStore.setState({ rotaWeek: '2026-12-07', rotaSite: 'HAT', sites: { status: 'ready', data: SITES } });
  });
  mountEach(() => <AutofillPanel onClose={() => {}} />);

  it('ticks only that site', () => {
    expect(ticked()).toEqual(['HAT · Hatfield Library']);
  });
});
