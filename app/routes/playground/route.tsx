/**
 * /playground: a DynamoDB console on the learner's own sandbox (sandbox.ts). Every request it
 * sends, the page's own reads included, goes through the /dynamodb endpoint's run() (the same
 * limits, dispatch and error mapping as the wire); the requests the learner submits are kept in
 * the sandbox's history (history.ts).
 */
import { Hono, type Context } from 'hono';
import { addressOf } from '../../auth/client-address.ts';
import { loadLearner } from '../../auth/identity.ts';
import { selectSandboxKeyOfUser } from '../../auth/sandbox-keys.ts';
import type { Child } from 'hono/jsx';
import { CopyAs, type CopyContext } from './copy-as.tsx';
import type { AppEnv } from '../app-env.ts';
import type { DynamodbEndpoint } from '../dynamodb/index.ts';
import { parseFormBody } from '../form-body.ts';
import { InvalidInputError, NotFoundError } from '../request-errors.ts';
import { buildFromFields, builderActions, fieldsFromInput, isBuilderAction } from './builder.ts';
import { findHistoryEntry, listHistory, recordRequest } from './history.ts';
import { BuilderPage, HistoryPage, ItemPage, ItemsPage, LoadNotice, LoadPanels, OverviewPage, type Ran, TablePage } from './pages.tsx';
import type { Item } from '../../../engine/index.ts';
import { type QuestionBank, questionTableRequests } from '../../playground/question-table.ts';
import type { Bank } from '../../bank/types.ts';
import type { TableDescription } from '../../playground/requests.ts';
import { findSampleDataset, SAMPLE_DATASETS } from '../../playground/samples.ts';
import { exportWorkbenchModel, parseWorkbenchModel } from '../../playground/workbench.ts';
import {
  type Built,
  buildCreateIndex,
  buildCreateTable,
  buildDeleteIndex,
  buildUpdateCapacity,
  buildUpdateStreams,
  buildUpdateTimeToLive,
  type Form,
  type PlaygroundRequest,
} from './requests.ts';
import { keyOf, pretty } from './response-view.tsx';
import type { SimReport } from '../../../engine/index.ts';
import { buildSimTags, simFormValues, type SimNote, staleNote, tagsOf } from './sim.ts';
import { type PlaygroundSandbox, playgroundSandbox } from './sandbox.ts';
import { summarizeTable, type TableSummary } from './tables.ts';
import { isStreamAction } from '../../playground/requests.ts';
import { lastShardIterator, rememberShardIterator, streamSources } from './streams.ts';

type C = Context<AppEnv>;
type Run = DynamodbEndpoint['run'];

/** The wire endpoint's URL as this request reached the app, for the CLI hint. */
function endpointUrl(c: C): string {
  return `${new URL(c.req.url).origin}/dynamodb`;
}

/**
 * What the copied code needs to reach this sandbox: the endpoint, the key id and, for an
 * account, its secret (shown on the account page already), since an account's requests are signed.
 */
async function copyContext(c: C, sandbox: PlaygroundSandbox): Promise<CopyContext> {
  const secret = sandbox.pool === 'account' && c.var.user ? (await selectSandboxKeyOfUser(c.var.deps.db, c.var.user.id))?.secretAccessKey : undefined;
  return { endpoint: endpointUrl(c), options: { accessKeyId: sandbox.accessKeyId, ...(secret !== undefined && { secretAccessKey: secret }) } };
}

/** A request sent through DAX is copied with DAX's endpoint, so it runs there again. */
const daxContext = (context: CopyContext): CopyContext => ({ ...context, endpoint: context.endpoint.replace(/\/dynamodb$/, '/dax') });

async function copyFor(c: C, sandbox: PlaygroundSandbox): Promise<(ran: Ran) => Child> {
  const context = await copyContext(c, sandbox);
  return (ran) => <CopyAs action={ran.request.action} input={ran.request.input} context={ran.sim?.dax ? daxContext(context) : context} />;
}

/** The server's banks (loaded or live) give out a variant's answer key; a bare Bank does not. */
function questionBank(bank: Bank): QuestionBank | undefined {
  return 'instance' in bank && typeof bank.instance === 'function' ? (bank as QuestionBank) : undefined;
}

