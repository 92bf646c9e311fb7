import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Calculator } from '../../../app/bank/calculator.ts';
import { loadBank } from '../../../app/bank/index.ts';
import { createLiveBank } from '../../../app/bank/live-bank.ts';
import { checkStepLabels, DEFAULT_STEP_LABELS_FILE, parseStepLabels, stepLabel, withStepLabels } from '../../../app/bank/step-labels.ts';
import { createTempContent, type TempContent } from '../../helpers/authoring-content.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');

const calculator = (stepLabels: Record<string, string[]>): Calculator<unknown> => ({
  name: 'fakeRun',
  description: 'a run',
  args: z.unknown(),
  calculate: () => ({ value: 1, unit: 'WCU', steps: [] }),
  misconceptions: [],
  stepLabels,
});

const FILE = `---
fakeRun:
  served: "Served in the run at {{rate}} a second"
  table: "Table provisioned"
---
`;

describe('parseStepLabels and checkStepLabels', () => {
  it('reads each label with its line, and finds a file that fits its calculators clean', () => {
    const { labels, errors } = parseStepLabels(FILE, 'content/steps.md');
    expect(errors).toEqual([]);
    expect(labels.get('fakeRun.table')).toEqual({ text: 'Table provisioned', line: 4 });
    expect(checkStepLabels(labels, 'content/steps.md', [calculator({ served: ['rate'], table: [] })])).toEqual([]);
  });

  it.each([
    ['a step id in capitals', FILE.replace('table:', 'Table:'), 4, 'lower-case words'],
    ['an empty label', FILE.replace('"Table provisioned"', '""'), 4, 'must not be empty'],
    ['a label written twice', FILE.replace('  table:', '  served: "x"\n  table:'), 4, 'YAML'],
    ['no front matter', 'fakeRun: {}\n', 1, 'front matter'],
  ])('reports %s at its line', (_what, source, line, message) => {
    const { errors } = parseStepLabels(source, 'content/steps.md');
    expect(errors[0]).toMatchObject({ file: 'content/steps.md', line });
    expect(errors[0]?.message).toContain(message);
  });

  it('checks the file against the calculators both ways, and each label against the values its step gives', () => {
    const { labels } = parseStepLabels(FILE, 'content/steps.md');
    expect(checkStepLabels(labels, 'content/steps.md', [calculator({ served: [], gsi: [] })])).toEqual([
      { file: 'content/steps.md', line: 3, message: 'fakeRun.served uses {{rate}}, which the step does not give; it gives none' },
      {
        file: 'content/steps.md',
        line: 1,
        message: 'Calculator fakeRun names the step "gsi" but content/steps.md has no label for it: add fakeRun: { gsi: "..." }',
      },
      { file: 'content/steps.md', line: 4, message: "fakeRun.table is the label of no calculator's step: remove it, or fix its calculator or id" },
    ]);
  });

  it('fills a named label with its figures and leaves the engine’s own labels as they are', () => {
    const { labels } = parseStepLabels(FILE, 'content/steps.md');
    const calculation = {
      value: 1,
      unit: 'WCU',
      steps: [
        { label: stepLabel('served', { rate: '1,200' }), value: '1,200 WCU' },
        { label: 'Round up to whole 1 KB blocks', value: '2' },
      ],
    };
    expect(withStepLabels(calculation, 'fakeRun', labels).steps.map((s) => s.label)).toEqual([
      'Served in the run at 1,200 a second',
      'Round up to whole 1 KB blocks',
    ]);
  });

  it('the repository’s steps.md fits the app’s calculators', () => {
    const bank = loadBank(join(ROOT, 'content'), { rootDir: ROOT });
    expect(bank.errors.filter((e) => e.file.endsWith('steps.md'))).toEqual([]);
    expect(bank.stepLabels.size).toBeGreaterThan(10);
  });
});

describe('a family whose calculator names its step labels', () => {
  let content: TempContent;
  beforeEach(() => {
    content = createTempContent();
    content.write('index/sim-gsi-write-throttle.md', readFileSync(join(ROOT, 'content/sim/gsi-write-throttle.md'), 'utf8'));
  });
  afterEach(() => content.remove());

  const labelsOf = (bank: ReturnType<typeof loadBank>): string[] => {
    const key = bank.instance('index.sim-gsi-write-throttle', 3).key;
    return key.kind === 'numeric' ? key.calculation.steps.map((s) => s.label) : [];
  };

  it('shows the labels of content/steps.md, and an edited steps.md rewords them on reload', () => {
    const bank = createLiveBank(content.contentDir);
    expect(bank.errors).toEqual([]);
    expect(labelsOf(bank)).toContain('GSI provisioned');
    content.write('steps.md', readFileSync(DEFAULT_STEP_LABELS_FILE, 'utf8').replace('gsi: "GSI provisioned"', 'gsi: "Provisioned on the GSI"'));
    bank.reload();
    expect(bank.errors).toEqual([]);
    expect(labelsOf(bank)).toContain('Provisioned on the GSI');
    const family = readFileSync(join(content.contentDir, 'index/sim-gsi-write-throttle.md'), 'utf8');
    expect(labelsOf(bank.parseSource('content/index/sim-gsi-write-throttle.md', family))).toContain('Provisioned on the GSI');
  });

  it('reports a content directory’s steps.md that lacks a calculator’s label', () => {
    content.write('steps.md', readFileSync(DEFAULT_STEP_LABELS_FILE, 'utf8').replace(/^ {2}gsi: .*\n/m, ''));
    expect(loadBank(content.contentDir).errors).toContainEqual({
      file: 'content/steps.md',
      line: 1,
      message: 'Calculator simulatedGsiThrottle names the step "gsi" but content/steps.md has no label for it: add simulatedGsiThrottle: { gsi: "..." }',
    });
  });
});
