/**
 * Issue 6's language, position and coverage gates for content:check. A learner must not win by
 * picking the longest option, the one hedged option, or a favourite position; and every
 * objective, and each of the product's five topics, must be drilled by enough families.
 *
 * Per variant, `measureOptions` notes what a test-wise learner could exploit; `checkBank`
 * adds the measures up per family and the family checks here judge the totals.
 */
import { readFileSync } from 'node:fs';
import type { ScenarioDefinition } from './definition.ts';
import type { LoadedBank } from './index.ts';
import type { ContentError, ScenarioKind, Variant } from './types.ts';
import type { FamilyCheck } from './check.ts';
import type { AnswerKey, Instance } from './instance.ts';
import { fillText } from './template.ts';
import { findDateProblems, findTextProblems, type TextProblem } from './text.ts';

/**
 * Words exam writers leak answers with: hedges make the right option the careful one
 * ("usually", "can"), absolutes make distractors the reckless ones ("always", "never").
 * Whole words, case-insensitive, outside code spans (`ALL` as a projection type is no hedge).
 */
export const HEDGES = ['usually', 'typically', 'generally', 'often', 'sometimes', 'may', 'might', 'can', 'could', 'likely', 'normally'] as const;
export const ABSOLUTES = ['always', 'never', 'only', 'all', 'none', 'must', 'guaranteed', 'guarantees', 'automatically'] as const;
export const QUALIFIERS: readonly string[] = [...HEDGES, ...ABSOLUTES];

const QUALIFIER_WORD = new RegExp(`\\b(${QUALIFIERS.join('|')})\\b`, 'gi');
const ABSOLUTE_WORD = new RegExp(`\\b(${ABSOLUTES.join('|')})\\b`, 'i');

const ENTITIES: Readonly<Record<string, string>> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&nbsp;': ' ' };

/** What a learner reads of an option: tags stripped, entities decoded, spaces collapsed. */
export function optionText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (e) => ENTITIES[e] ?? e)
    .replace(/\s+/g, ' ')
    .trim();
}

/** The qualifiers an option uses, lowercased; code spans do not count. */
export function findQualifiers(html: string): string[] {
  const prose = optionText(html.replace(/<code>[\s\S]*?<\/code>/g, ' '));
  return [...prose.matchAll(QUALIFIER_WORD)].map((m) => m[1]!.toLowerCase());
}

const hasAbsolute = (html: string): boolean => ABSOLUTE_WORD.test(optionText(html.replace(/<code>[\s\S]*?<\/code>/g, ' ')));

/** What one choice or multi variant offers a test-wise learner. */
export interface OptionMeasures {
  readonly optionCount: number;
  /** Display positions (0-based) of the right options. */
  readonly keyPositions: readonly number[];
  /** The right option that is strictly longer than every other option, if any. */
  readonly strictLongestKey?: string;
  /** A right option is (one of) the longest. */
  readonly keyAmongLongest: boolean;
  /** A right option is strictly the shortest ("never pick the longest" would be a tell too). */
  readonly keyStrictlyShortest?: boolean;
  /** That right option. */
  readonly strictShortestKey?: string;
  /** The right option that alone, with the other right options, carries a qualifier: no distractor does. */
  readonly onlyQualifiedKey?: string;
  /** The qualifiers that right option uses. */
  readonly onlyQualifiedWords?: readonly string[];
  /** The distractor that is the only option with an absolute ("always", "never"...). */
  readonly loneAbsoluteDistractor?: string;
}

