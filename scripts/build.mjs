// The commands' bundle (dist/cli.cjs, loaded by dist/cli.js), which holds no UI (ink, react), and
// the app's (dist/app.cjs, loaded by dist/app.js), one file for plain keeper-prep and for the
// commands that open the app.
// bin/keeper-prep.js picks one by whether there are arguments.
import { crc32 } from 'node:zlib';
import { build } from 'esbuild';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const outdir = new URL('../dist/', import.meta.url).pathname;

const pkg = JSON.parse(await import('node:fs').then((fs) => fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')));

/**
 * Every `string-width` import (ink's, wrap-ansi's, ours) measures through src/string-width-fast.js
 * first, and through the string-width it would have had (each importer its own version) otherwise.
 */
const stringWidthFastPath = {
  name: 'string-width-fast-path',
  setup(b) {
    const fast = new URL('../src/core/narrow-width.ts', import.meta.url).pathname;
    b.onResolve({ filter: /^string-width$/ }, async (args) => {
      if (args.pluginData?.real) return undefined;
      const real = await b.resolve('string-width', { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: { real: true } });
      return real.errors.length > 0 ? undefined : { path: real.path, namespace: 'string-width-fast' };
    });
    b.onLoad({ filter: /.*/, namespace: 'string-width-fast' }, (args) => ({
      contents: `import measure from ${JSON.stringify(args.path)};\nimport { narrowWidth } from ${JSON.stringify(fast)};\nexport default function stringWidth(input, options) {\n  const width = narrowWidth(input, options);\n  return width >= 0 ? width : measure(input, options);\n}\n`,
      resolveDir: dirname(args.path),
    }));
  },
};

/**
 * ink writes each frame through @alcalzone/ansi-tokenize, which asks for the style change between
 * every two neighbouring characters; most neighbours share one style (the same code objects, as
 * ansi-tokenize copies them per character), and the change between equal styles is none. The
 * answer for those comes at once instead of from three sets made per character: some 4,000 per
 * frame of a full 80x24 screen. Built against this one function: if its file changes, the build
 * says so rather than ship it unpatched.
 */
const ansiDiffFastPath = {
  name: 'ansi-diff-fast-path',
  setup(b) {
    b.onLoad({ filter: /[\\/]@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]diff\.js$/ }, async (args) => {
      const head = 'export function diffAnsiCodes(from, to) {\n';
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes(head)) throw new Error(`ansi-diff-fast-path: diffAnsiCodes not found in ${args.path}; check the fast path against its new source`);
      const same = '    if (from.length === to.length && from.every((code, i) => code === to[i])) return [];\n';
      return { contents: source.replace(head, head + same), loader: 'js', resolveDir: dirname(args.path) };
    });
  },
};

/**
 * ink draws each line of a frame cell by cell, the blank cells after its text included, and trims
 * the spaces off the string it made. Those cells (a space, no style) are left out before the string
 * is made, with the same result: a line of the full screen is mostly such cells, and each costs a
 * style comparison and a concatenation on every frame. Built against these lines: if ink's file
 * changes, the build says so rather than ship it unpatched.
 */
const inkLineFastPath = {
  name: 'ink-line-fast-path',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/]ink[\\/]build[\\/]output\.js$/ }, async (args) => {
      const line = '            return styledCharsToString(lineWithoutEmptyItems).trimEnd();\n';
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes(line)) throw new Error(`ink-line-fast-path: the line's styledCharsToString not found in ${args.path}; check the fast path against its new source`);
      const fast = [
        '            let end = lineWithoutEmptyItems.length;',
        "            while (end > 0 && lineWithoutEmptyItems[end - 1].value === ' ' && lineWithoutEmptyItems[end - 1].styles.length === 0) end--;",
        '            return styledCharsToString(end === lineWithoutEmptyItems.length ? lineWithoutEmptyItems : lineWithoutEmptyItems.slice(0, end)).trimEnd();',
        '',
      ].join('\n');
      return { contents: source.replace(line, () => fast), loader: 'js', resolveDir: dirname(args.path) };
    });
  },
};

/**
 * string-width (ink's) compiles its regex of every RGI emoji when its module loads: esbuild writes
 * the /v literal as new RegExp for node20, and the first \\p{RGI_Emoji} loads ICU's emoji data, some
 * 10-15 ms of every start. The app's own glyphs never reach it (src/core/narrow-width.ts), so it
 * is compiled the first time a cluster is tested, with the same pattern. Built against this one
 * line: if string-width changes, the build says so rather than ship it unpatched.
 */
