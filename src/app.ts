// Plain `keeper-prep`, the app (bin/keeper-prep.js calls main), and where the command line's
// bundle starts the app for `study`, `design` and `behavioral`. The app itself is one CommonJS
// file beside this one (dist/app.cjs, from app-main.ts), loaded with its compiled code cached
// between runs (store/code-cache.ts), as the commands' is.
import { fileURLToPath } from 'node:url';
import { codeCacheDir, loadCommonJs } from './store/code-cache.js';

const app = loadCommonJs(fileURLToPath(new URL('./app.cjs', import.meta.url)), codeCacheDir(), 'app') as typeof import('./app-main.js');

export const { main, startApp } = app;