export function measureOptions(variant: Variant, key: AnswerKey): OptionMeasures | undefined {
  if ((variant.kind !== 'choice' && variant.kind !== 'multi') || (key.kind !== 'choice' && key.kind !== 'multi')) return undefined;
  const right = new Set(key.kind === 'choice' ? [key.correct] : key.correct);
  const options = variant.options.map((o, position) => {
    const words = findQualifiers(o.html);
    return { id: o.id, position, length: optionText(o.html).length, words, qualified: words.length > 0, absolute: hasAbsolute(o.html) };
  });
  const longest = Math.max(...options.map((o) => o.length));
  const atLongest = options.filter((o) => o.length === longest);
  const shortest = Math.min(...options.map((o) => o.length));
  const atShortest = options.filter((o) => o.length === shortest);
  const qualified = options.filter((o) => o.qualified);
  const absolute = options.filter((o) => o.absolute);
  const strict = atLongest.length === 1 && right.has(atLongest[0]!.id) ? atLongest[0]!.id : undefined;
  const onlyQualified = qualified.length > 0 && qualified.every((o) => right.has(o.id)) ? qualified[0]!.id : undefined;
  const loneAbsolute = absolute.length === 1 && !right.has(absolute[0]!.id) ? absolute[0]!.id : undefined;
  const strictShortest = atShortest.length === 1 && right.has(atShortest[0]!.id) ? atShortest[0]!.id : undefined;
  return {
    optionCount: options.length,
    keyPositions: options.filter((o) => right.has(o.id)).map((o) => o.position),
    ...(strict === undefined ? {} : { strictLongestKey: strict }),
    keyAmongLongest: atLongest.some((o) => right.has(o.id)),
    keyStrictlyShortest: strictShortest !== undefined,
    ...(strictShortest === undefined ? {} : { strictShortestKey: strictShortest }),
    ...(onlyQualified === undefined ? {} : { onlyQualifiedKey: onlyQualified, onlyQualifiedWords: qualified.flatMap((o) => o.words) }),
    ...(loneAbsolute === undefined ? {} : { loneAbsoluteDistractor: loneAbsolute }),
  };
}

/** Running totals of `measureOptions` over a family's seeds. */
export interface OptionTally {
  /** Variants measured (choice and multi only). */
  measured: number;
  keyLongestStrict: number;
  keyLongestWithTies: number;
  keyShortestStrict: number;
  keyOnlyQualifier: number;
  distractorOnlyAbsolute: number;
  /** How often the key sat at each position, and how often it would by chance. */
  positions: number[];
  expectedPositions: number[];
  /** Which option id caused each count most, so an error can name its line. */
  strictLongestIds: Map<string, number>;
  strictShortestIds: Map<string, number>;
  onlyQualifiedIds: Map<string, number>;
  onlyQualifiedWords: Map<string, number>;
  loneAbsoluteIds: Map<string, number>;
}

export function createTally(): OptionTally {
  return {
    measured: 0,
    keyLongestStrict: 0,
    keyLongestWithTies: 0,
    keyShortestStrict: 0,
    keyOnlyQualifier: 0,
    distractorOnlyAbsolute: 0,
    positions: [],
    expectedPositions: [],
    strictLongestIds: new Map(),
    strictShortestIds: new Map(),
    onlyQualifiedIds: new Map(),
    onlyQualifiedWords: new Map(),
    loneAbsoluteIds: new Map(),
  };
}

const bump = (map: Map<string, number>, id: string | undefined): void => {
  if (id !== undefined) map.set(id, (map.get(id) ?? 0) + 1);
};

export function addToTally(tally: OptionTally, m: OptionMeasures): void {
  tally.measured++;
  if (m.strictLongestKey !== undefined) tally.keyLongestStrict++;
  if (m.keyAmongLongest) tally.keyLongestWithTies++;
  if (m.keyStrictlyShortest === true) tally.keyShortestStrict++;
  if (m.onlyQualifiedKey !== undefined) tally.keyOnlyQualifier++;
  if (m.loneAbsoluteDistractor !== undefined) tally.distractorOnlyAbsolute++;
  bump(tally.strictLongestIds, m.strictLongestKey);
  bump(tally.strictShortestIds, m.strictShortestKey);
  bump(tally.onlyQualifiedIds, m.onlyQualifiedKey);
  bump(tally.loneAbsoluteIds, m.loneAbsoluteDistractor);
  for (const word of new Set(m.onlyQualifiedWords)) bump(tally.onlyQualifiedWords, word);
  for (let i = 0; i < m.optionCount; i++) {
    tally.expectedPositions[i] = (tally.expectedPositions[i] ?? 0) + m.keyPositions.length / m.optionCount;
    tally.positions[i] ??= 0;
  }
  for (const p of m.keyPositions) tally.positions[p] = (tally.positions[p] ?? 0) + 1;
}

