#!/usr/bin/env node
import module from 'node:module';

// Node 22+ can cache compiled bytecode between runs; Node 20 has no such API.
module.enableCompileCache?.();
// Plain `keeper-prep` opens the app from a bundle of its own; anything else is a command.
await import(process.argv.length <= 2 ? '../dist/app.js' : '../dist/cli.js');
