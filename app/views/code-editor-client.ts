/**
 * Browser code, bundled by esbuild into /static/code-editor.js (client-bundle.ts). Each
 * `<textarea data-code-editor="json">` becomes a CodeMirror 6 editor with JSON highlighting,
 * bracket matching and a parse check as you type; the textarea stays in the form, hidden and kept
 * in step, so the form posts exactly as it does without JavaScript. Ctrl+Enter (Cmd+Enter) submits
 * the form with its `[data-run]` button.
 */
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { json, jsonParseLinter } from '@codemirror/lang-json';
import { bracketMatching, foldGutter, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { linter } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { EditorView, highlightActiveLine, keymap, lineNumbers } from '@codemirror/view';
import { tagHighlighter, tags } from '@lezer/highlight';

/** Token classes whose colours live in style.css, so they follow the light and dark schemes. */
const jsonHighlighter = tagHighlighter([
  { tag: tags.propertyName, class: 'tok-property' },
  { tag: tags.string, class: 'tok-string' },
  { tag: tags.number, class: 'tok-number' },
  { tag: [tags.bool, tags.null], class: 'tok-literal' },
]);

/**
 * CodeMirror sets a few inline styles as attributes (tab-size on its content, heights in its
 * gutters); the Content-Security-Policy (style-src 'self') blocks a style attribute but not the
 * same declarations set through the CSSOM. Routing setAttribute('style') there keeps them working
 * with the policy intact: nothing from outside the page can reach this path.
 */
const setAttribute = Element.prototype.setAttribute;
Element.prototype.setAttribute = function (this: Element, name: string, value: string) {
  if (name.toLowerCase() === 'style' && this instanceof HTMLElement) {
    this.style.cssText = value;
    return;
  }
  setAttribute.call(this, name, value);
};

/**
 * CodeMirror's own stylesheet (layout of the editor, gutters, selection) is written by style-mod
 * into a <style> element in the document's head, which the CSP refuses; style-mod uses a
 * constructed stylesheet only inside a shadow root. So its text goes into a constructed sheet
 * here instead (allowed by style-src 'self'), and the <style> element is never inserted.
 */
const codeMirrorSheet = new CSSStyleSheet();
document.adoptedStyleSheets = [codeMirrorSheet, ...document.adoptedStyleSheets];
const headInsertBefore = document.head.insertBefore.bind(document.head);
document.head.insertBefore = <T extends Node>(node: T, child: Node | null): T => {
  if (node instanceof HTMLStyleElement) {
    codeMirrorSheet.replaceSync(node.textContent ?? '');
    return node;
  }
  return headInsertBefore(node, child);
};

/** The parser's message, with line and column worked out from its position when it gives only that. */
function checkJson(text: string): string | undefined {
  if (text.trim() === '') return undefined;
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    const message = String((error as Error).message);
    const position = /position (\d+)/.exec(message);
    if (position && !/line \d+/.test(message)) {
      const before = text.slice(0, Number(position[1])).split('\n');
      return `${message} (line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1})`;
    }
    return message;
  }
}

function submit(form: HTMLFormElement | null): boolean {
  if (!form) return false;
  const run = form.querySelector<HTMLButtonElement>('[data-run]');
  form.requestSubmit(run ?? undefined);
  return true;
}

function showStatus(area: HTMLTextAreaElement, status: HTMLElement | null): void {
  if (!status) return;
  const problem = checkJson(area.value);
  status.textContent = area.value.trim() === '' ? '' : problem ? `Not valid JSON: ${problem}` : 'Valid JSON.';
  status.className = `json-status${problem ? ' is-bad' : area.value.trim() === '' ? '' : ' is-good'}`;
}

function enhance(area: HTMLTextAreaElement): void {
  // A question's textarea (data-json-editor) has its own script, json-editor.js, that words the
  // status with the grader's hints and keeps the draft: it hears the textarea's input events, so
  // this editor leaves the status line to it.
  const status = area.hasAttribute('data-json-editor') ? null : document.getElementById(`${area.id}-status`);
  // A hidden required field that is empty blocks the submit with no message the learner can
  // see; the server answers an empty answer with its own words instead.
  area.required = false;
  const label = document.querySelector(`label[for="${area.id}"]`)?.textContent?.trim() ?? 'JSON';
  const view = new EditorView({
    parent: area.parentElement ?? document.body,
    state: EditorState.create({
      doc: area.value,
      extensions: [
        lineNumbers(),
        foldGutter(),
        history(),
        indentOnInput(),
        bracketMatching(),
        highlightActiveLine(),
        syntaxHighlighting(jsonHighlighter),
        json(),
        linter(jsonParseLinter(), { delay: 300 }),
        EditorView.lineWrapping,
        keymap.of([{ key: 'Mod-Enter', run: () => submit(area.form) }, indentWithTab, ...defaultKeymap, ...historyKeymap]),
        EditorView.contentAttributes.of({ 'aria-label': label, 'aria-describedby': area.getAttribute('aria-describedby') ?? '' }),
        EditorView.updateListener.of((update) => {
          if (!update.docChanged) return;
          area.value = update.state.doc.toString();
          showStatus(area, status);
          area.dispatchEvent(new Event('input', { bubbles: true }));
        }),
      ],
    }),
  });
  area.after(view.dom);
  area.hidden = true;
  view.dom.classList.add('code-editor');
  // Another script (the playground's field builder) may set the textarea's value: follow it.
  area.addEventListener('code-editor:set', () => {
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: area.value } });
  });
  // The label still points at the hidden textarea; clicking it should focus the editor.
  document.querySelector(`label[for="${area.id}"]`)?.addEventListener('click', () => view.focus());
  showStatus(area, status);
}

for (const area of document.querySelectorAll<HTMLTextAreaElement>('textarea[data-code-editor="json"]')) enhance(area);
// Ctrl+Enter in any other field of a form that has a run button.
document.addEventListener('keydown', (event) => {
  if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
  const target = event.target as HTMLElement | null;
  const form = target?.closest('form');
  if (form?.querySelector('[data-run]') && !target?.closest('.cm-editor')) {
    event.preventDefault();
    submit(form);
  }
});
