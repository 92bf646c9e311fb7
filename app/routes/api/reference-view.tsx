/**
 * /api/reference: the JSON API's reference, rendered on the server from the same OpenAPI
 * document /api/openapi.json serves, so the two never disagree. Server-rendered rather than
 * Swagger UI or Scalar: their Hono middlewares load the viewer from a CDN and start it with an
 * inline <script>, which the app's Content-Security-Policy (script-src 'self') refuses and a
 * self-hosted install may not reach; this page needs no script, follows both colour schemes and
 * weighs a fraction of their 1-3 MB bundles.
 */
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { Layout } from '../../views/layout.tsx';

/** The parts of an OpenAPI 3.1 document this page reads; anything else is left out, never guessed. */
export interface OpenApiSchema {
  readonly $ref?: string;
  readonly type?: string | readonly string[];
  readonly description?: string;
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly format?: string;
  readonly properties?: Readonly<Record<string, OpenApiSchema>>;
  readonly required?: readonly string[];
  readonly items?: OpenApiSchema;
  readonly additionalProperties?: OpenApiSchema | boolean;
  readonly oneOf?: readonly OpenApiSchema[];
  readonly anyOf?: readonly OpenApiSchema[];
  readonly allOf?: readonly OpenApiSchema[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly example?: unknown;
  readonly default?: unknown;
}

interface Parameter {
  readonly name: string;
  readonly in: string;
  readonly required?: boolean;
  readonly description?: string;
  readonly schema?: OpenApiSchema;
}

interface MediaContent {
  readonly content?: Readonly<Record<string, { schema?: OpenApiSchema }>>;
}

interface Operation {
  readonly tags?: readonly string[];
  readonly summary?: string;
  readonly description?: string;
  readonly parameters?: readonly Parameter[];
  readonly requestBody?: MediaContent & { required?: boolean; description?: string };
  readonly responses?: Readonly<Record<string, MediaContent & { description?: string }>>;
}

export interface OpenApiDocument {
  readonly info: { readonly title: string; readonly version: string; readonly description?: string };
  readonly paths?: Readonly<Record<string, Readonly<Record<string, Operation>>>>;
  readonly components?: { readonly schemas?: Readonly<Record<string, OpenApiSchema>> };
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
/** Nested objects deeper than this show as "object": the schema section has the rest. */
const MAX_DEPTH = 3;

export interface ApiOperation {
  readonly method: (typeof METHODS)[number];
  readonly path: string;
  readonly id: string;
  readonly operation: Operation;
}

/** Operations grouped by their first tag, in the document's order; untagged ones under "Other". */
export function groupOperations(document: OpenApiDocument): Array<[string, ApiOperation[]]> {
  const groups = new Map<string, ApiOperation[]>();
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const tag = operation.tags?.[0] ?? 'Other';
      const list = groups.get(tag) ?? [];
      list.push({ method, path, id: anchorFor(method, path), operation });
      groups.set(tag, list);
    }
  }
  return [...groups];
}

/** A fragment id from a method and path: "post /api/exams/{examId}" gives "post-api-exams-examId". */
export function anchorFor(method: string, path: string): string {
  return `${method}-${path}`.replace(/[^A-Za-z0-9]+/g, '-').replace(/-+$/, '');
}