/** The id counted most often, for pointing an error at that option's line. */
export function mostFrequent(map: ReadonlyMap<string, number>): string | undefined {
  let best: string | undefined;
  let count = 0;
  for (const [id, n] of map) if (n > count) [best, count] = [id, n];
  return best;
}

// ---- statistics: the chi-square test of the key's position against a uniform shuffle

/** ln Γ(x), Lanczos approximation (g = 7), accurate to ~1e-15 for x > 0. */
function lnGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
    9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  const y = x - 1;
  let a = c[0]!;
  const t = y + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (y + i);
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Q(s, x), the regularised upper incomplete gamma function (series or continued fraction). */
function upperGamma(s: number, x: number): number {
  if (x <= 0) return 1;
  const front = Math.exp(-x + s * Math.log(x) - lnGamma(s));
  if (x < s + 1) {
    let sum = 1 / s;
    let term = sum;
    for (let n = 1; n < 500 && Math.abs(term) > Math.abs(sum) * 1e-15; n++) {
      term *= x / (s + n);
      sum += term;
    }
    return Math.max(0, 1 - sum * front);
  }
  // Lentz's method for the continued fraction.
  const tiny = 1e-300;
  let b = x + 1 - s;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 500; i++) {
    const an = -i * (i - s);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return front * h;
}

/** Pearson's chi-square statistic and its p-value against the expected counts. */
export function chiSquare(observed: readonly number[], expected: readonly number[]): { statistic: number; df: number; p: number } {
  let statistic = 0;
  let cells = 0;
  observed.forEach((o, i) => {
    const e = expected[i] ?? 0;
    if (e <= 0) return;
    statistic += (o - e) ** 2 / e;
    cells++;
  });
  const df = Math.max(1, cells - 1);
  return { statistic, df, p: upperGamma(df / 2, statistic / 2) };
}

// ---- family gates

/** "Most variants": a family fails a language gate when more than this share of variants leak. */
export const MOST_VARIANTS = 0.5;
/** The key's position fails as non-uniform below this p-value. */
export const POSITION_P_VALUE = 0.001;
/** A position that never holds the key is only damning once it was expected this often. */
export const MIN_EXPECTED_PER_POSITION = 10;

const percent = (n: number, of: number): string => `${Math.round((100 * n) / Math.max(1, of))}%`;

/** The line of option `id` in the file, or of the Options heading. */
export function optionLine(definition: ScenarioDefinition, id: string | undefined): number {
  return definition.options.find((o) => o.id === id)?.line ?? definition.lines.Options ?? 1;
}

/** The mirror of key-longest: a learner told "never the longest" must not win by picking the shortest. */
export const KEY_SHORTEST_GATE: FamilyCheck = {
  id: 'key-shortest',
  run({ definition, tally }) {
    if (tally.measured === 0 || tally.keyShortestStrict / tally.measured <= MOST_VARIANTS) return [];
    const id = mostFrequent(tally.strictShortestIds);
    return [
      {
        line: optionLine(definition, id),
        message: `the right option is strictly the shortest in ${percent(tally.keyShortestStrict, tally.measured)} of ${tally.measured} variants (most often {${id}}); at most ${100 * MOST_VARIANTS}% allowed: give the key the detail the distractors have, or trim a distractor`,
      },
    ];
  },
};

/** "Eliminate the one that says always": an absolute must not mark the one wrong option. */
export const LONE_ABSOLUTE_GATE: FamilyCheck = {
  id: 'lone-absolute',
  run({ definition, tally }) {
    if (tally.measured === 0 || tally.distractorOnlyAbsolute / tally.measured <= MOST_VARIANTS) return [];
    const id = mostFrequent(tally.loneAbsoluteIds);
    return [
      {
        line: optionLine(definition, id),
        message: `one distractor alone carries an absolute (${ABSOLUTES.join(', ')}) in ${percent(tally.distractorOnlyAbsolute, tally.measured)} of ${tally.measured} variants (most often {${id}}); at most ${100 * MOST_VARIANTS}% allowed: reword it, or let other options state absolutes too`,
      },
    ];
  },
};

