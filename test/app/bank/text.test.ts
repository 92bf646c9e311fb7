import { describe, expect, it } from 'vitest';
import { fillText } from '../../../app/bank/template.ts';
import { articleFor, daysInMonth, findDateProblems, findTextProblems, isValidDate, pluralize, withArticle } from '../../../app/bank/text.ts';

describe('articleFor', () => {
  it.each([
    // Vowel and consonant sounds, not letters.
    ['eventually', 'an'],
    ['Accounts', 'an'],
    ['`Accounts`', 'an'],
    ['item', 'an'],
    ['user', 'a'],
    ["user's", 'a'],
    ['unique', 'a'],
    ['unit', 'a'],
    ['uniform', 'a'],
    ['usual', 'a'],
    ['utility', 'a'],
    ['European', 'a'],
    ['one-time', 'a'],
    ['one', 'a'],
    ['once-a-day', 'a'],
    ['update', 'an'],
    ['unindexed', 'an'],
    ['unbounded', 'an'],
    ['hour', 'an'],
    ['hourly', 'an'],
    ['honest', 'an'],
    ['historic', 'a'],
    ['table', 'a'],
    ['only', 'an'],
    // Acronyms by letter name.
    ['RCU', 'an'],
    ['WCU', 'a'],
    ['SDK', 'an'],
    ['LSI', 'an'],
    ['LSIs', 'an'],
    ['GSI', 'a'],
    ['S3', 'an'],
    ['FAQ', 'an'],
    ['HTTP', 'an'],
    ['MB', 'an'],
    ['IAM', 'an'],
    ['AWS', 'an'],
    ['UUID', 'a'],
    ['UTF-8', 'a'],
    ['TTL', 'a'],
    // Acronyms said as words.
    ['DAX', 'a'],
    ['JSON', 'a'],
    ['REST', 'a'],
    ['SKU', 'a'],
    ['SET', 'a'],
    ['UPDATE', 'an'],
    ['SQL', 'either'],
    // Numbers as they are said.
    ['8', 'an'],
    ['8.5', 'an'],
    ['80', 'an'],
    ['800', 'an'],
    ['8,000', 'an'],
    ['11', 'an'],
    ['18', 'an'],
    ['11,500', 'an'],
    ['18-month', 'an'],
    ['1', 'a'],
    ['110', 'a'],
    ['180', 'a'],
    ['1,100', 'a'],
    ['1800', 'a'],
    ['4', 'a'],
    ['0.5', 'a'],
    ['$8', 'an'],
    ['$5', 'a'],
    ['', undefined],
    ['—', undefined],
  ])('%s takes %s', (word, article) => {
    expect(articleFor(word)).toBe(article);
  });

  it('writes the article in front', () => {
    expect(withArticle('11 MB')).toBe('an 11 MB');
    expect(withArticle('user')).toBe('a user');
  });
});

describe('pluralize', () => {
  it.each([
    [1, 'read', undefined, 'read'],
    [0, 'read', undefined, 'reads'],
    [2, 'read', undefined, 'reads'],
    [9, 'node', undefined, 'nodes'],
    [0.5, 'unit', undefined, 'units'],
    [2, 'index', undefined, 'indexes'],
    [2, 'index', 'indices', 'indices'],
    [3, 'entry', undefined, 'entries'],
    [3, 'batch', undefined, 'batches'],
    [3, 'day', undefined, 'days'],
  ])('%d %s (%s) → %s', (n, singular, plural, expected) => {
    expect(pluralize(n, singular, plural)).toBe(expected);
  });
});

describe('dates', () => {
  it.each([
    [9, 31, undefined, false],
    [9, 30, undefined, true],
    [2, 29, undefined, true],
    [2, 29, 2024, true],
    [2, 29, 2023, false],
    [2, 29, 1900, false],
    [2, 29, 2000, true],
    [2, 30, undefined, false],
    [4, 31, 2024, false],
    [12, 31, 2024, true],
    [1, 0, 2024, false],
    [13, 1, 2024, false],
  ])('month %d day %d (year %s) exists: %s', (month, day, year, valid) => {
    expect(isValidDate(month, day, year)).toBe(valid);
  });

  it('knows the length of each month', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(m, 2023))).toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
  });

  it.each([
    ['Due on September 31.', ['"September 31" is not a date: September has 30 days']],
    ['Due on 31 September 2024.', ['"31 September 2024" is not a date: September 2024 has 30 days']],
    ['From Feb 30 onwards', ['"Feb 30" is not a date: February has 29 days']],
    ['between 2024-09-01 and 2024-09-31', ['"2024-09-31" is not a date: September 2024 has 30 days']],
    ['on 2023-02-29', ['"2023-02-29" is not a date: February 2023 has 28 days']],
    ['on 2024-13-01', ['"2024-13-01" is not a date: there is no month 13']],
    ['on September 30, 2024-02-29 and 31 December', []],
    ['You may 31 times retry', []],
  ])('%s', (text, messages) => {
    expect(findDateProblems(text).map((p) => p.message)).toEqual(messages);
  });
});