const rgiEmojiOnFirstUse = {
  name: 'rgi-emoji-on-first-use',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/]string-width[\\/]index\.js$/ }, async (args) => {
      const source = readFileSync(args.path, 'utf8');
      // string-width 7 (wrap-ansi's) matches emoji through emoji-regex, compiled when first used.
      if (!source.includes("{RGI_Emoji}$/v")) return undefined;
      const line = 'const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;\n';
      if (!source.includes(line)) throw new Error(`rgi-emoji-on-first-use: the RGI_Emoji regex line not found in ${args.path}; check the patch against its new source`);
      const lazy = "let rgiEmojiCompiled;\nconst rgiEmojiRegex = { test: (text) => (rgiEmojiCompiled ??= new RegExp('^\\\\p{RGI_Emoji}$', 'v')).test(text) };\n";
      return { contents: source.replace(line, () => lazy), loader: 'js', resolveDir: dirname(args.path) };
    });
  },
};

/**
 * ESM imports of node:process get the process object (src/process-shim.js), conf's of node:assert
 * a deepEqual of its own (src/assert-lite.js), and commander's node:child_process (for executable
 * subcommands, which we have none of) and conf's node:crypto (for encrypted settings, which we do
 * not use) stand-ins that load them when first used (src/lazy-child-process.js, src/lazy-crypto.js):
 * each builtin's ESM facade or load costs some 2-5 ms of every start, for an object the bundle
 * already has, or calls it never makes.
 */
const cheapBuiltins = {
  name: 'cheap-builtins',
  setup(b) {
    const shim = (name) => new URL(`../src/${name}`, import.meta.url).pathname;
    b.onResolve({ filter: /^(node:)?process$/ }, (args) => (args.kind === 'import-statement' ? { path: shim('process-shim.js') } : undefined));
    b.onResolve({ filter: /^(node:)?assert$/ }, (args) => (args.kind === 'import-statement' && /[\\/]node_modules[\\/]conf[\\/]/.test(args.importer) ? { path: shim('assert-lite.js') } : undefined));
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) => (args.kind === 'require-call' && /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: shim('lazy-child-process.js') } : undefined));
    b.onResolve({ filter: /^(node:)?crypto$/ }, (args) => (args.kind === 'import-statement' && /[\\/]node_modules[\\/]conf[\\/]/.test(args.importer) ? { path: shim('lazy-crypto.js') } : undefined));
  },
};

/**
 * yoga-layout as the app's CommonJS bundle can hold it: its module loads the WebAssembly with a
 * top-level await, which CommonJS cannot hold. Ink reads Yoga only when it lays out, so the stand-in
 * gives the enums at once and the rest once loaded, leaving the promise for src/app-start.ts to
 * await before the UI draws.
 */
const yogaWithoutAwait = {
  name: 'yoga-without-await',
  setup(b) {
    b.onResolve({ filter: /^yoga-layout$/ }, async (args) => {
      if (args.pluginData?.real) return undefined;
      const real = await b.resolve('yoga-layout', { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: { real: true } });
      return real.errors.length > 0 ? undefined : { path: real.path, namespace: 'yoga-without-await' };
    });
    // ink's reconciler awaits at its top level only with DEV=true (React devtools, which the app's
    // bundle leaves out, and its own package.json for them): without the awaits, as when DEV is unset.
    b.onLoad({ filter: /[\\/]node_modules[\\/]ink[\\/]build[\\/]reconciler\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const awaits = ["await import('./devtools.js');", '? await loadPackageJson()'];
      if (!awaits.every((text) => source.includes(text))) throw new Error('ink reconciler.js changed: review the yoga-without-await patch');
      return { contents: source.replace(awaits[0], "import('./devtools.js');").replace(awaits[1], '? { name: undefined, version: undefined }'), loader: 'js' };
    });
    b.onLoad({ filter: /.*/, namespace: 'yoga-without-await' }, (args) => {
      const at = (file) => JSON.stringify(join(dirname(args.path), file));
      return {
        contents: `import loadYoga from ${at('../binaries/yoga-wasm-base64-esm.js')};
import wrapAssembly from ${at('./wrapAssembly.js')};
import * as enums from ${at('./generated/YGEnums.js')};
const Yoga = { ...enums };
globalThis[Symbol.for('keeper-prep.yoga')] = loadYoga().then((lib) => { Object.assign(Yoga, wrapAssembly(lib)); });
export default Yoga;
export * from ${at('./generated/YGEnums.js')};
`,
        resolveDir: dirname(args.path),
      };
    });
  },
};

