#!/usr/bin/env node
import module from 'node:module';

// Node 22+ can cache compiled bytecode between runs; Node 20 has no such API.
module.enableCompileCache?.();
await import('../dist/cli.js');
