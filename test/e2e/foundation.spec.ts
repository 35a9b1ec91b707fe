import { startServer } from '../support/server';
import { addSupervisor, createFirstManager, expect, expectAccessible, signIn, test } from './fixtures';

test('first run creates the manager, shows the 15 sites, and survives a restart', async ({ page, dataDir, server, openApp }) => {
  // Two server starts and three accessibility scans: on a loaded shared 2-core machine this alone takes ~60 s.
  test.setTimeout(180_000);
  await openApp(page);
  await expectAccessible(page, 'first run');
  await createFirstManager(page);
  await expect(page.getByRole('row')).toHaveCount(16); // header + 15 sites
  await expect(page.getByText('County Hall', { exact: true })).toBeVisible();
  await expectAccessible(page, 'sites');

  await server.stop();
  const again = await startServer(dataDir);
  try {
    await openApp(page, again);
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await expectAccessible(page, 'sign in');
    await signIn(page, 'maria', 'wrong password');
    await expect(page.getByRole('alert').first()).toContainText('do not match');
    await signIn(page, 'maria', 'correct horse 1');
    await expect(page.getByRole('heading', { name: 'Sites', level: 1 })).toBeVisible();
    await expect(page.getByRole('row')).toHaveCount(16);
  } finally {
    await again.stop();
  }
});

test('the screen locks when idle and any user unlocks it', async ({ page, openApp }) => {
  await openApp(page);
  await createFirstManager(page);
  await addSupervisor(page, () => expectAccessible(page, 'add account dialog'));

  await page.clock.fastForward('05:01');
  await expect(page.getByRole('heading', { name: 'Screen locked' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeHidden();
  await expectAccessible(page, 'lock screen');
  await page.getByLabel('User name').fill('sam');
  await page.getByLabel('Password or PIN').fill('desk password');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByText('Supervisor · CH')).toBeVisible();
});

test('API calls without the secret, with a wrong Host or from another origin are refused', async ({ server, request }) => {
  const noSecret = await request.post(`${server.origin}/api/auth:status`, { data: {} });
  expect(noSecret.status()).toBe(401);
  const wrongSecret = await request.post(`${server.origin}/api/auth:status`, {
    data: {},
    headers: { 'X-SiteDesk-Secret': 'x'.repeat(43) },
  });
  expect(wrongSecret.status()).toBe(401);
  const crossOrigin = await request.post(`${server.origin}/api/auth:status`, {
    data: {},
    headers: { 'X-SiteDesk-Secret': server.secret, Origin: 'http://evil.example' },
  });
  expect(crossOrigin.status()).toBe(403);
  const wrongHost = await request.post(`${server.origin}/api/auth:status`, {
    data: {},
    headers: { 'X-SiteDesk-Secret': server.secret, Host: 'evil.example' },
  });
  expect(wrongHost.status()).toBe(421);
  const good = await request.post(`${server.origin}/api/auth:status`, { data: {}, headers: { 'X-SiteDesk-Secret': server.secret } });
  expect(good.status()).toBe(200);
  expect(await good.json()).toMatchObject({ ok: true, data: { setupNeeded: true, user: null } });
});

test('a supervisor changes their own password in Settings; the old one stops working', async ({ page, openApp }) => {
  await openApp(page);
  await createFirstManager(page);
  await addSupervisor(page);
  await page.getByRole('button', { name: 'Sign out' }).click();

  await signIn(page, 'sam', 'desk password');
  await page.getByRole('button', { name: 'Settings' }).click();
  const form = page.getByRole('form', { name: 'My password' });
  await form.getByLabel('Current password').fill('not my password');
  await form.getByLabel('New password', { exact: true }).fill('a new desk password');
  await form.getByLabel('New password again').fill('a new desk password');
  await form.getByRole('button', { name: 'Change password' }).click();
  await expect(form).toContainText('Check your current password');

  await form.getByLabel('Current password').fill('desk password');
  await form.getByLabel('New password again').fill('a different one');
  await form.getByRole('button', { name: 'Change password' }).click();
  await expect(form).toContainText('The two new passwords are not the same.');

  await form.getByLabel('New password again').fill('a new desk password');
  await form.getByRole('button', { name: 'Change password' }).click();
  await expect(form.getByText('Password changed. Use the new one from now on.')).toBeVisible();
  await expectAccessible(page, 'settings as a supervisor');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, 'sam', 'desk password');
  await expect(page.getByText('Check the password and try again')).toBeVisible();
  await expect(page.getByText('Supervisor · CH')).toBeHidden();
  await signIn(page, 'sam', 'a new desk password');
  await expect(page.getByText('Supervisor · CH')).toBeVisible();
});
