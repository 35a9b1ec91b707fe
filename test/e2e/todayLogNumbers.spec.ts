import { expect } from '@playwright/test';
import { DESK_PASSWORD } from '../support/deskWorld';
import { signIn } from './fixtures';
import { deskTest as test } from './seed';

test('Today numbers the day’s log entries as the log does, a back-dated one included', async ({ page, openDesk }) => {
  await openDesk(page);
  await signIn(page, 'sup.ch', DESK_PASSWORD);
  await expect(page.getByRole('heading', { name: 'Today at County Hall', level: 1 })).toBeVisible();

  // At 07:05 the officer writes up a 06:30 patrol on the log screen: it is the day's third entry.
  await page.getByRole('button', { name: 'Occurrence log' }).click();
  await page.getByLabel('Time').fill('06:30');
  const entry = page.getByLabel('Entry', { exact: true });
  await entry.fill('Patrol of the car park, barrier still bent.');
  await entry.press('Enter');
  const logRows = page.getByRole('table').getByRole('row');
  await expect(logRows).toHaveCount(4);
  const logNumbers = async () =>
    Object.fromEntries(
      await Promise.all(
        (await logRows.all())
          .slice(1)
          .map(async (r) => [(await r.getByRole('cell').nth(1).innerText()).slice(0, 5), await r.getByRole('cell').first().innerText()]),
      ),
    );
  expect(await logNumbers()).toEqual({ '06:00': '1', '06:30': '3', '07:00': '2' });

  await page.getByRole('button', { name: 'Today', exact: true }).first().click();
  const items = page.getByRole('list', { name: "Today's log entries" }).getByRole('listitem');
  await expect(items).toHaveCount(3);
  await expect(items.nth(0)).toContainText('07:00');
  await expect(items.nth(1)).toContainText('06:30');
  await expect(items.nth(2)).toContainText('06:00');
  // The number beside each line is its list marker, which is what the screen and a screen reader give: read it from
  // the page's accessibility tree. It is the entry's number in the log, not its place in this newest-first list.
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  const numbered = nodes.map((n) => (n.role?.value === 'ListMarker' ? String(n.name?.value ?? '') : '')).filter((m) => /^\d+\. $/.test(m));
  expect(numbered).toEqual(['2. ', '3. ', '1. ']);
});
