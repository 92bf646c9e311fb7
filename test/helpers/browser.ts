/**
 * What the browser suites share: where Chromium is, how to launch it on this machine's closed
 * network, and how to start the real server (`app/main.ts`) on a free port over a given SQLite file.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { type Browser, chromium } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** Without the background-networking flags Chromium keeps dialling hosts this machine cannot reach. */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/**
 * Starts `npm start`'s entry point with PORT=0 and resolves once it prints the URL it listens on.
 * `singleProcess` loads tsx into the server's own Node process instead of through tsx's CLI,
 * which runs the server as a child: a SIGKILL must reach the process that holds the database.
 * `env` adds settings (a suite's own rate limits).
 */
export async function startServer(databasePath: string, options: { singleProcess?: boolean; env?: Record<string, string> } = {}): Promise<{ process: ChildProcess; url: string }> {
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
