/**
 * Parse and validate one scenario file. Errors name the file and the line: YAML positions come
 * from the yaml LineCounter, body lines from counting. A file with any error yields no
 * definition; its errors are reported and the rest of the bank still loads.
 */
import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { RULES, type Rule, type RuleInput, type RuleValue } from '../../engine/index.ts';
import { collectStrings, type DesignAnswerSpec, type RequestAnswerSpec } from '../grading/hands-on-spec.ts';
import type { CalculatorRegistry } from './calculators.ts';
import { POOL_SLOTS, type AnswerDefinition, type OptionDefinition, type PoolDefinition, type PoolEntry, type ScenarioDefinition } from './definition.ts';
import type { DeriverRegistry } from './derivers.ts';
import { casePools, flattenCases, isParamSpec } from './cases.ts';
import { boundNames, checkParamSpec, countParamSpace } from './params.ts';
import { answerSchemaFor, FrontMatterSchema, type FrontMatter, type NumericAnswerSpec, type PoolAnswerSpec, type RuleAnswerSpec } from './schema.ts';
import { NO_SHARED_TEXTS, resolveSharedTexts, type SharedTexts } from './shared-texts.ts';
import { fillText, findPlaceholders, solePlaceholder } from './template.ts';
import type { AreaId, ContentError, ObjectiveId, ScenarioId } from './types.ts';

export interface ParseContext {
  readonly objectives: ReadonlySet<string>;
  readonly calculators: CalculatorRegistry;
  readonly derivers: DeriverRegistry;
  /** The tables a family's `texts:` may `use:` (content/texts.md); none when absent. */
  readonly sharedTexts?: SharedTexts;
}

/** `uses`: the shared text tables the file names, so a cache can tell when a change to them reaches it. */
export type ParseResult =
  | { ok: true; definition: ScenarioDefinition; uses?: readonly string[] }
  | { ok: false; errors: ContentError[]; uses?: readonly string[] };

/** Sections a body may have after the prompt: "## Right" and "## Wrong" are a pool family's pools. */
const SECTIONS = ['Options', 'Right', 'Wrong', 'Explanation'] as const;

type SectionName = (typeof SECTIONS)[number];

interface BodyLine {
  readonly text: string;
  readonly line: number;
}

export function parseScenarioFile(source: string, file: string, context: ParseContext): ParseResult {
  const uses: string[] = [];
  const result = parseFile(source, file, context, uses);
  return uses.length > 0 ? { ...result, uses: [...new Set(uses)] } : result;
}

