/**
 * Which calculators are "named engine rules" (issue 12): content:stats counts a family whose
 * calculator no other family uses as free of TypeScript of its own only when that calculator is
 * a thin adapter over the engine and holds no learner-facing text. This module checks that by
 * reading the source, not a list someone keeps:
 *
 * - sentences: the module defining the calculator has no string literal of five words or more,
 *   except author-facing ones (a `description`, a zod or error `message`, the argument of a zod
 *   check such as `.refine` or `.max`, an `Error`'s text). Misconception words belong in
 *   content/misconceptions.md and working labels in the engine's calculations;
 * - calculate: the calculator's `calculate` is an engine export, or a one-expression function
 *   whose outermost call is an engine export (or a module-level helper that is itself one
 *   expression calling an engine export), e.g. `(a) => calculateStorageCost(a).calculation`.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { parse } from '@babel/parser';
import type { Expression, Node, ObjectExpression, Statement } from '@babel/types';

/** A literal of this many words or more is a sentence. */
export const SENTENCE_WORDS = 5;

/** zod checks whose last string argument is the message an author sees in content:check. */
const ZOD_MESSAGE_CALLS = new Set(['refine', 'superRefine', 'max', 'min', 'regex', 'int', 'positive', 'nonnegative', 'length', 'gte', 'lte', 'addIssue']);
/** Properties holding author-facing text. */
const AUTHOR_PROPERTIES = new Set(['description', 'message']);

export interface CalculatorCode {
  readonly name: string;
  /** Repository-relative path of the module defining it. */
  readonly file: string;
  readonly line: number;
  /** A thin adapter over an engine rule in a module without sentences. */
  readonly engineRule: boolean;
  /** Why it is not: each with its line. */
  readonly problems: readonly string[];
}

export interface Sentence {
  readonly line: number;
  readonly text: string;
}

export const words = (text: string): number => text.split(/\s+/).filter((w) => /[A-Za-z]/.test(w)).length;

function children(node: Node): Node[] {
  const out: Node[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === 'loc' || key === 'leadingComments' || key === 'trailingComments' || key === 'innerComments' || key === 'extra') continue;
    for (const v of [value].flat()) if (v && typeof v === 'object' && typeof (v as Node).type === 'string') out.push(v as Node);
  }
  return out;
}

/** The name of a call's callee: `f` in f(), `max` in z.number().max(). */
function calleeName(callee: Node): string | undefined {
  if (callee.type === 'Identifier') return callee.name;
  if (callee.type === 'MemberExpression' && callee.property.type === 'Identifier') return callee.property.name;
  return undefined;
}

/** Every literal of the module's source that `isSentence` accepts, outside author-facing places and type positions. */
export function findModuleSentences(source: string, isSentence: (text: string) => boolean): Sentence[] {
  return findSentences(parse(source, { sourceType: 'module', plugins: ['typescript', 'jsx'] }).program, isSentence);
}

/**
 * The words written in a `label:` of the module (a calculation step's label): each string or
 * template literal inside the property's value with at least `minWords` words. A label named by
 * id (`stepLabel('throttled')`) has none: its words are in content/steps.md.
 */
export function findModuleLabels(source: string, minWords = 2): Sentence[] {
  const found: Sentence[] = [];
  const literals = (node: Node): void => {
    if (node.type === 'StringLiteral' || node.type === 'TemplateLiteral') {
      const text = node.type === 'StringLiteral' ? node.value : node.quasis.map((q) => q.value.cooked ?? q.value.raw).join('…');
      if (words(text) >= minWords) found.push({ line: node.loc?.start.line ?? 0, text });
      return;
    }
    // A call's arguments are ids and figures (stepLabel('new-table', { ... })), not words.
    if (node.type === 'CallExpression') return;
    for (const child of children(node)) literals(child);
  };
  const visit = (node: Node): void => {
    if (node.type === 'ObjectProperty' && node.key.type === 'Identifier' && node.key.name === 'label') literals(node.value);
    for (const child of children(node)) visit(child);
  };
  visit(parse(source, { sourceType: 'module', plugins: ['typescript', 'jsx'] }).program);
  return found;
}

/** Every sentence-long literal in the module, outside author-facing places and type positions. */
function findSentences(root: Node, isSentence: (text: string) => boolean = (text) => words(text) >= SENTENCE_WORDS): Sentence[] {
  const found: Sentence[] = [];
  const visit = (node: Node, authorFacing: boolean): void => {
    if (node.type.startsWith('TS') || node.type === 'ImportDeclaration' || node.type === 'ExportAllDeclaration') return;
    if (!authorFacing && (node.type === 'StringLiteral' || node.type === 'TemplateLiteral')) {
      const text = node.type === 'StringLiteral' ? node.value : node.quasis.map((q) => q.value.cooked ?? q.value.raw).join('…');
      if (isSentence(text)) found.push({ line: node.loc?.start.line ?? 0, text });
    }
    for (const child of children(node)) {
      let author = authorFacing;
      if (node.type === 'ObjectProperty' && child === node.value && node.key.type === 'Identifier' && AUTHOR_PROPERTIES.has(node.key.name)) author = true;
      if (node.type === 'CallExpression' && child !== node.callee && ZOD_MESSAGE_CALLS.has(calleeName(node.callee) ?? '')) author = true;
      if (node.type === 'NewExpression' && child !== node.callee && /(Error|Exception)$/.test(calleeName(node.callee) ?? '')) author = true;
      visit(child, author);
    }
  };
  visit(root, false);
  return found;
}

