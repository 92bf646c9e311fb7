/**
 * "Open this question's table in the playground": the table a request or design variant was
 * graded on, as the CreateTable and BatchWriteItem requests that build a copy of it in the
 * learner's sandbox.
 *
 * A request question's table is its fixture (app/grading/fixture.ts): the CreateTable request
 * and the items the grader ran every answer on, the hidden ones included unless asked not to,
 * since the result page is where a learner asks why an answer missed an item they were not
 * shown. A design question has no table of its own: its copy is the reference design (which the
 * result page shows) loaded with the data the access patterns were checked against.
 */
import type { Item } from '../../engine/index.ts';
import type { LoadedBank } from '../bank/index.ts';
import { InvalidAnswerError, UnknownScenarioError } from '../bank/types.ts';
import { designData } from '../grading/design.ts';
import { type FixtureSpec, loadFixture } from '../grading/fixture.ts';
import { marshallItem } from '../grading/request-input.ts';
import { type PlaygroundRequest, tableLoadRequests } from './requests.ts';

/** What the loader needs of the bank: a variant with its answer key. */
export type QuestionBank = Pick<LoadedBank, 'instance'>;

export interface QuestionTableOptions {
  /** Items the question did not show (default true). */
  readonly includeHidden?: boolean;
  /** Load the copy under another name, e.g. when the sandbox already has a table of this one. */
  readonly tableName?: string;
}

/**
 * The requests that build the variant's table, or undefined when the scenario does not exist,
 * the seed is not a seed, or the question has no table (choice, multi and numeric kinds).
 */
export function questionTableRequests(
  bank: QuestionBank,
  scenarioId: string,
  seed: number,
  options: QuestionTableOptions = {},
): readonly PlaygroundRequest[] | undefined {
  let key: ReturnType<QuestionBank['instance']>['key'];
  try {
    key = bank.instance(scenarioId, seed).key;
  } catch (error) {
    if (error instanceof UnknownScenarioError || error instanceof InvalidAnswerError) return undefined;
    throw error;
  }
  const rename = (table: Readonly<Record<string, unknown>>) => ({ ...table, TableName: options.tableName ?? String(table.TableName) });
  if (key.kind === 'request') {
    const fixture = loadFixture(key.spec.fixture as FixtureSpec);
    const items = options.includeHidden === false ? fixture.visible : [...fixture.visible, ...fixture.hidden];
    return tableLoadRequests(rename(fixture.table), items);
  }
  if (key.kind === 'design') {
    const items = designData(key.spec).map((plain, i) => {
      const item = marshallItem(plain, `data[${i}]`);
      // The grader loads the same data with the same conversion, so content:check has seen it succeed.
      if (typeof item === 'string') throw new Error(`${scenarioId}: ${item}`);
      return item as Item;
    });
    return tableLoadRequests(rename(key.spec.reference), items);
  }
  return undefined;
}