// ---- text: articles, counts, "(s)" and dates in every rendered variant (issue 12)

/** Where in a variant a piece of text was rendered. */
export type TextPlace = { readonly part: 'prompt' | 'explanation' | 'answer' } | { readonly part: 'option' | 'why'; readonly id: string };

const placeName = (p: TextPlace): string =>
  'id' in p ? `${p.part === 'why' ? 'the why of' : 'option'} {${p.id}}` : p.part === 'answer' ? 'the answer data' : `the ${p.part}`;

/** One kind of text problem in one place of a family, over its seeds. */
export interface TextFinding {
  readonly place: TextPlace;
  readonly problem: TextProblem;
  readonly firstSeed: number;
  /** The generated parameters of the first seed, to find the template line that rendered it. */
  readonly params: Readonly<Record<string, unknown>>;
  count: number;
}

/** Text problems of a family's variants, keyed by place and message. */
export type TextTally = Map<string, TextFinding>;

/** Every text problem of one variant: prompt, options, whys, explanation, and dates in hands-on data. */
export function measureText(instance: Instance): { place: TextPlace; problem: TextProblem }[] {
  const { variant } = instance;
  const found: { place: TextPlace; problem: TextProblem }[] = [];
  const add = (place: TextPlace, problems: readonly TextProblem[]): void => {
    for (const problem of problems) found.push({ place, problem });
  };
  add({ part: 'prompt' }, findTextProblems(variant.promptHtml));
  if (variant.kind === 'choice' || variant.kind === 'multi') {
    for (const o of variant.options) add({ part: 'option', id: o.id }, findTextProblems(o.html));
    for (const [id, html] of instance.whyHtml) add({ part: 'why', id }, findTextProblems(html));
  }
  add({ part: 'explanation' }, findTextProblems(instance.explanationHtml));
  // A request's fixture and a design's patterns are data, but a learner reads their dates too.
  if (variant.kind === 'request' || variant.kind === 'design') add({ part: 'answer' }, findDateProblems(JSON.stringify([variant.context, instance.key])));
  return found;
}

export function addTextToTally(
  tally: TextTally,
  seed: number,
  params: Readonly<Record<string, unknown>>,
  found: readonly { place: TextPlace; problem: TextProblem }[],
): void {
  for (const { place, problem } of found) {
    const key = `${placeName(place)}|${problem.message}`;
    const existing = tally.get(key);
    if (existing) existing.count++;
    else tally.set(key, { place, problem, firstSeed: seed, params, count: 1 });
  }
}

/** How many distinct text findings a family reports; the rest are counted in one line. */
export const MAX_TEXT_FINDINGS = 5;

