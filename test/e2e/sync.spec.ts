import { test, expect, expectAccessible, createFirstManager } from './fixtures';
import { provisionManager, provisionOrganisation } from '../../main/sync/provision';
import { HubProcess } from '../main/sync/world';

/**
 * Issue 11, Settings → Sync: a manager points a fresh install at the council's hub. A wrong address is
 * named by the field; the right credentials connect, and the shell then says the desk is up to date.
 */
const MANAGER = { name: 'maria-hub', password: 'maria hub password 1' };

test.describe('sync settings', () => {
  let hub: HubProcess;
  test.beforeEach(async () => {
    hub = new HubProcess();
    await hub.start();
    await provisionOrganisation(hub.admin, [], { writeRules: false });
    await provisionManager(hub.admin, MANAGER);
  });
  test.afterEach(async () => {
    await hub.stop();
  });

  test('a manager connects to the hub and the shell shows it up to date', async ({ page, openApp }) => {
    await openApp(page);
    await createFirstManager(page);

    // Sync is off on a fresh install: the shell says nothing about it.
    const shellSync = page.getByRole('navigation', { name: 'Main' }).getByRole('status', { name: 'Sync' });
    await expect(shellSync).toHaveText('');

    await page.getByRole('button', { name: 'Settings' }).click();
    const section = page.getByRole('form', { name: 'Sync' });
    await expect(section).toContainText('Sync is off');
    await expectAccessible(page, 'Settings with Sync');

    // Not an address at all: the address field says so, nothing is connected.
    await section.getByLabel('Hub address').fill('hub dot council');
    await section.getByLabel('Hub user name').fill(MANAGER.name);
    await section.getByLabel('Hub password').fill(MANAGER.password);
    await section.getByRole('button', { name: 'Connect' }).click();
    await expect(section.getByLabel('Hub address')).toHaveAccessibleDescription(/Enter the hub’s address/);

    // An address where no hub answers (nothing listens on port 1): named on the address field too.
    await section.getByLabel('Hub address').fill('http://127.0.0.1:1');
    await section.getByRole('button', { name: 'Connect' }).click();
    await expect(section.getByLabel('Hub address')).toHaveAccessibleDescription(/No hub answered at this address/);
    await expect(shellSync).toHaveText('');

    // The right password is refused if mistyped: the password field says so.
    await section.getByLabel('Hub address').fill(hub.url);
    await section.getByLabel('Hub password').fill('not the hub password');
    await section.getByRole('button', { name: 'Connect' }).click();
    await expect(section.getByLabel('Hub password')).toHaveAccessibleDescription(/The hub refused this name or password/);

    await section.getByLabel('Hub password').fill(MANAGER.password);
    await section.getByRole('button', { name: 'Connect' }).click();
    // Connecting signs in at the hub and checks each database: over 10 s on a machine at load 15.
    await expect(section.getByRole('status').filter({ hasText: 'Connected.' })).toBeVisible({ timeout: 30_000 });
    await expect(section.getByLabel('Hub address')).not.toHaveAccessibleDescription(/No hub answered/);

    // The shell reaches "Up to date · hh:mm" (24-hour London time) within a few polls.
    await expect(shellSync).toHaveText(/^Up to date · \d{2}:\d{2}$/, { timeout: 20_000 });
    await expect(section).toContainText(`with ${hub.url}`);
    await expectAccessible(page, 'Settings connected to a hub');
  });
});
