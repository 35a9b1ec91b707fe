/**
 * A desk is for the supervisors of its sites; managers plan on their own laptops (PRODUCT.md). The enrolment file is
 * the only way accounts reach a desk, so both ends hold that rule: `enrol:create` puts nothing else into a file, and
 * `enrol:import` refuses a file that carries anything else (a tampered manager install, a file edited before it was
 * sealed, a future bug), changing nothing on disk. Before this, a file carrying a manager's account was taken as is,
 * and the desk had a manager sign-in.
 */
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { openEnrolment, sealEnrolment, type Enrolment } from '../../main/exchange/enrol';
import type { Session } from '../../main/services/types';
import { okData, openTestApp, SUPERVISOR_PASSWORD, withManager, type TestApp } from '../support/app';

// Password hashing (scrypt) for the accounts and the enrolment code makes these slower than most.
vi.setConfig({ testTimeout: 90_000 });

const MANAGER_PASSWORD = 'correct horse 1';

const manager = async () => {
  const t = openTestApp();
  onTestFinished(() => t.opened.close());
  return { t, m: await withManager(t, 'maria', MANAGER_PASSWORD) };
};

const freshDesk = () => {
  const t = openTestApp();
  onTestFinished(() => t.opened.close());
  return t;
};

/** A supervisor account made on the manager's laptop. */
const supervisor = async (t: TestApp, m: Session, username: string, displayName: string, sites: string[]) =>
  okData(await t.call('accounts:create', { username, displayName, role: 'supervisor', sites, password: SUPERVISOR_PASSWORD }, m));

const accountOf = (t: TestApp, username: string) => t.opened.app.repos.accounts.all().find((a) => a.username === username)!;

/** The file opened with its code, changed, and sealed again under the same code: what a tampered install would make. */
const edited = (file: { base64: string; code: string }, change: (e: Enrolment) => Enrolment): string => {
  const e = change(openEnrolment(Buffer.from(file.base64, 'base64'), file.code));
  return sealEnrolment(e.org, e.sites, e.accounts, file.code, Date.parse(e.createdAt), e.references, e.hub, e.identity).toString('base64');
};

const signIn = (t: TestApp, username: string, password: string) => t.call('auth:sign-in', { username, password }, t.session());

describe('enrol:create puts only the active supervisors of the desk’s sites in the file', () => {
  it('refuses the manager’s own account, naming it, and changes nothing', async () => {
    const { t, m } = await manager();
    const sam = await supervisor(t, m, 'sam', 'Sam Patel', ['CH']);
    const maria = accountOf(t, 'maria');
    const before = t.snapshot();
    const r = await t.call('enrol:create', { sites: ['CH'], supervisors: [sam.id, maria.id] }, m);
    expect(r).toMatchObject({
      ok: false,
      code: 'invalid',
      message: expect.stringContaining('Maria Okafor (maria) is a manager'),
      fields: { supervisors: expect.any(String) },
    });
    expect(t.snapshot()).toEqual(before);
  });

  it('refuses a supervisor of another site, naming the account and its sites, and changes nothing', async () => {
    const { t, m } = await manager();
    const hana = await supervisor(t, m, 'hana', 'Hana Ali', ['HAT']);
    const before = t.snapshot();
    const r = await t.call('enrol:create', { sites: ['CH'], supervisors: [hana.id] }, m);
    expect(r).toMatchObject({ ok: false, code: 'invalid', message: expect.stringContaining('Hana Ali (hana) supervises HAT, not CH') });
    expect(t.snapshot()).toEqual(before);
  });

  it('refuses a disabled supervisor, naming the account', async () => {
    const { t, m } = await manager();
    const sam = await supervisor(t, m, 'sam', 'Sam Patel', ['CH']);
    okData(await t.call('accounts:update', { id: sam.id, disabled: true }, m));
    const before = t.snapshot();
    const r = await t.call('enrol:create', { sites: ['CH'], supervisors: [sam.id] }, m);
    expect(r).toMatchObject({ ok: false, code: 'invalid', message: expect.stringContaining('Sam Patel (sam) is disabled') });
    expect(t.snapshot()).toEqual(before);
  });

  it('carries a supervisor of the desk’s site and another for the desk’s site only', async () => {
    const { t, m } = await manager();
    const sam = await supervisor(t, m, 'sam', 'Sam Patel', ['HAT', 'CH']);
    const file = okData(await t.call('enrol:create', { sites: ['CH'], supervisors: [sam.id] }, m));
    expect(openEnrolment(Buffer.from(file.base64, 'base64'), file.code).accounts.map((a) => a.sites)).toEqual([['CH']]);
    const desk = freshDesk();
    okData(await desk.call('enrol:import', { file: file.base64, code: file.code }, desk.session()));
    expect(okData(await signIn(desk, 'sam', SUPERVISOR_PASSWORD)).user).toMatchObject({ role: 'supervisor', sites: ['CH'] });
  });
});