describe('findTextProblems', () => {
  const messages = (html: string): string[] => findTextProblems(html).map((p) => p.message);

  it.each([
    // Articles.
    ['<p>Use a eventually consistent read.</p>', ['"a eventually" should be "an eventually"']],
    ['<p>Create a <code>Accounts</code> table.</p>', ['"a `Accounts`" should be "an `Accounts`"']],
    ['<p>An user signs in; a hour later, a 8 KB item.</p>', ['"An user" should be "a user"', '"a hour" should be "an hour"', '"a 8" should be "an 8"']],
    ['<p>It is an LSI, an RCU, an SDK, an S3 bucket, an FAQ, an 11 KB item, an 18-month plan, an 80% hit ratio.</p>', []],
    ['<p>A user, a unique key, a one-time fee, a 1 KB item, a GSI, a DAX node, a UUID, an hour.</p>', []],
    ['<p>Plan A is cheaper; zone A or B.</p>', []],
    ['<p>Set <code>a = :v</code> with an <code>UpdateItem</code>.</p>', []],
    ['<ul><li>Pick a</li><li>Item two</li></ul>', []],
    ['<pre><code>{ "a": "x" }</code></pre>', []],
    // Counts.
    ['<p>It makes 1 reads and 2 write.</p>', ['"1 reads" should be "1 read"', '"2 write" should be "2 writes"']],
    ['<p>A cluster of 1 nodes costs 9 node-hours; 3 node.</p>', ['"1 nodes" should be "1 node"', '"3 node" should be "3 nodes"']],
    ['<p>It needs 2 read units, 40,000 read and 40,000 write units, 1 read per second, 9 nodes.</p>', []],
    ['<p>0.5 units, 1 item, 1,000 items, 2 minutes per day.</p>', []],
    ['<p>Wait 5 minute, then 2 second per call.</p>', ['"5 minute" should be "5 minutes"', '"2 second" should be "2 seconds"']],
    ['<p>Step 1 writes the item; the guide says "4 read, 4 write".</p>', []],
    // "(s)".
    [
      '<p>It makes 3 read(s) and 1 index(es).</p>',
      [
        '"read(s)": make the count agree (1 read, 2 reads) instead of writing "(s)"',
        '"index(es)": make the count agree (1 read, 2 reads) instead of writing "(s)"',
      ],
    ],
    // Dates, in prose and in code.
    ['<p>Orders placed on <code>2024-09-31</code>.</p>', ['"2024-09-31" is not a date: September 2024 has 30 days']],
  ])('%s', (html, expected) => {
    expect(messages(html)).toEqual(expected);
  });
});

describe('fillText: articles and counts agree with the values', () => {
  it.each([
    ['a {{size}} KB item', { size: 8 }, 'an 8 KB item'],
    ['a {{size}} KB item', { size: 11 }, 'an 11 KB item'],
    ['a {{size}} KB item', { size: 1 }, 'a 1 KB item'],
    ['an {{size}} KB item', { size: 4 }, 'a 4 KB item'],
    ['A {{who}} signs in.', { who: 'user' }, 'A user signs in.'],
    ['A {{who}} signs in.', { who: 'employee' }, 'An employee signs in.'],
    ['Create a `{{table}}` table.', { table: 'Accounts' }, 'Create an `Accounts` table.'],
    ['Make a **{{mode}}** read.', { mode: 'eventually consistent' }, 'Make an **eventually consistent** read.'],
    ['a {{n}}', { n: 1_100 }, 'a 1,100'],
    ['{{n}} {{n|plural:node}}', { n: 1 }, '1 node'],
    ['{{n}} {{n|plural:node}}', { n: 9 }, '9 nodes'],
    ['{{n}} global secondary {{n|plural:index:indexes}}', { n: 0 }, '0 global secondary indexes'],
    ['{{n}} eventually consistent {{n|plural:read}}', { n: 1 }, '1 eventually consistent read'],
    ['Plan a{{x}}', { x: 'e' }, 'Plan ae'],
  ])('%s with %j → %s', (template, params, expected) => {
    expect(fillText(template, params)).toBe(expected);
  });

  it('leaves articles alone in raw text (calculator arguments, JSON)', () => {
    expect(fillText('a {{size}}', { size: 8 }, { raw: true })).toBe('a 8');
  });

  it('refuses a count filter on a value that is not a number, naming it', () => {
    expect(() => fillText('{{who|plural:user}}', { who: 'x' })).toThrow('{{who|plural:user}} needs a number, but who is "x"');
  });
});
