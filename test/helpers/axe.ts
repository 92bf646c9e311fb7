/**
 * axe-core for the browser suites: WCAG 2 A/AA rules, violations of impact "serious" or
 * "critical" block, the rest (best practice: landmarks, heading order) is advisory.
 */
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core');
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/** Also run, and written to the audit file, but not failed on: landmarks, heading order. */
export const ADVISORY_TAGS = ['best-practice'];
const BLOCKING_IMPACTS = new Set(['serious', 'critical']);

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  tags: string[];
  nodes: Array<{ target: unknown[]; failureSummary?: string }>;
}

export const isBlocking = (v: AxeViolation): boolean => v.tags.some((tag) => WCAG_TAGS.includes(tag)) && BLOCKING_IMPACTS.has(v.impact ?? '');

/**
 * Puts axe-core in every page the context opens, by the browser (addInitScript): no inline
 * script the page's Content-Security-Policy would refuse, and no 500 KB sent over per check.
 */
export async function addAxe(context: BrowserContext): Promise<void> {
  await context.addInitScript({ path: AXE_PATH });
}

/**
 * The violations on the page, which must come from a context given addAxe. `tags` narrows the
 * rules (WCAG_TAGS alone skips the advisory ones, a third of the run on a long page).
 */
export async function runAxe(page: Page, tags: readonly string[] = [...WCAG_TAGS, ...ADVISORY_TAGS]): Promise<AxeViolation[]> {
  return runAxeOnly(page, { type: 'tag', values: tags });
}

/** The rules whose verdict depends on the colours: a second colour scheme needs only these (structure does not change with it). */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/** The violations of the given rules only (COLOUR_RULES for a page already checked in the other scheme). */
export async function runAxeRules(page: Page, rules: readonly string[]): Promise<AxeViolation[]> {
  return runAxeOnly(page, { type: 'rule', values: rules });
}

async function runAxeOnly(page: Page, runOnly: { type: 'tag' | 'rule'; values: readonly string[] }): Promise<AxeViolation[]> {
  return page.evaluate(
    async (runOnly) => {
      const axe = (window as unknown as { axe: { run(context: Document, options: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
      const results = await axe.run(document, { runOnly, resultTypes: ['violations'] });
      return results.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        helpUrl: v.helpUrl,
        tags: v.tags,
        nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
      }));
    },
    { type: runOnly.type, values: [...runOnly.values] },
  );
}

export function describeViolation(name: string, v: AxeViolation): string {
  const targets = v.nodes.slice(0, 5).map((n) => `      ${JSON.stringify(n.target)}`);
  const more = v.nodes.length > 5 ? [`      … and ${v.nodes.length - 5} more`] : [];
  return [`${name}: [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})`, ...targets, ...more].join('\n');
}

/** Opens every <details> and measures whether the page scrolls sideways; a message when it does. */
export async function sidewaysScroll(page: Page, name: string): Promise<string | undefined> {
  await page.evaluate(() =>
    document.querySelectorAll('details').forEach((d) => {
      d.open = true;
    }),
  );
  const widths = await page.evaluate(() => {
    const client = document.documentElement.clientWidth;
    // The outermost element past the edge that no scrolling box holds: what to fix.
    let culprit = '';
    for (const element of Array.from(document.querySelectorAll('body *'))) {
      if (element.getBoundingClientRect().right <= client + 1) continue;
      let held = false;
      for (let parent = element.parentElement; parent && !held; parent = parent.parentElement)
        held = /auto|scroll|hidden/.test(getComputedStyle(parent).overflowX);
      if (held) continue;
      culprit = ` (${element.tagName.toLowerCase()}${element.className ? `.${String(element.className).split(' ').join('.')}` : ''}: "${(element.textContent ?? '').trim().slice(0, 40)}")`;
      break;
    }
    return { scroll: document.documentElement.scrollWidth, client, culprit };
  });
  return widths.scroll > widths.client + 1 ? `${name}: ${widths.scroll}px wide in a ${widths.client}px window${widths.culprit}` : undefined;
}

export const SCREENSHOT_DIR = join(tmpdir(), 'dynamodb-study-e2e');
/** A desktop and a phone, the widths every changed page is looked at. */
export const WIDTHS = [1280, 390] as const;

/**
 * A full-page screenshot at each width into SCREENSHOT_DIR as `<prefix>-<name>-<width>.png`,
 * and at each width the blocking axe violations and any sideways scroll added to `problems`.
 * The page's context must have been given addAxe.
 */
export async function shootAndCheck(page: Page, prefix: string, name: string, problems: string[]): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: join(SCREENSHOT_DIR, `${prefix}-${name}-${width}.png`), fullPage: true });
    problems.push(...(await runAxe(page)).filter(isBlocking).map((v) => describeViolation(`${name} at ${width}px`, v)));
    const sideways = await sidewaysScroll(page, `${name} at ${width}px`);
    if (sideways) problems.push(sideways);
  }
  await page.setViewportSize({ width: WIDTHS[0], height: 900 });
}