async function formOf(c: C): Promise<Form> {
  const body = await parseFormBody(c);
  return Object.fromEntries(Object.entries(body).map(([name, value]) => [name, typeof value === 'string' ? value : undefined]));
}

export function playgroundRoutes(run: Run): Hono<AppEnv> {
  const call = (c: C, sandbox: PlaygroundSandbox, request: PlaygroundRequest, target: 'dynamodb' | 'dax' | 'sim' = 'dynamodb') =>
    run({
      accessKeyId: sandbox.accessKeyId,
      pool: sandbox.pool,
      action: request.action,
      input: request.input,
      address: addressOf(c, c.var.deps.trustProxy),
      // A Streams action goes under the Streams target whatever the form said, as DynamoDBStreamsClient sends it.
      target: isStreamAction(request.action) ? 'streams' : target,
    });

  /** The table's simulation report (DynamoDBSim.GetMetrics, through the same dispatch); undefined when it cannot be read. */
  const simReport = (c: C, sandbox: PlaygroundSandbox, name: string): SimReport | undefined => {
    const outcome = call(c, sandbox, { action: 'GetMetrics', input: { TableName: name } }, 'sim');
    return outcome.ok ? (outcome.response as SimReport) : undefined;
  };

  /** What the simulation did with a request just sent: DAX's hit or miss, or whether a read on a simulated table was stale. */
  const simNoteOf = (c: C, sandbox: PlaygroundSandbox, request: PlaygroundRequest, outcome: ReturnType<Run>): SimNote | undefined => {
    if (outcome.dax) return { dax: { cache: outcome.dax.cache, ...(outcome.dax.kind && { kind: outcome.dax.kind }) } };
    const name = request.input.TableName;
    // Only a read can be stale; nothing else asks the simulation (each ask counts toward the key's request rate).
    if (!outcome.ok || typeof name !== 'string' || !['GetItem', 'Query', 'Scan'].includes(request.action)) return undefined;
    const report = simReport(c, sandbox, name);
    return report && staleNote(report, request.action);
  };

  /** Runs a request the learner asked for and keeps it in the history. */
  const send = (c: C, sandbox: PlaygroundSandbox, request: PlaygroundRequest, target: 'dynamodb' | 'dax' = 'dynamodb'): Ran => {
    const outcome = call(c, sandbox, request, target);
    const { sandboxes, clock } = c.var.deps;
    const database = sandboxes.get(sandbox.accessKeyId, sandbox.pool);
    recordRequest(database, {
      action: request.action,
      input: request.input,
      at: clock.now().getTime(),
      ...(!outcome.ok && { error: outcome.error.name }),
      ...(target === 'dax' && { target }),
    });
    rememberShardIterator(database, request, outcome);
    const sim = simNoteOf(c, sandbox, request, outcome);
    return { request, outcome, ...(sim && { sim }) };
  };

  /**
   * Whether the key has a sandbox now. Pages only read, and a read must not create one: a crawler
   * without the cookie would otherwise push learners' anonymous sandboxes out of the bounded pool.
   */
  const exists = (c: C, sandbox: PlaygroundSandbox) => c.var.deps.sandboxes.has(sandbox.accessKeyId, sandbox.pool);

  const describe = (c: C, sandbox: PlaygroundSandbox, name: string): TableSummary | undefined => {
    if (!exists(c, sandbox)) return undefined;
    const outcome = call(c, sandbox, { action: 'DescribeTable', input: { TableName: name } });
    return outcome.ok ? summarizeTable(outcome.response) : undefined;
  };

  const listTables = (c: C, sandbox: PlaygroundSandbox): TableSummary[] => {
    if (!exists(c, sandbox)) return [];
    const outcome = call(c, sandbox, { action: 'ListTables', input: {} });
    const names = outcome.ok ? ((outcome.response as { TableNames?: string[] }).TableNames ?? []) : [];
    return names.flatMap((name) => describe(c, sandbox, name) ?? []);
  };

  const tableOf = (c: C, sandbox: PlaygroundSandbox): TableSummary => {
    const name = c.req.param('name') ?? '';
    const table = describe(c, sandbox, name);
    if (!table) throw new NotFoundError(`Your sandbox has no table named "${name}".`);
    return table;
  };

  const ttlOf = (c: C, sandbox: PlaygroundSandbox, name: string): string => {
    const outcome = call(c, sandbox, { action: 'DescribeTimeToLive', input: { TableName: name } });
    if (!outcome.ok) return 'Unknown';
    const d = (outcome.response as { TimeToLiveDescription?: { TimeToLiveStatus?: string; AttributeName?: string } }).TimeToLiveDescription;
    return d?.TimeToLiveStatus === 'ENABLED' ? `Enabled on ${d.AttributeName ?? '?'}` : (d?.TimeToLiveStatus ?? 'DISABLED');
  };

  const status = (ran: Ran | undefined) => (ran && !ran.outcome.ok ? 400 : 200);

  const overview = async (
    c: C,
    sandbox: PlaygroundSandbox,
    extra: { ran?: Ran; values?: Form; errors?: Built & { ok: false }; notice?: Child; failed?: boolean },
  ) => {
    const tables = listTables(c, sandbox);
    const page = (
      <OverviewPage
        sandbox={sandbox}
        extra={await copyFor(c, sandbox)}
        tables={tables}
        endpoint={endpointUrl(c)}
        notice={extra.notice}
        extras={<LoadPanels datasets={SAMPLE_DATASETS} hasTables={tables.length > 0} />}
        ran={extra.ran}
        values={extra.values ?? {}}
        errors={extra.errors?.errors ?? []}
      />
    );
    return c.html(page, extra.errors || extra.failed ? 400 : status(extra.ran));
  };

  /** The table's tags, its simulation report and the simulation form's values (the tags', unless a refused form's own). */
  const simPanel = (c: C, sandbox: PlaygroundSandbox, table: TableSummary, form?: { values: Form; errors: Built & { ok: false } }) => {
    const listed = call(c, sandbox, { action: 'ListTagsOfResource', input: { ResourceArn: table.arn } });
    const tags = listed.ok ? tagsOf(listed.response) : {};
    return { tags, report: simReport(c, sandbox, table.name), values: form?.values ?? simFormValues(tags), errors: form?.errors.errors ?? [] };
  };

  const tablePage = async (c: C, build: (name: string, form: Form, table: TableSummary) => Built) => {
    const sandbox = playgroundSandbox(c);
    const table = tableOf(c, sandbox);
    const form = await formOf(c);
    const built = build(table.name, form, table);
    if (!built.ok) {
      return c.html(<TablePage table={table} ttl={ttlOf(c, sandbox, table.name)} values={form} errors={built.errors} sim={simPanel(c, sandbox, table)} />, 400);
    }
    const ran = send(c, sandbox, built.request);
    const after = describe(c, sandbox, table.name);
    if (!after) return overview(c, sandbox, { ran });
    return c.html(
      <TablePage
        extra={await copyFor(c, sandbox)}
        table={after}
        ttl={ttlOf(c, sandbox, after.name)}
        ran={ran}
        values={ran.outcome.ok ? {} : form}
        sim={simPanel(c, sandbox, after)}
      />,
      status(ran),
    );
  };

  const builderPage = async (
    c: C,
    sandbox: PlaygroundSandbox,
    props: { action: string; values: Form; json: string; errors?: Built & { ok: false }; jsonError?: string; ran?: Ran },
    code: 200 | 400,
  ) =>
    c.html(
      <BuilderPage
        extra={await copyFor(c, sandbox)}
        actions={builderActions()}
        action={props.action}
        values={props.values}
        json={props.json}
        errors={props.errors?.errors ?? []}
        jsonError={props.jsonError}
        ran={props.ran}
        tableNames={listTables(c, sandbox).map((t) => t.name)}
        sources={exists(c, sandbox) ? streamSources((request) => call(c, sandbox, request), props.action, props.values.StreamArn) : {}}
      />,
      code,
    );

  const parseJson = (text: string): { ok: true; value: unknown } | { ok: false; message: string } => {
    try {
      return { ok: true, value: JSON.parse(text) };
    } catch (error) {
      return { ok: false, message: `Not valid JSON: ${(error as Error).message}. Nothing was sent.` };
    }
  };

  const itemsDefaults = (table: TableSummary): PlaygroundRequest => ({ action: 'Scan', input: { TableName: table.name, ReturnConsumedCapacity: 'INDEXES' } });

  const app = new Hono<AppEnv>();
  app.use('/playground', loadLearner);
  app.use('/playground/*', loadLearner);

  app.get('/playground', (c) => overview(c, playgroundSandbox(c), {}));

  app.post('/playground/tables', async (c) => {
    const sandbox = playgroundSandbox(c);
    const form = await formOf(c);
    const built = buildCreateTable(form);
    if (!built.ok) return overview(c, sandbox, { values: form, errors: built });
    const ran = send(c, sandbox, built.request);
    return overview(c, sandbox, { ran, values: ran.outcome.ok ? {} : form });
  });

  app.get('/playground/tables/:name', (c) => {
    const sandbox = playgroundSandbox(c);
    const table = tableOf(c, sandbox);
    return c.html(<TablePage table={table} ttl={ttlOf(c, sandbox, table.name)} sim={simPanel(c, sandbox, table)} />);
  });
  // The simulation's tags: a TagResource for the values given, then an UntagResource for those cleared.
  app.post('/playground/tables/:name/sim', async (c) => {
    const sandbox = playgroundSandbox(c);
    const table = tableOf(c, sandbox);
    const form = await formOf(c);
    const current = simPanel(c, sandbox, table);
    const built = buildSimTags(table.arn, form, current.tags);
    if (!built.ok) {
      return c.html(<TablePage table={table} ttl={ttlOf(c, sandbox, table.name)} sim={{ ...current, values: form, errors: built.errors }} />, 400);
    }
    const sent: Ran[] = [];
    for (const request of built.requests) {
      const ran = send(c, sandbox, request);
      sent.push(ran);
      if (!ran.outcome.ok) break;
    }
    const failed = sent.some((ran) => !ran.outcome.ok);
    const after = simPanel(c, sandbox, table);
    return c.html(
      <TablePage
        table={table}
        ttl={ttlOf(c, sandbox, table.name)}
        sim={{ ...after, sent, extra: await copyFor(c, sandbox), ...(failed && { values: form }) }}
      />,
      failed ? 400 : 200,
    );
  });
  app.post('/playground/tables/:name/capacity', (c) => tablePage(c, buildUpdateCapacity));
  app.post('/playground/tables/:name/ttl', (c) => tablePage(c, buildUpdateTimeToLive));
  app.post('/playground/tables/:name/streams', (c) => tablePage(c, buildUpdateStreams));
  app.post('/playground/tables/:name/gsi', (c) => tablePage(c, (name, form, table) => buildCreateIndex(name, form, table.provisioned)));
  app.post('/playground/tables/:name/gsi/delete', (c) => tablePage(c, buildDeleteIndex));
  app.post('/playground/tables/:name/delete', async (c) => {
    const sandbox = playgroundSandbox(c);
    const table = tableOf(c, sandbox);
    const ran = send(c, sandbox, { action: 'DeleteTable', input: { TableName: table.name } });
    return overview(c, sandbox, { ran });
  });

  app.get('/playground/tables/:name/items', async (c) => {
    const sandbox = playgroundSandbox(c);
    const table = tableOf(c, sandbox);
    const request = itemsDefaults(table);
    // The page's own first read: shown, not kept in the history.
    const ran = { request, outcome: call(c, sandbox, request) };
    return c.html(<ItemsPage extra={await copyFor(c, sandbox)} table={table} values={{ mode: 'Scan' }} ran={ran} />);
  });
  app.post('/playground/tables/:name/items', async (c) => {
    const sandbox = playgroundSandbox(c);
    const table = tableOf(c, sandbox);
    const form = await formOf(c);
    let request: PlaygroundRequest;
    if (form.json !== undefined) {
      // The next page: the previous request with ExclusiveStartKey, as the page sent it.
      const action = form.action === 'Query' ? 'Query' : 'Scan';
      const parsed = parseJson(form.json);
      if (!parsed.ok) throw new InvalidInputError('json', parsed.message);
      request = { action, input: { ...(parsed.value as Record<string, unknown>), TableName: table.name } };
      const values = { mode: action, ...fieldsFromInput(action, request.input) };
      const ran = send(c, sandbox, request);
      return c.html(<ItemsPage extra={await copyFor(c, sandbox)} table={table} values={values} ran={ran} />, status(ran));
    }
    const action = form.mode === 'Query' ? 'Query' : 'Scan';
    const built = buildFromFields(action, { ...form, TableName: table.name, ExclusiveStartKey: '' });
    if (!built.ok) return c.html(<ItemsPage table={table} values={form} errors={built.errors} />, 400);
    const ran = send(c, sandbox, built.request);
    return c.html(<ItemsPage extra={await copyFor(c, sandbox)} table={table} values={form} ran={ran} />, status(ran));
  });

  app.get('/playground/tables/:name/item', async (c) => {
    const sandbox = playgroundSandbox(c);
    const table = tableOf(c, sandbox);
    const keyText = c.req.query('key');
    if (keyText === undefined) {
      const skeleton = Object.fromEntries(table.keyNames.map((name) => [name, { S: '' }]));
      return c.html(<ItemPage table={table} json={pretty(skeleton)} />);
    }
    const key = parseJson(keyText);
    if (!key.ok) throw new InvalidInputError('key', key.message);
    const outcome = call(c, sandbox, { action: 'GetItem', input: { TableName: table.name, Key: key.value } });
    const item = outcome.ok ? (outcome.response as { Item?: unknown }).Item : undefined;
    if (!outcome.ok)
      return c.html(
        <ItemPage
          extra={await copyFor(c, sandbox)}
          table={table}
          json={keyText}
          ran={{ request: { action: 'GetItem', input: { TableName: table.name, Key: key.value } }, outcome }}
        />,
        400,
      );
    return c.html(<ItemPage table={table} json={pretty(item ?? key.value)} {...(!item && { error: 'No item has this key yet: saving creates it.' })} />);
  });
  app.post('/playground/tables/:name/item', async (c) => {
    const sandbox = playgroundSandbox(c);
    const table = tableOf(c, sandbox);
    const form = await formOf(c);
    const text = form.item ?? '';
    const parsed = parseJson(text);
    if (!parsed.ok) return c.html(<ItemPage table={table} json={text} error={parsed.message} />, 400);
    const ran = send(c, sandbox, { action: 'PutItem', input: { TableName: table.name, Item: parsed.value, ReturnConsumedCapacity: 'INDEXES' } });
    return c.html(<ItemPage extra={await copyFor(c, sandbox)} table={table} json={text} ran={ran} />, status(ran));
  });
  app.post('/playground/tables/:name/item/delete', async (c) => {
    const sandbox = playgroundSandbox(c);
    const table = tableOf(c, sandbox);
    const form = await formOf(c);
    const parsed = parseJson(form.key ?? '');
    if (!parsed.ok) throw new InvalidInputError('key', parsed.message);
    const key = typeof parsed.value === 'object' && parsed.value !== null ? keyOf(parsed.value as never, table.keyNames) : parsed.value;
    const ran = send(c, sandbox, { action: 'DeleteItem', input: { TableName: table.name, Key: key, ReturnConsumedCapacity: 'INDEXES' } });
    return c.html(<ItemsPage extra={await copyFor(c, sandbox)} table={table} values={{ mode: 'Scan' }} ran={ran} />, status(ran));
  });

  app.get('/playground/run', (c) => {
    const sandbox = playgroundSandbox(c);
    const historyId = c.req.query('history');
    if (historyId !== undefined) {
      const entry = exists(c, sandbox) ? findHistoryEntry(c.var.deps.sandboxes.get(sandbox.accessKeyId, sandbox.pool), Number(historyId)) : undefined;
      if (!entry) throw new NotFoundError(`No request ${historyId} in this sandbox's history (it keeps the last 50).`);
      const values = { ...fieldsFromInput(entry.action, entry.input), ...(entry.target && { target: entry.target }) };
      return builderPage(c, sandbox, { action: entry.action, values, json: pretty(entry.input) }, 200);
    }
    const action = c.req.query('action') ?? 'Query';
    if (!isBuilderAction(action)) throw new NotFoundError(`The engine serves no action named "${action}".`);
    const jsonText = c.req.query('json');
    if (jsonText !== undefined) {
      const parsed = parseJson(jsonText);
      const values = parsed.ok ? fieldsFromInput(action, parsed.value) : {};
      return builderPage(c, sandbox, { action, values, json: parsed.ok ? pretty(parsed.value) : jsonText }, 200);
    }
    const table = c.req.query('table');
    const iterator = action === 'GetRecords' && exists(c, sandbox) ? lastShardIterator(c.var.deps.sandboxes.get(sandbox.accessKeyId, sandbox.pool)) : undefined;
    const values: Form = { ...(table && { TableName: table }), ...(iterator && { ShardIterator: iterator }) };
    const built = buildFromFields(action, values);
    return builderPage(c, sandbox, { action, values, json: pretty(built.ok ? built.request.input : {}) }, 200);
  });
  app.post('/playground/run', async (c) => {
    const sandbox = playgroundSandbox(c);
    const form = await formOf(c);
    const action = form.action ?? '';
    if (!isBuilderAction(action)) throw new InvalidInputError('action', `The engine serves no action named "${action}".`);
    if (form.intent === 'edit') {
      const parsed = parseJson(form.json ?? '');
      return builderPage(c, sandbox, { action, values: parsed.ok ? fieldsFromInput(action, parsed.value) : {}, json: form.json ?? '' }, 200);
    }
    if (form.intent === 'build') {
      const built = buildFromFields(action, form);
      if (!built.ok) return builderPage(c, sandbox, { action, values: form, json: form.json ?? '{}', errors: built }, 400);
      return builderPage(c, sandbox, { action, values: form, json: pretty(built.request.input) }, 200);
    }
    const text = form.json ?? '';
    const parsed = parseJson(text);
    if (!parsed.ok) return builderPage(c, sandbox, { action, values: form, json: text, jsonError: parsed.message }, 400);
    const target = form.target === 'dax' ? 'dax' : 'dynamodb';
    const ran = send(c, sandbox, { action, input: parsed.value as Record<string, unknown> }, target);
    return builderPage(c, sandbox, { action, values: { ...fieldsFromInput(action, parsed.value), target }, json: pretty(parsed.value), ran }, status(ran));
  });
  // For the builder's script: the JSON the fields make, without running it.
  app.post('/playground/run/build', async (c) => {
    const form = await formOf(c);
    const action = form.action ?? '';
    if (!isBuilderAction(action)) return c.json({ errors: [{ field: 'action', message: `The engine serves no action named "${action}".` }] }, 400);
    const built = buildFromFields(action, form);
    return built.ok ? c.json({ json: pretty(built.request.input) }) : c.json({ errors: built.errors }, 400);
  });

  /**
   * Many requests in a row (a dataset, a model, a question's table), through the same path as
   * every other; not kept in the history, which would fill with batch writes. Stops at the first
   * refusal.
   */
  const load = (c: C, sandbox: PlaygroundSandbox, requests: readonly { action: string; input: unknown }[]) => {
    for (const request of requests) {
      const outcome = call(c, sandbox, { action: request.action, input: request.input as Record<string, unknown> });
      if (!outcome.ok) return { action: request.action, name: outcome.error.name, message: outcome.error.message };
    }
    return undefined;
  };
  const createdTables = (requests: readonly { action: string; input: unknown }[]) =>
    requests.filter((r) => r.action === 'CreateTable').map((r) => String((r.input as { TableName?: unknown }).TableName));

  app.post('/playground/samples', async (c) => {
    const sandbox = playgroundSandbox(c);
    const form = await formOf(c);
    const dataset = findSampleDataset(form.dataset ?? '');
    if (!dataset) throw new InvalidInputError('dataset', `There is no sample dataset "${form.dataset ?? ''}".`);
    const requests = dataset.requests();
    const failure = load(c, sandbox, requests);
    return overview(c, sandbox, {
      notice: <LoadNotice title={dataset.title} tables={createdTables(requests)} {...(failure && { failure })} />,
      failed: failure !== undefined,
    });
  });

  app.post('/playground/import', async (c) => {
    const sandbox = playgroundSandbox(c);
    const body = await parseFormBody(c);
    const file = body.model;
    const text = file instanceof File && file.size > 0 ? await file.text() : typeof body.json === 'string' ? body.json : '';
    if (text.trim() === '') throw new InvalidInputError('model', 'Choose a Workbench model file or paste its JSON.');
    const parsed = parseJson(text);
    const imported = parsed.ok ? parseWorkbenchModel(parsed.value) : { ok: false as const, errors: [{ path: '', message: parsed.message }] };
    if (!imported.ok) return overview(c, sandbox, { notice: <LoadNotice title="Workbench import" tables={[]} errors={imported.errors} />, failed: true });
    const failure = load(c, sandbox, imported.requests);
    return overview(c, sandbox, {
      notice: <LoadNotice title="Workbench import" tables={imported.tables} {...(failure && { failure })} />,
      failed: failure !== undefined,
    });
  });

  app.get('/playground/export', (c) => {
    const sandbox = playgroundSandbox(c);
    const names = listTables(c, sandbox).map((t) => t.name);
    const tables = names.flatMap((name) => {
      const described = call(c, sandbox, { action: 'DescribeTable', input: { TableName: name } });
      if (!described.ok) return [];
      const items: Item[] = [];
      let start: unknown;
      // Every page, each bounded by the 1 MB rule; the sandbox's byte limit bounds the whole.
      do {
        const page = call(c, sandbox, { action: 'Scan', input: { TableName: name, ...(start !== undefined && { ExclusiveStartKey: start }) } });
        if (!page.ok) break;
        const response = page.response as { Items?: Item[]; LastEvaluatedKey?: unknown };
        items.push(...(response.Items ?? []));
        start = response.LastEvaluatedKey;
      } while (start !== undefined);
      return [{ description: (described.response as { Table: TableDescription }).Table, items }];
    });
    c.header('Content-Disposition', 'attachment; filename="playground-model.json"');
    return c.json(exportWorkbenchModel(tables, 'Playground', { modifiedAt: c.var.deps.clock.now().getTime() }));
  });

  // From a result page: a copy of the question's table, under a free name, then its items.
  app.post('/playground/question', async (c) => {
    const sandbox = playgroundSandbox(c);
    const form = await formOf(c);
    const scenarioId = form.scenarioId ?? '';
    const seed = Number(form.seed);
    const bank = questionBank(c.var.deps.bank);
    const requests = bank && questionTableRequests(bank, scenarioId, seed);
    if (!requests) throw new NotFoundError(`No table belongs to question ${scenarioId} with seed ${form.seed ?? ''}.`);
    const original = createdTables(requests)[0] ?? '';
    let name = original;
    for (let n = 2; describe(c, sandbox, name) && n < 100; n++) name = `${original}-${n}`;
    const renamed = name === original ? requests : (questionTableRequests(bank!, scenarioId, seed, { tableName: name }) ?? requests);
    const failure = load(c, sandbox, renamed);
    if (failure) return overview(c, sandbox, { notice: <LoadNotice title={`The table of ${scenarioId}`} tables={[name]} failure={failure} />, failed: true });
    return c.redirect(`/playground/tables/${encodeURIComponent(name)}/items`, 303);
  });

  app.get('/playground/history', async (c) => {
    const sandbox = playgroundSandbox(c);
    const copy = await copyContext(c, sandbox);
    return c.html(
      <HistoryPage
        entries={exists(c, sandbox) ? listHistory(c.var.deps.sandboxes.get(sandbox.accessKeyId, sandbox.pool)) : []}
        extra={(entry) => <CopyAs action={entry.action} input={entry.input} context={entry.target === 'dax' ? daxContext(copy) : copy} />}
      />,
    );
  });
  return app;
}
