/**
 * Facts the capacity, consistency and math families teach, checked against what AWS documents:
 * each row names the source. A family that drifts from its source fails here, not in front of
 * a learner.
 */
import { describe, expect, it } from 'vitest';
import { loadContentBank } from '../../helpers/content-bank.ts';

const bank = loadContentBank();
const text = (html: string): string =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ');

function explanation(id: string, seed = 1): string {
  return text(bank.instance(id, seed).explanationHtml);
}

describe('capacity facts in the question bank', () => {
  it('loads the families under review without errors', () => {
    const ids = ['capacity.autoscaling-target', 'capacity.burst-duration', 'capacity.mode-facts', 'consistency.strong-read-facts'];
    expect(bank.errors.filter((e) => /content\/(capacity|consistency|math)\//.test(e.file))).toEqual([]);
    for (const id of ids) expect(bank.get(id), id).toBeDefined();
  });

  it.each([
    // AutoScaling.html: "Application Auto Scaling creates a pair of Amazon CloudWatch alarms"; accounts
    // show four per policy (AlarmHigh/Low, ProvisionedCapacityHigh/Low): both must be said, not only one.
    ['capacity.autoscaling-target', /"a pair" of alarms/],
    ['capacity.autoscaling-target', /4 read and 4 write alarms/],
    // AutoScaling.html: "between 20% and 90%"; the console recommends a 70 % target (switching.capacitymode, 2023 guide).
    ['capacity.autoscaling-target', /from 20 % to 90 %; the console proposes 70 %/],
    // The alarms are Application Auto Scaling's, not DynamoDB's (AutoScaling.html).
    ['capacity.mode-facts', /alarms that Application Auto Scaling creates/],
    // The 28.9 % break-even is an average utilisation (facts §4: 0.00065 / (3,600 × 0.000000625)),
    // not a share of the time the table is used.
    ['capacity.choose-mode', /average utilisation would be above about 29 %/],
  ])('%s explains %s', (id, claim) => {
    expect(explanation(id)).toMatch(claim);
  });

  it.each([
    // The 150 WCU / 70 % → 215 example is in the CLI tutorial, not on AutoScaling.html.
    ['capacity.autoscaling-target', 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/AutoScaling.CLI.html'],
    // The 150 RCU idle → 45,000 banked → 900 s at 200 RCU example is re:Post's, not burst-adaptive-capacity.html's.
    ['capacity.burst-duration', 'https://repost.aws/knowledge-center/dynamodb-spiky-workloads-short-intervals'],
  ])('%s cites %s for the example it quotes', (id, url) => {
    expect(bank.variant(id, 1).references.map((r) => r.url)).toContain(url);
  });

  // A rate that is not whole (2,000,000 a day = 23.15/s) makes "how many units" ambiguous: rounding
  // the rate first also sustains it. The question asks for the smallest figure, which is the key.
  it.each(['math.rate-reads-per-period', 'math.rate-writes-per-period', 'math.peak-hour-writes'])('%s asks for the smallest whole number of units', (id) => {
    for (const seed of [1, 2, 3])
      expect(text(bank.variant(id, seed).promptHtml)).toMatch(/smallest whole number of (read capacity units|write capacity units|WCU)/);
  });

  it('names rounding the rate first when a learner does it', () => {
    const seed = [...Array(200).keys()].find((s) => {
      const key = bank.instance('math.rate-reads-per-period', s).key;
      return key.kind === 'numeric' && key.misconceptions.some((m) => m.id === 'rounded-rate-first' && m.value !== key.calculation.value);
    })!;
    const key = bank.instance('math.rate-reads-per-period', seed).key;
    if (key.kind !== 'numeric') throw new Error('numeric family expected');
    const wrong = key.misconceptions.find((m) => m.id === 'rounded-rate-first')!.value;
    const result = bank.grade('math.rate-reads-per-period', seed, { kind: 'numeric', value: wrong });
    expect(result.verdict).toBe('incorrect');
    expect(result.kind === 'numeric' && result.misconception?.id).toBe('rounded-rate-first');
  });

  // "a 11 KB item", "a 8-byte attribute": numbers read as eleven, eight, eighteen or eighty take "an".
  it.each(['consistency.strong-read-facts', 'math.update-item-units'])('%s never writes "a" before a number said with a vowel', (id) => {
    const wrongArticle = /\b[Aa] (8\d{0,2}|11|18)(?=[ -])|\b[Aa] (8\d?|11|18),\d{3}\b/;
    for (let seed = 0; seed < 100; seed++) {
      const instance = bank.instance(id, seed);
      const { variant } = instance;
      const options = 'options' in variant ? variant.options.map((o) => o.html) : [];
      for (const html of [variant.promptHtml, instance.explanationHtml, ...options, ...instance.whyHtml.values()]) expect(text(html)).not.toMatch(wrongArticle);
    }
  });

  it.each([
    // If the looked-up attribute itself changed, the GSI might not find the item yet under its new
    // value, and no option would meet the requirement (GSI.html: GSI reads are eventually consistent).
    ['consistency.gsi-read-after-write', /\(their \S+ stays the same\)/, true],
    // "Keep the two GetItem calls ... as it is": the option must read for one call and for two.
    ['consistency.choose-read-mode', /as it is/, false],
    // PutItem over an existing item is charged for the larger of old and new (read-write-operations.html):
    // the prompt must say the item is new or the old one is as large, or the size alone is not the answer.
    ['math.item-write-units', /(new|equally large) \S+( \S+)? with a single PutItem/, true],
    // Updates inside a transaction are charged for the larger of the item before and after.
    ['math.transact-write-units', /none of them was larger before the write/, true],
  ] as const)('%s: %s present = %s', (id, pattern, present) => {
    for (let seed = 0; seed < 40; seed++) {
      const { variant } = bank.instance(id, seed);
      const all = [variant.promptHtml, ...('options' in variant ? variant.options.map((o) => o.html) : [])].map(text).join(' ');
      if (present) expect(all).toMatch(pattern);
      else expect(all).not.toMatch(pattern);
    }
  });

  it('never has an UpdateItem grow the item by more than the attribute it sets', () => {
    for (let seed = 0; seed < 200; seed++) {
      const params = bank.variant('math.update-item-units', seed).params;
      expect(Number(params['change.delta'])).toBeLessThanOrEqual(Number(params.changed));
    }
  });

  it('prices on-demand against provisioned capacity by the break-even, not "several times"', () => {
    // Per request unit: $0.625 per million on demand against $0.00065 / 3,600 per WCU-second,
    // that is 3.46 times at full use and 2.42 times at a 70 % target (facts §4).
    const ratio = 0.625e-6 / (0.00065 / 3600);
    expect(ratio).toBeCloseTo(3.46, 2);
    expect(ratio * 0.7).toBeCloseTo(2.42, 2);
    expect(text(bank.instance('capacity.choose-mode', 1).whyHtml.get('on-demand')!)).toMatch(/about 2\.4 times .* 70 % utilisation \(3\.5 times at full use\)/);
  });
});
