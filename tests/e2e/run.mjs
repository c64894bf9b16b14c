// Runs the portal's browser tests: starts `pintu serve --demo` on 127.0.0.1 with a fresh data
// directory, runs tests/*.test.mjs (or the files given as arguments) with node's test runner,
// stops the server and exits non-zero on any failure, including sanitizer reports in the
// server's log. Called by run.sh, which installs the npm packages first.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './lib/server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const binary = process.env.PINTU_BINARY;
const demoDir = process.env.PINTU_DEMO_DIR || path.resolve(here, '../../demo');
const artifacts = process.env.PINTU_E2E_ARTIFACTS || path.join(here, 'screenshots');

function fail(message) {
  console.error(`e2e: FAILED: ${message}`);
  process.exit(1);
}

if (!binary) fail('PINTU_BINARY is not set (CTest sets it to the built pintu)');
if (!existsSync(binary)) fail(`PINTU_BINARY=${binary} does not exist; build first (cmake --build --preset dev)`);
if (!existsSync(path.join(demoDir, 'datasets.jsonl'))) fail(`no demo catalog in ${demoDir}`);
mkdirSync(artifacts, { recursive: true });

const files = process.argv.slice(2).length
  ? process.argv.slice(2).map((f) => path.resolve(process.cwd(), f))
  : readdirSync(path.join(here, 'tests')).filter((f) => f.endsWith('.test.mjs')).sort()
      .map((f) => path.join(here, 'tests', f));

for (const f of files) if (!existsSync(f)) fail(`no test file ${f}`);

const t0 = Date.now();
const logFile = path.join(artifacts, 'server.log');
console.log(`e2e: starting ${binary} --demo on 127.0.0.1 (log: ${logFile})`);
let server;
try {
  server = await startServer({ binary, demoDir, logFile });
} catch (e) {
  fail(e.message);
}
console.log(`e2e: server ready at ${server.baseUrl} after ${((Date.now() - t0) / 1000).toFixed(1)} s; ` +
            `running ${files.length} test file(s); artefacts in ${artifacts}`);

// Two test files at a time: one per core (CTest runs this test alone, RUN_SERIAL).
const concurrency = process.env.PINTU_E2E_CONCURRENCY || '2';
const child = spawn(process.execPath,
  ['--test', `--test-concurrency=${concurrency}`, '--test-reporter=spec', '--test-timeout=180000', ...files],
  { stdio: 'inherit', cwd: here,
    env: { ...process.env, PINTU_E2E_BASE_URL: server.baseUrl, PINTU_E2E_ARTIFACTS: artifacts,
           PINTU_E2E_STEWARD_PASSWORD: server.stewardPassword } });
const code = await new Promise((resolve) => child.on('exit', (c, s) => resolve(s ? 1 : c)));

const died = server.exited();
await server.stop();
let failed = code !== 0;
if (died) {
  console.error(`e2e: FAILED: the server stopped during the tests (${died}); see ${logFile}`);
  failed = true;
}
const log = readFileSync(logFile, 'utf8');
const sanitizer = log.split('\n').filter((l) => /ERROR: (Address|Leak)Sanitizer|runtime error:/.test(l));
if (sanitizer.length) {
  console.error(`e2e: FAILED: sanitizer reports in the server log (${logFile}):\n  ${sanitizer.slice(0, 10).join('\n  ')}`);
  failed = true;
}
const secs = ((Date.now() - t0) / 1000).toFixed(1);
console.log(failed ? `e2e: FAILED after ${secs} s` : `e2e: all browser tests passed in ${secs} s`);
process.exit(failed ? 1 : 0);
