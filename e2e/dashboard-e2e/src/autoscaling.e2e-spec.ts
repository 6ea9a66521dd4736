import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { waitFor } from '@maestro/testing';
import type { Page } from 'playwright-core';
import { ADMIN_TOKEN, DASHBOARD_URL, management, SCREENSHOTS, simulatedScheduler } from './support/api';
import { accessibilityViolations, type Browser, launchBrowser, signIn } from './support/browser';

/** Issue 16 in the browser: the decisions of an autoscaling fleet, explained, and a simulation of two policies. */
describe('the dashboard in Chromium: autoscaling decisions and the simulator', () => {
  const name = 'dash-autoscaling';
  const autoscaling = { enabled: true, min: 1, max: 4, cooldown: 0, policy: { type: 'roomOccupancy', parameters: { roomOccupancy: { readyTarget: 0.5 } } } };
  const buffer = { enabled: true, min: 1, max: 6, cooldown: 0, policy: { type: 'fixedBuffer', parameters: { fixedBuffer: { amount: 2 } } } };
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    // Each room pings ready, then occupied a second later, and stays: the policy keeps adding rooms up to max.
    const body = { ...simulatedScheduler(name, 1, { ROOM_OCCUPY_AFTER_MS: '1000' }), autoscaling };
    expect((await management('POST', '/schedulers', body)).status).toBe(200);
    browser = await launchBrowser();
    page = browser.page;
    await signIn(page, DASHBOARD_URL, ADMIN_TOKEN);
  });

  afterAll(async () => {
    await browser?.close();
    await management('DELETE', `/schedulers/${name}`);
  });

  it('shows the decisions as rooms get occupied, each with its reason and a link to the operation it enqueued', async () => {
    await page.goto(`${DASHBOARD_URL}#/schedulers/${name}`);
    const panel = page.getByRole('region', { name: 'Autoscaling decisions' });
    // The page follows the fleet as it grows to max: rooms get occupied, the policy wants more.
    await panel
      .locator('tr')
      .filter({ hasText: /readyTarget 0\.5 wants \d+, capped by max 4/ })
      .first()
      .waitFor({ timeout: 120_000 });
    const added = panel.locator('tr[data-action="add"]').filter({ hasText: /readyTarget 0\.5 wants [1-9]\d*/ });
    await added.first().waitFor({ timeout: 30_000 });
    expect(await panel.getByText(/^roomOccupancy readyTarget 0\.5(, downThreshold [\d.]+)? · min 1 · max 4 · cooldown 0 s$/).count()).toBe(1);
    const link = added.first().getByRole('link', { name: /^Operation / });
    const operationId = (await link.getAttribute('aria-label'))!.replace('Operation ', '');
    const recorded = (await management('GET', `/schedulers/${name}/autoscaling/decisions?limit=1000`)).body.decisions as {
      action: { operationId: string | null };
    }[];
    expect(recorded.some((d) => d.action.operationId === operationId)).toBe(true);

    await link.click();
    expect(new URL(page.url()).hash).toBe(`#/schedulers/${name}/operations/${operationId}`);
    // Opened in the timeline, or on its own above it once newer operations pushed it out of the last 20.
    const opened = page.locator(`[data-operation="${operationId}"] details[open], details[open][data-operation="${operationId}"]`);
    await opened.waitFor({ timeout: 30_000 });
    await opened.locator('ul.history li').first().waitFor({ timeout: 30_000 });
  });

  it('simulates the own policy and a candidate over the recorded hour, side by side with a chart each', async () => {
    const simulator = page.getByRole('region', { name: 'Try a policy' });
    await simulator.getByLabel('Since').selectOption('1h');
    await simulator.getByRole('button', { name: 'Add candidate' }).click();
    await simulator.getByLabel('Candidate 2: autoscaling (JSON)').fill(JSON.stringify(buffer, null, 2));
    await simulator.getByRole('button', { name: 'Simulate' }).click();
    const summaries = simulator.locator('table.summaries');
    await summaries.waitFor({ timeout: 30_000 });
    expect(await summaries.locator('thead th').allTextContents()).toEqual(['Candidate', '1: roomOccupancy', '2: fixedBuffer']);
    const roomHours = await summaries.locator('tr[data-metric="roomHours"] td').allTextContents();
    expect(roomHours.map(Number).every((hours) => hours > 0)).toBe(true);
    expect(await simulator.getByRole('img', { name: /^Candidate \d: \w+: \d+ steps/ }).count()).toBe(2);
    expect(await simulator.locator('figure svg path.recharts-curve').count()).toBe(6);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'dashboard-scheduler.png'), fullPage: true });
  });

  it('keeps the panels accessible and within a phone-wide screen', async () => {
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 375, height: 740 });
    try {
      // The charts follow their box once the browser reports its new size (ResizeObserver).
      const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      await waitFor(async () => (await overflow()) <= 0, { timeoutMs: 5_000, description: 'no page-wide horizontal scrolling' }).catch(async () => {
        const widest = await page.evaluate(() =>
          Array.from(document.querySelectorAll('main *'))
            .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
            .slice(0, 5)
            .map((e) => `${e.tagName}.${e.className}: ${Math.round(e.getBoundingClientRect().right)}`),
        );
        throw new Error(`the page scrolls sideways by ${await overflow()} px: ${widest.join('; ')}`);
      });
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it('logged no error to the console', () => {
    expect(browser.errors).toEqual([]);
  });
});
