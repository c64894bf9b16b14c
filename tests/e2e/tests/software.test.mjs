// The public code registry (issue 7) in a real browser: a civil servant finds shared
// software by text and facets, reads who maintains and who uses it, prints the procurement
// summary, sees the software built on a dataset, and an agency steward records an adoption
// and tries to register a broken publiccode.yml (clear messages, nothing stored).
// axe-core checks the forms here; the public pages are in lib/pages.mjs for every suite.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { BASE_URL, assertNoAxeViolations, assertNoProblems, launchBrowser, newContext, newPage, signedInSteward,
         visit, withLang } from '../lib/helpers.mjs';

let browser, steward;

before(async () => {
  browser = await launchBrowser();
  steward = await signedInSteward(browser);
});
after(async () => { await browser?.close(); });

test('find shared code by text and by piece size, without JavaScript', async () => {
  const context = await newContext(browser, { locale: 'zh-TW', javaScriptEnabled: false });
  const page = await newPage(context);
  await visit(page, '/software');
  assert.equal((await page.locator('h1').innerText()).trim(), '公共程式');
  assert.equal(await page.locator('.software-item').count(), 4, 'the four demo entries are listed');
  await page.getByLabel('搜尋公共程式').fill('長照');
  await Promise.all([page.waitForURL(/q=/), page.getByRole('button', { name: '搜尋' }).click()]);
  assert.match(await page.locator('.software-item').first().innerText(), /長照服務地圖/);
  await visit(page, '/software');
  await Promise.all([page.waitForURL(/piece_size=module/),
                     page.locator('.facet a', { hasText: '模組／函式庫' }).click()]);
  const names = await page.locator('.software-item h3').allInnerTexts();
  assert.ok(names.length >= 2, `modules: ${names}`);
  assert.ok(!names.some((n) => /長照服務地圖/.test(n)), 'a whole system is not a module');
  await context.close();
});

test('a software page tells who maintains it, who uses it, and how ready it is', async () => {
  const context = await newContext(browser, { locale: 'en' });
  const page = await newPage(context);
  await visit(page, '/software/ltc-service-map?lang=en');
  const text = await page.locator('main').innerText();
  assert.match(text, /Agencies that use it \(2\)/);
  assert.match(text, /Procurement readiness/);
  assert.equal(await page.locator('table.readiness tbody tr').count(), 16, 'the 16 criteria');
  assert.match(text, /EUPL-1\.2/);
  assert.match(text, /long-term care|Long-term care/);
  const yml = await fetch(`${BASE_URL}/software/ltc-service-map/publiccode.yml`);
  assert.equal(yml.status, 200);
  assert.match(await yml.text(), /publiccodeYmlVersion/);
  // The printable summary hides the site's header when printed.
  await visit(page, '/software/ltc-service-map/procurement?lang=en');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.site-header').isVisible(), false);
  assert.match(await page.locator('main').innerText(), /Licence in plain language/);
  await context.close();
});

test('a dataset page shows the software built on it', async () => {
  const context = await newContext(browser, { locale: 'zh-TW' });
  const page = await newPage(context);
  await visit(page, '/dataset/tp-ltc-a-units');
  const section = page.locator('section', { has: page.getByRole('heading', { name: '使用這份資料的軟體' }) });
  await section.getByRole('link', { name: '長照服務地圖' }).click();
  await page.waitForURL(/\/software\/ltc-service-map/);
  await context.close();
});

test('a steward records an adoption; a bad date is explained next to the field', async () => {
  const page = await newPage(steward);
  await visit(page, '/software/bus-arrival-widget/adopt?lang=zh-TW');
  await assertNoAxeViolations(page, 'adoption form (zh-TW)');
  await page.getByLabel('使用版本').fill('0.9.4');
  await page.getByLabel('開始使用').fill('去年');
  await page.getByRole('button', { name: '登記採用' }).click();
  const error = page.locator('#since-error');
  await error.waitFor();
  assert.match(await error.innerText(), /日期/);
  assert.equal(await page.getByLabel('使用版本').inputValue(), '0.9.4', 'typed values are kept');
  await page.getByLabel('開始使用').fill('115/01/15');
  await Promise.all([page.waitForURL(/\/software\/bus-arrival-widget/), page.getByRole('button', { name: '登記採用' }).click()]);
  assert.match(await page.locator('#adopters').innerText(), /採用機關 \(1\)/);
  assert.match(await page.locator('main').innerText(), /2026-01-15/);
  await page.close();
  // (The refused form answered 400 on purpose; a fresh page must load without problems.)
  const fresh = await newPage(steward);
  await visit(fresh, '/software/bus-arrival-widget');
  assert.match(await fresh.locator('#adopters').innerText(), /\(1\)/);
  assertNoProblems(fresh, 'software page after adoption');
  await fresh.close();
});

test('registering a broken publiccode.yml names the key and stores nothing', async () => {
  const page = await newPage(steward);
  for (const lang of ['zh-TW', 'en']) {
    await visit(page, withLang('/software/new', lang));
    await assertNoAxeViolations(page, `register form (${lang})`);
  }
  await visit(page, '/software/new?lang=en');
  await page.getByLabel('Or paste the publiccode.yml').fill('publiccodeYmlVersion: "0"\nname: Broken\nlegal:\n  license: MIT License\n');
  await page.getByRole('button', { name: 'Register' }).click();
  const error = page.locator('#publiccode_yml-error');
  await error.waitFor();
  assert.match(await error.innerText(), /MIT/);
  const r = await fetch(`${BASE_URL}/api/v1/software?q=Broken`);
  assert.equal((await r.json()).total, 0, 'nothing was stored');
  await page.close();
});