describe('enrol:import refuses a file that carries any other account, and changes nothing', () => {
  /** A manager's laptop with Sam (CH), and a genuine CH enrolment file for him. */
  const genuine = async () => {
    const { t, m } = await manager();
    const sam = await supervisor(t, m, 'sam', 'Sam Patel', ['CH']);
    const file = okData(await t.call('enrol:create', { sites: ['CH'], supervisors: [sam.id] }, m));
    return { t, file };
  };

  it('a file carrying the manager’s account is refused, naming it; nobody can sign in, and the genuine file still enrols', async () => {
    const { t, file } = await genuine();
    const maria = accountOf(t, 'maria');
    const tampered = edited(file, (e) => ({ ...e, accounts: [...e.accounts, { ...maria, failedAttempts: 0, lastFailedAt: null }] }));
    const desk = freshDesk();
    const before = desk.snapshot();
    expect(await desk.call('enrol:import', { file: tampered, code: file.code }, desk.session())).toMatchObject({
      ok: false,
      code: 'invalid',
      message: expect.stringContaining('carries Maria Okafor (maria), who is a manager'),
    });
    expect(desk.snapshot()).toEqual(before);
    expect(await signIn(desk, 'maria', MANAGER_PASSWORD)).toMatchObject({ ok: false });
    expect(await signIn(desk, 'sam', SUPERVISOR_PASSWORD)).toMatchObject({ ok: false });

    okData(await desk.call('enrol:import', { file: file.base64, code: file.code }, desk.session()));
    expect(await signIn(desk, 'maria', MANAGER_PASSWORD)).toMatchObject({ ok: false });
    expect(okData(await signIn(desk, 'sam', SUPERVISOR_PASSWORD)).user).toMatchObject({ role: 'supervisor', sites: ['CH'] });
  });

  it.each([
    {
      what: 'a supervisor of a site the desk does not serve',
      change: (e: Enrolment) => ({ ...e, accounts: e.accounts.map((a) => ({ ...a, sites: ['HAT'] })) }),
      refusal: 'carries Sam Patel (sam), who supervises HAT, not CH',
    },
    {
      what: 'a disabled account',
      change: (e: Enrolment) => ({ ...e, accounts: e.accounts.map((a) => ({ ...a, disabled: true })) }),
      refusal: 'carries Sam Patel (sam), who is disabled',
    },
    {
      what: 'no account at all (the desk would then offer to set up a first manager)',
      change: (e: Enrolment) => ({ ...e, accounts: [] }),
      refusal: 'carries no supervisor account',
    },
  ])('a file carrying $what is refused, saying so', async ({ change, refusal }) => {
    const { file } = await genuine();
    const desk = freshDesk();
    const before = desk.snapshot();
    expect(await desk.call('enrol:import', { file: edited(file, change), code: file.code }, desk.session())).toMatchObject({
      ok: false,
      code: 'invalid',
      message: expect.stringContaining(refusal),
    });
    expect(desk.snapshot()).toEqual(before);
  });

  it('a supervisor of the desk’s site and another (as a SiteDesk before this change wrote it) is taken for the desk’s site only', async () => {
    const { file } = await genuine();
    const older = edited(file, (e) => ({ ...e, accounts: e.accounts.map((a) => ({ ...a, sites: ['CH', 'HAT'] })) }));
    const desk = freshDesk();
    okData(await desk.call('enrol:import', { file: older, code: file.code }, desk.session()));
    expect(okData(await signIn(desk, 'sam', SUPERVISOR_PASSWORD)).user).toMatchObject({ role: 'supervisor', sites: ['CH'] });
  });
});
