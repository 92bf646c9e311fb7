/**
 * The answer area of a `request` question: the table's keys and indexes, a sample of its
 * items, and a JSON textarea. A small script (/static/json-editor.js) checks the JSON as the learner types and
 * keeps the draft in localStorage per scenario and seed; then /static/code-editor.js (the
 * playground's CodeMirror editor) takes the textarea over, keeping it in step. Without
 * JavaScript the textarea posts as it is.
 */
import type { Variant } from '../bank/types.ts';
import { jsonHint } from '../grading/request-input.ts';
import { type DynamoItem, FixtureItems, shortenForDisplay } from './item-table.tsx';
import { CODE_EDITOR_SCRIPT } from './json-editor.tsx';

type HandsOnVariant = Extract<Variant, { kind: 'request' | 'design' }>;

interface TableSummary {
  readonly name: string;
  readonly keys: string;
  readonly indexes: readonly { name: string; kind: string; keys: string; projection: string }[];
}

/** Shortened values (padding, notes) moved after the others, so a line's telling attributes stay in view. */
export function longValuesLast(item: unknown): unknown {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return item;
  const entries = Object.entries(item);
  const isLong = (v: unknown) => JSON.stringify(shortenForDisplay(v)) !== JSON.stringify(v);
  return Object.fromEntries([...entries.filter(([, v]) => !isLong(v)), ...entries.filter(([, v]) => isLong(v))]);
}

export function ItemLines({ items, label = 'Items, one per line' }: { items: readonly unknown[]; label?: string }) {
  // Focusable and named because it scrolls sideways: keyboard users must be able to reach it.
  const text = items.map((item) => JSON.stringify(shortenForDisplay(longValuesLast(item)))).join('\n');
  // A scrollable <pre> needs role=region (biome.json lets useSemanticElements pass here) and tabindex so keyboard users can scroll it (axe scrollable-region-focusable); <section> cannot keep preformatted text
  return (
    <pre class="item-lines" tabindex={0} role="region" aria-label={label}>
      {text}
    </pre>
  );
}

/** Served within /static/style.css (see static-assets.ts). */
export const JSON_EDITOR_STYLE = `
.item-lines { max-width: 100%; background: var(--panel); border: 1px solid var(--border); border-radius: 6px; padding: .6rem .8rem; overflow-x: auto; font-size: .85rem; line-height: 1.45; }
.json-status { min-height: 1.4em; font-size: .9rem; margin: .35rem 0 0; }
.json-status.is-bad { color: var(--incorrect); }
.json-status.is-good { color: var(--correct); }
textarea[data-json-editor] { min-height: 16rem; font-size: .9rem; }
`;

/**
 * Checks the JSON on every input (the parser's message, with line and column when the browser
 * gives a position) and keeps the draft. The key names scenario and seed, so each variant has
 * its own draft.
 */
export const JSON_EDITOR_SCRIPT = `
(function () {
  var jsonHint = ${jsonHint.toString()};
  var area = document.querySelector('textarea[data-json-editor]');
  var status = document.getElementById('answer-json-status');
  if (!area || !status) return;
  var key = area.getAttribute('data-draft-key');
  try {
    var saved = key && window.localStorage.getItem(key);
    if (saved) { area.value = saved; status.textContent = 'Draft restored from this browser.'; }
  } catch (e) {}
  function check() {
    var text = area.value;
    try {
      JSON.parse(text);
      status.textContent = 'Valid JSON.';
      status.className = 'json-status is-good';
      area.removeAttribute('aria-invalid');
    } catch (error) {
      var message = String(error && error.message || error);
      var match = /position (\\d+)/.exec(message);
      if (match && !/line \\d+/.test(message)) {
        var before = text.slice(0, Number(match[1])).split('\\n');
        message += ' (line ' + before.length + ' column ' + (before[before.length - 1].length + 1) + ')';
      }
      var hint = jsonHint(text, message);
      status.textContent = 'Not valid JSON yet: ' + message + (hint ? '. ' + hint : '');
      status.className = 'json-status is-bad';
      area.setAttribute('aria-invalid', 'true');
    }
  }
  area.addEventListener('input', function () {
    check();
    try { if (key) window.localStorage.setItem(key, area.value); } catch (e) {}
  });
  // Tab indents, but must never trap the keyboard (WCAG 2.1.2): Esc hands Tab back to the page
  // until the editor is focused again.
  var tabIndents = true;
  var keysNote = document.getElementById('answer-json-keys');
  if (keysNote) keysNote.hidden = false;
  area.addEventListener('focus', function () { tabIndents = true; });
  area.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') { tabIndents = false; return; }
    if (tabIndents && event.key === 'Tab' && !event.shiftKey && !event.ctrlKey && !event.metaKey) {
      var start = area.selectionStart, end = area.selectionEnd;
      area.value = area.value.slice(0, start) + '  ' + area.value.slice(end);
      area.selectionStart = area.selectionEnd = start + 2;
      event.preventDefault();
      area.dispatchEvent(new Event('input'));
    }
  });
})();
`;

