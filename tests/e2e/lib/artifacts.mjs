// Screenshots and other artefacts of a run: written to $PINTU_E2E_ARTIFACTS
// (CTest sets build/<preset>/e2e-artifacts), else tests/e2e/screenshots/. Never committed.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ARTIFACTS_DIR = process.env.PINTU_E2E_ARTIFACTS ||
  path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'screenshots');

/** Full-page PNG screenshot named NAME.png; returns its path. */
export async function screenshot(page, name) {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name.replace(/[^\w.-]+/g, '_')}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
