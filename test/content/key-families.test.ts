/**
 * The keys and core families written in markdown (issue 12), checked on their rendered variants:
 * what their derivers' tests asserted before, now asserted of what a learner sees.
 */
import { describe, expect, it } from 'vitest';
import { loadContentBank } from '../helpers/content-bank.ts';

const bank = loadContentBank();

/** Display options, the key's text and the wrong ones' texts (tags stripped). */
function variantOf(id: string, seed: number) {
  const { variant, key } = bank.instance(id, seed);
  if (key.kind !== 'choice' && key.kind !== 'multi') throw new Error(`${id} is not a choice family`);
  if (variant.kind !== 'choice' && variant.kind !== 'multi') throw new Error(`${id} has no options`);
  const keys = new Set(key.kind === 'choice' ? [key.correct] : key.correct);
  const text = (html: string) => html.replace(/<[^>]+>/g, '');
  return {
    params: variant.params,
    prompt: text(variant.promptHtml),
    right: variant.options.filter((o) => keys.has(o.id)).map((o) => text(o.html)),
    wrong: variant.options.filter((o) => !keys.has(o.id)).map((o) => text(o.html)),
  };
}

describe('keys.count-item-collections', () => {
  it('keys one collection per partition-key value', () => {
    for (let seed = 0; seed < 50; seed++) {
      const v = variantOf('keys.count-item-collections', seed);
      expect(v.right).toEqual([Number(v.params.owners).toLocaleString('en-US')]);
    }
  });
});

describe('keys.partition-key-cardinality', () => {
  it('keys the evenly requested unique id', () => {
    for (let seed = 0; seed < 50; seed++) {
      const v = variantOf('keys.partition-key-cardinality', seed);
      expect(v.right[0]).toContain(`${String(v.params['k.idAttr'])} (`);
    }
  });
});

describe('core.item-size-names-count', () => {
  it('keys Accepted or Rejected by names plus values against 409,600 bytes', () => {
    for (let seed = 0; seed < 100; seed++) {
      const v = variantOf('core.item-size-names-count', seed);
      const n = (name: string) => Number(v.params[name]);
      const document = Number(/named document whose value is ([\d,]+) bytes/.exec(v.prompt)?.[1]?.replaceAll(',', ''));
      const total = 'document'.length + document + n('attr_count') * (n('name_bytes') + n('value_bytes'));
      expect(v.right).toEqual([
        `${total > 409_600 ? 'Rejected' : 'Accepted'}: it is ${total.toLocaleString('en-US')} bytes, ${total > 409_600 ? 'beyond' : 'within'} the limit`,
      ]);
    }
  });
});

describe('core.large-payloads', () => {
  it('keys S3 and sizes the split option by 400 KB items', () => {
    for (let seed = 0; seed < 50; seed++) {
      const v = variantOf('core.large-payloads', seed);
      expect(v.right[0]).toMatch(/^Store each file in Amazon S3/);
      const chunks = Math.ceil((Number(v.params.size_mb) * 1024) / 400).toLocaleString('en-US');
      expect(v.wrong).toContain(`Split each file over about ${chunks} items of 400 KB under one key`);
    }
  });
});

describe('core.availability-and-recovery', () => {
  it('keys nothing for an AZ, a global table for a Region and PITR for bad writes, each half as often as the AZ', () => {
    const seen: Record<string, number> = {};
    for (let seed = 0; seed < 200; seed++) {
      const v = variantOf('core.availability-and-recovery', seed);
      const risk = v.prompt.includes('Availability Zone') ? 'az' : v.prompt.includes('entire AWS Region') ? 'region' : 'bad-writes';
      seen[risk] = (seen[risk] ?? 0) + 1;
      expect(v.right[0]).toMatch(risk === 'az' ? /^Nothing/ : risk === 'region' ? /global table/ : /point-in-time/);
    }
    expect(seen.az).toBeGreaterThan(70);
    expect(seen.region).toBeGreaterThan(30);
    expect(seen['bad-writes']).toBeGreaterThan(30);
  });
});

