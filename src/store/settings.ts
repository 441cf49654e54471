// Settings live in conf: small, rarely written, and conf owns the config directory.
import Conf from 'conf';
import envPaths from 'env-paths';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse as parseTolerant } from 'jsonc-parser';
import { parseInterviewDate } from '../core/day.js';
import { USER_DECK_NEW_PER_DAY } from '../core/deck-limits.js';
import { DEFAULT_LEVEL, isLevel, type Level } from '../core/levels.js';
import { isFittedParameters, isFittedShape, type FittedParameters } from '../core/fsrs-params.js';
import { asWriteError, type WriteContext } from './safe-write.js';
import { moveAside } from './damage.js';
import type { NoticeSink } from './notices.js';

export interface Settings {
  /** Track id, or null before the user has picked one. */
  role: string | null;
  /** New cards a day from the role's decks (the interview plan may raise it). */
  newPerDay: number;
  /** New cards a day from each of the user's own decks, on top of newPerDay. */
  userDeckNewPerDay: number;
  /** Desired retention for FSRS. */
  retention: number;
  /** The interview day, YYYY-MM-DD in local time; readiness predicts recall for it. */
  interviewDate: string | null;
  /** Ask "sure or guess?" before choice questions in readiness sessions, for calibration. */
  askConfidence: boolean;
  /** The level the user interviews for: rubrics show its bar (core/levels.ts). */
  level: Level;
  /** FSRS parameters fitted to the user's reviews (`optimize`); null: ts-fsrs's defaults. */
  fsrs: FittedParameters | null;
  /** Reviews in the log when Home last offered a fit (or one was made): the next offer waits for more. */
  fitOfferedAt: number;
}

/** The settings a progress file carries: fitted parameters belong to this machine's history, and are fitted again from a merged one. */
export type TransferSettings = Omit<Settings, 'fsrs' | 'fitOfferedAt'>;

export const DEFAULT_SETTINGS: Settings = { role: null, newPerDay: 20, userDeckNewPerDay: USER_DECK_NEW_PER_DAY, retention: 0.9, interviewDate: null, askConfidence: true, level: DEFAULT_LEVEL, fsrs: null, fitOfferedAt: 0 };

export const SETTINGS_LIMITS = {
  newPerDay: { min: 0, max: 500 },
  userDeckNewPerDay: { min: 0, max: 500 },
  retention: { min: 0.7, max: 0.99 },
} as const;

export interface SettingsStore {
  get(): Settings;
  set(patch: Partial<Settings>): Settings;
  /** The directory holding settings, and by default the progress files and user decks. */
  dir: string;
  file: string;
}

const PROJECT_VERSION = '1.0.0';

function clamp(value: unknown, fallback: number, limits: { min: number; max: number }): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(limits.max, Math.max(limits.min, value)) : fallback;
}

/** The config directory conf would choose for the project (env-paths, as conf itself uses). */
export function defaultDataDir(): string {
  return envPaths('keeper-prep', { suffix: '' }).config;
}

function createConf(dataDir: string): Conf<Settings> {
  return new Conf<Settings>({
    projectName: 'keeper-prep',
    cwd: dataDir,
    configName: 'settings',
    defaults: DEFAULT_SETTINGS,
    projectVersion: PROJECT_VERSION,
    // Stored shapes move forward through here; 1.0.0 is the first.
    migrations: {},
  });
}

const SETTINGS_CONTEXT: WriteContext = { what: 'your settings', kept: 'they are as they were before this change', inDataDir: true };

/** conf writes its file when it opens one that lacks a default: null when the disk refuses that. */
function confUnlessRefused(dataDir: string): Conf<Settings> | null {
  try {
    return createConf(dataDir);
  } catch (error) {
    if (['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES', 'EPERM'].includes((error as NodeJS.ErrnoException | null)?.code ?? '')) return null;
    throw error;
  }
}

/** The settings file as it is, for when conf cannot open it on a disk that takes no writes. */
function readSettingsFile(file: string): Partial<Settings> {
  try {
    const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Partial<Settings>) : {};
  } catch {
    return {};
  }
}

const FIELDS: { [K in keyof Settings]: { label: string; valid: (value: unknown) => boolean } } = {
  role: { label: 'role', valid: (v) => v === null || typeof v === 'string' },
  newPerDay: { label: 'new cards a day', valid: (v) => typeof v === 'number' && Number.isFinite(v) },
  userDeckNewPerDay: { label: 'new cards a day from each of your decks', valid: (v) => typeof v === 'number' && Number.isFinite(v) },
  retention: { label: 'retention', valid: (v) => typeof v === 'number' && Number.isFinite(v) },
  interviewDate: { label: 'interview date', valid: (v) => v === null || (typeof v === 'string' && parseInterviewDate(v) !== null) },
  askConfidence: { label: 'ask "sure or guess?"', valid: (v) => typeof v === 'boolean' },
  level: { label: 'target level', valid: isLevel },
  fsrs: { label: 'fitted FSRS parameters', valid: (v) => v === null || isFittedShape(v) },
  fitOfferedAt: { label: 'when a fit was last offered', valid: (v) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 },
};