function parseFile(source: string, file: string, context: ParseContext, uses: string[]): ParseResult {
  const errors: ContentError[] = [];
  const fail = (line: number, message: string): void => {
    errors.push({ file, line, message });
  };
  const lines = source.split(/\r?\n/);
  if (lines[0]?.trim() !== '---') {
    fail(1, 'The file must start with front matter: a line "---", YAML, then "---"');
    return { ok: false, errors };
  }
  const close = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  if (close === -1) {
    fail(1, 'Front matter is not closed: add a line "---" after the YAML');
    return { ok: false, errors };
  }
  // Line numbers: the YAML's first line is file line 2.
  const yamlText = lines.slice(1, close).join('\n');
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false });
  for (const error of doc.errors) fail(lineCounter.linePos(error.pos[0]).line + 1, `YAML: ${error.message.split('\n')[0]}`);
  if (errors.length > 0) return { ok: false, errors };

  // A table expanded from `each:` reports its errors at the line of the table written.
  const textOrigin = new Map<string, string>();
  const lineOf = (path: readonly PropertyKey[]): number => {
    const origin = path[0] === 'texts' && typeof path[1] === 'string' ? textOrigin.get(path[1]) : undefined;
    return lineOfPath(doc, lineCounter, origin === undefined ? path : ['texts', origin, ...path.slice(2)]) + 1;
  };
  const raw = doc.toJS() as unknown;
  if (raw !== null && typeof raw === 'object' && 'texts' in raw) {
    const resolved = resolveSharedTexts(raw.texts, context.sharedTexts ?? NO_SHARED_TEXTS, lineOf, fail);
    (raw as { texts: unknown }).texts = resolved.texts;
    uses.push(...resolved.uses);
    // A table that could not be taken would only fail the schema again, less clearly.
    if (errors.length > 0) return { ok: false, errors };
  }
  const parsed = FrontMatterSchema.safeParse(raw);
  if (!parsed.success) {
    reportIssues(parsed.error.issues, [], lineOf, fail);
    return { ok: false, errors };
  }
  const fm: FrontMatter = parsed.data;
  if (fm.texts !== undefined) {
    const expanded = expandTextTables(fm.texts);
    for (const [name, origin] of expanded.origins) textOrigin.set(name, origin);
    for (const name of expanded.repeated) fail(lineOf(['texts', name]), `texts.${name} is bound twice (a table of its name and a table's each: slot)`);
    fm.texts = expanded.texts;
  }

  const poolSpec = poolOf(fm.answer);
  const answer = parseAnswer(fm, lineOf, fail);
  const body = lines.slice(close + 1).map((text, i) => ({ text, line: close + 2 + i }));
  const sections = splitSections(body, fail);
  const options = sections.Options ? parseOptions(sections.Options.lines, fail) : [];
  // A pool per case: the statements are "## Options", and each case lists its right and wrong ids.
  const byCase = sections.Options !== undefined && flattenCases(fm.cases).some((c) => casePools(c.spec) !== undefined);
  const pool =
    poolSpec && (fm.kind === 'choice' || fm.kind === 'multi')
      ? byCase
        ? { right: [], wrong: [], show: poolSpec, byCase: true }
        : parsePool(poolSpec, sections, fm.kind, lineOf(['answer', 'pool']), lines.length, fail)
      : undefined;
  // A malformed pool answer is reported once, as the answer's error, not again as stray sections.
  const namesPool = typeof fm.answer === 'object' && fm.answer !== null && 'pool' in fm.answer;
  // Fixed options beside a drawn pool: "## Options" always shown, "## Wrong" drawn from.
  const wrongShown = answer?.kind === 'choice' || answer?.kind === 'multi' ? answer.spec['wrong-pool'] : undefined;
  if (!namesPool) {
    for (const name of ['Right', 'Wrong'] as const) {
      const section = sections[name];
      if (section && !(name === 'Wrong' && wrongShown !== undefined))
        fail(section.line, `"## ${name}" is a pool of statements: it needs answer: { pool: { right: N, wrong: M } }`);
    }
  }
  let wrongPool: ScenarioDefinition['wrongPool'];
  if (wrongShown !== undefined) {
    if (!sections.Wrong) fail(lines.length, `answer.wrong-pool needs a "## Wrong" section listing the wrong statements it draws from`);
    else {
      const entries = parsePoolEntries(sections.Wrong.lines, 'Wrong', fail);
      if (entries.length < wrongShown) fail(sections.Wrong.line, `answer.wrong-pool shows ${wrongShown} wrong statements but "## Wrong" has ${entries.length}`);
      wrongPool = { entries, show: wrongShown };
    }
  }

  // Objectives and id.
  const area = fm.objectives[0]!.split('.')[0]!;
  fm.objectives.forEach((objective, i) => {
    if (!context.objectives.has(objective)) {
      fail(lineOf(['objectives', i]), `Unknown objective "${objective}": it is not in content/OBJECTIVES.md`);
    }
  });
  if (fm.id.split('.')[0] !== area) {
    fail(lineOf(['id']), `The id "${fm.id}" must start with "${area}.", the area of its first objective ${fm.objectives[0]}`);
  }

  // Parameters.
  const bound = new Set<string>();
  for (const [name, spec] of Object.entries(fm.params)) {
    const problem = checkParamSpec(name, spec, bound);
    if (problem) fail(lineOf(['params', name]), problem);
    for (const n of boundNames(name, spec)) bound.add(n);
  }
  if (fm.cases !== undefined) checkCases(fm, bound, lineOf, fail);
  if (fm.draw !== undefined && fm.kind !== 'choice' && fm.kind !== 'multi')
    fail(lineOf(['draw']), `draw applies only to choice and multi scenarios, not ${fm.kind}`);
  // Text tables that need nothing from the rule are looked up before it (they may feed its inputs).
  const texts = Object.entries(fm.texts ?? {});
  for (const [name] of texts) if (bound.has(name)) fail(lineOf(['texts', name]), `texts.${name} has the name of a parameter or case field`);
  const bindTexts = (early: boolean): void => {
    for (const [name, table] of texts) {
      const needs = [table.by, ...Object.values(table.of)].flatMap(findPlaceholders);
      if (bound.has(name) || (early && !needs.every((p) => bound.has(p)))) continue;
      for (const p of findPlaceholders(table.by))
        if (!bound.has(p)) fail(lineOf(['texts', name, 'by']), `texts.${name}.by uses {{${p}}}, which no parameter, case or rule output binds`);
      for (const v of possibleValues(fm, table.by) ?? [])
        if (!(String(v) in table.of))
          fail(lineOf(['texts', name, 'of']), `texts.${name}.of has no text for ${JSON.stringify(String(v))}, a value of ${table.by}`);
      bound.add(name);
    }
  };
  bindTexts(true);
  const ruleSpec = answer?.kind === 'choice' ? answer.spec.rule : undefined;
  const rule = ruleSpec ? RULES.get(ruleSpec.rule) : undefined;
  if (ruleSpec && !rule) fail(lineOf(['answer', 'rule']), `Unknown rule "${ruleSpec.rule}"; known: ${[...RULES.keys()].join(', ')}`);
  if (ruleSpec && rule) {
    checkRuleInputs(fm, ruleSpec, rule, bound, lineOf, fail);
    for (const n of rule.outputs) {
      if (fm.texts?.[n] !== undefined) fail(lineOf(['texts', n]), `texts.${n} has the name of an output of rule ${rule.name}`);
      bound.add(n);
    }
  }
  bindTexts(fm.derive !== undefined);
  if (fm.derive !== undefined) {
    const deriver = context.derivers.get(fm.derive);
    if (!deriver) fail(lineOf(['derive']), `Unknown deriver "${fm.derive}"; known: ${[...context.derivers.keys()].join(', ') || 'none'}`);
    else
      for (const n of deriver.outputs) {
        if (fm.texts?.[n] !== undefined) fail(lineOf(['texts', n]), `texts.${n} has the name of an output of deriver ${deriver.name}`);
        bound.add(n);
      }
  }
  bindTexts(false);
  const late = Object.entries(fm['after-options'] ?? {});
  if (late.length > 0 && fm.kind !== 'choice' && fm.kind !== 'multi')
    fail(lineOf(['after-options']), `after-options applies only to choice and multi scenarios, not ${fm.kind}`);
  for (const [name, spec] of late) {
    const problem = checkParamSpec(name, spec, bound);
    if (problem) fail(lineOf(['after-options', name]), problem);
    for (const n of boundNames(name, spec)) bound.add(n);
  }
  const checkBound = (text: string, line: number, where: string): void => {
    for (const name of findPlaceholders(text)) {
      if (!bound.has(name)) fail(line, `${where} uses {{${name}}}, which no parameter or deriver binds`);
    }
  };

  // Body sections by kind.
  const prompt = sections.prompt.lines
    .map((l) => l.text)
    .join('\n')
    .trim();
  if (prompt === '') fail(close + 2, 'The prompt (the text after the front matter) is empty');
  for (const l of sections.prompt.lines) checkBound(l.text, l.line, 'The prompt');
  if (!sections.Explanation) fail(lines.length, 'Missing "## Explanation" section');
  for (const l of sections.Explanation?.lines ?? []) checkBound(l.text, l.line, 'The explanation');
  const explanation =
    sections.Explanation?.lines
      .map((l) => l.text)
      .join('\n')
      .trim() ?? '';
  if (sections.Explanation && explanation === '') fail(sections.Explanation.line, 'The explanation is empty');

  const hasOptions = fm.kind === 'choice' || fm.kind === 'multi';
  if (hasOptions && !namesPool && !sections.Options)
    fail(lines.length, `A ${fm.kind} scenario needs an "## Options" section (or "## Right" and "## Wrong" pools)`);
  if (pool && fm.choose !== undefined && fm.choose !== pool.show.right) {
    fail(lineOf(['choose']), `choose is ${fm.choose} but answer.pool shows ${pool.show.right} right statements`);
  }
  if (pool && !pool.byCase && sections.Options)
    fail(sections.Options.line, 'A pool family draws its options from "## Right" and "## Wrong"; remove "## Options"');
  if (pool?.byCase) {
    for (const { spec: c, path } of flattenCases(fm.cases)) {
      const lists = casePools(c);
      if (!lists) {
        fail(lineOf(path), 'Every case of a pool drawn by case needs right: [ids] and wrong: [ids]');
        continue;
      }
      for (const [name, list, shown] of [
        ['right', lists.right, pool.show.right],
        ['wrong', lists.wrong, pool.show.wrong],
      ] as const) {
        if (list.length < shown) fail(lineOf([...path, name]), `Case "${String(c.id)}" lists ${list.length} ${name} options but answer.pool shows ${shown}`);
        for (const id of list)
          if (!options.some((o) => o.id === id)) fail(lineOf([...path, name]), `Case "${String(c.id)}" lists {${id}}, which is not in "## Options"`);
      }
      for (const id of lists.right) if (lists.wrong.includes(id)) fail(lineOf(path), `Case "${String(c.id)}" lists {${id}} as both right and wrong`);
    }
  }
  for (const entry of [...(pool?.right ?? []), ...(pool?.wrong ?? []), ...(wrongPool?.entries ?? [])]) {
    checkBound(entry.text, entry.line, 'A pool statement');
    checkBound(entry.why, entry.line, 'The why of a pool statement');
  }
  if (!hasOptions && sections.Options) fail(sections.Options.line, `A ${fm.kind} scenario has no options; remove "## Options"`);
  const ids = new Set<string>();
  for (const option of options) {
    if (ids.has(option.id)) fail(option.line, `Option id {${option.id}} is used twice`);
    if (wrongPool && WRONG_POOL_ID.test(option.id)) fail(option.line, `Option id {${option.id}} is kept for the statements drawn from "## Wrong"`);
    ids.add(option.id);
    checkBound(option.text, option.line, `Option {${option.id}}`);
    checkBound(option.why, option.line, `The why of option {${option.id}}`);
    if (option.whyNot !== undefined) checkBound(option.whyNot, option.line, `The why-not of option {${option.id}}`);
    if (option.why.trim() === '') fail(option.line, `Option {${option.id}} has no "why:" line explaining why it is right or wrong`);
  }
  // A case keys the option of its id, unless a rule or the case's own pool keys the answer (then the id only names the situation).
  const casesKey = !(ruleSpec && ruleSpec.correct === undefined) && !pool?.byCase;
  for (const { spec: c, path } of flattenCases(fm.cases)) {
    if (casesKey && typeof c.id === 'string' && sections.Options && !ids.has(c.id))
      fail(lineOf(path), `Case "${c.id}" keys option {${c.id}}, which is not in "## Options"`);
  }
  if (hasOptions && sections.Options && options.length < 2) fail(sections.Options.line, 'A question needs at least two options');
  for (const [name, table] of Object.entries(fm.texts ?? {})) {
    for (const text of Object.values(table.of)) checkBound(text, lineOf(['texts', name, 'of']), `texts.${name}`);
  }
  if (ruleSpec && rule && sections.Options) checkRuleKeys(fm, ruleSpec, rule, ids, lineOf, fail);

  if (answer?.kind === 'numeric') {
    const calculator = context.calculators.get(answer.spec.calculator);
    if (!calculator) {
      fail(lineOf(['answer', 'calculator']), `Unknown calculator "${answer.spec.calculator}"; known: ${[...context.calculators.keys()].join(', ')}`);
    } else {
      const known = new Set(calculator.misconceptions.map((m) => m.id));
      answer.spec.ignore?.forEach((id, i) => {
        if (!known.has(id)) fail(lineOf(['answer', 'ignore', i]), `Calculator ${calculator.name} has no misconception "${id}"`);
      });
    }
    checkBound(answer.spec.unit, lineOf(['answer', 'unit']), 'answer.unit');
    for (const [name, arg] of Object.entries(answer.spec.args)) {
      for (const text of [arg].flat()) if (typeof text === 'string') checkBound(text, lineOf(['answer', 'args', name]), `Argument ${name}`);
    }
  }
  if ((answer?.kind === 'choice' || answer?.kind === 'multi') && !pool) {
    // A rule answer without `correct` keys the rule's result: checkRuleKeys checked it.
    const keys = answer.kind === 'choice' && answer.spec.rule && answer.spec.rule.correct === undefined ? [] : [answer.spec.correct].flat();
    keys.forEach((key, i) => {
      const path = answer.kind === 'multi' ? ['answer', 'correct', i] : ['answer', 'correct'];
      if (solePlaceholder(key) !== undefined) checkBound(key, lineOf(path), 'answer.correct');
      else if (!ids.has(key)) fail(lineOf(path), `answer.correct names option {${key}}, which is not in "## Options"`);
    });
    if (new Set(keys).size !== keys.length) fail(lineOf(['answer', 'correct']), 'answer.correct lists an option twice');
    if (answer.kind === 'multi') {
      if (keys.length !== answer.choose) {
        fail(lineOf(['choose']), `choose is ${answer.choose} but answer.correct lists ${keys.length} options`);
      }
      if (options.length > 0 && answer.choose >= options.length + (wrongPool?.show ?? 0)) {
        fail(lineOf(['choose']), `choose ${answer.choose} leaves no wrong option among ${options.length}`);
      }
    }
  }
  if (answer?.kind === 'request' || answer?.kind === 'design') {
    for (const text of collectStrings(answer.spec)) checkBound(text, lineOf(['answer']), 'The answer');
  }
  if (fm.kind !== 'multi' && fm.choose !== undefined) fail(lineOf(['choose']), 'choose applies only to multi scenarios');

  if (errors.length > 0 || !answer) return { ok: false, errors };
  const lineTable: Record<string, number> = { answer: lineOf(['answer']), params: lineOf(['params']), id: lineOf(['id']) };
  if (sections.Options) lineTable.Options = sections.Options.line;
  if (sections.Right) lineTable.Options = sections.Right.line;
  if (sections.Explanation) lineTable.Explanation = sections.Explanation.line;
  return {
    ok: true,
    definition: {
      summary: {
        id: fm.id as ScenarioId,
        title: fm.title,
        kind: fm.kind,
        area: area as AreaId,
        objectives: fm.objectives as ObjectiveId[],
        difficulty: fm.difficulty,
        file,
      },
      frontMatter: fm,
      answer,
      prompt,
      options,
      ...(pool ? { pool } : {}),
      ...(wrongPool ? { wrongPool } : {}),
      explanation,
      paramSpace: countParamSpace(fm.params),
      lines: lineTable,
    },
  };
}

