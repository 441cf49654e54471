// One ESM bundle split in two: the UI (ink, react) is a separate chunk that only the
// interactive app imports, so data subcommands start as fast as plain node.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

const outdir = new URL('../dist/', import.meta.url).pathname;
rmSync(outdir, { recursive: true, force: true });

const pkg = JSON.parse(await import('node:fs').then((fs) => fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')));

export const sharedOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  define: { 'process.env.NODE_ENV': '"production"', __KEEPER_PREP_VERSION__: JSON.stringify(pkg.version) },
  alias: {
    'react-devtools-core': new URL('../src/devtools-stub.js', import.meta.url).pathname,
    'ajv/dist/2020.js': new URL('../src/ajv-stub.js', import.meta.url).pathname,
    'ajv-formats': new URL('../src/ajv-stub.js', import.meta.url).pathname,
  },
  banner: { js: "import {createRequire as __cr} from 'node:module'; const require = __cr(import.meta.url);" },
  // jsonc-parser's "main" is a UMD build with requires esbuild cannot follow; its ESM build is fine.
  mainFields: ['module', 'main'],
  logLevel: 'warning',
};

await build({
  ...sharedOptions,
  entryPoints: { cli: 'src/cli.ts' },
  outdir,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
});
