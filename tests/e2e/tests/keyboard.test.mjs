// Keyboard use: the first Tab lands on a visible skip link, Enter moves focus to <main>, the
// next Tab reaches the content, and focused elements have a visible outline.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DATASET_SLUG, LANGS, assertNoProblems, launchBrowser, newContext, newPage, visit, withLang } from '../lib/helpers.mjs';

let browser, context;
before(async () => {
  browser = await launchBrowser();
  context = await newContext(browser);
});
after(async () => { await browser?.close(); });

/** Tag, class, id, text and computed outline of the focused element. */
const focused = (page) => page.evaluate(() => {
  const el = document.activeElement;
  const s = getComputedStyle(el);
  const r = el.getBoundingClientRect();
  return {
    tag: el.tagName.toLowerCase(), id: el.id, cls: el.className, text: el.textContent.trim().slice(0, 60),
    outlineStyle: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth), outlineColor: s.outlineColor,
    inViewport: r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0 && r.right <= innerWidth && r.bottom <= innerHeight,
  };
});

function assertOutline(f, what) {
  assert.notEqual(f.outlineStyle, 'none', `${what} has a focus outline (outline-style is ${f.outlineStyle})`);
  assert.ok(f.outlineWidth >= 2, `${what} focus outline is at least 2px (${f.outlineWidth}px)`);
}

for (const lang of LANGS) {
  test(`skip link and focus (${lang})`, async () => {
    const page = await newPage(context);
    await visit(page, withLang(`/dataset/${DATASET_SLUG}`, lang));

    await page.keyboard.press('Tab');
    let f = await focused(page);
    assert.equal(f.cls, 'skip-link', `first Tab focuses the skip link, got <${f.tag} class="${f.cls}">${f.text}`);
    assert.equal(f.text, lang === 'en' ? 'Skip to main content' : '跳到主要內容');
    assert.ok(f.inViewport, 'the focused skip link is on screen');
    assertOutline(f, 'skip link');

    await page.keyboard.press('Enter');
    f = await focused(page);
    assert.equal(f.id, 'main', `Enter on the skip link moves focus to <main>, got <${f.tag} id="${f.id}">`);

    // The next Tab goes into the content, past the header's links.
    await page.keyboard.press('Tab');
    f = await focused(page);
    const inMain = await page.evaluate(() => document.querySelector('main').contains(document.activeElement));
    assert.ok(inMain, `Tab after the skip moves into main, got <${f.tag}>${f.text}`);
    assert.equal(f.tag, 'a');
    assertOutline(f, `first link in main ("${f.text}")`);
    assertNoProblems(page);
  });
}

test('every header link and the search box show focus when tabbed to', async () => {
  const page = await newPage(context);
  await visit(page, '/');
  const seen = [];
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    seen.push(`${f.tag}${f.cls ? '.' + f.cls : ''}`);
    assertOutline(f, `<${f.tag} class="${f.cls}">${f.text}`);
    if (f.tag === 'input') break;
  }
  assert.ok(seen.includes('a.lang-switch'), `the language switch is reachable by keyboard: ${seen.join(' → ')}`);
  assert.equal(seen.at(-1), 'input', `the search box is reachable by keyboard: ${seen.join(' → ')}`);
});
