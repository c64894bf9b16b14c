// Responsive layout: at 360 px no page scrolls sideways; screenshots of the home, search and
// dataset pages at 1280 and 360 px are saved as artefacts of the run.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  ARTIFACTS_DIR, LANGS, PAGE_TYPES, assertNoProblems, launchBrowser, newContext, newPage, screenshot, visit, withLang,
} from '../lib/helpers.mjs';
import { statSync } from 'node:fs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

/** Elements wider than the window, for a useful failure message. */
const overflow = (page) => page.evaluate(() => {
  const w = document.documentElement.clientWidth;
  return {
    scrollWidth: document.scrollingElement.scrollWidth,
    innerWidth: window.innerWidth,
    culprits: [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > w + 1)
      .slice(0, 5)
      .map((el) => `<${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className ? '.' + String(el.className).replace(/ /g, '.') : ''}> right=${Math.round(el.getBoundingClientRect().right)}`),
  };
});

for (const lang of LANGS) {
  test(`no horizontal scrolling at 360 px (${lang})`, async () => {
    const context = await newContext(browser, { locale: lang, viewport: { width: 360, height: 740 } });
    const page = await newPage(context);
    const failures = [];
    for (const { name, path, status } of PAGE_TYPES) {
      await visit(page, withLang(path, lang), { status });
      const o = await overflow(page);
      assert.equal(o.innerWidth, 360, 'the viewport is 360 px wide');
      if (o.scrollWidth > o.innerWidth) failures.push(`${name}: page is ${o.scrollWidth}px wide; ${o.culprits.join(', ')}`);
    }
    assert.deepEqual(failures, [], `pages scroll sideways at 360 px:\n  ${failures.join('\n  ')}`);
    assertNoProblems(page);
    await context.close();
  });
}

const SHOTS = PAGE_TYPES.filter((p) => ['home', 'search', 'dataset'].includes(p.name));
for (const width of [1280, 360]) {
  test(`screenshots at ${width} px`, async () => {
    const context = await newContext(browser, { locale: 'zh-TW', viewport: { width, height: width === 360 ? 740 : 800 } });
    const page = await newPage(context);
    for (const lang of LANGS) {
      for (const { name, path } of SHOTS) {
        await visit(page, withLang(path, lang));
        await page.evaluate(() => document.fonts.ready);
        const file = await screenshot(page, `${name}-${lang}-${width}`);
        assert.ok(statSync(file).size > 5_000, `screenshot ${file} is not blank`);
      }
    }
    console.log(`screenshots saved in ${ARTIFACTS_DIR}`);
    await context.close();
  });
}
