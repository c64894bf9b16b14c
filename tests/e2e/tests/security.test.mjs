// Security headers on every HTML page: a CSP whose scripts need no 'unsafe-inline' and that
// forbids framing, nosniff, a Referrer-Policy; and no inline <script> that the CSP would block.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BASE_URL, LANGS, PAGE_TYPES, withLang } from '../lib/helpers.mjs';

/** CSP directives as a map: name → list of sources. */
function parseCsp(header) {
  const out = new Map();
  for (const part of header.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out.set(name.toLowerCase(), sources);
  }
  return out;
}

for (const { name, path, status = 200 } of PAGE_TYPES) {
  for (const lang of LANGS) {
    test(`security headers: ${name} (${lang})`, async () => {
      const r = await fetch(new URL(withLang(path, lang), BASE_URL), { redirect: 'manual' });
      const body = await r.text();
      assert.equal(r.status, status);
      assert.match(r.headers.get('content-type') ?? '', /^text\/html/i);
      const cspHeader = r.headers.get('content-security-policy');
      assert.ok(cspHeader, 'Content-Security-Policy is set');
      const csp = parseCsp(cspHeader);
      const scripts = csp.get('script-src') ?? csp.get('default-src');
      assert.ok(scripts, `CSP limits scripts (script-src or default-src): ${cspHeader}`);
      assert.ok(!scripts.includes("'unsafe-inline'"), `scripts may not be inline: ${cspHeader}`);
      assert.ok(!scripts.includes("'unsafe-eval'"), `no eval: ${cspHeader}`);
      assert.ok(!scripts.includes('*'), `scripts only from named sources: ${cspHeader}`);
      assert.ok(csp.has('frame-ancestors'), `CSP has frame-ancestors: ${cspHeader}`);
      assert.ok(['\'none\'', '\'self\''].includes(csp.get('frame-ancestors')[0]), `frame-ancestors is 'none' or 'self': ${cspHeader}`);
      assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
      assert.ok(r.headers.get('referrer-policy'), 'Referrer-Policy is set');
      assert.notEqual(r.headers.get('referrer-policy'), 'unsafe-url');
      assert.equal(r.headers.get('content-language'), lang);
      // Every <script> is either external or data (JSON-LD): nothing the CSP would block.
      const inline = [...body.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
        .filter(([, attrs, code]) => !/\bsrc=/.test(attrs) && !/type="application\/ld\+json"/.test(attrs) && code.trim());
      assert.equal(inline.length, 0, `inline scripts found: ${inline.map((m) => m[0].slice(0, 80)).join(' | ')}`);
      assert.ok(!/\son[a-z]+="/i.test(body), 'no inline event handler attributes');
    });
  }
}

test('static assets are cached by content hash and typed', async () => {
  const html = await (await fetch(new URL('/', BASE_URL))).text();
  const urls = [...html.matchAll(/(?:href|src)="(\/static\/[^"]+)"/g)].map((m) => m[1]);
  assert.ok(urls.some((u) => u.endsWith('.css')) && urls.some((u) => u.endsWith('.js')), `CSS and JS linked: ${urls}`);
  const types = { css: /^text\/css/, js: /javascript/, svg: /^image\/svg\+xml/ };
  for (const u of urls) {
    const r = await fetch(new URL(u, BASE_URL));
    await r.arrayBuffer();
    assert.equal(r.status, 200, `${u} answers 200`);
    assert.equal(r.headers.get('x-content-type-options'), 'nosniff', `${u} nosniff`);
    const type = types[u.split('.').pop()];
    assert.ok(type, `${u}: unexpected kind of static file`);
    assert.match(r.headers.get('content-type') ?? '', type, `${u} Content-Type`);
    assert.match(r.headers.get('cache-control') ?? '', /max-age=\d{6,}|immutable/, `${u} is cached long (it has a hash)`);
  }
});

test('the browser enforces the CSP, and the console watch used by the other tests sees it', async () => {
  const { launchBrowser, newContext, newPage, problems, visit } = await import('../lib/helpers.mjs');
  const browser = await launchBrowser();
  try {
    const context = await newContext(browser);
    const page = await newPage(context);
    await visit(page, '/');
    assert.equal(problems(page).length, 0, 'the home page loads cleanly');
    const ran = await page.evaluate(async () => {
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true;';
      document.body.append(s);
      await new Promise((r) => setTimeout(r, 100));
      return window.__inlineRan === true;
    });
    assert.equal(ran, false, 'an injected inline script is blocked');
    await page.waitForTimeout(100);
    assert.ok(problems(page).some((p) => /Content Security Policy/.test(p.text)),
      `the CSP violation was recorded: ${JSON.stringify(problems(page))}`);
  } finally {
    await browser.close();
  }
});
