/** Form inputs with their unit and per-field error, and the step-by-step working, for the cost pages. */
import type { Calculation } from '../../../engine/index.ts';

/** Linked from the page body: `<link rel="stylesheet">` is allowed there, unlike `<style>`. */
export function CostStylesheet() {
  return <link rel="stylesheet" href="/cost/style.css" />;
}

/** The list of fields to fix, each linking to its input, named by its label. */
export function ErrorSummary({ errors, labels }: { errors: Readonly<Record<string, string>>; labels: Readonly<Record<string, string>> }) {
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <div class="error-box" role="alert">
      <p>
        <strong>{`${entries.length} field${entries.length === 1 ? ' needs' : 's need'} fixing:`}</strong>
      </p>
      <ul>
        {entries.map(([field, message]) => (
          <li>
            <a href={`#f-${field}`}>{labels[field] ?? field}</a>: {message}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function usd(n: number): string {
  const abs = Math.abs(n).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return `${n < 0 ? '−' : ''}$${abs}`;
}

export function Field(props: {
  name: string;
  label: string;
  unit?: string;
  values: Readonly<Record<string, string>>;
  errors: Readonly<Record<string, string>>;
  min?: number;
  max?: number;
  step?: string;
  hint?: string;
}) {
  const error = props.errors[props.name];
  const id = `f-${props.name}`;
  const described = [props.hint || props.unit ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <input
        id={id}
        name={props.name}
        type="number"
        inputmode="decimal"
        value={props.values[props.name] ?? ''}
        min={props.min}
        max={props.max}
        step={props.step ?? 'any'}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={described || undefined}
      />
      {props.unit || props.hint ? (
        <span class="hint" id={`${id}-hint`}>
          {[props.unit, props.hint].filter(Boolean).join(' — ')}
        </span>
      ) : null}
      {error ? (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function Select(props: {
  name: string;
  label: string;
  options: ReadonlyArray<readonly [string, string]>;
  values: Readonly<Record<string, string>>;
  errors: Readonly<Record<string, string>>;
}) {
  const error = props.errors[props.name];
  const id = `f-${props.name}`;
  const current = props.values[props.name];
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <select id={id} name={props.name} aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `${id}-error` : undefined}>
        {props.options.map(([value, text]) => (
          <option value={value} selected={value === current}>
            {text}
          </option>
        ))}
      </select>
      {error ? (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function Working({ calculation, summary }: { calculation: Calculation; summary: string }) {
  return (
    <details>
      <summary>{summary}</summary>
      <ol class="working">
        {calculation.steps.map((s) => (
          <li>
            {s.label}
            {s.formula ? (
              <>
                : <span class="formula">{s.formula}</span>
              </>
            ) : null}{' '}
            = <strong>{s.value}</strong>
          </li>
        ))}
      </ol>
    </details>
  );
}
