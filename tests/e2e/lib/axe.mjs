// Accessibility check with axe-core: WCAG 2.0/2.1 A and AA rules, zero violations allowed.
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Runs axe on the current page and fails with a readable list of every violation. */
export async function assertNoAxeViolations(page, label = page.url()) {
  const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const v = result.violations;
  const report = v.map((x) =>
    `  ${x.id} (${x.impact}): ${x.help}\n    ${x.helpUrl}\n` +
    x.nodes.slice(0, 5).map((n) =>
      `    - ${n.target.join(' ')}\n      ${n.failureSummary.replace(/\n/g, '\n      ')}`).join('\n') +
    (x.nodes.length > 5 ? `\n    … and ${x.nodes.length - 5} more element(s)` : '')).join('\n');
  assert.equal(v.length, 0, `${label}: axe-core found ${v.length} WCAG 2.1 A/AA violation(s):\n${report}`);
  // axe must really have checked something: a blank page "passes" too.
  assert.ok(result.passes.length > 10, `${label}: axe-core ran only ${result.passes.length} passing rules`);
}
