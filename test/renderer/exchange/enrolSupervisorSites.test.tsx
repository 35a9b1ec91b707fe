// @vitest-environment happy-dom
/**
 * The desk enrolment form lists each supervisor with the sites the desk will hold for them: a desk keeps only its own
 * sites on an account, so once the desk's sites are chosen Sam (who supervises HAT and CH) reads "Sam Patel (CH)" at a
 * CH desk, not "(HAT, CH)". Before any site is chosen, every site they supervise.
 */
import { act } from 'react';
import { beforeEach, expect, it } from 'vitest';
import type { AccountView } from '../../../shared/schemas/account';
import '../noServer';
import { mountEach } from '../dom';
import { makeSite } from '../../shared/domain/rota/factories';

const { useStore } = await import('../../../renderer/store/appStore');
const { EnrolDesk } = await import('../../../renderer/features/exchange/EnrolDesk');

const supervisor = (id: string, displayName: string, sites: string[]): AccountView => ({
  id,
  username: id,
  displayName,
  role: 'supervisor',
  sites,
  disabled: false,
  hasPin: false,
});

beforeEach(() => {
  useStore.setState({
    loadSupervisors: async () => {},
    supervisors: {
      status: 'ready',
      data: [supervisor('sam', 'Sam Patel', ['HAT', 'CH']), supervisor('fay', 'Fay Ode', ['FH']), supervisor('dee', 'Dee Long', ['CH'])],
    },
    sites: {
      status: 'ready',
      data: [
        makeSite({ code: 'CH', name: 'County Hall' }),
        makeSite({ code: 'HAT', name: 'Hatfield' }),
        makeSite({ code: 'FH', name: 'Fire HQ' }),
      ],
    },
  });
});
mountEach(() => <EnrolDesk />);

const fieldset = (legend: string) =>
  [...document.querySelectorAll('fieldset')].find((f) => f.querySelector('legend')?.textContent === legend)!;
const supervisorsListed = () => [...fieldset('Supervisors at this desk').querySelectorAll('label')].map((l) => l.textContent?.trim());
const chooseSite = (code: string) =>
  act(async () => {
    const box = [...fieldset('The desk’s sites').querySelectorAll('label')].find((l) => l.textContent?.includes(`${code} ·`))!;
    box.querySelector('input')!.click();
  });

it('names every site a supervisor has before the desk’s sites are chosen', () => {
  expect(supervisorsListed()).toEqual(['Sam Patel (HAT, CH)', 'Fay Ode (FH)', 'Dee Long (CH)']);
});

it('names only the desk’s sites once they are chosen, as the desk will hold the account', async () => {
  await chooseSite('CH');
  expect(supervisorsListed()).toEqual(['Sam Patel (CH)', 'Dee Long (CH)']);
  await chooseSite('HAT');
  expect(supervisorsListed()).toEqual(['Sam Patel (HAT, CH)', 'Dee Long (CH)']);
  await chooseSite('CH');
  expect(supervisorsListed()).toEqual(['Sam Patel (HAT)']);
});
