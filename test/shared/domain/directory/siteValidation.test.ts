import { describe, expect, it } from 'vitest';
import { siteCodeClash, validateSite } from '../../../../shared/domain/directory';
import type { SiteInput } from '../../../../shared/schemas/site';
import { seedSites } from '../../../../main/seed/sites';
import { RecordClock } from '../../../../main/services/records';
import { makeSite, w } from './factories';

const existing = [makeSite({ code: 'CH', name: 'County Hall' }), makeSite({ code: 'FH', name: 'Farnham House', archived: true })];
const input = (overrides: Partial<SiteInput> = {}): SiteInput => {
  const {
    id: _id,
    createdAt: _c,
    createdBy: _cb,
    updatedAt: _u,
    updatedBy: _ub,
    rev: _r,
    archived: _a,
    ...rest
  } = makeSite({ code: 'RH', name: 'Robertson House' });
  return { ...rest, ...overrides };
};

describe('validateSite', () => {
  it('accepts a good new site', () => {
    expect(validateSite(input(), existing)).toEqual({});
  });

  it.each([
    ['CH', 'Code CH is already used by County Hall'],
    ['FH', 'Code FH is already used by Farnham House (archived)'],
  ])('refuses code %s already in use', (code, message) => {
    expect(validateSite(input({ code }), existing)).toEqual({ code: message });
  });

  it('compares codes without case', () => {
    const lower = [makeSite({ code: 'CH' })].map((s) => ({ ...s, code: 'ch' }));
    expect(siteCodeClash('CH', lower)?.code).toBe('ch');
    expect(siteCodeClash(' ch ', existing)?.name).toBe('County Hall');
  });

  it('ignores the site being edited', () => {
    expect(validateSite(input({ code: 'CH' }), existing, existing[0].id)).toEqual({});
  });

  it('reports schema problems by field', () => {
    const errors = validateSite(input({ code: 'rh', name: ' ', services: [] }), existing);
    expect(errors.code).toBe('A site code is 2–4 capital letters, e.g. CH');
    expect(errors.name).toBe('Site name is required');
    expect(errors.services).toBe('A site runs at least one service');
  });

  it('refuses cover for a service the site does not run', () => {
    const errors = validateSite(
      input({ cover: { reception: { mon: [w('08:00', '18:00')] }, security: { sat: [w('00:00', '24:00')] }, cleaning: {} } }),
      existing,
    );
    expect(errors).toEqual({ 'cover.security': 'Security cover is set, but the site does not run security' });
  });

  it('refuses a service run with no cover', () => {
    expect(validateSite(input({ services: ['reception', 'cleaning'] }), existing)).toEqual({
      'cover.cleaning': 'Cleaning is run here: add the cover it needs',
    });
  });

  it('treats days with empty lists as no cover', () => {
    expect(validateSite(input({ cover: { reception: { mon: [], tue: [] }, security: {}, cleaning: {} } }), existing)).toEqual({
      'cover.reception': 'Reception is run here: add the cover it needs',
    });
  });

  it('refuses a service listed twice', () => {
    expect(validateSite(input({ services: ['reception', 'reception'] }), existing)).toEqual({ 'services.1': 'Reception is listed twice' });
  });

  it('includes cover errors and opening hours, and takes overlapping windows as layers', () => {
    const errors = validateSite(
      input({
        cover: { reception: { mon: [w('07:00', '19:00'), w('18:00', '22:00'), w('09:00', '10:00', 0)] }, security: {}, cleaning: {} },
        opening: { mon: { open: '18:00', close: '08:00' } },
      }),
      existing,
    );
    expect(errors).toEqual({
      'cover.reception.mon.2.min': 'At least one person',
      'opening.mon.close': 'Mon: closing time must be after opening time (18:00–08:00)',
    });
  });

  it('passes every seeded site', () => {
    const sites = seedSites(new RecordClock('test'), 'manager01', Date.UTC(2026, 0, 5));
    expect(sites).toHaveLength(15);
    for (const site of sites) expect([site.code, validateSite(site, sites, site.id)]).toEqual([site.code, {}]);
  });
});
