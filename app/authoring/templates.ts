/**
 * The starting points of "New family": one complete scenario file per kind, kept as markdown
 * beside this file (not under content/, so the bank never loads them as questions). Each passes
 * content:check's gates; test/app/routes/authoring.test.ts holds them to it.
 */
import { readFileSync } from 'node:fs';
import type { ScenarioKind } from '../bank/types.ts';

export const TEMPLATE_KINDS: readonly ScenarioKind[] = ['choice', 'multi', 'numeric', 'request', 'design'];

export const TEMPLATE_DESCRIPTIONS: Readonly<Record<ScenarioKind, string>> = {
  choice: 'One right option among several, each with a why.',
  multi: 'Choose N: several right options, partial credit.',
  numeric: 'A figure computed by a named calculator, with its working.',
  request: 'The learner writes a DynamoDB request; it runs against a fixture table.',
  design: 'The learner writes a CreateTable request; access patterns and cost are checked.',
};

export function isTemplateKind(value: string): value is ScenarioKind {
  return (TEMPLATE_KINDS as readonly string[]).includes(value);
}

/** The template's markdown, read each time so an edited template shows without a restart. */
export function readTemplate(kind: ScenarioKind): string {
  return readFileSync(new URL(`./templates/${kind}.md`, import.meta.url), 'utf8');
}