function parseAnswer(
  fm: FrontMatter,
  lineOf: (path: readonly PropertyKey[]) => number,
  fail: (line: number, message: string) => void,
): AnswerDefinition | undefined {
  const pooled = typeof fm.answer === 'object' && fm.answer !== null && 'pool' in fm.answer;
  const ruled = typeof fm.answer === 'object' && fm.answer !== null && 'rule' in fm.answer;
  if (ruled && fm.kind !== 'choice') {
    fail(lineOf(['answer', 'rule']), `answer.rule keys a choice scenario, not ${fm.kind}`);
    return undefined;
  }
  const result = (answerSchemaFor(fm.kind, pooled, ruled) as z.ZodType).safeParse(fm.answer);
  if (!result.success) {
    reportIssues(result.error.issues, ['answer'], lineOf, fail, `answer for a ${fm.kind} scenario`);
    return undefined;
  }
  // A pool answer keys its right slots: they are drawn into a, b... before the shuffle.
  const pool = (result.data as { pool?: PoolAnswerSpec }).pool;
  const poolKeys = pool ? POOL_SLOTS.slice(0, pool.right) : undefined;
  switch (fm.kind) {
    case 'numeric':
      return { kind: 'numeric', spec: result.data as NumericAnswerSpec };
    case 'choice': {
      if (ruled) {
        const rule = result.data as RuleAnswerSpec;
        return { kind: 'choice', spec: { correct: rule.correct ?? '{{best}}', rule } };
      }
      return { kind: 'choice', spec: poolKeys ? { correct: poolKeys[0]! } : (result.data as { correct: string }) };
    }
    case 'multi': {
      const spec = poolKeys ? { correct: poolKeys } : (result.data as { correct: string[] });
      return { kind: 'multi', spec, choose: fm.choose ?? spec.correct.length };
    }
    case 'request':
      return { kind: 'request', spec: result.data as RequestAnswerSpec };
    case 'design':
      return { kind: 'design', spec: result.data as DesignAnswerSpec };
  }
}

