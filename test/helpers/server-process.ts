/** `npm start` as a child process (scripts/start.mjs, the compiled bundle), for tests of what only a real process does. */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

export interface ServerProcess {
  readonly url: string;
  readonly process: ChildProcess;
  /** Everything it printed, stdout and stderr. */
  output(): string;
}

/**
 * Starts the server in `cwd` with `env` on a free port and resolves once it prints the address
 * `listening` captures (group 1); rejects with its output if it exits first.
 */
export function startServerProcess(cwd: string, env: Record<string, string>, listening = /Listening on (http:\/\/\S+)/): Promise<ServerProcess> {
  const child = spawn(process.execPath, [join(ROOT, 'scripts', 'start.mjs')], {
    cwd,
    env: { ...process.env, PORT: '0', CONTENT_DIR: join(ROOT, 'content'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const url = listening.exec(output)?.[1];
      if (url) resolve({ url, process: child, output: () => output });
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
  });
}
