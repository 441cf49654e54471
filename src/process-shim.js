// `node:process` as the bundle imports it (scripts/build.mjs points every ESM import of it here).
// Node's ESM facade for it reads every property of process, getters included (process.report
// loads the diagnostic report module), some 3 ms of every start; the process object is the same.
const p = globalThis.process;

export default p;
export const env = p.env;
export function cwd() {
  return p.cwd();
}
