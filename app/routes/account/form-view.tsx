/** Pieces the account forms share: a labelled field with its hint and error, and the error summary. */
import type { Child } from 'hono/jsx';

/** Field name → what is wrong with it, in the order the fields appear. */
export type FieldErrors = ReadonlyArray<{ readonly field: string; readonly message: string }>;

export function AccountStylesheet() {
  return <link rel="stylesheet" href="/account/style.css" />;
}

/** Listed first on the page and announced; each entry links to its field. */
export function ErrorSummary({ errors, labels }: { errors: FieldErrors; labels: Readonly<Record<string, string>> }) {
  if (errors.length === 0) return null;
  return (
    <div class="error-box" role="alert" aria-labelledby="error-summary-heading">
      <h2 id="error-summary-heading">{errors.length === 1 ? 'There is a problem' : `There are ${errors.length} problems`}</h2>
      <ul>
        {errors.map((e) => (
          <li>
            <a href={`#${e.field}`}>
              {labels[e.field] ?? e.field}: {e.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export interface TextFieldProps {
  readonly name: string;
  readonly label: string;
  readonly type?: 'text' | 'password';
  readonly value?: string | undefined;
  readonly hint?: Child;
  readonly errors?: FieldErrors;
  readonly autocomplete: string;
  readonly required?: boolean;
  readonly maxlength?: number;
  /** The id, when two forms on one page have a field of the same name. */
  readonly id?: string;
}

export function TextField({ name, label, type = 'text', value, hint, errors = [], autocomplete, required = true, maxlength, id = name }: TextFieldProps) {
  const error = errors.find((e) => e.field === id)?.message;
  const describedBy = [hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined].filter(Boolean).join(' ');
  return (
    <div class="form-field">
      <label for={id}>{label}</label>
      <input
        type={type}
        id={id}
        name={name}
        value={type === 'password' ? undefined : value}
        autocomplete={autocomplete}
        required={required}
        maxlength={maxlength}
        spellcheck={false}
        autocapitalize="none"
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
      />
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
    </div>
  );
}
