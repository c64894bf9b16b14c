// The quality panel and the quality dashboard (issue 6), in a real browser with
// JavaScript off: the numbers are there, the charts are SVG images with names, and the
// panel's details open with the keyboard.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser, newContext, newPage, visit } from '../lib/helpers.mjs';
import { DATASET_SLUG } from '../lib/pages.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

test('the dashboard draws its five charts without JavaScript and names every one', async () => {
  const context = await newContext(browser, { locale: 'en', javaScriptEnabled: false });
  const page = await newPage(context);
  await visit(page, '/quality?lang=en');
  assert.equal((await page.locator('h1').innerText()).trim(), 'Data quality dashboard');
  const charts = page.locator('svg.chart[role="img"]');
  assert.equal(await charts.count(), 5, 'distribution, central/local, ranking, trend, badges');
  for (let i = 0; i < 5; ++i) {
    const name = await charts.nth(i).evaluate((svg) =>
      svg.getAttribute('aria-labelledby').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' '));
    assert.ok(name.trim().length > 10, `chart ${i} has a name: "${name}"`);
    const box = await charts.nth(i).boundingBox();
    assert.ok(box && box.width > 100 && box.height > 50, `chart ${i} is drawn (${JSON.stringify(box)})`);
  }
  const scored = Number((await page.locator('.quality-totals dd strong').first().innerText()).trim());
  assert.ok(scored >= 50, `the demo's public datasets are scored (${scored})`);
  const ranking = await page.locator('#chart-ranking-title').textContent();
  assert.match(ranking, /Agency ranking/);
  await context.close();
});

test('a dataset page shows its scores, the next fix, and every indicator on demand', async () => {
  const context = await newContext(browser, { locale: 'zh-TW' });
  const page = await newPage(context);
  await visit(page, `/dataset/${DATASET_SLUG}`);
  const panel = page.locator('section.quality-panel');
  await panel.scrollIntoViewIfNeeded();
  assert.match(await panel.innerText(), /歐盟詮釋資料品質（MQA）\s*[\d.]+ \/ 405/);
  assert.match(await panel.innerText(), /AI 就緒度/);
  const details = panel.locator('details.quality-framework').first();
  assert.equal(await details.evaluate((d) => d.open), false);
  await details.locator('summary').focus();
  await page.keyboard.press('Enter');
  assert.equal(await details.evaluate((d) => d.open), true, 'Enter opens the indicator list');
  assert.ok(await details.locator('tbody tr').count() >= 20, 'every MQA indicator is listed');
  await context.close();
});
