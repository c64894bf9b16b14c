// Starts and stops a `pintu serve --demo` process on 127.0.0.1 with a fresh temporary data
// directory. Used by run.mjs for the whole suite; a test file that needs a server of its own
// (e.g. one that writes data) can call startServer() itself.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, createWriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

// A free TCP port on 127.0.0.1. The server is told this port rather than ":0" because
// pintu derives its site URL (canonical links, stored download URLs) from --listen.
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts pintu and resolves once it prints "listening on 127.0.0.1:PORT" and answers HTTP.
 * @param {object} o
 * @param {string} o.binary    path of the built pintu executable
 * @param {string} o.demoDir   folder of the demo catalog
 * @param {string} [o.logFile] where the server's stdout/stderr go (default: inside the data dir)
 * @param {number} [o.timeoutMs]
 * @returns {Promise<{baseUrl: string, dataDir: string, logFile: string, exited: () => string|null, stop: () => Promise<void>}>}
 */
export async function startServer({ binary, demoDir, logFile, timeoutMs = 120_000 }) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'pintu-e2e-'));
  logFile ??= path.join(dataDir, 'server.log');
  const port = await freePort();
  const args = ['--data-dir', dataDir, 'serve', '--demo', '--demo-dir', demoDir, '--no-jobs',
                '--listen', `127.0.0.1:${port}`];
  const log = createWriteStream(logFile);
  log.write(`$ ${binary} ${args.join(' ')}\n`);
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let exitStatus = null;
  const exitedPromise = new Promise((resolve) => child.on('exit', (code, signal) => {
    exitStatus = signal ? `killed by ${signal}` : `exit code ${code}`;
    resolve();
  }));
  let output = '';
  const seen = new Promise((resolve) => {
    const onData = (chunk) => {
      log.write(chunk);
      output += chunk.toString();
      const m = output.match(/listening on 127\.0\.0\.1:(\d+)/);
      if (m) resolve(Number(m[1]));
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => log.write(chunk));
  });
  const stop = async () => {
    if (exitStatus === null) {
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exitedPromise;
      clearTimeout(t);
    }
    await new Promise((r) => log.end(r));
    rmSync(dataDir, { recursive: true, force: true, maxRetries: 3 });
  };

  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(
      `pintu did not print "listening on 127.0.0.1:PORT" within ${timeoutMs / 1000} s (log: ${logFile})`)), timeoutMs);
  });
  const died = exitedPromise.then(() => {
    throw new Error(`pintu exited before listening (${exitStatus}); log: ${logFile}\n${output.slice(-2000)}`);
  });
  try {
    const listened = await Promise.race([seen, timeout, died]);
    if (listened !== port) throw new Error(`pintu listens on port ${listened}, asked for ${port}`);
    const baseUrl = `http://127.0.0.1:${port}`;
    await Promise.race([waitForHttp(baseUrl, Date.now() + timeoutMs), timeout, died]);
    // The demo prints a password for its agency editor "steward" (a fresh one per data dir).
    const steward = output.match(/user steward, password (\S+)/);
    return { baseUrl, dataDir, logFile, stewardPassword: steward ? steward[1] : '', exited: () => exitStatus, stop };
  } catch (e) {
    await stop();
    throw e;
  } finally {
    clearTimeout(timer);
  }
}

async function waitForHttp(baseUrl, deadline) {
  while (Date.now() < deadline) {
    try {
      const r = await fetch(`${baseUrl}/api/3/action/status_show`);
      await r.arrayBuffer();
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}
