// Signing in as the demo's agency data steward (an editor of the Taipei City Department of
// Health), through the login form as a person does. The demo server prints the password;
// run.sh passes it as PINTU_E2E_STEWARD_PASSWORD.
import assert from 'node:assert/strict';
import { newContext, newPage, visit } from './browser.mjs';

export const STEWARD_PASSWORD = process.env.PINTU_E2E_STEWARD_PASSWORD;

/** A new browser context whose session cookie belongs to the steward. */
export async function signedInSteward(browser, { locale = 'zh-TW' } = {}) {
  assert.ok(STEWARD_PASSWORD, 'the demo server did not print the steward password (PINTU_E2E_STEWARD_PASSWORD)');
  const context = await newContext(browser, { locale });
  const page = await newPage(context);
  await visit(page, '/login');
  await page.getByLabel('帳號').fill('steward');
  await page.getByLabel('密碼').fill(STEWARD_PASSWORD);
  await Promise.all([page.waitForURL(/\/dashboard$/), page.getByRole('button', { name: '登入' }).click()]);
  await page.close();
  return context;
}