function reportIssues(
  issues: readonly z.core.$ZodIssue[],
  prefix: readonly PropertyKey[],
  lineOf: (path: readonly PropertyKey[]) => number,
  fail: (line: number, message: string) => void,
  context?: string,
): void {
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    const where = path.length > 0 ? path.map(String).join('.') : (context ?? 'front matter');
    let message = issue.message;
    if (issue.code === 'unrecognized_keys') message = `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`;
    if (issue.code === 'invalid_union' && path[0] === 'params') {
      message = 'a parameter is one of { int: [min, max], step? }, { range: [min, max], step }, { pick: [...] }, { calc: "..." }';
    }
    fail(lineOf(path), `${where}: ${message}`);
  }
}

/** 0-based line of the YAML node at `path`, or of its nearest existing ancestor. */
function lineOfPath(doc: Document, lineCounter: LineCounter, path: readonly PropertyKey[]): number {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n) as unknown[], true) as { range?: [number, number, number] } | undefined;
    if (node && (isScalar(node) || isMap(node) || 'range' in node) && node.range) {
      // For a key whose value is a block, point at the key: search the map pair.
      return lineCounter.linePos(keyOffset(doc, path.slice(0, n)) ?? node.range[0]).line;
    }
  }
  return 1;
}

function keyOffset(doc: Document, path: readonly PropertyKey[]): number | undefined {
  if (path.length === 0) return undefined;
  const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1) as unknown[], true);
  if (!isMap(parent)) return undefined;
  const last = path[path.length - 1];
  const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === last);
  return isScalar(pair?.key) ? pair.key.range?.[0] : undefined;
}

