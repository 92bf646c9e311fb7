/**
 * Writing into a JSON answer field, whether /static/code-editor.js has turned its textarea into
 * a CodeMirror editor or not (no JavaScript, or a page without the editor). The textarea stays
 * the field the form posts, so reading it back (`inputValue()`) works either way.
 */
import type { Locator, Page } from 'playwright-core';

/** The CodeMirror editor that stands in for the textarea, when it was enhanced: the editor's DOM follows it. */
export function jsonEditorOf(page: Page, selector: string): Locator {
  return page.locator(`${selector} + .cm-editor .cm-content`);
}

/**
 * Replaces the field's text with `text`, as a learner would: in the editor by selecting all and
 * typing (one insertText, so the editor's own input handling runs once), in a bare textarea by
 * fill(). Resolves once the textarea holds the text, so a submit right after posts it.
 */
export async function fillJson(page: Page, selector: string, text: string): Promise<void> {
  const area = page.locator(selector);
  if (await area.isVisible()) {
    await area.fill(text);
    return;
  }
  const editor = jsonEditorOf(page, selector);
  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  if (text !== '') await page.keyboard.insertText(text);
  // The editor copies its text into the textarea on each change; wait for that copy.
  await area.evaluate(
    (element, expected) =>
      new Promise<void>((resolve, reject) => {
        const textarea = element as HTMLTextAreaElement;
        let frames = 0;
        const poll = () => {
          if (textarea.value === expected) resolve();
          else if (++frames > 300) reject(new Error(`The JSON editor holds ${JSON.stringify(textarea.value.slice(0, 200))}, not the text typed`));
          else requestAnimationFrame(poll);
        };
        poll();
      }),
    text,
  );
}
