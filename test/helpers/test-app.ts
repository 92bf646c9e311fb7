/**
 * The app as the server builds it, on the real question bank over content/ and an in-memory
 * database migrated from migrations/, plus a tiny cookie-keeping client for app.request().
 */
import type { LoadedBank } from '../../app/bank/index.ts';
import type { Answer, ScenarioKind, ScenarioSummary } from '../../app/bank/types.ts';
import { type Clock, createApp, type DynamodbSettings, type Logger } from '../../app/create-app.ts';
import type { Store } from '../../app/db/store.ts';
import { loadContentBank } from './content-bank.ts';
import { openTestStore } from './database.ts';

/** Loading content/ takes a moment; tests share one bank (it is immutable). */
export { loadContentBank };

export interface LoggedError {
  readonly message: string;
  readonly error: unknown;
}

export interface TestApp {
  readonly app: ReturnType<typeof createApp>;
  readonly bank: LoadedBank;
  readonly database: Store;
  readonly loggedErrors: LoggedError[];
  close(): Promise<void>;
}

export async function createTestApp(options: { random?: () => number; clock?: Clock; dynamodb?: DynamodbSettings } = {}): Promise<TestApp> {
  const bank = loadContentBank();
  const database = await openTestStore();
  const loggedErrors: LoggedError[] = [];
  const logger: Logger = { info: () => {}, error: (message, error) => loggedErrors.push({ message, error }) };
  const app = createApp({
    db: database.db,
    changeVersion: database.changeVersion,
    bank,
    logger,
    ...(options.random ? { random: options.random } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.dynamodb ? { dynamodb: options.dynamodb } : {}),
  });
  return { app, bank, database, loggedErrors, close: () => database.close() };
}

/** One browser: keeps the learner cookie between requests. */
export class Browser {
  private cookie: string | undefined;
  constructor(private readonly app: TestApp['app']) {}

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookie) headers.set('Cookie', this.cookie);
    const response = await this.app.request(path, { ...init, headers, redirect: 'manual' });
    const setCookie = response.headers.get('Set-Cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0];
    return response;
  }

  postForm(path: string, fields: ReadonlyArray<readonly [string, string]>): Promise<Response> {
    const body = new URLSearchParams(fields.map(([k, v]) => [k, v]));
    return this.request(path, { method: 'POST', body, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
  }

  postJson(path: string, body: unknown): Promise<Response> {
    return this.request(path, { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });
  }
}

export function firstScenarioOfKind(bank: LoadedBank, kind: ScenarioKind): ScenarioSummary | undefined {
  return bank.scenarios.find((s) => s.kind === kind);
}

/** The form fields a learner would post for an answer. */
export function answerFields(answer: Answer): Array<[string, string]> {
  switch (answer.kind) {
    case 'choice':
      return [['option', answer.optionId]];
    case 'multi':
      return answer.optionIds.map((id) => ['options', id] as [string, string]);
    case 'numeric':
      return [['value', String(answer.value)]];
    case 'request':
    case 'design':
      return [['json', answer.json]];
  }
}

/** An answer that cannot be right: another option, a figure far from the key, or too few options. */
export function wrongAnswer(bank: LoadedBank, scenarioId: string, seed: number): Answer {
  const right = bank.referenceAnswer(scenarioId, seed);
  const variant = bank.variant(scenarioId, seed);
  switch (right.kind) {
    case 'choice': {
      const other = variant.kind === 'choice' ? variant.options.find((o) => o.id !== right.optionId) : undefined;
      if (!other) throw new Error(`${scenarioId} has a single option`);
      return { kind: 'choice', optionId: other.id };
    }
    case 'multi': {
      const wrong = variant.kind === 'multi' ? variant.options.filter((o) => !right.optionIds.includes(o.id)) : [];
      if (wrong.length === 0) throw new Error(`${scenarioId} has no distractor`);
      return { kind: 'multi', optionIds: wrong.slice(0, right.optionIds.length).map((o) => o.id) };
    }
    case 'numeric':
      return { kind: 'numeric', value: right.value * 1000 + 12_345 };
    default:
      throw new Error(`No wrong answer for kind ${right.kind}`);
  }
}

/** Reads the hidden submission token out of a question page. */
export function readSubmissionToken(html: string): string {
  const match = /name="token" value="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error('The question page has no submission token');
  return match[1];
}