interface Sections {
  prompt: { line: number; lines: BodyLine[] };
  Options?: { line: number; lines: BodyLine[] };
  Right?: { line: number; lines: BodyLine[] };
  Wrong?: { line: number; lines: BodyLine[] };
  Explanation?: { line: number; lines: BodyLine[] };
}

/**
 * `cases:` each need an `id` (what `{{case}}` becomes) and the same fields, so every case binds
 * every placeholder; a case's fields may use the parameters above it. They bind `case` and the fields.
 */
function checkCases(
  fm: FrontMatter,
  bound: Set<string>,
  lineOf: (path: readonly PropertyKey[]) => number,
  fail: (line: number, message: string) => void,
): void {
  const cases = flattenCases(fm.cases);
  if (fm.draw !== 'pick-then-shuffle') fail(lineOf(['cases']), 'cases are picked by draw: pick-then-shuffle; add it');
  const fieldsOf = (c: Readonly<Record<string, unknown>>): string =>
    Object.keys(c)
      .filter((k) => k !== 'id')
      .sort()
      .join(', ');
  const ids = new Set<string>();
  const fieldNames = new Set<string>();
  cases.forEach(({ spec: c, path }) => {
    const id = c.id;
    if (typeof id !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(id))
      fail(lineOf(path), 'Each case needs an id: lowercase letters, digits and dashes, naming the option it keys');
    else if (ids.has(id)) fail(lineOf(path), `Case id "${id}" is used twice`);
    else ids.add(id);
    if (fieldsOf(c) !== fieldsOf(cases[0]!.spec))
      fail(lineOf(path), `Every case needs the same fields as the first (${fieldsOf(cases[0]!.spec)}), not ${fieldsOf(c)}`);
    // A field sees the parameters above and the fields before it in its case.
    const earlier = new Set(bound);
    for (const [name, value] of Object.entries(c)) {
      if (name === 'id' || Array.isArray(value)) continue;
      if (isParamSpec(value)) {
        const problem = checkParamSpec(name, value, earlier);
        if (problem)
          fail(
            lineOf([...path, name]),
            problem.replace(/^Parameter/, 'Case field').replace('a parameter defined above it', 'a parameter above or a field before it'),
          );
        for (const n of boundNames(name, value)) {
          earlier.add(n);
          fieldNames.add(n);
        }
        continue;
      }
      if (typeof value === 'string')
        for (const p of findPlaceholders(value))
          if (!earlier.has(p)) fail(lineOf([...path, name]), `Case field ${name} uses {{${p}}}, which no parameter above or field before it binds`);
      earlier.add(name);
      fieldNames.add(name);
    }
  });
  bound.add('case');
  for (const name of fieldNames) bound.add(name);
}