describe('core.service-fit', () => {
  it('keys DynamoDB for key-value access at scale and another database for joins, analytics or graphs', () => {
    for (let seed = 0; seed < 100; seed++) {
      const v = variantOf('core.service-fit', seed);
      const expected = /SQL/.test(v.prompt)
        ? 'Amazon Aurora (MySQL-compatible)'
        : /petabytes/.test(v.prompt)
          ? 'Amazon Redshift'
          : /hops/.test(v.prompt)
            ? 'Amazon Neptune'
            : 'Amazon DynamoDB';
      expect(v.right).toEqual([expected]);
    }
  });
});

describe('keys.key-condition-outcome', () => {
  it('keys what DynamoDB does with the expression in the prompt', () => {
    for (let seed = 0; seed < 200; seed++) {
      const v = variantOf('keys.key-condition-outcome', seed);
      const pk = String(v.params['k.ownerAttr']);
      const expr = /KeyConditionExpression: (.*)/.exec(v.prompt)![1]!.replaceAll('&lt;', '<').replaceAll('&gt;', '>');
      const answer = v.right[0]!;
      if (!expr.startsWith(`${pk} =`)) expect(answer).toMatch(/ValidationException/);
      if (/contains|<>| IN /.test(expr) && expr.startsWith(`${pk} =`)) expect(answer).toMatch(/Invalid operator used in KeyConditionExpression/);
      if (v.params['sk.type'] === 'N' && /begins_with\(/.test(expr) && expr.startsWith(`${pk} =`)) expect(answer).toMatch(/operand type: N/);
      if (!expr.includes(pk)) expect(answer).toBe(`ValidationException: Query condition missed key schema element: ${pk}`);
      if (new RegExp(`^${pk} = :p( AND \\S+ (=|>=|<|BETWEEN) .*)?$`).test(expr)) expect(answer).toBe('It succeeds and returns the matching items');
    }
  });
});

describe('core.type-categories and core.type-for-value', () => {
  const CATEGORY: Record<string, string> = {
    S: 'scalar',
    N: 'scalar',
    B: 'scalar',
    BOOL: 'scalar',
    NULL: 'scalar',
    L: 'document',
    M: 'document',
    SS: 'set',
    NS: 'set',
    BS: 'set',
  };
  const typeOf = (option: string) => /\((\w+)\)$/.exec(option)![1]!;

  it('keys two types of the category asked, and every why names a category once', () => {
    for (let seed = 0; seed < 100; seed++) {
      const { variant, key, whyHtml } = bank.instance('core.type-categories', seed);
      if (variant.kind !== 'multi' || key.kind !== 'multi') throw new Error('expected multi');
      const category = /DynamoDB <strong>(\w+)<\/strong> types/.exec(variant.promptHtml)![1];
      for (const o of variant.options) {
        expect(CATEGORY[typeOf(o.html)] === category).toBe(key.correct.includes(o.id));
        expect(whyHtml.get(o.id)).not.toMatch(/type: a (scalar|document|set) type/);
      }
    }
  });

  it('keys the one type that fits the value, beside four it is mistaken for', () => {
    const keyed = new Set<string>();
    for (let seed = 0; seed < 100; seed++) {
      const v = variantOf('core.type-for-value', seed);
      expect(v.wrong).toHaveLength(4);
      keyed.add(typeOf(v.right[0]!));
      if (v.prompt.includes('unique tags')) expect(v.right).toEqual(['String Set (SS)']);
      if (v.prompt.includes('shipping address')) expect(v.right).toEqual(['Map (M)']);
    }
    expect(keyed.size).toBe(8);
  });
});

describe('keys.newest-items-first', () => {
  it('keys a descending Query for the newest items and an ascending one for the earliest', () => {
    for (let seed = 0; seed < 50; seed++) {
      const v = variantOf('keys.newest-items-first', seed);
      expect(v.right[0]).toContain(v.prompt.includes('most recent') ? 'ScanIndexForward: false' : 'ScanIndexForward: true');
    }
  });

  it('never offers a plain Query with Limit as a wrong answer for the earliest items, since it returns them too', () => {
    let earliest = 0;
    for (let seed = 0; seed < 100; seed++) {
      const v = variantOf('keys.newest-items-first', seed);
      if (v.prompt.includes('most recent')) continue;
      earliest++;
      expect(v.wrong.filter((t) => /^Query on \S+ with Limit: \d+/.test(t))).toEqual([]);
    }
    expect(earliest).toBeGreaterThan(10);
  });
});
