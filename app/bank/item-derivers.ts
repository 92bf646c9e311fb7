/**
 * The `dynamodbItem` deriver: a DynamoDB-JSON item for item-size questions, generated from the
 * variant's random stream. Numbers are chosen so that AWS's documented formula ("1 byte per two
 * significant digits, + 1") and the exact base-100 rule agree, so a learner with only the docs
 * can get the exact answer. Long strings are shown elided with their length in the prompt
 * ("<1,234 ASCII characters>"), since nobody counts characters by hand.
 */
import type { AttributeValue, Item } from '../../engine/index.ts';
import { numberSize, utf8ByteLength } from '../../engine/index.ts';
import type { Deriver } from './derivers.ts';
import type { Random } from './random.ts';
import type { ParamValue, Params } from './types.ts';

const WORDS = ['table', 'order', 'latency', 'shipping', 'stream', 'partition', 'review', 'fresh', 'quick', 'delivery', 'note', 'blue'];
const NAMES_ASCII = ['Alice Martin', 'Bob Chen', 'Priya Shah', 'Tom Okafor', 'Lena Novak', 'Sam Reyes'];
const NAMES_UTF8 = ['José Núñez', 'Zoë Brontë', 'Jürgen Groß', 'Ana Lúcia', '山田太郎', 'Søren Åberg'];
const CITIES_ASCII = ['Dublin', 'Austin', 'Lagos', 'Sydney', 'Toronto'];
const CITIES_UTF8 = ['München', 'São Paulo', 'Zürich', '東京', 'Kraków'];

