/**
 * The small grammar every rendered variant needs: "a" or "an" by the sound of the next word,
 * "1 node" but "9 nodes", and calendar dates that exist. The template renderer uses the first
 * two to write agreeing text (template.ts); content:check's text gate uses all three to find
 * text that does not agree (`findTextProblems`, wired in quality-gates.ts).
 *
 * Pure string functions: no I/O, no locale lookups, so a rule here is the same on every machine.
 */

// ---- articles

/**
 * Capital letters whose names start with a vowel sound: "an LSI" (ell), "an RCU" (ar),
 * "an SDK" (ess), "an FAQ" (eff), "an MB" (em), "an HTTP" (aitch), "an X-ray" (ex).
 */
const VOWEL_LETTERS = new Set('AEFHILMNORSX');

/**
 * Short all-capital words said as words, not letter by letter: "a DAX cluster", "a SKU", "a SET
 * action". Longer ones with a vowel are said as words unless listed in LETTER_BY_LETTER ("a JSON
 * document", "a REST API", "an UPDATE", but "a UUID").
 */
const SPOKEN_ACRONYMS: Readonly<Record<string, 'a' | 'an'>> = { DAX: 'a', SKU: 'a', SET: 'a', PUT: 'a', GET: 'a', MAP: 'a', ADD: 'an', AND: 'an', ALL: 'an' };
const LETTER_BY_LETTER = new Set(['UUID', 'UTF8', 'IOPS', 'OLTP']);

/** Acronyms read both ways ("a SQL query" as "sequel", "an SQL query" letter by letter): either article passes. */
const EITHER_ARTICLE = new Set(['SQL', 'PITR', 'URL']);

/** Words spelt with a vowel but said with a consonant ("a user", "a one-time fee", "a euro"). */
const CONSONANT_SOUND = /^(uni(?![nm])|us[aeiu]|ut[iea]|ur[aeiou]|ub[iu]|uk|eu|ewe|one(?![a-z])|one-|once)/;
/** Words spelt with a consonant but said with a vowel ("an hour", "an honest mistake"). */
const VOWEL_SOUND_H = /^(hour|honest|honou?r|heir)/;

/**
 * How a number is said decides its article: "an 8 KB item", "an 11 KB item", "an 18-month plan",
 * "an 800 ms wait", but "a 1 KB item", "a 110 ms wait", "a 1,100-item page" ("one thousand").
 * `digits` is the number as printed: separators, a decimal part, a leading currency sign.
 */
function numberArticle(digits: string): 'a' | 'an' {
  const plain = digits.replace(/^[$€£~]/, '');
  const whole = plain.split('.')[0] ?? '';
  // The leading group of three digits is what is said first: "11,500" is "eleven thousand".
  let lead: string;
  if (whole.includes(',')) lead = whole.split(',')[0] ?? '';
  else {
    const groups = whole.length % 3 === 0 ? 3 : whole.length % 3;
    lead = whole.length > 3 ? whole.slice(0, groups) : whole;
  }
  if (lead.startsWith('8')) return 'an';
  if (lead === '11' || lead === '18') return 'an';
  return 'a';
}

/**
 * The article the word `next` takes ("a" or "an"), or undefined when it cannot be told (an empty
 * word, punctuation, a symbol). `next` is the word as written: "user", "LSI", "8", "`Accounts`".
 */