/** In the command line's bundle, starting the app is asked of dist/app.js (src/app-start-remote.ts). */
const appStartRemote = {
  name: 'app-start-remote',
  setup(b) {
    const remote = new URL('../src/app-start-remote.ts', import.meta.url).pathname;
    b.onResolve({ filter: /^\.\/app-start\.js$/ }, () => ({ path: remote }));
  },
};

/**
 * ink imports its devtools (react-devtools-core, stubbed above, and ws) only when DEV=true; the
 * one-file app would parse them (some 50 KB) at every start, so there they are an empty module.
 */
const inkDevtoolsOff = {
  name: 'ink-devtools-off',
  setup(b) {
    const stub = new URL('../src/devtools-stub.js', import.meta.url).pathname;
    b.onResolve({ filter: /^\.\/devtools\.js$/ }, (args) => (/[\\/]node_modules[\\/]ink[\\/]/.test(args.importer) ? { path: stub } : undefined));
  },
};

export const sharedOptions = {
  plugins: [stringWidthFastPath, ansiDiffFastPath, inkLineFastPath, rgiEmojiOnFirstUse, cheapBuiltins],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: process.env.KP_NO_MINIFY ? false : true,
  legalComments: 'none',
  // Segmenters made when first used, not when their module loads (see src/lazy-segmenter.js).
  define: { 'process.env.NODE_ENV': '"production"', __KEEPER_PREP_VERSION__: JSON.stringify(pkg.version), 'Intl.Segmenter': 'LazySegmenter' },
  inject: [new URL('../src/lazy-segmenter.js', import.meta.url).pathname],
  alias: {
    'react-devtools-core': new URL('../src/devtools-stub.js', import.meta.url).pathname,
    'ajv/dist/2020.js': new URL('../src/ajv-stub.js', import.meta.url).pathname,
    'ajv-formats': new URL('../src/ajv-stub.js', import.meta.url).pathname,
    semver: new URL('../src/semver-lite.js', import.meta.url).pathname,
  },
  // CommonJS packages in the bundle (sql.js among them) expect require and __dirname.
  banner: {
    js: "import {createRequire as __cr} from 'node:module'; import {fileURLToPath as __fu} from 'node:url'; const require = __cr(import.meta.url); const __filename = __fu(import.meta.url); const __dirname = __fu(new URL('.', import.meta.url));",
  },
  // jsonc-parser's "main" is a UMD build with requires esbuild cannot follow; its ESM build is fine.
  mainFields: ['module', 'main'],
  // The FSRS optimizer is a native addon with a prebuilt .node per platform: resolved from the
  // install's node_modules when `optimize` first asks for it, never bundled.
  external: ['@open-spaced-repetition/binding'],
  logLevel: 'warning',
};

/** A bundle as one CommonJS file, whose compiled code src/store/code-cache.ts can keep. */
const commonJs = {
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  // "use strict" first: a directive after the banner's statement would be an ordinary string, and the
  // sources, ES modules, were written for strict mode.
  banner: { js: '"use strict";var __import_meta_url = require("node:url").pathToFileURL(__filename).href;' },
  define: { ...sharedOptions.define, 'import.meta.url': '__import_meta_url' },
};

if (process.argv[1] === new URL(import.meta.url).pathname) await buildCli();