/** Whether the documented approximation gives the exact size: then the question is fair. */
function docFormulaAgrees(n: string): boolean {
  const digits = n.replace(/^-/, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
  const documented = digits.length === 0 ? 1 : Math.ceil(digits.length / 2) + 1;
  return documented === numberSize(n);
}

function fairInteger(random: Random, min: number, max: number): string {
  for (;;) {
    const n = String(random.int(min, max));
    if (!n.endsWith('0') && docFormulaAgrees(n)) return n;
  }
}

function fairDecimal(random: Random, maxWhole: number): string {
  for (;;) {
    const n = `${random.int(1, maxWhole)}.${String(random.int(1, 99)).padStart(2, '0')}`;
    if (!n.endsWith('0') && docFormulaAgrees(n)) return n;
  }
}

function filler(random: Random, length: number): string {
  let text = '';
  while (text.length < length) text += (text ? ' ' : '') + random.pick(WORDS);
  return text.slice(0, length).trimEnd().padEnd(length, '.');
}

interface Generated {
  kind: string;
  item: Record<string, AttributeValue>;
  /** Display stand-ins for long strings, by attribute name. */
  elided: Map<string, string>;
}

function longText(random: Random, g: Generated, name: string, max: number): void {
  const length = random.int(120, max);
  g.item[name] = { S: filler(random, length) };
  g.elided.set(name, `<${length.toLocaleString('en-US')} ASCII characters>`);
}

function generateItem(theme: string, richness: number, random: Random): Generated {
  const g: Generated = { kind: '', item: {}, elided: new Map() };
  const utf8 = richness >= 2 && random.int(0, 1) === 1;
  const item = g.item;
  switch (theme) {
    case 'order': {
      g.kind = 'order';
      item.orderId = { S: `ord-${fairInteger(random, 10000, 99999)}` };
      item.customerId = { S: `c#${fairInteger(random, 1000, 9999)}` };
      item.total = { N: fairDecimal(random, 999) };
      item.status = { S: random.pick(['PLACED', 'SHIPPED', 'DELIVERED', 'RETURNED']) };
      item.gift = { BOOL: random.int(0, 1) === 1 };
      if (richness >= 2) {
        const lines = random.int(1, 3);
        item.lines = {
          L: Array.from({ length: lines }, () => ({
            M: { sku: { S: `SKU-${fairInteger(random, 100, 999)}` }, qty: { N: fairInteger(random, 1, 9) } },
          })),
        };
        item.city = { S: random.pick(utf8 ? CITIES_UTF8 : CITIES_ASCII) };
      }
      if (richness >= 3) longText(random, g, 'notes', 3000);
      break;
    }
    case 'sensor': {
      g.kind = 'sensor reading';
      item.deviceId = { S: `dev-${fairInteger(random, 100, 9999)}` };
      item.ts = { N: fairInteger(random, 1700000000001, 1799999999999) };
      item.temperature = { N: fairDecimal(random, 60) };
      item.online = { BOOL: true };
      if (richness >= 2) {
        item.samples = { L: Array.from({ length: random.int(2, 5) }, () => ({ N: fairInteger(random, 1, 999) })) };
        item.site = { S: random.pick(utf8 ? CITIES_UTF8 : CITIES_ASCII) };
      }
      if (richness >= 3) {
        item.error = { NULL: true };
        longText(random, g, 'payload', 3500);
      }
      break;
    }
    case 'game': {
      g.kind = 'player record';
      item.playerId = { S: `p-${fairInteger(random, 1000, 99999)}` };
      item.level = { N: fairInteger(random, 1, 99) };
      item.score = { N: fairInteger(random, 1001, 9999999) };
      item.guild = { S: random.pick(['Night Owls', 'Red Foxes', 'Iron Wolves', 'Sky Pirates']) };
      if (richness >= 2) {
        item.badges = { SS: random.shuffle(['gold', 'speedrun', 'veteran', 'explorer', 'sniper']).slice(0, random.int(2, 4)) };
        item.settings = { M: { sound: { BOOL: random.int(0, 1) === 1 }, lang: { S: random.pick(['en', 'fr', 'ja', 'pt']) } } };
      }
      if (richness >= 3) {
        item.displayName = { S: random.pick(utf8 ? NAMES_UTF8 : NAMES_ASCII) };
        longText(random, g, 'bio', 2500);
      }
      break;
    }
    default: {
      g.kind = 'customer profile';
      item.userId = { S: `u#${fairInteger(random, 10000, 999999)}` };
      item.name = { S: random.pick(utf8 ? NAMES_UTF8 : NAMES_ASCII) };
      item.age = { N: fairInteger(random, 18, 89) };
      item.verified = { BOOL: random.int(0, 1) === 1 };
      if (richness >= 2) {
        item.address = { M: { city: { S: random.pick(utf8 ? CITIES_UTF8 : CITIES_ASCII) }, zip: { S: fairInteger(random, 10001, 99999) } } };
        item.interests = { SS: random.shuffle(['hiking', 'jazz', 'chess', 'cooking', 'cycling']).slice(0, random.int(1, 3)) };
      }
      if (richness >= 3) {
        item.nickname = { NULL: true };
        longText(random, g, 'about', 3000);
      }
    }
  }
  return g;
}

/** One attribute per line, long strings elided, for showing in a ```json block. */
function prettyItem(g: Generated): string {
  const lines = Object.entries(g.item).map(([name, value]) => {
    const shown = g.elided.has(name) ? { S: g.elided.get(name)! } : value;
    return `  ${JSON.stringify(name)}: ${JSON.stringify(shown).replace(/,"/g, ', "').replace(/":/g, '": ')}`;
  });
  return `{\n${lines.join(',\n')}\n}`;
}

export const itemDerivers: readonly Deriver[] = [
  {
    name: 'dynamodbItem',
    description: 'A generated DynamoDB-JSON item for {{theme}} (profile, order, sensor, game) and {{richness}} 1–3',
    outputs: ['item_json', 'item_json_pretty', 'item_attributes', 'item_kind', 'item_has_utf8'],
    derive(params: Params, random: Random): Record<string, ParamValue> {
      const theme = String(params.theme ?? 'profile');
      const richness = Number(params.richness ?? 1);
      const g = generateItem(theme, richness, random);
      const item: Item = g.item;
      const json = JSON.stringify(item);
      return {
        item_json: json,
        item_json_pretty: prettyItem(g),
        item_attributes: Object.keys(item).length,
        item_kind: g.kind,
        item_has_utf8: utf8ByteLength(json) !== json.length,
      };
    },
  },
];
