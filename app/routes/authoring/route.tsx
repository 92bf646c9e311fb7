/**
 * The author's loop (author role; create-app guards /authoring/*): the families with their open
 * reports and last edit, an editor whose preview renders and grades any seed as the author
 * types, templates for new families, and saving that writes the file and reloads the bank.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { loadLearner } from '../../auth/identity.ts';
import { PREVIEW_SEEDS, previewScenario, type Preview } from '../../authoring/preview.ts';
import { describeErrors, saveTargetFor, WRITE_OFF_MESSAGE, writeFileAtomic } from '../../authoring/save.ts';
import { isTemplateKind, readTemplate } from '../../authoring/templates.ts';
import type { LiveBank } from '../../bank/live-bank.ts';
import { isSeed } from '../../bank/random.ts';
import { countOpenQuestionReports, selectQuestionReports } from '../../progress/question-reports.ts';
import type { AppEnv } from '../app-env.ts';
import { parseFormBody } from '../form-body.ts';
import { questionPath } from '../practice/variant-address.ts';
import { InvalidInputError, NotFoundError } from '../request-errors.ts';
import { Layout } from '../../views/layout.tsx';
import { CheckErrors, PreviewBody } from './preview-view.tsx';
import { EditorPage, type EditorProps, FAMILIES_PER_PAGE, FamiliesPage, type FamilyRow, NewFamilyPage, NotLiveNotice } from './view.tsx';

/** A scenario file is a few KB; the body limit (64 KB) bounds it first. */
const MAX_SOURCE_CHARS = 60_000;

const SeedSchema = z.coerce
  .number({ error: 'The seed is a whole number from 0 to 4294967295.' })
  .refine((n) => isSeed(n), 'The seed is a whole number from 0 to 4294967295.');
const EditorInputSchema = z.object({
  // Browsers post a textarea's line breaks as CRLF; the files keep the repository's LF.
  source: z
    .string({ error: 'Send the scenario markdown as source.' })
    .min(1, 'The scenario markdown is empty.')
    .max(MAX_SOURCE_CHARS, `A scenario file is at most ${MAX_SOURCE_CHARS} characters.`)
    .transform((text) => text.replace(/\r\n?/g, '\n')),
  seed: z
    .union([z.literal(''), SeedSchema])
    .optional()
    .transform((s) => (s === '' || s === undefined ? 1 : s)),
  editing: z
    .string()
    .max(200)
    .optional()
    .transform((s) => (s === '' ? undefined : s)),
});
type EditorInput = z.infer<typeof EditorInputSchema>;

function parseEditorInput(raw: unknown): EditorInput {
  const parsed = EditorInputSchema.safeParse(raw);
  if (!parsed.success) throw InvalidInputError.fromZod(parsed.error);
  return parsed.data;
}

function liveBank(c: Context<AppEnv>): LiveBank | undefined {
  return c.var.deps.authoring.bank;
}

function notLivePage(c: Context<AppEnv>, title: string) {
  return c.html(
    <Layout title={title}>
      <h1>{title}</h1>
      <NotLiveNotice />
    </Layout>,
  );
}

async function editorProps(c: Context<AppEnv>, bank: LiveBank, input: EditorInput, preview: Preview): Promise<EditorProps> {
  const editing = input.editing;
  return {
    title: editing ? `Edit ${editing}` : 'New family',
    source: input.source,
    seed: input.seed,
    editing,
    preview,
    areas: bank.areas,
    seeds: PREVIEW_SEEDS,
    write: c.var.deps.authoring.write,
    reports: editing ? await selectQuestionReports(c.var.deps.db, 'open', editing) : [],
  };
}

