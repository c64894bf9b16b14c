// Language: the switch link on a dataset page turns the page into English, the choice is
// remembered (cookie) on the next page, ?lang=zh-TW switches back, Accept-Language picks the
// first language, and text without a translation shows a visible fallback marker.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  DATASET_SLUG, ZH_ONLY_DATASET_SLUG, assertNoProblems, launchBrowser, newContext, newPage, visit,
} from '../lib/helpers.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

const h2s = (page) => page.locator('main h2').allInnerTexts();

test('the language switch turns a dataset page into English, and it stays English', async () => {
  const context = await newContext(browser, { locale: 'zh-TW' });
  const page = await newPage(context);
  await visit(page, `/dataset/${DATASET_SLUG}`);
  assert.equal(await page.locator('html').getAttribute('lang'), 'zh-TW', 'default language is zh-TW');
  assert.ok((await h2s(page)).includes('資料檔案'), 'Chinese headings first');
  const zhTitle = (await page.locator('h1').innerText()).trim();

  const sw = page.locator('a.lang-switch');
  assert.equal((await sw.innerText()).trim(), 'English', 'the switch offers English');
  await Promise.all([page.waitForURL(/lang=en/), sw.click()]);
  assert.equal(await page.locator('html').getAttribute('lang'), 'en', '<html lang> is en after switching');
  const headings = await h2s(page);
  for (const h of ['Description', 'Data files', 'Dataset details']) {
    assert.ok(headings.includes(h), `English heading "${h}" shown; headings: ${headings.join(' | ')}`);
  }
  const enTitle = (await page.locator('h1').innerText()).trim();
  assert.notEqual(enTitle, zhTitle, 'the dataset title is shown in English');
  assert.match(enTitle, /Taipei City community integrated service centres/);
  assert.equal((await page.locator('a.lang-switch').innerText()).trim(), '中文', 'the switch now offers 中文');

  // Next page, reached by a plain link without ?lang=: the cookie keeps English.
  await Promise.all([page.waitForURL(/\/organization$/), page.getByRole('link', { name: 'Publishers' }).first().click()]);
  assert.equal(new URL(page.url()).searchParams.get('lang'), null, 'the nav link carries no ?lang=');
  assert.equal(await page.locator('html').getAttribute('lang'), 'en', 'English is remembered on the next page');
  assert.equal((await page.locator('h1').innerText()).trim(), 'Publishers');
  const cookies = await context.cookies();
  assert.ok(cookies.some((c) => c.name === 'lang' && c.value === 'en'), 'a lang=en cookie was set');

  await visit(page, '/about?lang=zh-TW');
  assert.equal(await page.locator('html').getAttribute('lang'), 'zh-TW', '?lang=zh-TW switches back');
  await visit(page, '/topic');
  assert.equal(await page.locator('html').getAttribute('lang'), 'zh-TW', 'and zh-TW is remembered too');
  assertNoProblems(page);
  await context.close();
});

test('Accept-Language decides when there is no ?lang= and no cookie', async () => {
  const context = await newContext(browser, { locale: 'en-GB' });
  const page = await newPage(context);
  await visit(page, '/');
  assert.equal(await page.locator('html').getAttribute('lang'), 'en', 'an English browser gets English');
  await context.close();
  const zh = await newContext(browser, { locale: 'zh-TW' });
  const p2 = await newPage(zh);
  await visit(p2, '/');
  assert.equal(await p2.locator('html').getAttribute('lang'), 'zh-TW', 'a zh-TW browser gets 中文');
  await zh.close();
});

test('a dataset without English text shows it in Chinese with a visible "not translated" marker', async () => {
  const context = await newContext(browser, { locale: 'en' });
  const page = await newPage(context);
  await visit(page, `/dataset/${ZH_ONLY_DATASET_SLUG}?lang=en`);
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  const h1 = page.locator('h1');
  assert.equal(await h1.getAttribute('lang'), 'zh-TW', 'the Chinese title is marked lang=zh-TW for screen readers');
  assert.match(await h1.innerText(), /\p{Script=Han}/u, 'the title falls back to Chinese');
  const marker = page.locator('.dataset > header .fallback');
  assert.ok(await marker.isVisible(), 'the fallback marker is visible');
  assert.match(await marker.innerText(), /no English version/);

  // In a bilingual dataset the same marker must not appear.
  await visit(page, `/dataset/${DATASET_SLUG}?lang=en`);
  assert.equal(await page.locator('.dataset .fallback').count(), 0, 'no fallback marker on a translated dataset');

  // The search list marks untranslated titles too.
  await visit(page, `/dataset?q=${encodeURIComponent('新書')}&lang=en`);
  const item = page.locator(`.dataset-item:has(a[href="/dataset/${ZH_ONLY_DATASET_SLUG}"])`);
  assert.equal(await item.count(), 1, 'the zh-only dataset is found');
  assert.ok(await item.locator('.fallback').isVisible(), 'its title carries the "(not translated)" note');
  assertNoProblems(page);
  await context.close();
});
