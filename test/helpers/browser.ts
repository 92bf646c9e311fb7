/**
 * What the browser suites share: where Chromium is, how to launch it on this machine's closed
 * network, and how to start the real server (`app/main.ts`) on a free port over a given SQLite file.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { type Browser, chromium } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** Without the background-networking flags Chromium keeps dialling hosts this machine cannot reach. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/**
 * Starts `npm start`'s entry point with PORT=0 and resolves once it prints the URL it listens on.
 * `singleProcess` loads tsx into the server's own Node process instead of through tsx's CLI,
 * which runs the server as a child: a SIGKILL must reach the process that holds the database.
 * `env` adds settings (a suite's own rate limits).
 */
export async function startServer(
  databasePath: string,
  options: { singleProcess?: boolean; env?: Record<string, string> } = {},
): Promise<{ process: ChildProcess; url: string }> {
  const args = options.singleProcess ? ['--import', 'tsx', 'app/main.ts'] : [resolve('node_modules/tsx/dist/cli.mjs'), 'app/main.ts'];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_PATH: databasePath, CONTENT_DIR: 'content', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`The server did not start in 30 s:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolvePromise(match[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`The server exited with ${code}:\n${output}`)));
  });
  return { process: child, url };
}

/** E2E=1 (CI) makes a missing Chromium a failure; otherwise the browser suites skip with a notice. */
export const E2E_REQUIRED = process.env.E2E === '1';
export const CHROMIUM_AVAILABLE = existsSync(CHROMIUM);
export const SKIP_BROWSER_SUITES = !CHROMIUM_AVAILABLE && !E2E_REQUIRED;

/** Prints the notice once per suite file that would have run. */
export function noticeSkippedBrowserSuite(name: string): void {
  if (SKIP_BROWSER_SUITES)
    console.warn(`[e2e] ${name} skipped: ${CHROMIUM} not found (install it with apt-get install chromium, or set E2E=1 to make this a failure).`);
}

export interface BrowserSuite {
  /** The server's base URL, once started. */
  readonly url: string;
  readonly browser: Browser;
  readonly dataDir: string;
}

/**
 * One real server over a fresh SQLite file and one Chromium for the suite it is called in:
 * started before its tests (after `beforeStart` has prepared the database file, for suites that
 * seed it) and stopped after them, with the data folder removed.
 */
export function browserSuite(options: { env?: Record<string, string>; beforeStart?: (databasePath: string) => void | Promise<void> } = {}): BrowserSuite {
  let server: { process: ChildProcess; url: string } | undefined;
  let browser: Browser | undefined;
  let dataDir: string | undefined;
  beforeAll(async () => {
    if (!CHROMIUM_AVAILABLE) throw new Error(`E2E=1 but ${CHROMIUM} is missing: install it with apt-get install chromium.`);
    dataDir = mkdtempSync(join(tmpdir(), 'dynamodb-study-db-'));
    const databasePath = join(dataDir, 'app.db');
    await options.beforeStart?.(databasePath);
    server = await startServer(databasePath, options.env ? { env: options.env } : {});
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    server?.process.kill('SIGTERM');
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`The browser suite's ${what} is not started yet.`);
    return value;
  };
  return {
    get url() {
      return started(server, 'server').url;
    },
    get browser() {
      return started(browser, 'browser');
    },
    get dataDir() {
      return started(dataDir, 'data folder');
    },
  };
}
