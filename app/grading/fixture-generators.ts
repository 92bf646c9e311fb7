/**
 * Named pure generators of fixture items for hands-on questions. Each takes the scenario's
 * resolved arguments and returns plain JSON items: `items` the learner may see a sample of,
 * `hidden` ones placed to catch answers that only fit the sample (another customer's orders,
 * an item on the boundary of a range, an item missing an attribute). Randomness comes from a
 * PRNG seeded by the arguments, so the same variant always gets the same items.
 */
type Plain = Record<string, unknown>;
export interface GeneratedItems {
  readonly items: readonly Plain[];
  readonly hidden: readonly Plain[];
}
export type FixtureGenerator = (args: Readonly<Record<string, unknown>>) => GeneratedItems;

/** FNV-1a of the text, then mulberry32: small, fast and reproducible. */
export function seededRandom(text: string): () => number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  let state = h >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const int = (random: () => number, min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
const str = (args: Readonly<Record<string, unknown>>, name: string, fallback: string): string => (args[name] === undefined ? fallback : String(args[name]));
const num = (args: Readonly<Record<string, unknown>>, name: string, fallback: number): number => (args[name] === undefined ? fallback : Number(args[name]));

const DAY = 86_400_000;
const parseDay = (text: string): number => Date.parse(`${text}T00:00:00Z`);
const formatDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export const CUSTOMERS = ['alice', 'bruno', 'chen', 'dara', 'emeka', 'farah', 'goran', 'hana'] as const;
const STATUSES = ['PENDING', 'SHIPPED', 'DELIVERED'] as const;
/** Padding so an order weighs about half a kilobyte and reading extra orders costs extra units. */
const NOTES = 'Leave at the front desk; call on arrival. '.repeat(12);

/**
 * Orders keyed by customerId and orderDate (one order per customer per day). For `customer`
 * and the range [from, to]: visible orders on `from`, inside, before and after the range;
 * hidden ones on `to` (an inclusive bound), the day before `from`, inside the range but
 * without a status, and another customer's orders inside the range.
 */
const customerOrders: FixtureGenerator = (args) => {
  const random = seededRandom(`orders:${JSON.stringify(args)}`);
  const customer = str(args, 'customer', 'alice');
  const status = str(args, 'status', 'PENDING');
  const from = parseDay(str(args, 'from', '2024-03-05'));
  const to = parseDay(str(args, 'to', '2024-03-25'));
  const span = Math.round((to - from) / DAY);
  let serial = 0;
  const order = (who: string, day: number, fields: Plain = {}): Plain => {
    serial++;
    return {
      customerId: who,
      orderDate: formatDay(day),
      orderId: `ord-${(1000 + Math.floor(random() * 9000)).toString()}${serial}`,
      status: pick(random, STATUSES),
      total: int(random, 5, 480),
      notes: NOTES,
      ...fields,
    };
  };
  const days = (min: number, max: number, count: number, taken: Set<number>): number[] => {
    const out: number[] = [];
    for (let tries = 0; out.length < count && tries < 200; tries++) {
      const d = int(random, min, max);
      if (taken.has(d)) continue;
      taken.add(d);
      out.push(d);
    }
    return out.sort((a, b) => a - b);
  };
  const taken = new Set<number>([0, -1, span]);
  const items: Plain[] = [order(customer, from, { status })];
  for (const d of days(1, span - 1, 5, taken)) items.push(order(customer, from + d * DAY));
  for (const d of days(-40, -2, 6, taken)) items.push(order(customer, from + d * DAY));
  for (const d of days(span + 1, span + 30, 3, taken)) items.push(order(customer, from + d * DAY));
  const others = CUSTOMERS.filter((c) => c !== customer);
  const other = pick(random, others);
  items.push(order(other, from + int(random, 1, span - 1) * DAY));
  const hidden: Plain[] = [order(customer, to), order(customer, from - DAY)];
  const noStatusDay = days(1, span - 1, 1, taken)[0];
  if (noStatusDay !== undefined) {
    const { status: _dropped, ...withoutStatus } = order(customer, from + noStatusDay * DAY);
    hidden.push(withoutStatus);
  }
  const otherTaken = new Set<number>();
  for (const d of days(0, span, 4, otherTaken)) hidden.push(order(pick(random, others), from + d * DAY, { status }));
  return { items, hidden };
};

/**
 * One user's item collection in a single table (pk USER#id, sk PROFILE, ADDRESS#..., ORDER#...,
 * PAYMENT#...). Hidden: one more address of the same user, and another user's addresses.
 */
const userCollection: FixtureGenerator = (args) => {
  const random = seededRandom(`collection:${JSON.stringify(args)}`);
  const user = str(args, 'user', 'alice');
  const pk = `USER#${user}`;
  const cities = ['Lisbon', 'Leeds', 'Lyon', 'Lagos', 'Lima', 'Linz'];
  const items: Plain[] = [
    { pk, sk: 'PROFILE', name: user.charAt(0).toUpperCase() + user.slice(1), email: `${user}@example.com` },
    { pk, sk: 'ADDRESS#home', city: pick(random, cities), line1: `${int(random, 1, 99)} High Street` },
    { pk, sk: 'PAYMENT#card-1', last4: String(int(random, 1000, 9999)) },
  ];
  for (let i = 0; i < 4; i++) items.push({ pk, sk: `ORDER#2024-0${i + 3}-1${i}`, total: int(random, 10, 300) });
  const other = `USER#${pick(
    random,
    CUSTOMERS.filter((c) => c !== user),
  )}`;
  items.push({ pk: other, sk: 'PROFILE', name: 'Someone else' });
  const hidden: Plain[] = [
    { pk, sk: 'ADDRESS#work', city: pick(random, cities), line1: `${int(random, 1, 99)} Mill Lane` },
    { pk, sk: 'ADDRESSBOOK', note: 'not an address: a settings item whose key only starts alike' },
    { pk: other, sk: 'ADDRESS#home', city: pick(random, cities), line1: '7 Other Road' },
  ];
  return { items, hidden };
};

/** Page view counters: the page of the task and a few others; hidden pages too. */
const pageCounters: FixtureGenerator = (args) => {
  const page = str(args, 'page', '/home');
  const visits = num(args, 'visits', 42);
  const random = seededRandom(`pages:${JSON.stringify(args)}`);
  const others = ['/pricing', '/docs', '/blog', '/about', '/contact'].filter((p) => p !== page);
  const items: Plain[] = [{ page, visits, title: `Page ${page}` }];
  for (const p of others.slice(0, 2)) items.push({ page: p, visits: int(random, 1, 900), title: `Page ${p}` });
  const hidden: Plain[] = others.slice(2).map((p) => ({ page: p, visits: int(random, 1, 900), title: `Page ${p}` }));
  return { items, hidden };
};

/**
 * User profiles keyed by userId, with a list (tags), a map (stats), a version number and a
 * status. The task's user is visible; others are split between visible and hidden.
 */
const userProfiles: FixtureGenerator = (args) => {
  const random = seededRandom(`profiles:${JSON.stringify(args)}`);
  const user = str(args, 'user', 'alice');
  const profile = (id: string, fields: Plain = {}): Plain => ({
    userId: id,
    name: id.charAt(0).toUpperCase() + id.slice(1),
    email: `${id}@example.com`,
    nickname: `${id.slice(0, 3)}${int(random, 1, 99)}`,
    phone: `+44 7700 ${int(random, 100000, 999999)}`,
    tags: ['reader', pick(random, ['writer', 'editor', 'admin'])],
    stats: { logins: int(random, 1, 400), posts: int(random, 0, 80), likes: int(random, 0, 900) },
    version: int(random, 1, 20),
    status: 'active',
    ...fields,
  });
  const items: Plain[] = [profile(user, args.userFields as Plain | undefined)];
  const others = CUSTOMERS.filter((c) => c !== user && c !== str(args, 'newUser', ''));
  for (const id of others.slice(0, 2)) items.push(profile(id));
  const hidden = others.slice(2, 5).map((id) => profile(id));
  return { items, hidden };
};

/** The study guide's Music table (Artist, SongTitle), with a few songs the learner is not shown. */
const music: FixtureGenerator = () => {
  const song = (Artist: string, SongTitle: string, AlbumTitle: string, Year: number, Price: number, Genre: string): Plain => ({
    Artist,
    SongTitle,
    AlbumTitle,
    Year,
    Price,
    Genre,
    Tags: { Composers: ['Smith', 'Jones'], LengthInSeconds: 180 + (Year % 97) },
  });
  const items = [
    song('No One You Know', 'Call Me Today', 'Somewhat Famous', 2015, 2.14, 'Country'),
    song('No One You Know', 'My Dog Spot', 'Hey Now', 2016, 1.98, 'Country'),
    song('No One You Know', 'Somewhere Down The Road', 'Somewhat Famous', 2015, 1.89, 'Country'),
    song('The Acme Band', 'Look Out, World', 'The Buck Starts Here', 2014, 0.99, 'Rock'),
    song('The Acme Band', 'Still In Love', 'The Buck Starts Here', 2014, 2.47, 'Rock'),
    song('The Acme Band', 'Fun and Games', "Rockin' in the Park", 2018, 1.29, 'Rock'),
    song('Acme Trio', 'Slow Train', 'Night Moves', 2012, 0.89, 'Jazz'),
    song('Acme Trio', 'Blue Hour', 'Night Moves', 2012, 1.09, 'Jazz'),
    song('Famous Band', 'Scared of My Shadow', 'Bread and Butter', 2017, 1.49, 'Pop'),
    song('Famous Band', 'Seven Bridges', 'Bread and Butter', 2017, 1.59, 'Pop'),
  ];
  const hidden = [
    song('No One You Know', 'Howdy', 'Hey Now', 2016, 1.19, 'Country'),
    song('The Acme Band', 'Encore', 'Live at Acme Hall', 2019, 2.99, 'Rock'),
    song('Acme Trio', 'Last Call', 'Night Moves', 2012, 0.99, 'Jazz'),
    song('Famous Band', 'Paper Boats', 'Bread and Butter', 2017, 1.39, 'Pop'),
    song('Solo Artist', 'Just Me', 'Alone', 2020, 0.79, 'Folk'),
  ];
  return { items, hidden };
};

/** Stock per SKU. */
const inventory: FixtureGenerator = (args) => {
  const random = seededRandom(`inventory:${JSON.stringify(args)}`);
  const skus = ['SKU-100', 'SKU-200', 'SKU-300', 'SKU-400', 'SKU-500', 'SKU-600'];
  const stock = (sku: string): number => (args[sku] === undefined ? int(random, 5, 60) : Number(args[sku]));
  const names = ['kettle', 'toaster', 'mug', 'teapot', 'jug', 'tray'];
  const all = skus.map((sku, i) => ({ sku, name: names[i], stock: stock(sku), warehouse: pick(random, ['north', 'south']) }));
  return { items: all.slice(0, 4), hidden: all.slice(4) };
};

// ------------------------------------------------------------------ design data sets

/** Orders across customers with statuses, for "orders by customer and by status". */
const designOrders: FixtureGenerator = (args) => {
  const random = seededRandom(`design-orders:${JSON.stringify(args)}`);
  const items: Plain[] = [];
  const start = parseDay('2024-01-01');
  for (const customer of CUSTOMERS) {
    const count = int(random, 6, 14);
    for (let i = 0; i < count; i++) {
      items.push({
        customerId: customer,
        orderId: `${customer.slice(0, 2).toUpperCase()}-${1000 + i}`,
        orderDate: `${formatDay(start + int(random, 0, 360) * DAY)}T${String(int(random, 10, 23))}:${String(i).padStart(2, '0')}:00Z`,
        status: pick(random, STATUSES),
        total: int(random, 5, 480),
      });
    }
  }
  return { items, hidden: [] };
};

const GAMES = ['alien-adventure', 'galaxy-invaders', 'meteor-blasters', 'starship-x'] as const;
const designScores: FixtureGenerator = (args) => {
  const random = seededRandom(`design-scores:${JSON.stringify(args)}`);
  const items: Plain[] = [];
  const players = ['p01', 'p02', 'p03', 'p04', 'p05', 'p06', 'p07', 'p08', 'p09', 'p10', 'p11', 'p12'];
  for (const player of players) {
    for (const game of GAMES) {
      if (random() < 0.2) continue;
      items.push({
        userId: player,
        gameTitle: game,
        topScore: int(random, 100, 99_999) * 10 + players.indexOf(player),
        wins: int(random, 0, 60),
        losses: int(random, 0, 60),
      });
    }
  }
  return { items, hidden: [] };
};

const designTenants: FixtureGenerator = (args) => {
  const random = seededRandom(`design-tenants:${JSON.stringify(args)}`);
  const items: Plain[] = [];
  for (const tenant of ['acme', 'globex', 'initech', 'umbrella', 'hooli']) {
    const count = int(random, 5, 12);
    for (let i = 0; i < count; i++) {
      items.push({
        tenantId: tenant,
        projectId: `prj-${String(100 + i)}`,
        name: `${tenant} project ${i}`,
        owner: pick(random, ['ann', 'bob', 'cyd', 'dee']),
        createdAt: `${formatDay(parseDay('2024-01-01') + int(random, 0, 300) * DAY)}T09:${String(i).padStart(2, '0')}:00Z`,
      });
    }
  }
  return { items, hidden: [] };
};

const designReadings: FixtureGenerator = (args) => {
  const random = seededRandom(`design-readings:${JSON.stringify(args)}`);
  const items: Plain[] = [];
  const base = Date.parse('2024-06-01T00:00:00Z');
  for (const sensor of ['s-01', 's-02', 's-03', 's-04', 's-05']) {
    const count = int(random, 20, 40);
    for (let i = 0; i < count; i++) {
      items.push({
        sensorId: sensor,
        readingTime: new Date(base + i * 300_000 + int(random, 0, 200) * 1000).toISOString(),
        value: int(random, -100, 400) / 10,
        site: sensor < 's-03' ? 'north' : 'south',
      });
    }
  }
  return { items, hidden: [] };
};

const designFeed: FixtureGenerator = (args) => {
  const random = seededRandom(`design-feed:${JSON.stringify(args)}`);
  const users = ['ana', 'ben', 'cat', 'dan', 'eve', 'fin'];
  const items: Plain[] = [];
  let serial = 0;
  for (const author of users) {
    const posts = int(random, 3, 7);
    for (let i = 0; i < posts; i++) {
      serial++;
      const createdAt = new Date(Date.parse('2024-05-01T00:00:00Z') + int(random, 0, 30 * 24) * 3_600_000 + serial * 1000).toISOString();
      const postId = `post-${String(serial).padStart(4, '0')}`;
      // Fan-out on write: one feed entry per follower (everyone else follows a random half).
      for (const follower of users) {
        if (follower === author || random() < 0.5) continue;
        items.push({ feedOwner: follower, createdAt, postId, author, text: `Post ${serial} by ${author}` });
      }
    }
  }
  return { items, hidden: [] };
};

const EVENT_KINDS = ['goal', 'shot', 'corner', 'foul', 'card', 'substitution', 'offside', 'save'] as const;

/**
 * A live match's event feed for a write-sharding design: every event of one match carries the
 * shard the application drew for it (`shard`, 0 to shards − 1, in turn) and the sharded key
 * `matchShard` = "<matchId>#<shard>", so a design can key on the match (one hot partition key) or
 * on the shard (the writes spread over `shards` keys). Items come in shard order, so writes
 * replayed in turn spread evenly over the shards.
 */
const designMatchEvents: FixtureGenerator = (args) => {
  const match = str(args, 'match', 'cup-final');
  const shards = num(args, 'shards', 10);
  const count = num(args, 'events', 200);
  const random = seededRandom(`design-match-events:${JSON.stringify(args)}`);
  const base = Date.parse('2024-05-25T19:00:00Z');
  const items: Plain[] = [];
  for (let i = 0; i < count; i++) {
    const shard = i % shards;
    items.push({
      eventId: `e-${String(i + 1).padStart(4, '0')}`,
      matchId: match,
      shard,
      matchShard: `${match}#${shard}`,
      at: new Date(base + i * 1000 + int(random, 0, 999)).toISOString(),
      kind: pick(random, EVENT_KINDS),
      minute: Math.floor(i / 3) % 90,
    });
  }
  return { items, hidden: [] };
};

export const FIXTURE_GENERATORS: Readonly<Record<string, FixtureGenerator>> = {
  'customer-orders': customerOrders,
  'user-collection': userCollection,
  'page-counters': pageCounters,
  'user-profiles': userProfiles,
  music,
  inventory,
  'design-orders': designOrders,
  'design-scores': designScores,
  'design-tenants': designTenants,
  'design-readings': designReadings,
  'design-feed': designFeed,
  'design-match-events': designMatchEvents,
};
