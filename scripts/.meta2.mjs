import { build } from 'esbuild';
import { sharedOptions } from './build.mjs';
import { execSync } from 'node:child_process';
const r = await build({ ...sharedOptions, entryPoints: { cli: 'src/cli.ts' }, outdir: '/tmp/metaout', splitting: true, chunkNames: 'chunks/[name]-[hash]', metafile: true });
const loaded = execSync(`KEEPER_PREP_HOME=/tmp/eq5 strace -f -e trace=openat node /tmp/metaout/cli.js ${process.argv[2]} 2>&1 >/dev/null | grep -o '/tmp/metaout/[^"]*\\.js' | sort -u`, {encoding:'utf8'}).trim().split('\n');
for (const f of loaded) {
  const out = Object.entries(r.metafile.outputs).find(([k]) => f.endsWith(k.replace(/^.*metaout/, '')))?.[1];
  if (!out) continue;
  const ins = Object.entries(out.inputs).sort((a,b)=>b[1].bytesInOutput-a[1].bytesInOutput).slice(0,6).map(([k,v])=>`${k.replace(/.*node_modules\//,'')}:${v.bytesInOutput}`);
  console.log(out.bytes, f.split('/').pop(), ins.join(' '));
  if (process.argv[3] && f.includes(process.argv[3])) console.log(out.imports);
}
