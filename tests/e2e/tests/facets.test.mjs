// Facets and pagination on the search page: a facet link narrows the count to the number it
// showed, the active filter is listed and can be removed, and "next page" shows new results.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertNoProblems, launchBrowser, newContext, newPage, resultCount, visit } from '../lib/helpers.mjs';

let browser, context;
before(async () => {
  browser = await launchBrowser();
  context = await newContext(browser, { locale: 'zh-TW' });
});
after(async () => { await browser?.close(); });

test('a facet link narrows the results and the active filter can be removed', async () => {
  const page = await newPage(context);
  await visit(page, `/dataset?q=${encodeURIComponent('長照')}`);
  const before = await resultCount(page);
  assert.ok(before >= 15, `長照 finds ${before}`);
  assert.equal(await page.locator('.active-filters').count(), 0, 'no active filter at first');

  // The publisher facet: pick the first entry that narrows the results.
  const facet = page.locator('.facet', { has: page.getByRole('heading', { name: '提供機關' }) });
  const entries = facet.locator('li');
  assert.ok(await entries.count() >= 2, 'the publisher facet lists several publishers');
  let chosen = null;
  for (const li of await entries.all()) {
    const n = Number((await li.locator('.count').innerText()).trim());
    if (n > 0 && n < before) { chosen = { li, n, name: (await li.locator('a').innerText()).trim() }; break; }
  }
  assert.ok(chosen, 'some publisher has fewer datasets than the whole result');
  await Promise.all([page.waitForURL(/organization=/), chosen.li.locator('a').click()]);
  const narrowed = await resultCount(page);
  assert.equal(narrowed, chosen.n, `clicking "${chosen.name}" shows the ${chosen.n} datasets its facet promised`);
  assert.ok(narrowed < before, 'the count went down');
  const orgs = await page.locator('.results .dataset-item .meta a').allInnerTexts();
  assert.ok(orgs.length > 0 && orgs.every((o) => o.trim() === chosen.name), `every result is from ${chosen.name}: ${orgs.join(', ')}`);
  assert.equal(await page.locator('#q').inputValue(), '長照', 'the query stays in the box');

  const active = page.locator('.active-filters li');
  assert.equal(await active.count(), 1, 'one active filter is listed');
  assert.match(await active.innerText(), new RegExp(chosen.name.replace(/[()]/g, '.')));
  const remove = active.getByRole('link', { name: /移除篩選/ });
  await Promise.all([page.waitForURL((u) => !u.search.includes('organization=')), remove.click()]);
  assert.equal(await resultCount(page), before, 'removing the filter brings back all results');
  assert.equal(await page.locator('.active-filters').count(), 0, 'no active filter after removing it');
  assertNoProblems(page);
});

test('two facets combine, and the search box keeps the filters when the query changes', async () => {
  const page = await newPage(context);
  await visit(page, '/dataset?organization_level=local');
  const local = await resultCount(page);
  assert.ok(local > 5 && local < 60, `local government datasets: ${local}`);
  const format = page.locator('.facet', { has: page.getByRole('heading', { name: '檔案格式' }) }).locator('li').first();
  const n = Number((await format.locator('.count').innerText()).trim());
  await Promise.all([page.waitForURL(/res_format=/), format.locator('a').click()]);
  assert.equal(await resultCount(page), n);
  assert.equal(await page.locator('.active-filters li').count(), 2, 'both filters are listed');
  // A new query keeps both filters (hidden inputs of the form).
  await page.locator('#q').fill('臺北');
  await Promise.all([page.waitForURL(/q=/), page.locator('#q').press('Enter')]);
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('organization_level'), 'local');
  assert.ok(url.searchParams.get('res_format'), 'format filter kept');
  assert.ok(await resultCount(page) <= n, 'adding a query does not widen the results');
  assertNoProblems(page);
});

test('pagination: page 2 shows other datasets', async () => {
  const page = await newPage(context);
  await visit(page, '/dataset');
  const total = await resultCount(page);
  assert.ok(total > 20, `the whole catalogue has more than one page (${total})`);
  const first = await page.locator('.results .dataset-item h3 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.equal(first.length, 20, '20 results per page');
  const nav = page.getByRole('navigation', { name: '分頁' });
  assert.equal((await nav.locator('[aria-current="page"]').innerText()).trim(), '1');
  await Promise.all([page.waitForURL(/page=2/), nav.getByRole('link', { name: '下一頁' }).click()]);
  const second = await page.locator('.results .dataset-item h3 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.ok(second.length > 0);
  assert.equal(second.filter((h) => first.includes(h)).length, 0, 'page 2 repeats nothing from page 1');
  assert.equal((await nav.locator('[aria-current="page"]').innerText()).trim(), '2');
  assertNoProblems(page);
});