const squash = (text: string): string => text.replace(/[*_`]/g, '').replace(/\s+/g, ' ').toLowerCase();

/**
 * The line of the template that rendered `finding`: within its section (the prompt, the option
 * and its why, the explanation), the first line that, filled with the seed's parameters, holds
 * the offending words; else the first line there that uses a deriver's text; else the section.
 */
export function textLine(definition: ScenarioDefinition, source: string | undefined, finding: TextFinding): number {
  const { place } = finding;
  const sectionStart =
    place.part === 'explanation'
      ? definition.lines.Explanation
      : 'id' in place
        ? optionLine(definition, place.id)
        : place.part === 'answer'
          ? definition.lines.answer
          : undefined;
  if (source === undefined) return sectionStart ?? definition.lines.Options ?? definition.lines.answer ?? 1;
  const lines = source.split(/\r?\n/);
  const close = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  const headings = lines.flatMap((l, i) => (i > close && /^## /.test(l) ? [i + 1] : []));
  const start = place.part === 'prompt' ? close + 2 : (sectionStart ?? 1);
  const end = place.part === 'answer' ? close : Math.min(...headings.filter((h) => h > start), lines.length + 1) - 1;
  // An option runs to the next option's line.
  const next = 'id' in place ? Math.min(...definition.options.map((o) => o.line).filter((l) => l > start), end + 1) - 1 : end;
  const wanted = squash(finding.problem.text);
  let fallback: number | undefined;
  for (let n = start; n <= next; n++) {
    const text = lines[n - 1] ?? '';
    let filled: string;
    try {
      filled = fillText(text, finding.params as never);
    } catch {
      fallback ??= text.includes('{{') ? n : undefined;
      continue;
    }
    if (squash(filled).includes(wanted)) return n;
  }
  return fallback ?? start;
}

/** Fails on any article, count, "(s)" or date problem in any variant: one is too many. */
export const TEXT_GATE: FamilyCheck = {
  id: 'text',
  run({ definition, text, source, generated }) {
    const findings = [...text.values()].sort((a, b) => a.firstSeed - b.firstSeed);
    const problems = findings.slice(0, MAX_TEXT_FINDINGS).map((f) => ({
      line: textLine(definition, source, f),
      message: `seed ${f.firstSeed}, ${placeName(f.place)}: ${f.problem.message} (in ${f.count} of ${generated} variants)`,
    }));
    if (findings.length > MAX_TEXT_FINDINGS) {
      problems.push({ line: problems[0]!.line, message: `and ${findings.length - MAX_TEXT_FINDINGS} more text problems` });
    }
    return problems;
  },
};

export const LANGUAGE_GATES: readonly FamilyCheck[] = [
  {
    id: 'key-longest',
    run({ definition, tally }) {
      if (tally.measured === 0 || tally.keyLongestStrict / tally.measured <= MOST_VARIANTS) return [];
      const id = mostFrequent(tally.strictLongestIds);
      return [
        {
          line: optionLine(definition, id),
          message: `the right option is strictly the longest in ${percent(tally.keyLongestStrict, tally.measured)} of ${tally.measured} variants (most often {${id}}); at most ${100 * MOST_VARIANTS}% allowed: lengthen a distractor or shorten the key`,
        },
      ];
    },
  },
  {
    id: 'key-only-qualifier',
    run({ definition, tally }) {
      if (tally.measured === 0 || tally.keyOnlyQualifier / tally.measured <= MOST_VARIANTS) return [];
      const id = mostFrequent(tally.onlyQualifiedIds);
      return [
        {
          line: optionLine(definition, id),
          message: `only the right option carries a qualifier in ${percent(tally.keyOnlyQualifier, tally.measured)} of ${tally.measured} variants (most often {${id}}, "${mostFrequent(tally.onlyQualifiedWords)}"); at most ${100 * MOST_VARIANTS}% allowed: drop the qualifier or give a distractor one`,
        },
      ];
    },
  },
  {
    id: 'key-position',
    run({ definition, tally }) {
      if (tally.measured === 0) return [];
      const line = definition.lines.Options ?? definition.lines.answer ?? 1;
      const counts = tally.positions.map((n) => n ?? 0);
      const { p } = chiSquare(counts, tally.expectedPositions);
      if (p < POSITION_P_VALUE) {
        return [
          {
            line,
            message: `the right option's position is not uniform: ${counts.join(' ')} over positions 1-${counts.length} (chi-square p = ${p.toExponential(1)} < ${POSITION_P_VALUE})`,
          },
        ];
      }
      const never = counts.flatMap((n, i) => (n === 0 && counts.length >= 3 && (tally.expectedPositions[i] ?? 0) >= MIN_EXPECTED_PER_POSITION ? [i + 1] : []));
      return never.length === 0
        ? []
        : [{ line, message: `the right option never sits at position ${never.join(', ')} in ${tally.measured} variants (${counts.join(' ')})` }];
    },
  },
  KEY_SHORTEST_GATE,
  LONE_ABSOLUTE_GATE,
  TEXT_GATE,
];

// ---- coverage

/** Families per objective, and per product topic, that issue 6 asks for. */
export const MIN_FAMILIES_PER_OBJECTIVE = 2;
export const MIN_FAMILIES_PER_TOPIC = 6;

export interface Topic {
  readonly name: string;
  /** What counts, in words, printed with the table. */
  readonly definition: string;
  /** A family belongs to the topic when it drills one of these objectives. */
  readonly objectives: (objective: string) => boolean;
}

