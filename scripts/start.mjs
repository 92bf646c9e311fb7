/**
 * `npm start`: the server as compiled JavaScript. tsx compiles every TypeScript file at every
 * start (about a second and a half of a 2-3 s start on 2 cores); here esbuild bundles app/main.ts
 * once into node_modules/.cache/dynamodb-study/server/, named by a hash of the sources, and each
 * start imports that file. `npm install` builds it (the `prepare` script runs this with
 * --build-only); after a `git pull` or an edit the hash changes and the next start rebuilds
 * (under a second) before serving, so a stale build is never run.
 *
 * Modules find files beside them through import.meta.url (migrations/, style.css, templates):
 * in one bundle every module would share the bundle's URL, so the build gives each module the
 * URL of its own source file, written relative to the bundle so the tree can move.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = join(ROOT, 'node_modules', '.cache', 'dynamodb-study', 'server');
const ENTRY = join(ROOT, 'app', 'main.ts');

function sourceFiles(dir) {
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...sourceFiles(path));
    else if (/\.(ts|tsx|mjs|js|json)$/.test(entry.name)) files.push(path);
  }
  return files;
}

/** Everything the bundle is made of: the sources, the compiler settings, the locked library versions and this script. */
export function sourceHash() {
  const hash = createHash('sha256').update(process.version);
  // content/ too: a family that needs code keeps its TypeScript beside its markdown.
  const files = [...sourceFiles(join(ROOT, 'app')), ...sourceFiles(join(ROOT, 'engine')), ...sourceFiles(join(ROOT, 'content'))].sort();
  files.push(join(ROOT, 'tsconfig.json'), join(ROOT, 'package-lock.json'), fileURLToPath(import.meta.url));
  for (const file of files) {
    hash.update(relative(ROOT, file)).update('\0');
    if (existsSync(file)) hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 20);
}

/** Gives each bundled module its own source file's URL (see above). */
const ownImportMetaUrl = {
  name: 'own-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.tsx?$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      const loader = args.path.endsWith('x') ? 'tsx' : 'ts';
      if (!text.includes('import.meta.')) return { contents: text, loader };
      const other = /import\.meta\.(?!(?:url|dirname|filename)\b)\w+/.exec(text);
      if (other) return { errors: [{ text: `${other[0]} is not rewritten for the bundle: use import.meta.url` }] };
      const fromBundle = relative(OUT_DIR, args.path).split(sep).join('/');
      const url = `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`;
      const filename = `process.getBuiltinModule('node:url').fileURLToPath(${url})`;
      const contents = text
        .replaceAll('import.meta.url', url)
        .replaceAll('import.meta.filename', filename)
        .replaceAll('import.meta.dirname', `process.getBuiltinModule('node:path').dirname(${filename})`);
      return { contents, loader };
    });
  },
};

async function buildServer(out) {
  const { build } = await import('esbuild');
  mkdirSync(OUT_DIR, { recursive: true });
  const temporary = `${out}.${process.pid}.tmp.mjs`;
  await build({
    entryPoints: [ENTRY],
    outfile: temporary,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Libraries stay in node_modules (better-sqlite3 is native); only our TypeScript is bundled.
    packages: 'external',
    plugins: [ownImportMetaUrl],
    logLevel: 'warning',
  });
  // Written aside and renamed, so a server starting meanwhile never imports half a file.
  renameSync(temporary, out);
  // Older builds; a server still running one has it loaded already.
  for (const name of readdirSync(OUT_DIR)) if (join(OUT_DIR, name) !== out && !name.includes('.tmp')) rmSync(join(OUT_DIR, name), { force: true });
}

/** The bundle for the current sources, built first when missing. */
export async function serverBundle() {
  const out = join(OUT_DIR, `main-${sourceHash()}.mjs`);
  if (!existsSync(out)) {
    const started = performance.now();
    await buildServer(out);
    console.log(`Compiled the server in ${Math.round(performance.now() - started)} ms.`);
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = await serverBundle();
  if (!process.argv.includes('--build-only')) await import(pathToFileURL(out).href);
}
