/**
 * A request as an AWS CLI command, JavaScript (SDK v3) and Python (boto3), each runnable against
 * this server as shown (app/playground/code-export.ts). The code is plain text in the page, so it
 * can be selected and copied without JavaScript; with it, a button copies it.
 */
import { type CodeExportOptions, toCli, toJavaScript, toPython } from '../../playground/code-export.ts';

export interface CopyContext {
  readonly endpoint: string;
  readonly options: CodeExportOptions;
}

let serial = 0;

export function CopyAs({ action, input, context }: { action: string; input: unknown; context: CopyContext }) {
  // Ids unique within a page, which may show several requests (the history).
  const id = `copy-${++serial}`;
  const forms = [
    ['cli', 'AWS CLI', toCli(action, input, context.endpoint, context.options)],
    ['js', 'JavaScript (SDK v3)', toJavaScript(action, input, context.endpoint, context.options)],
    ['py', 'Python (boto3)', toPython(action, input, context.endpoint, context.options)],
  ] as const;
  return (
    <div class="copy-as">
      {forms.map(([kind, label, code]) => (
        <details data-copy-kind={kind}>
          <summary>Copy as {label}</summary>
          <button type="button" class="button-small button-secondary" data-copy={`${id}-${kind}`} data-label={`Copy the ${label} code`} hidden>
            Copy the {label} code
          </button>
          <section class="json-block" tabindex={0} aria-label={`${action} as ${label}`}>
            <pre id={`${id}-${kind}`}>{code}</pre>
          </section>
        </details>
      ))}
    </div>
  );
}