/**
 * The five topics the product names. Each is the study guide's objectives for that topic, so a
 * family counts when its front matter says it drills one; a family drilling a neighbouring
 * objective (serverless.scan-cost) does not count towards serverless cost.
 */
export const PRODUCT_TOPICS: readonly Topic[] = [
  { name: 'capacity math', definition: 'drills a math.* objective', objectives: (o) => o.startsWith('math.') },
  {
    name: 'index choice',
    definition: 'drills a index.* objective (index.lsi, index.gsi, index.choose, index.no-scan)',
    objectives: (o) => o.startsWith('index.'),
  },
  { name: 'read consistency', definition: 'drills a consistency.* objective', objectives: (o) => o.startsWith('consistency.') },
  { name: 'DAX versus ElastiCache', definition: 'drills dax.vs-elasticache', objectives: (o) => o === 'dax.vs-elasticache' },
  { name: 'serverless cost', definition: 'drills serverless.cost', objectives: (o) => o === 'serverless.cost' },
];

export interface CoverageRow {
  readonly objective: string;
  readonly families: number;
  readonly kinds: string;
}

export interface TopicRow {
  readonly topic: Topic;
  readonly families: readonly string[];
  readonly kinds: string;
}

export interface CoverageReport {
  readonly objectives: CoverageRow[];
  readonly topics: TopicRow[];
  readonly errors: ContentError[];
}

const kindsOf = (families: readonly { kind: ScenarioKind }[]): string => [...new Set(families.map((f) => f.kind))].sort().join(', ');

/**
 * Coverage of `bank` against issue 6. Errors point at the objective's line in OBJECTIVES.md
 * (`objectivesFile`, shown as `objectivesName`); a topic's error at its first objective.
 */
export function checkCoverage(bank: LoadedBank, objectivesFile: string, objectivesName: string, topics: readonly Topic[] = PRODUCT_TOPICS): CoverageReport {
  const lineOf = new Map<string, number>();
  readFileSync(objectivesFile, 'utf8')
    .split(/\r?\n/)
    .forEach((text, i) => {
      const m = /^[-*]\s+([a-z][a-z0-9-]*\.[a-z0-9][a-z0-9-]*)\s/.exec(text);
      if (m) lineOf.set(m[1]!, i + 1);
    });
  const errors: ContentError[] = [];
  const allObjectives = bank.areas.flatMap((a) => a.objectives.map((o) => o.id as string));
  const objectives = allObjectives.map((objective) => {
    const families = bank.scenarios.filter((s) => s.objectives.includes(objective as never));
    if (families.length < MIN_FAMILIES_PER_OBJECTIVE) {
      errors.push({
        file: objectivesName,
        line: lineOf.get(objective) ?? 1,
        message: `[objective-coverage] ${objective} is drilled by ${families.length} famil${families.length === 1 ? 'y' : 'ies'}; needs ${MIN_FAMILIES_PER_OBJECTIVE}`,
      });
    }
    return { objective, families: families.length, kinds: kindsOf(families) };
  });
  const topicRows = topics.map((topic) => {
    const families = bank.scenarios.filter((s) => s.objectives.some((o) => topic.objectives(o)));
    const first = allObjectives.find((o) => topic.objectives(o));
    if (first === undefined) {
      errors.push({
        file: objectivesName,
        line: 1,
        message: `[topic-coverage] topic "${topic.name}" (${topic.definition}) matches no objective in ${objectivesName}`,
      });
    } else if (families.length < MIN_FAMILIES_PER_TOPIC) {
      errors.push({
        file: objectivesName,
        line: lineOf.get(first) ?? 1,
        message: `[topic-coverage] topic "${topic.name}" (${topic.definition}) is drilled by ${families.length} famil${families.length === 1 ? 'y' : 'ies'}; needs ${MIN_FAMILIES_PER_TOPIC}: ${families.map((f) => f.id).join(', ') || 'none'}`,
      });
    }
    return { topic, families: families.map((f) => f.id as string), kinds: kindsOf(families) };
  });
  return { objectives, topics: topicRows, errors };
}