export function JsonTextarea({ variant, starter, label, hint }: { variant: HandsOnVariant; starter: string; label: string; hint: unknown }) {
  return (
    // The json-editor class gives CodeMirror the playground's look (style.css).
    <fieldset class="json-editor">
      <legend>{label}</legend>
      <p class="hint" id="answer-json-hint">
        {hint}
      </p>
      <label for="answer-json" class="visually-hidden">
        {label}
      </label>
      <textarea
        id="answer-json"
        name="json"
        required
        spellcheck={false}
        autocomplete="off"
        rows={16}
        maxlength={20000}
        aria-describedby="answer-json-hint answer-json-keys answer-json-status"
        data-json-editor
        data-code-editor="json"
        data-draft-key={`dynamodb-study:draft:${variant.scenarioId}:${variant.seed}`}
      >
        {starter}
      </textarea>
      <p id="answer-json-keys" class="hint" hidden>
        <kbd>Tab</kbd> indents. Press <kbd>Esc</kbd>, then <kbd>Tab</kbd> straight after, to leave the editor.
      </p>
      <p id="answer-json-status" class="json-status" aria-live="polite"></p>
      {/* In this order: the draft is restored into the textarea before CodeMirror reads it. */}
      <script src="/static/json-editor.js" defer></script>
      <script src={CODE_EDITOR_SCRIPT} defer></script>
    </fieldset>
  );
}

/** The table a request question runs on: keys, indexes and a sample of its items. */
export function RequestFixture({ variant }: { variant: HandsOnVariant }) {
  const context = variant.context as { table?: TableSummary; sample?: unknown[]; sampleItems?: DynamoItem[]; sampleNote?: string };
  const table = context.table;
  if (!table) return null;
  return (
    <section class="panel fixture" aria-labelledby="fixture-heading">
      <h2 id="fixture-heading">
        Table <code>{table.name}</code>
      </h2>
      <p>
        Primary key: <code>{table.keys}</code>
      </p>
      {table.indexes.length > 0 ? (
        <section class="item-table-scroll" tabindex={0} aria-labelledby="fixture-indexes">
          <table>
            <caption id="fixture-indexes">Secondary indexes</caption>
            <thead>
              <tr>
                <th scope="col">Index</th>
                <th scope="col">Kind</th>
                <th scope="col">Key</th>
                <th scope="col">Projection</th>
              </tr>
            </thead>
            <tbody>
              {table.indexes.map((index) => (
                <tr>
                  <th scope="row">
                    <code>{index.name}</code>
                  </th>
                  <td>{index.kind}</td>
                  <td>{index.keys}</td>
                  <td>{index.projection}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      <p class="hint">{context.sampleNote}</p>
      {/* Variants stored before the sample kept its DynamoDB JSON show the plain lines they had. */}
      {context.sampleItems ? (
        <FixtureItems items={context.sampleItems} label="Sample items of the table" id="fixture-items" />
      ) : (
        <ItemLines items={context.sample ?? []} label="Sample items of the table" />
      )}
    </section>
  );
}

/** The learner's request: a JSON textarea with the draft or the starter. */
export function RequestTextarea({ variant, draft }: { variant: HandsOnVariant; draft?: string | undefined }) {
  const context = variant.context as { starter?: string };
  return (
    <JsonTextarea
      variant={variant}
      starter={draft ?? context.starter ?? ''}
      label="Your request (JSON)"
      hint={
        <>
          Write <code>{'{"action": "Query", "params": {...}}'}</code> with DynamoDB JSON values such as <code>{'{"S": "abc"}'}</code>, or the document client's{' '}
          <code>{'{"command": "QueryCommand", "input": {...}}'}</code> with plain values. A list of requests runs in order. Your draft is kept in this browser.
        </>
      }
    />
  );
}

/** The fixture and the textarea together, for pages with one column (the exam, the authoring preview). */
export function RequestEditor({ variant, draft }: { variant: HandsOnVariant; draft?: string | undefined }) {
  return (
    <>
      <RequestFixture variant={variant} />
      <RequestTextarea variant={variant} draft={draft} />
    </>
  );
}
