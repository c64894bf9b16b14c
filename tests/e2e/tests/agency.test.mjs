// An agency data steward at work: sign in, publish a dataset with a CSV upload, see it in
// search, edit it, and get clear messages for bad input (with nothing stored). axe-core
// checks the sign-in page, the dashboard and the dataset form in both languages.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { BASE_URL, assertNoAxeViolations, assertNoProblems, launchBrowser, newContext, newPage, problems, resultCount,
         signedInSteward, visit, withLang } from '../lib/helpers.mjs';

let browser, context;

before(async () => {
  browser = await launchBrowser();
  // Signed in once through the form; the context keeps the session cookie.
  context = await signedInSteward(browser);
});
after(async () => { await browser?.close(); });

/** How many datasets a search for `q` finds (through the API, as a check of the store). */
async function apiCount(q) {
  const r = await fetch(`${BASE_URL}/api/3/action/package_search?q=${encodeURIComponent(q)}&rows=0`);
  return (await r.json()).result.count;
}

test('a wrong password is refused with a message, and no session starts', async () => {
  const anon = await newContext(browser, { locale: 'zh-TW' });
  const page = await newPage(anon);
  await visit(page, '/login');
  await page.getByLabel('帳號').fill('steward');
  await page.getByLabel('密碼').fill('not-the-password');
  await page.getByRole('button', { name: '登入' }).click();
  await page.getByRole('alert').filter({ hasText: '帳號或密碼錯誤' }).waitFor();
  const cookies = await anon.cookies();
  assert.ok(!cookies.some((c) => c.name === 'pintu_session'), 'no session cookie after a wrong password');
  await anon.close();
});

test('sign-in, dashboard and dataset form have no axe violations (zh-TW and en)', async () => {
  const anon = await newContext(browser, { locale: 'zh-TW' });
  for (const lang of ['zh-TW', 'en']) {
    const login = await newPage(anon);
    await visit(login, withLang('/login', lang));
    await assertNoAxeViolations(login, `login (${lang})`);
    for (const path of ['/dashboard', '/dataset/new?organization=taipei-health', '/user/tokens',
                        '/organization/taipei-health/members', '/dataset/tp-ltc-a-units/edit']) {
      const page = await newPage(context);
      await visit(page, withLang(path, lang));
      await assertNoAxeViolations(page, `${path} (${lang})`);
      assertNoProblems(page, `${path} (${lang})`);
      await page.close();
    }
  }
  await anon.close();
});

test('publish a dataset with a CSV upload, find it, edit it, find the change', async () => {
  const page = await newPage(context);
  await visit(page, '/dashboard?lang=zh-TW');  // (other tests may have chosen English for this context)
  await Promise.all([page.waitForURL(/\/dataset\/new/), page.getByRole('link', { name: '新增資料集' }).first().click()]);
  await page.getByLabel('提供機關').selectOption('taipei-health');
  await page.getByLabel('網址代碼').fill('e2e-day-care-capacity');
  await page.getByLabel('中文名稱').fill('端對端測試日照中心容量');
  await page.getByLabel('英文名稱').fill('End-to-end test day care capacity');
  await page.getByLabel('中文說明').fill('各行政區日間照顧中心可收托人數。');
  await page.getByLabel('關鍵字').fill('長照, 日照');
  await page.getByLabel('上傳檔案').setInputFiles({
    name: 'capacity.csv', mimeType: 'text/csv', buffer: Buffer.from('行政區,收托人數\n大安區,30\n信義區,25\n') });
  await Promise.all([page.waitForURL(/\/dataset\/e2e-day-care-capacity\?saved=1$/, { timeout: 60_000 }),
                     page.getByRole('button', { name: '儲存' }).click()]);
  assert.equal((await page.locator('h1').innerText()).trim(), '端對端測試日照中心容量');
  await page.getByRole('status').filter({ hasText: '已儲存' }).waitFor();
  const resource = page.locator('.resource').first();
  assert.match(await resource.innerText(), /CSV/, 'the uploaded file is listed as CSV');
  const href = await resource.getByRole('link', { name: /下載/ }).getAttribute('href');
  const file = await page.request.get(new URL(href, BASE_URL).href);
  assert.equal(file.status(), 200);
  assert.match(await file.text(), /大安區,30/, 'the download is the uploaded file');

  // Search finds it by a part of its title, in Simplified Chinese too.
  await visit(page, `/dataset?q=${encodeURIComponent('日照中心容量')}`);
  assert.equal(await resultCount(page), 1);
  await visit(page, `/dataset?q=${encodeURIComponent('日照中心容量')}`);
  assert.ok(await page.getByRole('link', { name: '端對端測試日照中心容量' }).count() === 1);

  // Edit the title; search follows.
  await visit(page, '/dataset/e2e-day-care-capacity');
  await Promise.all([page.waitForURL(/\/edit$/), page.getByRole('link', { name: '編輯資料集' }).click()]);
  await page.getByLabel('中文名稱').fill('端對端測試日照中心可收托人數');
  await Promise.all([page.waitForURL(/\?saved=1$/), page.getByRole('button', { name: '儲存' }).click()]);
  assert.equal((await page.locator('h1').innerText()).trim(), '端對端測試日照中心可收托人數');
  assert.equal(await apiCount('可收托人數 端對端'), 1, 'search finds the new title');
  assert.equal(await apiCount('日照中心容量'), 0, 'search no longer finds the old title');
  assertNoProblems(page);
});

test('bad input gets a message next to the field and stores nothing', async () => {
  const before = await apiCount('壞輸入');
  const page = await newPage(context);
  await visit(page, '/dataset/new?organization=taipei-health&lang=zh-TW');
  // The browser's own "required" check is bypassed to see the server's answer.
  await page.evaluate(() => document.querySelectorAll('[required]').forEach((e) => e.removeAttribute('required')));
  await page.getByLabel('網址代碼').fill('e2e-bad-input');
  await page.getByLabel('中文說明').fill('<script>alert("壞輸入")</script>');
  await page.getByLabel('上傳檔案').setInputFiles({ name: 'tool.exe', mimeType: 'application/octet-stream',
                                                   buffer: Buffer.from('MZ\x90\x00') });
  await page.getByRole('button', { name: '儲存' }).click();
  const titleError = page.locator('#title_zh-error');
  await titleError.waitFor();
  assert.match(await titleError.innerText(), /中文名稱/);
  assert.equal(await page.locator('#title_zh').getAttribute('aria-invalid'), 'true');
  assert.match(await page.locator('#title_zh').getAttribute('aria-describedby'), /title_zh-error/);
  assert.match(await page.locator('#upload-error').innerText(), /不接受此檔案類型/);
  // The hostile description comes back as text, not as a script.
  assert.equal(await page.locator('#notes_zh').inputValue(), '<script>alert("壞輸入")</script>');
  await assertNoAxeViolations(page, 'dataset form with errors');
  const r = await fetch(`${BASE_URL}/api/3/action/package_show?id=e2e-bad-input`);
  assert.equal(r.status, 404, 'nothing was stored');
  assert.equal(await apiCount('壞輸入'), before);
  // The refused form comes back with status 400, which Chromium logs as a failed resource;
  // anything else (a script error, a CSP violation) is a problem.
  const others = problems(page).filter((p) => !/status of 400/.test(p.text));
  assert.deepEqual(others, [], 'no script errors or CSP violations');
});
