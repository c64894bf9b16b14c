// Registers one axe-core test per page type (lib/pages.mjs) in one language, each also
// checking for console errors and CSP violations. Used by tests/accessibility-*.test.mjs
// (one file per language so node --test can run the two in parallel).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertNoAxeViolations } from './axe.mjs';
import { assertNoProblems, launchBrowser, newContext, newPage, visit } from './browser.mjs';
import { PAGE_TYPES, withLang } from './pages.mjs';

export function axeEveryPageType(lang) {
  let browser, context;
  before(async () => {
    browser = await launchBrowser();
    context = await newContext(browser, { locale: lang });
  });
  after(async () => { await browser?.close(); });

  for (const { name, path, status } of PAGE_TYPES) {
    test(`axe: ${name} (${lang})`, async () => {
      const page = await newPage(context);
      try {
        await visit(page, withLang(path, lang), { status });
        await assertNoAxeViolations(page, `${name} ${withLang(path, lang)}`);
        assertNoProblems(page, `${name} (${lang})`);
      } finally {
        await page.close();
      }
    });
  }

  test(`self-check: the axe helper does report violations (${lang})`, async () => {
    const page = await newPage(context);
    await visit(page, withLang('/about', lang));
    await page.evaluate(() => {
      document.documentElement.removeAttribute('lang');
      document.querySelector('main').insertAdjacentHTML('beforeend', '<img src="/static/favicon.svg">');
    });
    await assert.rejects(assertNoAxeViolations(page, 'deliberately broken about page'),
      (e) => /html-has-lang/.test(e.message) && /image-alt/.test(e.message));
    await page.close();
  });
}
