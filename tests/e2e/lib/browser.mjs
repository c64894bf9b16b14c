// Browser helpers: launch Debian's Chromium through playwright-core, open contexts in a given
// language, and record console errors / uncaught exceptions / CSP violations of every page.
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

/** Base URL of the server started by run.mjs (http://127.0.0.1:PORT). */
export const BASE_URL = (() => {
  const u = process.env.PINTU_E2E_BASE_URL;
  if (!u) {
    throw new Error('PINTU_E2E_BASE_URL is not set: run the suite through tests/e2e/run.sh ' +
                    '(or `ctest --preset dev -R e2e`), which starts the server.');
  }
  if (!/^http:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\]):\d+$/.test(u)) {
    throw new Error(`PINTU_E2E_BASE_URL must be a loopback URL, got ${u}`);
  }
  return u;
})();

export const CHROMIUM = process.env.PINTU_E2E_CHROMIUM || '/usr/bin/chromium';

/** Headless Chromium with the flags from TOOLCHAIN-NOTES.md (no network but loopback is used). */
export function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * A fresh context (own cookies). `locale` sets navigator.language and Accept-Language,
 * so it is also the language the portal negotiates when no ?lang= or cookie says otherwise.
 * axe-core only works on pages of a context made by browser.newContext().
 */
export async function newContext(browser, { locale = 'zh-TW', ...options } = {}) {
  const context = await browser.newContext({ locale, ...options });
  context.setDefaultTimeout(20_000);
  context.setDefaultNavigationTimeout(30_000);
  return context;
}

const problemsOf = new WeakMap();

/** A new page that records console errors, page errors and CSP violations (see problems()). */
export async function newPage(context) {
  const page = await context.newPage();
  const list = [];
  problemsOf.set(page, list);
  page.on('console', (msg) => {
    if (msg.type() === 'error' || /Content Security Policy/i.test(msg.text())) {
      list.push({ kind: `console.${msg.type()}`, text: msg.text(), url: msg.location()?.url ?? '', page: page.url() });
    }
  });
  page.on('pageerror', (err) => list.push({ kind: 'pageerror', text: String(err), url: '', page: page.url() }));
  return page;
}

/** Problems recorded on a page made by newPage(). */
export function problems(page) {
  return problemsOf.get(page) ?? [];
}

/**
 * Goes to `path` (relative to BASE_URL) and checks the HTTP status. A page whose expected
 * status is an error (404) logs "Failed to load resource" for its own URL; that one message
 * is expected and dropped, any other problem stays.
 */
export async function visit(page, path, { status = 200 } = {}) {
  const url = new URL(path, BASE_URL).href;
  const response = await page.goto(url, { waitUntil: 'load' });
  assert.ok(response, `no response for ${url}`);
  assert.equal(response.status(), status, `GET ${path}: expected HTTP ${status}, got ${response.status()}`);
  if (status >= 400) {
    const list = problemsOf.get(page);
    if (list) {
      const keep = list.filter((p) => !(p.url === url && /Failed to load resource/.test(p.text)));
      list.length = 0;
      list.push(...keep);
    }
  }
  return response;
}

/** Fails when the page logged console errors, threw, or reported CSP violations. */
export function assertNoProblems(page, label = page.url()) {
  const list = problems(page);
  assert.equal(list.length, 0,
    `${label}: ${list.length} console error(s) / CSP violation(s):\n` +
    list.map((p) => `  [${p.kind}] ${p.text}${p.url ? ` (${p.url})` : ''} on ${p.page}`).join('\n'));
}

/** Number at the start of the search results heading ("找到 12 筆資料" / "Found 12 datasets"). */
export async function resultCount(page) {
  const text = await page.locator('#results-title').innerText();
  const m = text.match(/\d+/);
  assert.ok(m, `results heading has no number: "${text}"`);
  return Number(m[0]);
}