/**
 * Checks settings.json before conf reads it. A file conf would choke on or rewrite in place (torn,
 * junk, `null`, `[]`, a field of the wrong type, a folder) is moved aside and reported, and the
 * fields still good in it (read leniently, so a torn file keeps the role it got to) are returned to
 * be stored again. Null when the file is fine or absent.
 */
function checkSettingsFile(file: string, now: number, notices: NoticeSink): Partial<Settings> | null {
  if (!existsSync(file)) return null;
  let value: unknown = undefined;
  let whole = false;
  const folder = statSync(file).isDirectory();
  if (!folder) {
    const text = readFileSync(file, 'utf8');
    try {
      value = JSON.parse(text);
      whole = true;
    } catch {
      value = parseTolerant(text, [], { allowTrailingComma: true });
    }
  }
  const object = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  const kept: Partial<Record<keyof Settings, unknown>> = {};
  const lost: string[] = [];
  for (const [key, field] of Object.entries(FIELDS) as [keyof Settings, (typeof FIELDS)[keyof Settings]][]) {
    if (!object || !(key in object)) continue;
    if (field.valid(object[key])) kept[key] = object[key];
    else lost.push(field.label);
  }
  if (whole && object && lost.length === 0) return null;
  const aside = moveAside(file, now);
  const what = folder ? 'was a folder' : !object ? (whole ? `held ${value === null ? 'null' : Array.isArray(value) ? 'a list' : `a ${typeof value}`}, not settings` : 'could not be read') : whole ? 'had values of the wrong kind' : 'was damaged (cut short or torn)';
  // Kept, but not worth a word: when a fit was last offered, and "no fitted parameters".
  const keptLabels = (Object.keys(kept) as (keyof Settings)[]).filter((k) => k !== 'fitOfferedAt' && !(k === 'fsrs' && kept.fsrs === null)).map((k) => FIELDS[k].label);
  const keptText = keptLabels.length > 0 ? ` Kept: ${keptLabels.join(', ')}.` : '';
  const lostText = lost.length > 0 ? ` Back to the default: ${lost.join(', ')}.` : '';
  notices.push(`Your settings file ${what}; it was moved to ${aside}.${keptText}${lostText}${keptLabels.length === 0 && lost.length === 0 ? ' Defaults are in use.' : ''}`);
  return kept as Partial<Settings>;
}

/** Opens settings; a damaged file is moved aside, the good fields in it kept, and a notice says where. */
export function openSettings(dataDir: string, now: number, notices: NoticeSink): SettingsStore {
  const kept = checkSettingsFile(join(dataDir, 'settings.json'), now, notices);
  // null: the disk refused conf's first write; settings are read from the file as it is, and a
  // change tries conf again (the disk may have room by then) or says why it could not be saved.
  let conf = confUnlessRefused(dataDir);
  const file = conf?.path ?? join(dataDir, 'settings.json');
  const read = (): Settings => {
    const raw = conf ? conf.store : readSettingsFile(file);
    return {
      role: typeof raw.role === 'string' ? raw.role : null,
      newPerDay: Math.round(clamp(raw.newPerDay, DEFAULT_SETTINGS.newPerDay, SETTINGS_LIMITS.newPerDay)),
      userDeckNewPerDay: Math.round(clamp(raw.userDeckNewPerDay, DEFAULT_SETTINGS.userDeckNewPerDay, SETTINGS_LIMITS.userDeckNewPerDay)),
      retention: clamp(raw.retention, DEFAULT_SETTINGS.retention, SETTINGS_LIMITS.retention),
      interviewDate: typeof raw.interviewDate === 'string' && parseInterviewDate(raw.interviewDate) !== null ? raw.interviewDate : null,
      askConfidence: typeof raw.askConfidence === 'boolean' ? raw.askConfidence : DEFAULT_SETTINGS.askConfidence,
      level: isLevel(raw.level) ? raw.level : DEFAULT_LEVEL,
      fsrs: isFittedParameters(raw.fsrs) ? raw.fsrs : null,
      fitOfferedAt: typeof raw.fitOfferedAt === 'number' && Number.isSafeInteger(raw.fitOfferedAt) && raw.fitOfferedAt >= 0 ? raw.fitOfferedAt : 0,
    };
  };
  if (kept && Object.keys(kept).length > 0 && conf) conf.set({ ...read(), ...kept });
  // Read once for all that runs at one time: a screen asks for settings dozens of times as it
  // draws (a list of design prompts once for each), each a read and parse of the file. A change
  // made meanwhile by another process is seen when the code running now has finished.
  let current: Settings | null = null;
  const get = (): Settings => {
    if (!current) {
      current = read();
      queueMicrotask(() => (current = null));
    }
    return current;
  };
  return {
    get,
    set(patch) {
      current = null;
      try {
        conf ??= createConf(dataDir);
        conf.set({ ...read(), ...patch });
      } catch (error) {
        throw asWriteError(error, file, SETTINGS_CONTEXT);
      }
      return get();
    },
    dir: dirname(file),
    file,
  };
}
