/**
 * A JSON field: a plain textarea that posts without JavaScript, which /static/code-editor.js
 * (code-editor-client.ts) turns into a CodeMirror editor with highlighting, bracket matching, a
 * parse check as you type and Ctrl+Enter to submit. A page that uses it lists
 * CODE_EDITOR_SCRIPT in its layout's scripts, so other pages never load the editor.
 */
export const CODE_EDITOR_SCRIPT = '/static/code-editor.js';

export interface JsonEditorProps {
  /** The textarea's id; the status line is `${id}-status`. */
  readonly id: string;
  readonly name: string;
  readonly label: string;
  readonly value: string;
  readonly rows?: number;
  readonly hint?: string;
  /** A message about the value just posted (the field's error). */
  readonly error?: string | undefined;
  readonly form?: string;
}

export function JsonEditor({ id, name, label, value, rows = 8, hint, error, form }: JsonEditorProps) {
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : '', `${id}-status`].filter((part) => part !== '').join(' ');
  return (
    <div class="json-editor">
      <label for={id}>{label}</label>
      {hint ? (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <textarea
        id={id}
        name={name}
        rows={rows}
        spellcheck={false}
        autocomplete="off"
        data-code-editor="json"
        aria-describedby={described}
        aria-invalid={error ? 'true' : undefined}
        form={form}
      >
        {value}
      </textarea>
      <p class="json-status" id={`${id}-status`} aria-live="polite"></p>
    </div>
  );
}