export function articleFor(next: string): 'a' | 'an' | 'either' | undefined {
  const word = next.replace(/^[`"'“‘(*_[]+/, '');
  if (word === '') return undefined;
  if (/^[$€£~]?\d/.test(word)) return numberArticle(/^[$€£~]?[\d.,]+/.exec(word)?.[0] ?? word);
  const letters = /^[A-Za-z][A-Za-z0-9]*/.exec(word)?.[0];
  if (letters === undefined) return undefined;
  // An acronym: two or more capitals (an optional plural "s"), or a capital and digits ("S3", "EC2").
  const acronym = /^([A-Z][A-Z0-9]+)s?$/.exec(letters)?.[1] ?? (/^[A-Z]$/.test(letters) && !/^[A-Z][a-z]/.test(word) ? letters : undefined);
  if (acronym !== undefined) {
    if (EITHER_ARTICLE.has(acronym)) return 'either';
    const spoken = SPOKEN_ACRONYMS[acronym];
    if (spoken !== undefined) return spoken;
    if (acronym.length < 4 || !/[AEIOU]/.test(acronym.slice(0, -1)) || LETTER_BY_LETTER.has(acronym) || /\d/.test(acronym))
      return VOWEL_LETTERS.has(acronym[0]!) ? 'an' : 'a';
  }
  const lower = letters.toLowerCase();
  if (VOWEL_SOUND_H.test(lower)) return 'an';
  if (CONSONANT_SOUND.test(lower)) return 'a';
  return /^[aeiou]/.test(lower) ? 'an' : 'a';
}

/** "a" or "an" for `next`, keeping the case of `article` ("A" stays capitalised). */
export function agreeArticle(article: string, next: string): string {
  const wanted = articleFor(next);
  if (wanted === undefined || wanted === 'either') return article;
  const capital = article.charAt(0) === 'A';
  return capital ? wanted.charAt(0).toUpperCase() + wanted.slice(1) : wanted;
}

/** `text` with the right article in front: "an Accounts table", "a user". */
export function withArticle(text: string): string {
  const wanted = articleFor(text);
  return `${wanted === 'an' ? 'an' : 'a'} ${text}`;
}

// ---- counts

/**
 * Nouns whose count the text gate checks, singular → plural. Only nouns the content counts, and
 * only ones that are rarely a verb after a number ("Step 1 writes" would be a false alarm, so a
 * count right after a label word is skipped, see `findCountProblems`).
 */
export const COUNT_NOUNS: Readonly<Record<string, string>> = {
  read: 'reads',
  write: 'writes',
  item: 'items',
  node: 'nodes',
  request: 'requests',
  call: 'calls',
  second: 'seconds',
  minute: 'minutes',
  hour: 'hours',
  day: 'days',
  week: 'weeks',
  month: 'months',
  year: 'years',
  table: 'tables',
  index: 'indexes',
  partition: 'partitions',
  unit: 'units',
  replica: 'replicas',
  attribute: 'attributes',
  byte: 'bytes',
  page: 'pages',
  query: 'queries',
  scan: 'scans',
  time: 'times',
  copy: 'copies',
  entry: 'entries',
  user: 'users',
  customer: 'customers',
  order: 'orders',
  key: 'keys',
  millisecond: 'milliseconds',
  GSI: 'GSIs',
  LSI: 'LSIs',
};

/** "1 node", "9 nodes", "0.5 units": only exactly one takes the singular. */
export function pluralize(count: number, singular: string, plural?: string): string {
  if (count === 1) return singular;
  return (
    plural ??
    COUNT_NOUNS[singular] ??
    (/(s|x|ch|sh)$/.test(singular) ? `${singular}es` : /[^aeiou]y$/.test(singular) ? `${singular.slice(0, -1)}ies` : `${singular}s`)
  );
}

// ---- dates

export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/** Days in `month` (1-12); February has 29 unless a `year` says otherwise. */
export function daysInMonth(month: number, year?: number): number {
  if (month === 2) return year === undefined || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Whether day `day` of `month` (1-12) exists, in `year` when given. */
export function isValidDate(month: number, day: number, year?: number): boolean {
  return Number.isInteger(month) && month >= 1 && month <= 12 && Number.isInteger(day) && day >= 1 && day <= daysInMonth(month, year);
}

// ---- the text gate's rules

export interface TextProblem {
  readonly rule: 'article' | 'count' | 'plural-s' | 'date';
  /** The offending words as they appear, for the message. */
  readonly text: string;
  readonly message: string;
}

/** A run of text either in prose or inside a code span (code is read, never judged as prose). */
interface Segment {
  readonly text: string;
  readonly code: boolean;
}

const ENTITIES: Readonly<Record<string, string>> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&nbsp;': ' ' };
const decode = (text: string): string => text.replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (e) => ENTITIES[e] ?? e);

/**
 * Rendered HTML as segments of prose and inline code. Code blocks (`<pre>`) are dropped: JSON
 * keys named "a" are not articles. Tags that break a sentence (paragraphs, list items, cells)
 * become a full stop, so "a" ending one list item does not meet the next item's first word.
 */
export function textSegments(html: string): Segment[] {
  const withoutBlocks = html.replace(/<pre[\s\S]*?<\/pre>/gi, ' . ');
  const segments: Segment[] = [];
  const pattern = /<code[^>]*>([\s\S]*?)<\/code>/gi;
  let last = 0;
  const prose = (text: string): string =>
    decode(text.replace(/<\/?(p|li|ul|ol|td|th|tr|h[1-6]|br|table|thead|tbody|blockquote)\b[^>]*>/gi, ' . ').replace(/<[^>]*>/g, ''));
  for (const m of withoutBlocks.matchAll(pattern)) {
    segments.push({ text: prose(withoutBlocks.slice(last, m.index)), code: false });
    segments.push({ text: decode(m[1]!.replace(/<[^>]*>/g, '')), code: true });
    last = m.index + m[0].length;
  }
  segments.push({ text: prose(withoutBlocks.slice(last)), code: false });
  return segments;
}

interface Token {
  readonly word: string;
  readonly code: boolean;
  /** Text between the previous token and this one (spaces, punctuation). */
  readonly before: string;
  /** Inside double quotes: a quotation of a source, whose counts are its own ("4 read, 4 write"). */
  readonly quoted: boolean;
}

function tokenize(segments: readonly Segment[]): Token[] {
  const tokens: Token[] = [];
  let gap = '';
  let quoted = false;
  const push = (word: string, code: boolean): void => {
    for (const c of gap) quoted = c === '"' ? !quoted : c === '“' ? true : c === '”' ? false : quoted;
    tokens.push({ word, code, before: gap, quoted });
  };
  for (const segment of segments) {
    if (segment.code) {
      push(segment.text.trim(), true);
      gap = '';
      continue;
    }
    // Words keep inner hyphens, apostrophes, dots and commas between digits ("1,250", "0.5", "one-time").
    const re = /[$€£~]?[A-Za-z0-9]+(?:[-'’.,][A-Za-z0-9]+)*%?|\(s\)|\(es\)|\(ies\)/g;
    let last = 0;
    for (const m of segment.text.matchAll(re)) {
      gap += segment.text.slice(last, m.index);
      push(m[0], false);
      gap = '';
      last = m.index + m[0].length;
    }
    gap += segment.text.slice(last);
  }
  return tokens;
}

/** "a" before a vowel sound, "an" before a consonant sound; inline code counts as the next word. */
function findArticleProblems(tokens: readonly Token[]): TextProblem[] {
  const problems: TextProblem[] = [];
  tokens.forEach((token, i) => {
    if (token.code || !/^(a|an)$/i.test(token.word)) return;
    const next = tokens[i + 1];
    // Only "a word" with nothing but spaces (or an opening quote or emphasis) between.
    if (next === undefined || !/^\s+["“‘'(]?$/.test(next.before)) return;
    // A capital "A" mid-sentence is a letter ("plan A is", "zone A or B"), not an article.
    if (/^A/.test(token.word) && i > 0 && !/[.!?:"“]\s*$/.test(token.before)) return;
    const wanted = articleFor(next.word);
    if (wanted === undefined || wanted === 'either' || wanted === token.word.toLowerCase()) return;
    const shown = `${token.word} ${next.code ? `\`${next.word}\`` : next.word}`;
    problems.push({ rule: 'article', text: shown, message: `"${shown}" should be "${wanted} ${next.code ? `\`${next.word}\`` : next.word}"` });
  });
  return problems;
}

/** Words after which a number is a label, not a count: "Step 1 writes", "Table 2 reads". */
const LABEL_WORDS =
  /^(step|option|table|index|partition|shard|node|version|region|phase|level|tier|page|plan|case|account|line|row|item|rule|figure|example|question|query|scenario|user|customer|order|seed|week|day|hour|minute)$/i;
/** After a singular noun, words that show it is a noun on its own, not a modifier ("2 read units" is fine). */
// Not "and"/"or" ("40,000 read and 40,000 write units") nor "are" ("the first 20 read are the oldest").
const ENDS_NOUN_PHRASE = /^(per|of|in|on|at|to|for|with|each|that|which|a|an|the|from|by|as|than|every|so|if|when|while)$/i;

/** "1 reads", "2 read.", "9 node," — a count that disagrees with a listed noun. */
function findCountProblems(tokens: readonly Token[]): TextProblem[] {
  const problems: TextProblem[] = [];
  const plurals = new Map(Object.entries(COUNT_NOUNS).map(([s, p]) => [p, s]));
  tokens.forEach((token, i) => {
    if (token.code || token.quoted || !/^\d[\d,]*(\.\d+)?$/.test(token.word)) return;
    const noun = tokens[i + 1];
    if (noun === undefined || noun.code || !/^ +$/.test(noun.before)) return;
    const previous = tokens[i - 1];
    // Part of a larger figure or a label: "1/2 read", "-1 items", "Step 1 writes".
    if (/[/\-–×x*^.]$/.test(token.before.trimEnd()) && token.before.trim() !== '') return;
    if (previous !== undefined && /^ +$/.test(token.before) && LABEL_WORDS.test(previous.word)) return;
    const one = token.word === '1';
    const singular = plurals.get(noun.word);
    if (one && singular !== undefined) {
      problems.push({ rule: 'count', text: `${token.word} ${noun.word}`, message: `"${token.word} ${noun.word}" should be "1 ${singular}"` });
      return;
    }
    const plural = COUNT_NOUNS[noun.word];
    if (!one && plural !== undefined) {
      const after = tokens[i + 2];
      // "2 read units": the singular modifies the next noun. Judge it only when the phrase ends.
      const phraseEnds = after === undefined || /[.,;:!?)]/.test(after.before) || after.before.trim() !== '' || ENDS_NOUN_PHRASE.test(after.word);
      if (!phraseEnds) return;
      problems.push({ rule: 'count', text: `${token.word} ${noun.word}`, message: `"${token.word} ${noun.word}" should be "${token.word} ${plural}"` });
    }
  });
  return problems;
}

/** "read(s)": write the count out and let it agree instead. */
function findPluralSuffixProblems(tokens: readonly Token[]): TextProblem[] {
  const problems: TextProblem[] = [];
  tokens.forEach((token, i) => {
    if (token.code || !/^\((s|es|ies)\)$/.test(token.word) || token.before !== '') return;
    const shown = `${tokens[i - 1]?.word ?? ''}${token.word}`;
    problems.push({ rule: 'plural-s', text: shown, message: `"${shown}": make the count agree (1 read, 2 reads) instead of writing "(s)"` });
  });
  return problems;
}

const MONTH_INDEX = new Map<string, number>(
  MONTHS.flatMap((name, i) => [[name, i + 1] as const, [name.slice(0, 3), i + 1] as const, ...(name === 'September' ? [['Sept', 9] as const] : [])]),
);
const MONTH_NAMES = [...MONTH_INDEX.keys()].sort((a, b) => b.length - a.length).join('|');
const MONTH_DAY = new RegExp(`\\b(${MONTH_NAMES})\\.? (\\d{1,2})(?:st|nd|rd|th)?\\b(?:,? (\\d{4}))?`, 'g');
const DAY_MONTH = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)? (?:of )?(${MONTH_NAMES})\\b\\.?(?: (\\d{4}))?`, 'g');
const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/g;

/** "September 31", "31 September", "2024-02-30": days a month does not have. */
export function findDateProblems(text: string): TextProblem[] {
  const problems: TextProblem[] = [];
  const check = (shown: string, month: number, day: number, year: number | undefined): void => {
    if (!isValidDate(month, day, year)) {
      const name = MONTHS[month - 1];
      const why = name === undefined ? `there is no month ${month}` : `${name}${year === undefined ? '' : ` ${year}`} has ${daysInMonth(month, year)} days`;
      problems.push({ rule: 'date', text: shown, message: `"${shown}" is not a date: ${why}` });
    }
  };
  for (const m of text.matchAll(MONTH_DAY)) check(m[0], MONTH_INDEX.get(m[1]!)!, Number(m[2]), m[3] === undefined ? undefined : Number(m[3]));
  for (const m of text.matchAll(DAY_MONTH)) check(m[0], MONTH_INDEX.get(m[2]!)!, Number(m[1]), m[3] === undefined ? undefined : Number(m[3]));
  for (const m of text.matchAll(ISO_DATE)) check(m[0], Number(m[2]), Number(m[3]), Number(m[1]));
  return problems;
}

/**
 * Every article, count, "(s)" and date problem in rendered HTML (a prompt, an option, a why, an
 * explanation). Dates are looked for in code too: `2024-09-31` in a request is as wrong as in prose.
 */
export function findTextProblems(html: string): TextProblem[] {
  const segments = textSegments(html);
  const tokens = tokenize(segments);
  const allText = decode(html.replace(/<[^>]*>/g, ' '));
  return [...findArticleProblems(tokens), ...findCountProblems(tokens), ...findPluralSuffixProblems(tokens), ...findDateProblems(allText)];
}