async function buildCli() {
  rmSync(outdir, { recursive: true, force: true });
  // The commands: one CommonJS file, so that Node 20 can cache its compiled code between runs
  // (src/store/code-cache.ts; ES modules give no way to), loaded by dist/cli.js, a small ES module.
  // Code a command loads on demand is a function here that runs when asked; it is never loaded
  // as a file of its own. The UI is not in it: ink's layout engine loads with a top-level await,
  // which CommonJS cannot hold, so a command that opens the app imports dist/app.js.
  await build({
    ...sharedOptions,
    plugins: [...sharedOptions.plugins, appStartRemote],
    entryPoints: { cli: 'src/cli-main.ts' },
    outdir,
    ...commonJs,
  });
  await build({ ...sharedOptions, entryPoints: { cli: 'src/cli.ts' }, outdir, splitting: false });
  // SQL exercises run in a worker thread, which starts from a file of its own.
  await build({ ...sharedOptions, entryPoints: { 'sql-worker': 'src/store/sql-worker.js' }, outdir, splitting: false });
  // Plain keeper-prep, the app, starts from one file too (dist/app.cjs, behind dist/app.js, which
  // bin/keeper-prep.js picks): what it imports lazily is in the file, code that runs when asked.
  await build({ ...sharedOptions, ...commonJs, plugins: [...sharedOptions.plugins, inkDevtoolsOff, yogaWithoutAwait], entryPoints: { app: 'src/app-main.ts' }, outdir });
  await build({ ...sharedOptions, entryPoints: { app: 'src/app.ts' }, outdir, splitting: false });
  // Inside the CommonJS files an import() would need node:vm's dynamic-import hook, which
  // store/code-cache.ts does not give (on Node 20 the hook is experimental): none may be there.
  for (const file of ['cli.cjs', 'app.cjs']) if (/\bimport\(/.test(readFileSync(join(outdir, file), 'utf8'))) throw new Error(`dist/${file} holds an import(): see scripts/build.mjs`);
  await bundleBuiltinDecks();
  // sql.js loads SQLite as WebAssembly from this file (read by path, never fetched).
  copyFileSync(new URL('../node_modules/sql.js/dist/sql-wasm.wasm', import.meta.url), join(outdir, 'sql-wasm.wasm'));
}

/**
 * Validates the built-in decks once, at build time, into dist/builtin-decks.jsonl: the app then
 * reads one file and skips schema validation for them at every start. A broken built-in deck
 * fails the build with its positioned errors.
 */
async function bundleBuiltinDecks() {
  const tmp = mkdtempSync(join(tmpdir(), 'keeper-prep-build-'));
  try {
    const source = (path) => new URL(`../src/${path}`, import.meta.url).pathname;
    await build({ ...sharedOptions, entryPoints: { 'deck-parse': source('core/deck-parse.ts'), 'deck-datasets': source('store/deck-datasets.ts'), 'deck-facts': source('core/deck-facts.ts') }, outdir: tmp, outExtension: { '.js': '.mjs' }, minify: false });
    const { parseDeck, formatDeckError } = await import(join(tmp, 'deck-parse.mjs'));
    const { resolveDatasets } = await import(join(tmp, 'deck-datasets.mjs'));
    const { outlineHead, outlineOf } = await import(join(tmp, 'deck-facts.mjs'));
    const decksDir = new URL('../decks/', import.meta.url).pathname;
    const decks = [];
    const errors = [];
    for (const name of readdirSync(decksDir).filter((n) => n.endsWith('.json') && !n.endsWith('.schema.json')).sort()) {
      const text = readFileSync(join(decksDir, name), 'utf8');
      const result = parseDeck(text, `decks/${name}`);
      if (!result.ok) {
        errors.push(...result.errors.map(formatDeckError));
        continue;
      }
      // Dataset files are read in here, so the bundle carries their SQL and the app reads one file.
      const resolved = resolveDatasets(result.deck, join(decksDir, name), () => text);
      if ('deck' in resolved) decks.push({ file: name, deck: resolved.deck });
      else errors.push(...resolved.errors.map((e) => formatDeckError({ ...e, file: `decks/${name}` })));
    }
    if (errors.length > 0) throw new Error(`built-in decks do not validate:\n${errors.join('\n')}`);
    // Written as ASCII (\u escapes for the few other characters): Node decodes an all-ASCII file
    // on a fast path and keeps it as a one-byte string, so every start reads and parses it faster
    // (some 4 ms of each start here), and JSON.parse gives back the very same strings.
    // JSON lines: first an index of each deck's outline (store/deck-files: its top-level fields and
    // facts), then each deck's cards and datasets on a line of their own, parsed only when something reads them.
    const lazy = (deck) => ['cards', 'datasets'].filter((key) => key in deck);
    // The index carries the checksum of the lines after it, so a damaged install is noticed at start
    // (and the decks validated from decks/) rather than when a deck's cards are first read.
    const ascii = (value) => JSON.stringify(value).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    const body = decks.map(({ deck }) => `${ascii(Object.fromEntries(lazy(deck).map((key) => [key, deck[key]])))}\n`).join('');
    // CRC-32 as 8 hex digits, as src/store/checksum.ts gives it.
    const sum = crc32(body).toString(16).padStart(8, '0');
    const index = { version: 3, sum, decks: decks.map(({ file, deck }) => ({ file, head: outlineHead(deck, lazy(deck)), lazy: lazy(deck), outline: outlineOf(deck) })) };
    writeFileSync(join(outdir, 'builtin-decks.jsonl'), `${ascii(index)}\n${body}`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
