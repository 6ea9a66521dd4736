import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { waitFor } from '@maestro/testing';
import type { Page } from 'playwright-core';
import { ADMIN_TOKEN, DASHBOARD_URL, management, SCREENSHOTS, simulatedScheduler } from './support/api';
import { accessibilityViolations, type Browser, launchBrowser, signIn } from './support/browser';

describe('the dashboard in Chromium: overview, scheduler page, actions', () => {
  const name = 'dash-arena';
  let browser: Browser;
  let page: Page;
  const row = () => page.locator(`tr[data-scheduler="${name}"]`);
  const bar = () => row().getByRole('img', { name: /^Rooms:/ });
  const roomsOf = async (status: string) =>
    (await management('GET', `/schedulers/${name}/rooms`)).body.rooms.filter((r: { status: string }) => r.status === status).length;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    browser = await launchBrowser();
    page = browser.page;
  });

  afterAll(() => browser?.close());

  it('signs in with a token, and shows a scheduler created through the API without a reload', async () => {
    await signIn(page, DASHBOARD_URL, ADMIN_TOKEN);
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
    expect((await management('POST', '/schedulers', simulatedScheduler(name, 1))).status).toBe(200);
    await row().getByRole('link', { name }).waitFor({ timeout: 30_000 });
    await waitFor(async () => (await bar().getAttribute('aria-label'))?.startsWith('Rooms: 1 ready'), {
      timeoutMs: 60_000,
      description: 'one ready room in the bar',
    });
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  });

  it('scales from the scheduler page after a confirmation, and the rooms reach the target', async () => {
    await row().getByRole('link', { name }).click();
    await page.getByRole('heading', { name, level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Scale' }).click();
    const dialog = page.getByRole('dialog', { name: `Scale ${name}` });
    await dialog.getByLabel('Rooms (replicas)').fill('3');
    await dialog.getByRole('button', { name: 'Scale' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: 'Rooms (3)' }).waitFor({ timeout: 60_000 });
    await waitFor(async () => (await page.locator('tbody tr[data-room] .status-ready').count()) === 3, {
      timeoutMs: 60_000,
      description: 'three ready rooms in the table',
    });
    expect(await roomsOf('ready')).toBe(3);
  });

  it('draws the rooms history the health controller records', async () => {
    await page.getByRole('img', { name: /^Rooms over the last hour/ }).waitFor({ timeout: 30_000 });
    const history = await management('GET', `/schedulers/${name}/rooms/history?since=1h`);
    expect(history.body.samples.length).toBeGreaterThan(0);
  });

  it('sorts and filters the rooms table', async () => {
    const ids = () => page.locator('tbody tr[data-room] th').allTextContents();
    const ascending = await ids();
    // Natural order, as the table sorts ids: room-7a before room-77.
    expect(ascending).toEqual([...ascending].sort(new Intl.Collator(undefined, { numeric: true }).compare));
    await page.getByRole('button', { name: /^Room/ }).click();
    expect(await ids()).toEqual([...ascending].reverse());
    await page.getByLabel('Room or address').fill(ascending[0]);
    expect(await ids()).toEqual([ascending[0]]);
    await page.getByLabel('Room or address').fill('');
    await page.getByLabel('Status').selectOption('ready');
    expect(await ids()).toHaveLength(3);
    await page.getByLabel('Status').selectOption('');
  });

  it('updates the overview bar live when the scheduler is scaled elsewhere', async () => {
    await page.getByRole('link', { name: '← All schedulers' }).click();
    await waitFor(async () => (await bar().getAttribute('aria-label'))?.startsWith('Rooms: 3 ready'), { timeoutMs: 30_000, description: 'three ready rooms' });
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
    await management('PATCH', `/schedulers/${name}`, { roomsReplicas: 2 });
    await waitFor(async () => (await bar().getAttribute('aria-label'))?.startsWith('Rooms: 2 ready'), { timeoutMs: 60_000, description: 'two ready rooms' });
    expect(await row().getByTestId('target').textContent()).toBe('2 / 2');
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'dashboard-overview.png') });
  });

  it('switches the active version back, after a confirmation', async () => {
    await row().getByRole('link', { name }).click();
    const versions = page.locator('ul.versions');
    await versions.locator('li[data-version="v1.2.0"] mark').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Switch to v1.0.0' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Switch version' }).click();
    await versions.locator('li[data-version="v1.0.0"] mark').waitFor({ timeout: 60_000 });
    expect((await management('GET', `/schedulers/${name}`)).body.scheduler.spec.version).toBe('v1.0.0');
  });

  it('makes a major version from pasted JSON, shows it in the timeline and cancels it', async () => {
    await page.getByRole('button', { name: 'New version' }).click();
    const dialog = page.getByRole('dialog', { name: `New version of ${name}` });
    const stuck = simulatedScheduler(name, 1, { ROOM_FAILURE_MODE: 'never-ready' });
    await dialog.getByLabel('Scheduler (YAML or JSON)').fill(JSON.stringify(stuck, null, 2));
    await dialog.getByText(/^Major change: expected v2\.0\.0/).waitFor();
    await dialog.getByRole('button', { name: 'Create version' }).click();
    await dialog.waitFor({ state: 'detached' });

    const unfinished = async () => {
      const stages = await Promise.all(['pending', 'active'].map((stage) => management('GET', `/schedulers/${name}/operations?stage=${stage}`)));
      return stages.flatMap((stage) => stage.body.operations).find((op: { definitionName: string }) => op.definitionName === 'create_new_scheduler_version');
    };
    const { id } = await waitFor(unfinished, { timeoutMs: 30_000, description: 'the version operation queued' });
    const entry = page.locator(`ol.timeline li[data-operation="${id}"]`);
    const cancel = entry.getByRole('button', { name: /^Cancel create_new_scheduler_version/ });
    await cancel.waitFor({ timeout: 30_000 });
    await cancel.click();
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel operation' }).click();
    await waitFor(async () => (await entry.getAttribute('data-status')) === 'canceled', { timeoutMs: 60_000, description: 'the operation cancelled' });
    await entry.locator('summary').click();
    await entry.locator('ul.history li').first().waitFor();
    expect(await entry.locator('ul.history li').count()).toBeGreaterThan(1);
  });

  it('is keyboard-navigable: links, buttons and dialogs by Tab, Enter and Escape', async () => {
    await page.goto(DASHBOARD_URL);
    await row().getByRole('link', { name }).waitFor();
    const focusedText = () => page.evaluate(() => document.activeElement?.textContent ?? '');
    for (let presses = 0; presses < 20 && (await focusedText()) !== name; presses++) await page.keyboard.press('Tab');
    expect(await focusedText()).toBe(name);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Scale' }).waitFor();
    for (let presses = 0; presses < 20 && (await focusedText()) !== 'Scale'; presses++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: `Scale ${name}` });
    await dialog.waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(await dialog.getByLabel('Rooms (replicas)').getAttribute('id'));
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('names every control and passes the accessibility checks of axe-core', async () => {
    for (const hash of ['', `#/schedulers/${name}`]) {
      await page.goto(`${DASHBOARD_URL}${hash}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.locator('table tbody tr').first().waitFor();
      expect(await accessibilityViolations(page)).toEqual([]);
    }
  });

  it('fits a phone: no page-wide horizontal scrolling, tables scroll in their box', async () => {
    const phone = await launchBrowser({ width: 375, height: 740 });
    try {
      await signIn(phone.page, DASHBOARD_URL, ADMIN_TOKEN);
      for (const hash of ['', `#/schedulers/${name}`]) {
        await phone.page.goto(`${DASHBOARD_URL}${hash}`);
        await phone.page.locator('table tbody tr').first().waitFor();
        const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        expect(await phone.page.getByRole('button', { name: 'Scale' }).or(phone.page.getByRole('link', { name })).first().isVisible()).toBe(true);
      }
      expect(phone.errors).toEqual([]);
    } finally {
      await phone.close();
    }
  });

  it('deletes the scheduler once its name is typed', async () => {
    await page.goto(`${DASHBOARD_URL}#/schedulers/${name}`);
    await page.getByRole('button', { name: 'Delete' }).click();
    const dialog = page.getByRole('dialog', { name: `Delete ${name}` });
    const confirm = dialog.getByRole('button', { name: 'Delete scheduler' });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel(/to confirm/).fill(name);
    await confirm.click();
    await page.getByRole('heading', { name: 'Schedulers' }).waitFor();
    await waitFor(async () => (await management('GET', `/schedulers/${name}`)).status === 404, { timeoutMs: 90_000, description: 'the scheduler deleted' });
    await row().waitFor({ state: 'detached', timeout: 30_000 });
  });

  it('logged no error to the console', () => {
    expect(browser.errors).toEqual([]);
  });
});