/** The pool spec of an answer before it is validated, to know whether to read the pools. */
function poolOf(answer: unknown): PoolAnswerSpec | undefined {
  if (typeof answer !== 'object' || answer === null || !('pool' in answer)) return undefined;
  const pool = (answer as { pool: unknown }).pool;
  if (typeof pool !== 'object' || pool === null) return undefined;
  const { right, wrong } = pool as { right?: unknown; wrong?: unknown };
  return typeof right === 'number' && typeof wrong === 'number' ? { right, wrong } : undefined;
}

/** The "## Right" and "## Wrong" pools, checked against how many of each a variant shows. */
function parsePool(
  spec: PoolAnswerSpec,
  sections: Sections,
  kind: 'choice' | 'multi',
  line: number,
  lastLine: number,
  fail: (line: number, message: string) => void,
): PoolDefinition | undefined {
  const read = (name: 'Right' | 'Wrong', shown: number): PoolEntry[] => {
    const section = sections[name];
    if (!section) {
      fail(lastLine, `answer.pool needs a "## ${name}" section listing the ${name.toLowerCase()} statements`);
      return [];
    }
    const entries = parsePoolEntries(section.lines, name, fail);
    if (entries.length < shown) fail(section.line, `answer.pool shows ${shown} ${name.toLowerCase()} statements but "## ${name}" has ${entries.length}`);
    return entries;
  };
  const right = read('Right', spec.right);
  const wrong = read('Wrong', spec.wrong);
  if (kind === 'choice' && spec.right !== 1) fail(line, `answer.pool.right is ${spec.right}, but a choice question has one right option`);
  if (kind === 'multi' && spec.right < 2) fail(line, 'answer.pool.right is 1: a multi question chooses at least two (make it a choice question)');
  if (spec.right + spec.wrong > POOL_SLOTS.length) fail(line, `answer.pool shows ${spec.right + spec.wrong} options; at most ${POOL_SLOTS.length}`);
  const texts = new Map<string, number>();
  for (const entry of [...right, ...wrong]) {
    const first = texts.get(entry.text);
    if (first !== undefined) fail(entry.line, `This statement repeats the one on line ${first}`);
    else texts.set(entry.text, entry.line);
  }
  return { right, wrong, show: spec };
}

const POOL_ENTRY_START = /^[-*]\s+(.*)$/;

/** Pool entries: `- text`, continued on indented lines, then an indented `why: ...`, as options without ids. */
function parsePoolEntries(lines: readonly BodyLine[], section: string, fail: (line: number, message: string) => void): PoolEntry[] {
  const entries: { text: string[]; why: string[]; line: number; inWhy: boolean }[] = [];
  for (const l of lines) {
    if (l.text.trim() === '') continue;
    const start = POOL_ENTRY_START.exec(l.text);
    if (start) {
      if (OPTION_START.test(l.text)) fail(l.line, `Pool statements have no {id}: the options they fill are a, b, c... (remove the id)`);
      entries.push({ text: [start[1]!], why: [], line: l.line, inWhy: false });
      continue;
    }
    const current = entries.at(-1);
    if (!current || !/^\s+\S/.test(l.text)) {
      fail(l.line, `In "## ${section}", each statement starts "- text" and its other lines (and "why:") are indented`);
      continue;
    }
    const why = WHY.exec(l.text);
    if (why) {
      if (current.inWhy) fail(l.line, `This statement has two "why:" lines`);
      current.inWhy = true;
      current.why.push(why[1]!);
    } else (current.inWhy ? current.why : current.text).push(l.text.trim());
  }
  const out = entries.map((e) => ({ text: e.text.join(' ').trim(), why: e.why.join('\n').trim(), line: e.line }));
  for (const e of out) if (e.why === '') fail(e.line, 'This statement has no "why:" line saying why it is right or wrong');
  return out;
}

