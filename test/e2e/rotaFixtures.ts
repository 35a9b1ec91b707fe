/** A data folder seeded with security and cleaning staff before the server starts, for rota journeys. */
import fs from 'node:fs';
import { JOURNEY_NOW, tempDataDir } from '../support/server';
import { makeStaff } from '../shared/domain/rota/factories';
import { test as base } from './fixtures';
import { openBrowserFolder } from '../support/browserFolder';

const STAFF = [
  { name: 'Ana Silva', employeeNumber: 'E-101', services: ['security' as const], contractedHours: 48 },
  { name: 'Ben Carter', employeeNumber: 'E-102', services: ['security' as const], contractedHours: 48 },
  { name: 'Dev Patel', employeeNumber: 'E-103', services: ['security' as const, 'reception' as const], contractedHours: 40 },
  { name: 'Cara Jones', employeeNumber: 'E-104', services: ['cleaning' as const], contractedHours: 20, sia: null },
];

export const test = base.extend({
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dir = tempDataDir();
    const opened = openBrowserFolder(dir, JOURNEY_NOW);
    opened.app.repos.staff.putMany(STAFF.map((s) => makeStaff({ familiarSites: ['CH'], ...s })));
    opened.close();
    await use(dir);
    fs.rmSync(dir, { recursive: true, force: true });
  },
});

export { expect, expectAccessible, createFirstManager } from './fixtures';
