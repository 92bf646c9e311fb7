import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLiveBank, type LiveBank } from '../../../app/bank/live-bank.ts';
import { createApp } from '../../../app/create-app.ts';
import type { Store } from '../../../app/db/store.ts';
import { internByContent, renderedOnce } from '../../../app/views/rendered-once.ts';
import { createTempContent, type TempContent } from '../../helpers/authoring-content.ts';
import { openTestStore } from '../../helpers/database.ts';

describe('renderedOnce', () => {
  it('renders a part once per owner and part name, and again for another owner or part', () => {
    let renders = 0;
    const part = (owner: object, name: string, text: string) =>
      String(
        renderedOnce(owner, name, () => {
          renders++;
          return <p>{text}</p>;
        }),
      );
    const first = {};
    expect(part(first, 'a', 'one')).toBe('<p>one</p>');
    // The kept HTML is served, not a new render of what the caller passes now.
    expect(part(first, 'a', 'two')).toBe('<p>one</p>');
    expect(renders).toBe(1);
    expect(part(first, 'b', 'two')).toBe('<p>two</p>');
    expect(part({}, 'a', 'three')).toBe('<p>three</p>');
    expect(renders).toBe(3);
  });

  it('keeps nothing that renders asynchronously', async () => {
    let renders = 0;
    const Later = async ({ n }: { n: number }) => <b>{n}</b>;
    const owner = {};
    const render = () =>
      renderedOnce(owner, 'later', () => {
        renders++;
        return <Later n={renders} />;
      });
    expect(String(await render()?.toString())).toBe('<b>1</b>');
    expect(String(await render()?.toString())).toBe('<b>2</b>');
    expect(renders).toBe(2);
  });
});

describe('internByContent', () => {
  it('gives back the object first kept for an equal JSON text, and keeps an unequal one apart', () => {
    const first = internByContent({ kind: 'choice', score: 1, nested: { why: ['a'] } });
    expect(internByContent({ kind: 'choice', score: 1, nested: { why: ['a'] } })).toBe(first);
    const other = { kind: 'choice', score: 1, nested: { why: ['b'] } };
    expect(internByContent(other)).toBe(other);
    expect(internByContent({ kind: 'choice', score: 1, nested: { why: ['b'] } })).toBe(other);
  });
});

describe('a question page after its scenario file changes', () => {
  let content: TempContent;
  let bank: LiveBank;
  let database: Store;
  beforeEach(async () => {
    content = createTempContent();
    bank = createLiveBank(content.contentDir);
    database = await openTestStore();
  });
  afterEach(async () => {
    await database.close();
    content.remove();
  });

  it('shows the edited prompt and options, never the parts rendered from the file before', async () => {
    const app = createApp({ db: database.db, changeVersion: database.changeVersion, bank, logger: { info: () => {}, error: () => {} } });
    const page = async () => (await app.request('/q/core.payload-home/5')).text();
    const before = await page();
    expect(before).toContain('keeps one item per record');
    expect(before).toContain('Ask AWS Support');
    // The second page serves the kept parts: the same HTML but for the form's token and time.
    const perRender = (html: string) => html.replace(/name="(token|shownAt)" value="[^"]*"/g, '');
    expect(perRender(await page())).toBe(perRender(before));
    const file = `${content.contentDir}/core/payload-home.md`;
    content.write(
      'core/payload-home.md',
      readFileSync(file, 'utf8').replace('keeps one item per record', 'stores a record per item').replace('Ask AWS Support', 'Open a support case'),
    );
    bank.reload();
    const after = await page();
    expect(after).toContain('stores a record per item');
    expect(after).toContain('Open a support case');
    expect(after).not.toContain('keeps one item per record');
    expect(after).not.toContain('Ask AWS Support');
  });
});
