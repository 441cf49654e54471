// Runs SQL exercises: each query on a fresh in-memory copy of its dataset, in a worker thread that
// is terminated when the query passes its time (sql.js cannot be interrupted otherwise). One warm
// worker is kept between runs, since starting one and compiling SQLite costs more than most
// queries; a terminated worker is replaced on the next run. Each dataset is built from its SQL
// once per process and its bytes kept, so a replaced worker does not build it again.
import { crypto } from './lazy-builtins.js';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { MAX_RESULT_ROWS, seconds, type ResultSet, type SqlRun, type TablePreview } from '../core/exercise.js';
import { errorPosition, sqlRefusal } from '../core/sql-guard.js';
import { workerThreads } from './lazy-builtins.js';

/** A query gets this long by default: any exercise on a few thousand rows answers well within it. */
export const SQL_TIMEOUT_MS = 3000;
/**
 * Starting the worker and building a dataset (once per process) get this long before the query's
 * own limit starts: a few thousand rows build in well under a second, even on a busy machine.
 */
export const SETUP_TIMEOUT_MS = 30_000;
/** Rows of each table the editor shows beside the prompt. */
export const SAMPLE_ROWS = 3;

export interface SqlRunnerPaths {
  /** sql-wasm.wasm: SQLite as WebAssembly. */
  sqlWasm: string;
  /** The worker's script: dist/sql-worker.js when bundled; this directory's sql-worker.js from source. */
  sqlWorker?: string | undefined;
}

type Reply =
  | { id: number; ok: true; result?: ResultSet; tables?: TablePreview[]; built: Uint8Array | null; ms: number }
  | { id: number; ok: false; stage: 'dataset' | 'query'; from: number; error: string; built: Uint8Array | null; ms: number };

/** The worker says when the query itself starts, and the query's time limit starts then. */
type Started = { id: number; started: true; built: Uint8Array | null };

type Outcome = { reply: Reply } | { stopped: 'timeout' | 'crash'; detail: string; ms: number };

export class SqlRunner {
  private worker: Worker | null = null;
  /** The dataset the worker holds now, by key, so its bytes are not sent again. */
  private workerHolds: string | null = null;
  private readonly bytes = new Map<string, Uint8Array>();
  private nextId = 1;
  /** Runs one at a time: a worker serves one query, and a timeout ends only its own. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly paths: SqlRunnerPaths,
    private readonly timeoutMs = SQL_TIMEOUT_MS,
  ) {}

  /** Runs the user's query on a fresh copy of the dataset. Never rejects. */
  run(datasetSql: string, query: string): Promise<SqlRun> {
    const refusal = sqlRefusal(query);
    if (refusal) return Promise.resolve({ ok: false, error: refusal, timedOut: false, ms: 0 });
    return this.serial(async () => {
      const outcome = await this.request(datasetSql, { op: 'run', query, maxRows: MAX_RESULT_ROWS });
      if ('stopped' in outcome) return { ok: false, error: outcome.detail, timedOut: outcome.stopped === 'timeout', ms: outcome.ms };
      const { reply } = outcome;
      if (reply.ok) return { ok: true, result: reply.result!, ms: reply.ms };
      if (reply.stage === 'dataset') return { ok: false, error: `the exercise's dataset does not load: ${oneLine(reply.error)}`, timedOut: false, ms: reply.ms };
      return { ok: false, error: oneLine(reply.error), timedOut: false, position: errorPosition(query, reply.from, reply.error), ms: reply.ms };
    });
  }

  /** The dataset's tables for the editor's side panel; throws with one line when it does not load. */
  preview(datasetSql: string): Promise<TablePreview[]> {
    return this.serial(async () => {
      const outcome = await this.request(datasetSql, { op: 'preview', sampleRows: SAMPLE_ROWS });
      if ('stopped' in outcome) throw new Error(outcome.detail);
      if (!outcome.reply.ok) throw new Error(`the exercise's dataset does not load: ${oneLine(outcome.reply.error)}`);
      return outcome.reply.tables ?? [];
    });
  }

  /** Ends the warm worker; the next run starts another. */
  close(): void {
    void this.worker?.terminate();
    this.worker = null;
    this.workerHolds = null;
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => {});
    return next;
  }

  private spawn(): Worker {
    const { Worker } = workerThreads();
    const script = this.paths.sqlWorker ?? fileURLToPath(new URL('./sql-worker.js', import.meta.url));
    const worker = new Worker(script);
    // Idle, it must not keep a command from exiting; it is ref'd while a query is out.
    worker.unref();
    return worker;
  }

  private request(datasetSql: string, message: Record<string, unknown>): Promise<Outcome> {
    const key = crypto().createHash('sha256').update(datasetSql).digest('hex');
    const worker = (this.worker ??= this.spawn());
    const id = this.nextId++;
    const known = this.bytes.get(key);
    const dataset = this.workerHolds === key ? { key } : known ? { key, bytes: known } : { key, sql: datasetSql };
    const started = performance.now();
    return new Promise<Outcome>((resolve) => {
      const finish = (outcome: Outcome) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        worker.unref();
        resolve(outcome);
      };
      const drop = () => {
        void worker.terminate();
        if (this.worker === worker) {
          this.worker = null;
          this.workerHolds = null;
        }
      };
      const onMessage = (reply: Reply | Started) => {
        if (reply.id !== id) return;
        if ('started' in reply) {
          if (reply.built) this.bytes.set(key, reply.built);
          this.workerHolds = key;
          clearTimeout(timer);
          timer = setTimeout(() => stop(`stopped after ${seconds(this.timeoutMs)}: the query ran past its time (an endless recursive CTE, or a join without its condition?)`), this.timeoutMs);
          return;
        }
        if (reply.built) this.bytes.set(key, reply.built);
        this.workerHolds = reply.ok || reply.stage === 'query' ? key : this.workerHolds;
        finish({ reply });
      };
      const onError = (error: Error) => {
        drop();
        finish({ stopped: 'crash', detail: `SQLite stopped before it answered: ${oneLine(error.message)}`, ms: performance.now() - started });
      };
      const onExit = () => {
        drop();
        finish({ stopped: 'crash', detail: 'the query stopped SQLite before it answered', ms: performance.now() - started });
      };
      const stop = (detail: string) => {
        drop();
        finish({ stopped: 'timeout', detail, ms: performance.now() - started });
      };
      let timer = setTimeout(() => stop(`stopped after ${seconds(SETUP_TIMEOUT_MS)}: SQLite or the exercise's dataset took too long to load`), SETUP_TIMEOUT_MS);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.ref();
      worker.postMessage({ id, wasm: this.paths.sqlWasm, dataset, ...message });
    });
  }
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