const refName = (ref: string): string => ref.replace(/^#\/components\/schemas\//, '');
const schemaAnchor = (name: string): string => `schema-${name.replace(/[^A-Za-z0-9]+/g, '-')}`;

/** Descriptions are CommonMark; those of this API use only `code` spans, so only those are read. */
export function Description({ text }: { text: string }) {
  return (
    <>{text.split(/(`[^`]+`)/).map((part) => (part.length > 2 && part.startsWith('`') && part.endsWith('`') ? <code>{part.slice(1, -1)}</code> : part))}</>
  );
}

function literal(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
}

/** A schema's type in a few words, with a link where it names a component schema. */
export function TypeLabel({ schema }: { schema: OpenApiSchema }): Child {
  if (schema.$ref) {
    const name = refName(schema.$ref);
    return <a href={`#${schemaAnchor(name)}`}>{name}</a>;
  }
  if (schema.const !== undefined) return <code>{literal(schema.const)}</code>;
  if (schema.enum) return <>{schema.enum.length === 1 ? <code>{literal(schema.enum[0])}</code> : <>one of {enumList(schema.enum)}</>}</>;
  if (schema.type === 'array' && schema.items)
    return (
      <>
        array of <TypeLabel schema={schema.items} />
      </>
    );
  const variants = schema.oneOf ?? schema.anyOf;
  if (variants && variants.length > 1 && variants.every((v) => v.properties !== undefined)) return <>one of {variants.length} object shapes</>;
  if (variants) {
    // zod's nullable(x) is anyOf [x, null]: read as "x or null".
    return (
      <>
        {variants.map((v, i) => (
          <>
            {i > 0 ? ' or ' : ''}
            <TypeLabel schema={v} />
          </>
        ))}
      </>
    );
  }
  const type = Array.isArray(schema.type) ? schema.type.join(' or ') : (schema.type ?? 'any');
  const bounds = [schema.minimum !== undefined ? `≥ ${schema.minimum}` : null, schema.maximum !== undefined ? `≤ ${schema.maximum}` : null].filter(Boolean);
  return (
    <>
      {type}
      {schema.format ? ` (${schema.format})` : ''}
      {bounds.length > 0 ? `, ${bounds.join(', ')}` : ''}
    </>
  );
}

function enumList(values: readonly unknown[]) {
  return (
    <>
      {values.map((v, i) => (
        <>
          {i > 0 ? ', ' : ''}
          <code>{literal(v)}</code>
        </>
      ))}
    </>
  );
}

/** Whether a schema has fields of its own to list under its type. */
function hasFields(schema: OpenApiSchema): boolean {
  return schema.properties !== undefined || (schema.type === 'array' && schema.items?.properties !== undefined);
}

/** An object's fields, one a line: name, type, whether required, description; nested objects indented. */
export function SchemaFields({ schema, depth = 0 }: { schema: OpenApiSchema; depth?: number }): Child {
  if (schema.type === 'array' && schema.items) return <SchemaFields schema={schema.items} depth={depth} />;
  const variants = schema.oneOf ?? schema.anyOf;
  if (variants?.some(hasFields)) {
    return (
      <ol class="api-variants">
        {variants.map((v) => (
          <li>
            <SchemaFields schema={v} depth={depth} />
          </li>
        ))}
      </ol>
    );
  }
  if (!schema.properties) return null;
  const required = new Set(schema.required ?? []);
  return (
    <ul class="api-fields">
      {Object.entries(schema.properties).map(([name, property]) => (
        <li>
          <code class="api-field-name">{name}</code>{' '}
          <span class="api-type">
            <TypeLabel schema={property} />
          </span>
          {required.has(name) ? <span class="api-required"> required</span> : null}
          {property.description ? (
            <span class="api-description">
              {' '}
              — <Description text={property.description} />
            </span>
          ) : null}
          {depth + 1 < MAX_DEPTH && !property.$ref && hasFields(property) ? <SchemaFields schema={property} depth={depth + 1} /> : null}
        </li>
      ))}
    </ul>
  );
}

function BodySchema({ content }: { content: MediaContent['content'] }) {
  const entry = content ? Object.entries(content)[0] : undefined;
  if (!entry?.[1].schema) return null;
  const [mediaType, { schema }] = entry;
  return (
    <>
      <span class="api-type">
        <TypeLabel schema={schema} />
      </span>{' '}
      <span class="muted">({mediaType})</span>
      {schema.$ref ? null : <SchemaFields schema={schema} />}
    </>
  );
}

function OperationView({ op }: { op: ApiOperation }) {
  const { operation } = op;
  const parameters = operation.parameters ?? [];
  return (
    <section class="api-operation" aria-labelledby={op.id}>
      <h3 id={op.id}>
        <span class={`api-method api-method-${op.method}`}>{op.method.toUpperCase()}</span> <code class="api-path">{op.path}</code>
      </h3>
      {operation.summary ? <p class="api-summary">{operation.summary}</p> : null}
      {operation.description ? (
        <p>
          <Description text={operation.description} />
        </p>
      ) : null}
      {parameters.length > 0 ? (
        <>
          <h4>Parameters</h4>
          <ul class="api-fields">
            {parameters.map((p) => (
              <li>
                <code class="api-field-name">{p.name}</code> <span class="muted">in {p.in}</span>{' '}
                {p.schema ? (
                  <span class="api-type">
                    <TypeLabel schema={p.schema} />
                  </span>
                ) : null}
                {p.required ? <span class="api-required"> required</span> : null}
                {p.description ? (
                  <span class="api-description">
                    {' '}
                    — <Description text={p.description} />
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {operation.requestBody ? (
        <>
          <h4>Request body</h4>
          {operation.requestBody.description ? (
            <p>
              <Description text={operation.requestBody.description} />
            </p>
          ) : null}
          <BodySchema content={operation.requestBody.content} />
        </>
      ) : null}
      <h4>Responses</h4>
      <dl class="api-responses">
        {Object.entries(operation.responses ?? {}).map(([status, response]) => (
          <>
            <dt>
              <span class={`api-status api-status-${status.charAt(0)}xx`}>{status}</span>
            </dt>
            <dd>
              <Description text={response.description ?? ''} /> <BodySchema content={response.content} />
            </dd>
          </>
        ))}
      </dl>
    </section>
  );
}

function ApiReferenceContent({ document }: { document: OpenApiDocument }) {
  const groups = groupOperations(document);
  const schemas = Object.entries(document.components?.schemas ?? {});
  return (
    <>
      <h1>{document.info.title}</h1>
      <p class="muted">
        Version {document.info.version} · the same as the machine-readable <a href="/api/openapi.json">OpenAPI document</a>
      </p>
      {document.info.description ? (
        <p class="lead">
          <Description text={document.info.description} />
        </p>
      ) : null}
      <nav class="api-contents" aria-labelledby="api-contents-heading">
        <h2 id="api-contents-heading">Contents</h2>
        <ul>
          {groups.map(([tag, operations]) => (
            <li>
              <a href={`#tag-${tag.replace(/[^A-Za-z0-9]+/g, '-')}`}>{tag}</a> <span class="muted">({operations.length})</span>
            </li>
          ))}
          <li>
            <a href="#schemas">Schemas</a> <span class="muted">({schemas.length})</span>
          </li>
        </ul>
      </nav>
      {groups.map(([tag, operations]) => (
        <section aria-labelledby={`tag-${tag.replace(/[^A-Za-z0-9]+/g, '-')}`}>
          <h2 id={`tag-${tag.replace(/[^A-Za-z0-9]+/g, '-')}`}>{tag}</h2>
          {operations.map((op) => (
            <OperationView op={op} />
          ))}
        </section>
      ))}
      <section aria-labelledby="schemas">
        <h2 id="schemas">Schemas</h2>
        {schemas.map(([name, schema]) => (
          <section class="api-schema" aria-labelledby={schemaAnchor(name)}>
            <h3 id={schemaAnchor(name)}>{name}</h3>
            {schema.description ? (
              <p>
                <Description text={schema.description} />
              </p>
            ) : null}
            <p>
              <span class="api-type">
                <TypeLabel schema={schema.properties ? { type: 'object' } : schema} />
              </span>
            </p>
            <SchemaFields schema={schema} />
          </section>
        ))}
      </section>
    </>
  );
}

/** The document's part of the page, rendered once per document: it is 100 KB of HTML that only a redeploy changes. */
const renderedContent = new WeakMap<OpenApiDocument, string>();

export function ApiReferencePage({ document }: { document: OpenApiDocument }) {
  let content = renderedContent.get(document);
  if (content === undefined) {
    content = String(<ApiReferenceContent document={document} />);
    renderedContent.set(document, content);
  }
  return (
    <Layout title="API reference" styles={['/static/api-reference.css']}>
      {raw(content)}
    </Layout>
  );
}
