#!/usr/bin/env node
import module from 'node:module';

// Node 22+ can cache compiled bytecode between runs; on Node 20 the app's and the commands' bundles
// keep caches of their own (src/store/code-cache.ts).
module.enableCompileCache?.();
// Plain `keeper-prep` opens the app from a bundle of its own; anything else is a command.
if (process.argv.length <= 2) await (await import('../dist/app.js')).main();
else await import('../dist/cli.js');
