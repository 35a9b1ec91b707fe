import { describe, expect, it } from 'vitest';
import { channels, contract, type Channel } from '../../shared/contract';
import { describeZodError } from '../../main/ipc/dispatch';
import { shiftInputSchema } from '../../shared/schemas/shift';
import { siteInputSchema } from '../../shared/schemas/site';

/** The message for `value`; `channel`, as dispatch passes it, for a field that channel names in its own words. */
const message = (schema: { safeParse: (x: unknown) => { success: boolean; error?: unknown } }, value: unknown, channel?: Channel) => {
  const r = schema.safeParse(value);
  if (r.success) return null;
  return describeZodError(r.error as never, channel).message;
};

describe('the contract', () => {
  it('names every channel feature:verb and says who may call it', () => {
    for (const c of channels) {
      expect(c).toMatch(/^[a-z]+:[a-z-]+$/);
      expect(['public', 'session', 'user', 'manager']).toContain(contract[c].access);
    }
  });

  it('lets only sign-in, set-up and status through without a session', () => {
    expect(channels.filter((c) => contract[c].access === 'public').sort()).toEqual([
      'auth:setup',
      'auth:sign-in',
      'auth:status',
      'backups:restore-fresh',
      'enrol:import',
    ]);
  });

  it('rejects bad payloads with a message a person can act on', () => {
    expect(message(contract['auth:setup'].request, { username: 'ab', displayName: 'A', password: 'longenough' })).toBe(
      'A user name is 3–32 letters, digits, dots, dashes or underscores (User name)',
    );
    expect(message(contract['auth:setup'].request, { username: 'maria', displayName: '  ', password: 'longenough' }, 'auth:setup')).toBe(
      'Your name is required',
    );
    expect(message(contract['auth:setup'].request, { username: 'maria', displayName: 'M', password: 'short' })).toBe(
      'A password is at least 8 characters (Password)',
    );
    expect(
      message(contract['accounts:create'].request, {
        username: 'sam',
        displayName: 'Sam',
        role: 'supervisor',
        sites: [],
        password: 'longenough',
      }),
    ).toBe('A supervisor needs at least one site (Sites)');
    expect(message(contract['settings:update'].request, { idleLockMinutes: 61 })).toBe('At most 60 minutes (Lock after idle minutes)');
    expect(message(contract['sites:get'].request, { code: 'ch' })).toBe('A site code is 2–4 capital letters, e.g. CH (Site code)');
    expect(message(contract['auth:status'].request, { sneaky: 1 })).toMatch(/Unrecognized key/);
  });

  it('lets a manager give a month’s fill up to an hour, and says so beyond it', () => {
    // A week comes within 1% of its bound in 10 minutes at the design load (docs/autoschedule.md), so a month's
    // five weeks need longer than the 10 minutes that were the most before.
    const fill = { from: '2026-12-01', to: '2026-12-31', sites: null };
    expect(message(contract['rota:autofill-start'].request, { ...fill, timeLimitS: 1800 })).toBeNull();
    expect(message(contract['rota:autofill-start'].request, { ...fill, timeLimitS: 3600 })).toBeNull();
    expect(message(contract['rota:autofill-start'].request, { ...fill, timeLimitS: 3601 })).toBe(
      'At most an hour (3,600 seconds) (Time limit)',
    );
    expect(message(contract['rota:autofill-start'].request, { ...fill, timeLimitS: 1 })).toBe('At least 2 seconds (Time limit)');
  });

  it('refuses ids that every object already has as a property, so no lookup finds the object itself', () => {
    for (const id of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
      expect(message(contract['staff:get'].request, { id })).toBe('That is not a record id');
    }
    expect(message(contract['staff:get'].request, { id: 'constructor1' })).toBeNull();
  });

  it('checks dates and times really exist', () => {
    const base = { site: 'CH', service: 'security', date: '2026-11-25', start: '07:00', end: '19:00', breakMinutes: 30, staffId: null };
    expect(message(shiftInputSchema, base)).toBeNull();
    expect(message(shiftInputSchema, { ...base, date: '2027-02-29' })).toBe('That date does not exist (Date)');
    expect(message(shiftInputSchema, { ...base, date: '2028-02-29' })).toBeNull();
    expect(message(shiftInputSchema, { ...base, start: '24:30' })).toBe('Times are written hh:mm, 00:00 to 24:00 (Start)');
    expect(message(shiftInputSchema, { ...base, service: 'catering' })).toBe('Choose reception, security or cleaning (Service)');
    expect(
      message(siteInputSchema, {
        code: 'CH',
        name: 'x',
        address: 'y',
        opening: {},
        services: [],
        cover: { reception: {}, security: {}, cleaning: {} },
      }),
    ).toBe('A site runs at least one service (Services)');
  });
});