/** The identifier a one-expression body ends up calling: `f` in `f(a).calculation` or `f`. */
function coreCallee(expression: Expression): string | undefined {
  let e: Node = expression;
  for (;;) {
    if (e.type === 'MemberExpression') e = e.object;
    else if (e.type === 'CallExpression') e = e.callee;
    else if (e.type === 'TSAsExpression' || e.type === 'TSSatisfiesExpression') e = e.expression;
    else break;
  }
  return e.type === 'Identifier' ? e.name : undefined;
}

/** A function body's single expression: `x` in `=> x` or `{ return x; }`; undefined for anything longer. */
function soleExpression(body: Expression | { type: 'BlockStatement'; body: Statement[] }): Expression | undefined {
  if (body.type !== 'BlockStatement') return body;
  const [only, ...rest] = body.body;
  return rest.length === 0 && only?.type === 'ReturnStatement' && only.argument ? only.argument : undefined;
}

function propertyOf(object: ObjectExpression, name: string): Node | undefined {
  return object.properties.find((p) => (p.type === 'ObjectProperty' || p.type === 'ObjectMethod') && p.key.type === 'Identifier' && p.key.name === name);
}

/** Inspects one module: every object literal with a string `name`, a `calculate` and `misconceptions` is a calculator. */
export function inspectCalculatorModule(source: string, file: string): CalculatorCode[] {
  const ast = parse(source, { sourceType: 'module', plugins: ['typescript', 'jsx'] });
  const engineImports = new Set<string>();
  const helpers = new Map<string, Expression | undefined>();
  for (const statement of ast.program.body) {
    if (statement.type === 'ImportDeclaration' && /\/engine\/index\.ts$/.test(statement.source.value)) {
      for (const s of statement.specifiers) engineImports.add(s.local.name);
    }
    // Module-level helpers an adapter may call: function f(a) { return engine(...) } or const f = (a) => engine(...).
    const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
    if (declaration?.type === 'FunctionDeclaration' && declaration.id) helpers.set(declaration.id.name, soleExpression(declaration.body));
    if (declaration?.type === 'VariableDeclaration') {
      for (const d of declaration.declarations) {
        if (d.id.type === 'Identifier' && (d.init?.type === 'ArrowFunctionExpression' || d.init?.type === 'FunctionExpression')) {
          helpers.set(d.id.name, soleExpression(d.init.body));
        }
      }
    }
  }
  const callsEngine = (expression: Expression | undefined, depth: number): boolean => {
    const callee = expression && coreCallee(expression);
    if (callee === undefined) return false;
    if (engineImports.has(callee)) return true;
    return depth > 0 && helpers.has(callee) && callsEngine(helpers.get(callee), depth - 1);
  };

  const sentences = findSentences(ast.program);
  const calculators: CalculatorCode[] = [];
  const visit = (node: Node): void => {
    if (node.type === 'ObjectExpression') {
      const name = propertyOf(node, 'name');
      const calculate = propertyOf(node, 'calculate');
      if (name?.type === 'ObjectProperty' && name.value.type === 'StringLiteral' && calculate && propertyOf(node, 'misconceptions')) {
        const problems: string[] = [];
        let thin = false;
        if (calculate.type === 'ObjectMethod') thin = callsEngine(soleExpression(calculate.body), 1);
        else if (calculate.type === 'ObjectProperty') {
          const v = calculate.value;
          if (v.type === 'Identifier') thin = engineImports.has(v.name);
          else if (v.type === 'ArrowFunctionExpression' || v.type === 'FunctionExpression') thin = callsEngine(soleExpression(v.body), 1);
        }
        const line = calculate.loc?.start.line ?? 0;
        if (!thin) problems.push(`${file}:${line}: calculate is not one call of an engine export`);
        for (const s of sentences) problems.push(`${file}:${s.line}: a sentence in TypeScript: "${s.text.length > 60 ? `${s.text.slice(0, 57)}...` : s.text}"`);
        calculators.push({ name: name.value.value, file, line: node.loc?.start.line ?? 0, engineRule: problems.length === 0, problems });
      }
    }
    for (const child of children(node)) visit(child);
  };
  visit(ast.program);
  return calculators;
}

/** Inspects the modules at `paths` (absolute), naming them relative to rootDir; by calculator name. */
export function inspectCalculators(paths: readonly string[], rootDir: string): Map<string, CalculatorCode> {
  const byName = new Map<string, CalculatorCode>();
  for (const path of paths) {
    const source = readFileSync(path, 'utf8');
    if (!source.includes('misconceptions')) continue;
    for (const c of inspectCalculatorModule(source, relative(rootDir, path))) byName.set(c.name, c);
  }
  return byName;
}
