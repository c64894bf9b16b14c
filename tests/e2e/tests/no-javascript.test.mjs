// Without JavaScript a person can still search from the home page, filter, and open a dataset.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser, newContext, newPage, resultCount, visit } from '../lib/helpers.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

test('search, filter and open a dataset with JavaScript turned off', async () => {
  const context = await newContext(browser, { locale: 'zh-TW', javaScriptEnabled: false });
  const page = await newPage(context);
  await visit(page, '/');
  // app.js really did not run: it would add a <datalist> for type-ahead.
  assert.equal(await page.locator('datalist').count(), 0, 'no script ran');

  await page.locator('#home-q').fill('長照');
  await Promise.all([page.waitForURL(/\/dataset\?q=/), page.getByRole('button', { name: '搜尋' }).click()]);
  const total = await resultCount(page);
  assert.ok(total >= 15, `the plain form submit finds ${total} results`);

  const topic = page.locator('.facet li a').first();
  await Promise.all([page.waitForURL(/&\w+=/), topic.click()]);
  assert.ok(await resultCount(page) >= 1, 'a facet link works without script');

  const link = page.locator('.results .dataset-item h3 a').first();
  const title = (await link.innerText()).trim();
  await Promise.all([page.waitForURL(/\/dataset\/[^?]+$/), link.click()]);
  assert.equal((await page.locator('h1').innerText()).trim(), title, 'the dataset opens');
  assert.ok(await page.locator('.resource').count() >= 1, 'its files are listed');
  await context.close();
});

test('with JavaScript on, the search box gets type-ahead suggestions (progressive enhancement)', async () => {
  const context = await newContext(browser, { locale: 'zh-TW' });
  const page = await newPage(context);
  await visit(page, '/');
  const box = page.locator('#home-q');
  const listId = await box.getAttribute('list');
  assert.ok(listId, 'app.js connected a datalist to the search box');
  await box.pressSequentially('長', { delay: 50 });
  await page.waitForFunction((id) => document.getElementById(id)?.options.length > 0, listId, { timeout: 10_000 });
  const options = await page.locator(`#${listId} option`).evaluateAll((os) => os.map((o) => o.value));
  assert.ok(options.some((o) => o.includes('長')), `suggestions for 長: ${options.join(', ')}`);
  await context.close();
});
