/** Labelled form fields for the playground's forms, each with its error beside it. */
import type { FieldError } from './requests.ts';

export type Values = Readonly<Record<string, string | undefined>>;

const idOf = (name: string): string => `f-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;

export function errorFor(errors: readonly FieldError[], name: string): string | undefined {
  return errors.find((e) => e.field === name)?.message;
}

export function TextField({
  name,
  label,
  values,
  errors = [],
  hint,
  inputmode,
  placeholder,
}: {
  name: string;
  label: string;
  values: Values;
  errors?: readonly FieldError[];
  hint?: string | undefined;
  inputmode?: 'numeric';
  placeholder?: string;
}) {
  const id = idOf(name);
  const error = errorFor(errors, name);
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter((s) => s !== '').join(' ') || undefined;
  return (
    <div class="pg-field">
      <label for={id}>{label}</label>
      <input
        type="text"
        id={id}
        name={name}
        value={values[name] ?? ''}
        inputmode={inputmode}
        placeholder={placeholder}
        autocomplete="off"
        spellcheck={false}
        aria-describedby={described}
        aria-invalid={error ? 'true' : undefined}
      />
      {hint ? (
        <span class="hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span class="field-error" id={`${id}-error`}>
          {error}
        </span>
      ) : null}
    </div>
  );
}

export function SelectField({
  name,
  label,
  values,
  choices,
  errors = [],
  hint,
  fallback,
}: {
  name: string;
  label: string;
  values: Values;
  choices: readonly (string | readonly [string, string])[];
  errors?: readonly FieldError[];
  hint?: string | undefined;
  fallback?: string;
}) {
  const id = idOf(name);
  const error = errorFor(errors, name);
  const current = values[name] ?? fallback ?? '';
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter((s) => s !== '').join(' ') || undefined;
  return (
    <div class="pg-field">
      <label for={id}>{label}</label>
      <select id={id} name={name} aria-describedby={described} aria-invalid={error ? 'true' : undefined}>
        {choices.map((choice) => {
          const [value, text] = typeof choice === 'string' ? [choice, choice] : choice;
          return (
            <option value={value} selected={value === current}>
              {text}
            </option>
          );
        })}
      </select>
      {hint ? (
        <span class="hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span class="field-error" id={`${id}-error`}>
          {error}
        </span>
      ) : null}
    </div>
  );
}

/** Errors that belong to no single field shown above the form. */
export function FormErrors({ errors }: { errors: readonly FieldError[] }) {
  if (errors.length === 0) return null;
  return (
    <div class="error-box" role="alert">
      <p>
        <strong>Please check the form</strong> — nothing was sent:
      </p>
      <ul>
        {errors.map((e) => (
          <li>
            <strong>{e.field}</strong>: {e.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
