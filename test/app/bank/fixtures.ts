/** Temporary content directories for loader and grading tests. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const OBJECTIVES = `# Learning objectives

## math — capacity unit arithmetic
- math.rcu — read units
- math.wcu — write units

## consistency — read consistency
- consistency.gsi — reads from a GSI are eventually consistent
- consistency.strong — strong reads
`;

/** Writes `files` (path → text) under a fresh directory with OBJECTIVES.md; returns the content dir. */
export function createContentDir(files: Readonly<Record<string, string>>): string {
  const root = mkdtempSync(join(tmpdir(), 'bank-'));
  const content = join(root, 'content');
  mkdirSync(content);
  writeFileSync(join(content, 'OBJECTIVES.md'), OBJECTIVES);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(content, path)), { recursive: true });
    writeFileSync(join(content, path), text);
  }
  return content;
}

export const NUMERIC = `---
id: math.read-fixture
title: Reads
kind: numeric
objectives: [math.rcu]
difficulty: 1
references:
  - { title: "Reads", url: "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/read-write-operations.html" }
params:
  kb: { int: [1, 40] }
  extra: { int: [1, 1000] }
  reads: { int: [10, 500], step: 10 }
  consistency: { pick: [strong, eventual] }
answer:
  calculator: provisionedReadUnits
  args: { itemBytes: "{{kb}}*1024+{{extra}}", count: "{{reads}}", per: second, consistency: "{{consistency}}" }
  unit: RCU
---
Items of {{kb}} KB and {{extra}} bytes, {{reads}} {{consistency}} reads per second.

## Explanation
Round up to 4 KB, then multiply.
`;

export const CHOICE = `---
id: consistency.gsi-fixture
title: GSI reads
kind: choice
objectives: [consistency.gsi, consistency.strong]
difficulty: 2
references:
  - { title: "GSI", url: "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.html" }
params:
  app: { pick: ["a shop", "a bank", "a game", "a clinic"] }
  n: { int: [1, 100] }
answer: { correct: base }
---
{{app|cap}} needs its own write back at once ({{n}}).

## Options
- {base} Read the base table with ConsistentRead.
  why: Base-table reads can be strongly consistent.
- {gsi} Query the GSI with ConsistentRead set to true.
  why: GSIs reject strongly consistent reads.
- {retry} Retry the GSI until the write shows.
  why: No guarantee.
- {lsi} Add an LSI now.
  why: LSIs exist only from table creation.

## Explanation
GSI reads are **eventually** consistent.
`;

export const MULTI = `---
id: consistency.multi-fixture
title: Strong reads
kind: multi
objectives: [consistency.strong]
difficulty: 1
choose: 2
references:
  - { title: "Consistency", url: "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.ReadConsistency.html" }
params:
  n: { int: [1, 500] }
answer: { correct: [double, latest] }
---
Pick two about strong reads ({{n}}).

## Options
- {double} Costs double an eventual read.
  why: 1 RCU against 0.5.
- {latest} Sees every acknowledged write.
  why: That is what strong means.
- {gsi} Works on a global secondary index too.
  why: No.
- {default} Is the default for GetItem and Query.
  why: No.

## Explanation
Two right.
`;