export const authoringRoutes = new Hono<AppEnv>()
  .get('/authoring', loadLearner, async (c) => {
    const { bank, db } = c.var.deps;
    const live = liveBank(c);
    const area = c.req.query('area') || undefined;
    const kind = c.req.query('kind') || undefined;
    const open = await countOpenQuestionReports(db);
    const lastEdit = (file: string): Date | undefined => {
      if (!live) return undefined;
      try {
        return statSync(resolve(live.rootDir, file)).mtime;
      } catch {
        return undefined;
      }
    };
    const pageText = c.req.query('page') || '1';
    if (!/^\d{1,6}$/.test(pageText) || Number(pageText) < 1) throw new InvalidInputError('page', `"${pageText}" is not a page number; pages count from 1.`);
    const matching = bank.scenarios.filter((s) => (area === undefined || s.area === area) && (kind === undefined || s.kind === kind));
    const pages = Math.max(1, Math.ceil(matching.length / FAMILIES_PER_PAGE));
    // A page past the end (a filter narrowed since the link was made) shows the last one.
    const page = Math.min(Number(pageText), pages);
    const rows: FamilyRow[] = matching
      .slice((page - 1) * FAMILIES_PER_PAGE, page * FAMILIES_PER_PAGE)
      .map((summary) => ({ summary, openReports: open.get(summary.id) ?? 0, lastEdit: lastEdit(summary.file) }));
    return c.html(
      <FamiliesPage
        rows={rows}
        paging={{ page, pages, first: (page - 1) * FAMILIES_PER_PAGE + 1, matching: matching.length }}
        total={bank.scenarios.length}
        areas={bank.areas}
        area={area}
        kind={kind}
        loadErrors={bank.errors}
        live={live !== undefined}
      />,
    );
  })
  .get('/authoring/new', loadLearner, (c) => c.html(<NewFamilyPage />))
  .get('/authoring/edit', loadLearner, async (c) => {
    const bank = liveBank(c);
    if (!bank) return notLivePage(c, 'Editor');
    const id = c.req.query('id');
    const template = c.req.query('template');
    const seed = parseEditorInput({ source: 'x', seed: c.req.query('seed') }).seed;
    let input: EditorInput;
    if (id !== undefined) {
      const summary = bank.get(id);
      if (!summary) throw new NotFoundError(`No family has the id ${id}; files the bank left out are listed at /authoring.`);
      // Read now rather than kept in the bank: the editor shows the file as it is on disk.
      input = { source: readFileSync(resolve(bank.rootDir, summary.file), 'utf8'), seed, editing: id };
    } else if (template !== undefined) {
      if (!isTemplateKind(template)) throw new InvalidInputError('template', 'Choose one of choice, multi, numeric, request, design.');
      input = { source: readTemplate(template), seed, editing: undefined };
    } else {
      // No family named: the form that picks a template.
      return c.html(<NewFamilyPage />);
    }
    const props = await editorProps(c, bank, input, previewScenario(bank, input.source, input.seed));
    const saved = c.req.query('saved');
    return c.html(
      <EditorPage
        {...props}
        {...(saved !== undefined && id !== undefined
          ? { message: { kind: 'saved' as const, text: `Saved ${bank.get(id)?.file ?? id} and reloaded the bank.`, practise: questionPath(id, props.seed) } }
          : {})}
      />,
    );
  })
  .post('/authoring/preview', loadLearner, async (c) => {
    const bank = liveBank(c);
    const json = c.req.header('Content-Type')?.split(';')[0]?.trim().toLowerCase() === 'application/json';
    if (!bank) {
      if (json) return c.json({ error: { code: 'NotLive', message: 'This app cannot preview: it was built without a reloadable bank.' } }, 503);
      return notLivePage(c, 'Editor');
    }
    let raw: unknown;
    if (json) {
      try {
        raw = await c.req.json();
      } catch (error) {
        throw new InvalidInputError('body', 'The body is not JSON: send {"source": "...", "seed": 1}.', { cause: error });
      }
    } else {
      raw = await parseFormBody(c);
    }
    let input: EditorInput;
    try {
      input = parseEditorInput(raw);
    } catch (error) {
      // The live script reads JSON; the form gets onError's page.
      if (json && error instanceof InvalidInputError) return c.json({ error: { code: 'InvalidInput', message: error.message, field: error.field } }, 400);
      throw error;
    }
    const preview = previewScenario(bank, input.source, input.seed);
    if (json) {
      const [errorsHtml, previewHtml] = await Promise.all([
        (<CheckErrors preview={preview} seeds={PREVIEW_SEEDS} />).toString(),
        (<PreviewBody preview={preview} areas={bank.areas} />).toString(),
      ]);
      return c.json({
        file: preview.file,
        id: preview.summary?.id ?? null,
        errors: preview.errors,
        status: `${preview.errors.length === 0 ? 'No errors' : `${preview.errors.length} error${preview.errors.length === 1 ? '' : 's'}`}; seed ${preview.seed} ${preview.variant ? 'rendered' : 'not rendered'}.`,
        html: { errors: errorsHtml, preview: previewHtml },
      });
    }
    return c.html(<EditorPage {...(await editorProps(c, bank, input, preview))} />);
  })
  .post('/authoring/save', loadLearner, async (c) => {
    const bank = liveBank(c);
    if (!bank) return notLivePage(c, 'Editor');
    const input = parseEditorInput(await parseFormBody(c));
    const preview = previewScenario(bank, input.source, input.seed);
    const props = await editorProps(c, bank, input, preview);
    const refuse = (status: 400 | 403 | 409, text: string) => c.html(<EditorPage {...props} message={{ kind: 'refused', text }} />, status);
    if (!c.var.deps.authoring.write) return refuse(403, WRITE_OFF_MESSAGE);
    if (preview.errors.length > 0 || !preview.summary) return refuse(400, describeErrors(preview.errors));
    const id = preview.summary.id;
    const target = saveTargetFor({ bank, rootDir: bank.rootDir, contentDir: bank.contentDir, id, editing: input.editing, exists: existsSync });
    if (!target.ok) return refuse(409, target.message);
    writeFileAtomic(target.path, input.source);
    const report = bank.reload();
    c.var.deps.logger.info(
      `authoring: ${c.var.user?.username ?? '?'} saved ${target.path}; ${report.scenarios} scenarios loaded, ${report.errors.length} problems`,
    );
    return c.redirect(`/authoring/edit?id=${encodeURIComponent(id)}&seed=${input.seed}&saved=1`, 303);
  });