function splitSections(body: readonly BodyLine[], fail: (line: number, message: string) => void): Sections {
  const sections: Sections = { prompt: { line: body[0]?.line ?? 1, lines: [] } };
  let current = sections.prompt;
  let fence = false;
  for (const l of body) {
    if (/^\s*(```|~~~)/.test(l.text)) fence = !fence;
    const heading = fence ? null : /^##\s+(.+?)\s*$/.exec(l.text);
    if (heading) {
      const name = heading[1]!;
      if (!(SECTIONS as readonly string[]).includes(name)) {
        fail(l.line, `Unknown section "## ${name}"; sections are ${SECTIONS.map((s) => `"## ${s}"`).join(', ')} (use ### inside a prompt)`);
        current = { line: l.line, lines: [] };
        continue;
      }
      if (sections[name as SectionName]) fail(l.line, `Section "## ${name}" appears twice`);
      current = { line: l.line, lines: [] };
      sections[name as SectionName] = current;
      continue;
    }
    current.lines.push(l);
  }
  return sections;
}

const OPTION_START = /^[-*]\s+\{([a-z0-9][a-z0-9-]*)\}\s+(.*)$/;
const WHY = /^\s+why:\s?(.*)$/;
const WHY_NOT = /^\s+why-not:\s?(.*)$/;

/**
 * Options: `- {id} text`, continued on indented lines, then an indented `why: ...` that may
 * also continue on indented lines, and optionally `why-not: ...` after it: then `why` is shown
 * when the option is the key and `why-not` when it is not (an option keyed by a case).
 */
function parseOptions(lines: readonly BodyLine[], fail: (line: number, message: string) => void): OptionDefinition[] {
  const options: { id: string; text: string[]; why: string[]; whyNot?: string[]; line: number; part: 'text' | 'why' | 'whyNot' }[] = [];
  for (const l of lines) {
    if (l.text.trim() === '') continue;
    const start = OPTION_START.exec(l.text);
    if (start) {
      options.push({ id: start[1]!, text: [start[2]!], why: [], line: l.line, part: 'text' });
      continue;
    }
    const current = options.at(-1);
    if (!current || !/^\s+\S/.test(l.text)) {
      fail(l.line, 'In "## Options", each option starts "- {id} text" and its other lines (and "why:") are indented');
      continue;
    }
    const why = WHY.exec(l.text);
    const whyNot = WHY_NOT.exec(l.text);
    if (why) {
      if (current.part !== 'text') fail(l.line, `Option {${current.id}} has two "why:" lines`);
      current.part = 'why';
      current.why.push(why[1]!);
    } else if (whyNot) {
      if (current.part !== 'why') fail(l.line, `Option {${current.id}} has a "why-not:" line that does not follow its "why:"`);
      current.part = 'whyNot';
      current.whyNot = [whyNot[1]!];
    } else (current.part === 'text' ? current.text : current.part === 'why' ? current.why : current.whyNot!).push(l.text.trim());
  }
  return options.map((o) => ({
    id: o.id,
    text: o.text.join(' ').trim(),
    why: o.why.join('\n').trim(),
    ...(o.whyNot ? { whyNot: o.whyNot.join('\n').trim() } : {}),
    line: o.line,
  }));
}

/** Ids of the statements `answer.wrong-pool` draws: wrong-1, wrong-2... (instance.ts). */
const WRONG_POOL_ID = /^wrong-\d+$/;

type TextTables = NonNullable<FrontMatter['texts']>;

/**
 * `name: { each: [a, b], by, of }` becomes `name_a` and `name_b`, with `@` in `by` and in the
 * texts replaced by the slot; each takes the written table's place in the lookup order.
 */
export function expandTextTables(texts: TextTables): { texts: TextTables; origins: Map<string, string>; repeated: string[] } {
  const out: TextTables = {};
  const origins = new Map<string, string>();
  const repeated: string[] = [];
  for (const [name, table] of Object.entries(texts)) {
    const { each, ...rest } = table;
    const entries =
      each === undefined
        ? [[name, rest] as const]
        : each.map(
            (slot) =>
              [
                `${name}_${slot}`,
                {
                  by: rest.by.replaceAll('@', slot),
                  of: Object.fromEntries(Object.entries(rest.of).map(([value, text]) => [value, text.replaceAll('@', slot)])),
                },
              ] as const,
          );
    for (const [bound, expanded] of entries) {
      if (bound in out) repeated.push(bound);
      out[bound] = expanded;
      if (each !== undefined) origins.set(bound, name);
    }
  }
  return { texts: out, origins, repeated };
}

/**
 * The values a text that is one placeholder can take, when the front matter lists them: a pick
 * (or a field of picked objects), `case`, or a case field. Undefined when unknown (an int, a
 * calc, a rule output, a value with placeholders of its own).
 */
function possibleValues(fm: FrontMatter, text: string): RuleValue[] | undefined {
  const name = solePlaceholder(text);
  if (name === undefined) return undefined;
  const distinct = (values: readonly unknown[]): RuleValue[] | undefined =>
    values.every((v) => v !== undefined && !(typeof v === 'string' && v.includes('{{'))) ? [...new Set(values as RuleValue[])] : undefined;
  const table = fm.texts?.[name];
  if (table) return distinct(Object.values(table.of));
  const cases = flattenCases(fm.cases).map((c) => c.spec);
  if (cases.length > 0 && (name === 'case' || name in cases[0]!))
    return cases.some((c) => isParamSpec(c[name])) ? undefined : distinct(cases.map((c) => (name === 'case' ? c.id : c[name])));
  const [param, field] = name.split('.', 2) as [string, string | undefined];
  const spec = fm.params[param];
  if (!spec || !('pick' in spec)) return undefined;
  if (field === undefined) return spec.pick.every((c) => typeof c !== 'object') ? distinct(spec.pick) : undefined;
  return distinct(spec.pick.map((c) => (typeof c === 'object' ? c[field] : undefined)));
}

/** Why a value does not fit a rule's input, or undefined when it does. */
function inputProblem(input: RuleInput, value: RuleValue): string | undefined {
  if (input.kind === 'enum')
    return typeof value === 'string' && input.values.includes(value) ? undefined : `must be one of ${input.values.join(', ')}, not ${JSON.stringify(value)}`;
  if (input.kind === 'flag') return typeof value === 'boolean' ? undefined : `must be true or false, not ${JSON.stringify(value)}`;
  return typeof value === 'number' && value >= input.min ? undefined : `must be a number of at least ${input.min}, not ${JSON.stringify(value)}`;
}

/** answer.inputs against the rule's declared inputs: names known, none missing, every listed value accepted. */
function checkRuleInputs(
  fm: FrontMatter,
  spec: RuleAnswerSpec,
  rule: Rule,
  bound: ReadonlySet<string>,
  lineOf: (path: readonly PropertyKey[]) => number,
  fail: (line: number, message: string) => void,
): void {
  const declared = new Map(rule.inputs.map((i) => [i.name, i]));
  for (const [name, value] of Object.entries(spec.inputs)) {
    const line = lineOf(['answer', 'inputs', name]);
    const input = declared.get(name);
    if (!input) {
      fail(line, `Rule ${rule.name} has no input "${name}"; its inputs: ${rule.inputs.map((i) => i.name).join(', ')}`);
      continue;
    }
    if (typeof value !== 'string' || findPlaceholders(value).length === 0) {
      const problem = inputProblem(input, value);
      if (problem) fail(line, `answer.inputs.${name} ${problem}`);
      continue;
    }
    const unbound = findPlaceholders(value).filter((p) => !bound.has(p));
    for (const p of unbound) fail(line, `answer.inputs.${name} uses {{${p}}}, which no parameter or case binds`);
    if (unbound.length > 0) continue;
    for (const v of possibleValues(fm, value) ?? []) {
      const problem = inputProblem(input, v);
      if (problem) fail(line, `answer.inputs.${name}: ${value} can be ${JSON.stringify(v)}, but rule ${rule.name}'s input ${name} ${problem}`);
    }
  }
  for (const input of rule.inputs) {
    if (!(input.name in spec.inputs) && !(input.kind !== 'number' && input.default !== undefined)) {
      fail(lineOf(['answer', 'inputs']), `answer.inputs needs ${input.name}, an input of rule ${rule.name}`);
    }
  }
}

/**
 * The keys the rule can give, where the front matter lists every input's values: each must name
 * an option (through `keys` when given), and with `correct` too, each case must get its own id
 * from the rule (its line named), so a case keyed by hand cannot disagree with the rule.
 */
function checkRuleKeys(
  fm: FrontMatter,
  spec: RuleAnswerSpec,
  rule: Rule,
  ids: ReadonlySet<string>,
  lineOf: (path: readonly PropertyKey[]) => number,
  fail: (line: number, message: string) => void,
): void {
  for (const [result, id] of Object.entries(spec.keys ?? {})) {
    if (!ids.has(id)) fail(lineOf(['answer', 'keys', result]), `answer.keys maps ${result} to {${id}}, which is not in "## Options"`);
  }
  const keyOf = (inputs: Readonly<Record<string, RuleValue>>): string | undefined => {
    try {
      const best = String(rule.apply(inputs).best);
      return spec.keys ? (spec.keys[best] ?? `(${best}, which answer.keys does not map)`) : best;
    } catch {
      return undefined; // a bad input was reported by checkRuleInputs
    }
  };
  const entries = Object.entries(spec.inputs);
  const located = flattenCases(fm.cases);
  const cases = located.map((c) => c.spec);
  const caseNames = new Set(['case', ...Object.keys(cases[0] ?? {})]);
  const fromCases = entries.some(([, v]) => typeof v === 'string' && caseNames.has(solePlaceholder(v) ?? ''));
  if (spec.correct !== undefined && cases.length > 0 && fromCases) {
    cases.forEach((c, i) => {
      const values: Record<string, RuleValue> = { case: String(c.id) };
      for (const [name, v] of Object.entries(c)) if (!isParamSpec(v) && !Array.isArray(v)) values[name] = v;
      const inputs: Record<string, RuleValue> = {};
      for (const [name, v] of entries) {
        const sole = typeof v === 'string' ? solePlaceholder(v) : undefined;
        if (sole === undefined && typeof v === 'string' && findPlaceholders(v).length > 0) return; // not from the case alone
        const value = sole === undefined ? v : values[sole];
        if (value === undefined) return;
        inputs[name] = value;
      }
      const key = keyOf(inputs);
      const expected = fillText(spec.correct!, values, { raw: true });
      if (key !== undefined && key !== expected) {
        fail(lineOf(located[i]!.path), `Case "${String(c.id)}" keys {${expected}}, but rule ${rule.name} gives {${key}} for ${JSON.stringify(inputs)}`);
      }
    });
    return;
  }
  if (spec.correct !== undefined) return;
  // Every combination of listed input values must key an existing option.
  let combos: Record<string, RuleValue>[] = [{}];
  for (const [name, v] of entries) {
    const values = typeof v === 'string' && findPlaceholders(v).length > 0 ? possibleValues(fm, v) : [v];
    if (!values) return;
    combos = combos.flatMap((c) => values.map((x) => ({ ...c, [name]: x })));
    if (combos.length > 500) return;
  }
  for (const combo of combos) {
    const key = keyOf(combo);
    if (key !== undefined && !ids.has(key))
      fail(lineOf(['answer', 'rule']), `Rule ${rule.name} gives {${key}} for ${JSON.stringify(combo)}, which is not in "## Options"`);
  }
}
