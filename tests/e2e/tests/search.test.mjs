// Searching as a person would: type into the home page's search box, read the results,
// open a dataset and see its title and files. Chinese, English and Simplified queries.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { BASE_URL, assertNoProblems, launchBrowser, newContext, newPage, resultCount, visit } from '../lib/helpers.mjs';

let browser, context;
before(async () => {
  browser = await launchBrowser();
  context = await newContext(browser, { locale: 'zh-TW' });
});
after(async () => { await browser?.close(); });

/** Types `query` into the home page's search box and submits with Enter. */
async function searchFromHome(page, query) {
  await visit(page, '/');
  // Found by its visible label, as a person finds it (role is combobox once app.js adds type-ahead).
  const box = page.getByLabel('搜尋資料集', { exact: true });
  await box.fill(query);
  await Promise.all([page.waitForURL(/\/dataset\?/), box.press('Enter')]);
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('q'), query, 'the search page got the query typed');
  assert.equal(await page.locator('#q').inputValue(), query, 'the results page shows the query in its box');
  return resultCount(page);
}

test('長照 typed on the home page finds at least 15 datasets; one opens with its title and files', async () => {
  const page = await newPage(context);
  const total = await searchFromHome(page, '長照');
  assert.ok(total >= 15, `長照 should find the demo's 18 long-term care datasets, found ${total}`);
  const items = page.locator('.results .dataset-item');
  assert.ok(await items.count() >= Math.min(total, 10), 'the result list shows the results it counts');

  const link = items.first().locator('h3 a');
  const title = (await link.innerText()).trim();
  assert.ok(title.length > 0, 'first result has a title');
  await Promise.all([page.waitForURL(/\/dataset\/[^?]+$/), link.click()]);
  assert.equal((await page.locator('h1').innerText()).trim(), title, 'dataset page heading is the title that was clicked');
  await assert.doesNotReject(page.getByRole('heading', { name: '資料檔案' }).waitFor(), 'resources heading 資料檔案 is shown');
  const resources = page.locator('.resource');
  assert.ok(await resources.count() >= 1, 'the dataset shows at least one data file');
  const download = resources.first().getByRole('link', { name: /下載/ });
  const href = await download.getAttribute('href');
  assert.ok(href, 'the first file has a download link');
  const file = await page.request.get(new URL(href, BASE_URL).href);
  assert.equal(file.status(), 200, `download link ${href} answers 200`);
  assert.ok((await file.body()).length > 0, `download ${href} is not empty`);
  assertNoProblems(page);
});

test('English "bus" finds the Taipei bus datasets', async () => {
  const page = await newPage(context);
  const total = await searchFromHome(page, 'bus');
  assert.ok(total >= 3, `"bus" should find at least the 3 Taipei bus datasets, found ${total}`);
  const hrefs = await page.locator('.results .dataset-item h3 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  for (const slug of ['tp-bus-routes', 'tp-bus-stops', 'tp-bus-realtime-arrival']) {
    assert.ok(hrefs.includes(`/dataset/${slug}`), `"bus" results include ${slug}; got ${hrefs.join(', ')}`);
  }
  const titles = await page.locator('.results .dataset-item h3').allInnerTexts();
  assert.ok(titles.some((t) => /臺北市.*公車|台北市.*公車/.test(t)), `a result title names Taipei buses: ${titles.join(' | ')}`);
  assertNoProblems(page);
});

test('Simplified 长照 finds the same long-term care datasets as 長照', async () => {
  const page = await newPage(context);
  const simplified = await searchFromHome(page, '长照');
  assert.ok(simplified >= 15, `长照 should find at least 15 datasets, found ${simplified}`);
  const simplifiedHrefs = new Set(await page.locator('.results .dataset-item h3 a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))));
  const traditional = await searchFromHome(page, '長照');
  assert.equal(simplified, traditional, 'Simplified and Traditional queries find the same number of datasets');
  const traditionalHrefs = await page.locator('.results .dataset-item h3 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  const shared = traditionalHrefs.filter((h) => simplifiedHrefs.has(h));
  assert.ok(shared.length >= traditionalHrefs.length - 2,
    `the first pages of results mostly agree (${shared.length} of ${traditionalHrefs.length})`);
  assertNoProblems(page);
});

test('a query that matches nothing says so', async () => {
  const page = await newPage(context);
  const total = await searchFromHome(page, 'zzqxjv');
  assert.equal(total, 0, 'nonsense query finds nothing');
  assert.equal(await page.locator('.results .dataset-item').count(), 0);
  await assert.doesNotReject(page.getByText('找不到符合的資料集', { exact: false }).waitFor(), 'the page explains there are no results');
});
