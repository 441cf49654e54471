// Reads an Anki package (.apkg, .colpkg): a zip holding an SQLite collection. SQLite runs as
// WebAssembly (sql.js) and the zip and zstd readers are plain JavaScript, so `npx` needs no
// native build. Every way a file can be wrong ends in one ImportError line.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { BinaryReader, WireType } from '@bufbuild/protobuf/wire';
import { unzipSync } from 'fflate';
import { Decompress } from 'fzstd';
import initSqlJs, { type Database, type SqlValue } from 'sql.js';
import type { AnkiCollection, AnkiNote, AnkiNoteType } from '../core/anki-notes.js';
import { ImportError } from '../core/import-text.js';
import { safeText } from '../core/safe-text.js';

/** Newest first: recent Anki exports hold a current collection plus a stub for old versions. */
const COLLECTIONS = ['collection.anki21b', 'collection.anki21', 'collection.anki2'] as const;
/**
 * A collection this big inside a package is not a deck of flashcards. Both the zip's declared size
 * and the zstd output are held to it, so a small crafted file cannot unpack to gigabytes.
 */
export const MAX_COLLECTION_BYTES = 256 * 1024 * 1024;
const TOO_BIG = `unpacks to over ${MAX_COLLECTION_BYTES / 1048576} MB, more than a deck of flashcards; if it is your whole collection, export just the deck you want from Anki`;

/** The window or content size the first zstd frame asks the decoder to allocate, from its header. */
function zstdDeclaredSize(d: Uint8Array): number {
  if (d.length < 6 || d[0] !== 0x28 || d[1] !== 0xb5 || d[2] !== 0x2f || d[3] !== 0xfd) return 0;
  const flags = d[4]!;
  const single = (flags >> 5) & 1;
  const sizeBytes = flags >> 6 ? 1 << (flags >> 6) : single;
  let window = 0;
  if (!single) {
    const base = 2 ** (10 + (d[5]! >> 3));
    window = base + (base / 8) * (d[5]! & 7);
  }
  const at = 6 - single + ((flags & 3) === 3 ? 4 : flags & 3);
  let size = sizeBytes === 2 ? 256 : 0;
  for (let i = 0; i < sizeBytes; i++) size += (d[at + i] ?? 0) * 2 ** (8 * i);
  return Math.max(window, size);
}

/** zstd output, block by block, stopped as soon as it passes the limit. */
function unzstd(bytes: Uint8Array, what: string): Uint8Array {
  if (zstdDeclaredSize(bytes) > MAX_COLLECTION_BYTES) throw new ImportError(`${what} ${TOO_BIG}`);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const stream = new Decompress((chunk) => {
    total += chunk.length;
    if (total > MAX_COLLECTION_BYTES) throw new ImportError(`${what} ${TOO_BIG}`);
    chunks.push(chunk.slice());
  });
  const STEP = 64 * 1024;
  for (let at = 0; at < bytes.length; at += STEP) stream.push(bytes.subarray(at, at + STEP), at + STEP >= bytes.length);
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

function unzipCollection(file: string, data: Uint8Array): { name: string; bytes: Uint8Array } {
  // The file's and its entries' names are quoted in errors: someone else's text, shown safe.
  const name = safeText(basename(file));
  if (!(data[0] === 0x50 && data[1] === 0x4b)) throw new ImportError(`${name} is not a zip file, so not an Anki package (.apkg files are zip archives)`);
  let entries: Record<string, Uint8Array>;
  const listed: string[] = [];
  try {
    entries = unzipSync(data, {
      // Only the collection is read: media files can be large and a terminal cannot show them.
      filter: (entry) => {
        listed.push(entry.name);
        if (!(COLLECTIONS as readonly string[]).includes(entry.name)) return false;
        // fflate unpacks into a buffer of the declared size, so checking it bounds the memory used.
        if (entry.originalSize > MAX_COLLECTION_BYTES) throw new ImportError(`${name}: its ${entry.name} ${TOO_BIG}`);
        return true;
      },
    });
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError(`${name} is damaged or cut short: the zip cannot be read (${safeText((error as Error).message)}); download or export it again`);
  }
  for (const collection of COLLECTIONS) {
    const bytes = entries[collection];
    if (bytes) return { name: collection, bytes };
  }
  const found = safeText(listed.slice(0, 4).join(', ')) + (listed.length > 4 ? `, and ${listed.length - 4} more` : '');
  throw new ImportError(`${name} is a zip file but not an Anki package: it has no ${COLLECTIONS.slice().reverse().join(', ')} (it holds ${found || 'nothing'})`);
}

function rows(db: Database, sql: string): SqlValue[][] {
  return db.exec(sql)[0]?.values ?? [];
}

function text(value: SqlValue): string {
  return typeof value === 'string' ? value : value instanceof Uint8Array ? new TextDecoder().decode(value) : String(value ?? '');
}

/** Schema 11 (collection.anki2 and .anki21): note types and decks are JSON in the col table. */
function legacyNoteTypes(db: Database): { types: Map<number, AnkiNoteType>; decks: Map<number, string> } {
  const [models, decks] = rows(db, 'select models, decks from col')[0] ?? [];
  const types = new Map<number, AnkiNoteType>();
  // The JSON is the package's own text: anything not of the expected shape reads as empty.
  const str = (value: unknown) => (typeof value === 'string' ? value : '');
  const list = (value: unknown) => (Array.isArray(value) ? value.filter((item): item is Record<string, unknown> => item !== null && typeof item === 'object') : []);
  const byOrd = (a: Record<string, unknown>, b: Record<string, unknown>) => Number(a.ord) - Number(b.ord) || 0;
  for (const [id, model] of Object.entries(JSON.parse(text(models ?? '{}')) as Record<string, Record<string, unknown> | null>)) {
    if (model === null || typeof model !== 'object') continue;
    types.set(Number(id), {
      name: str(model.name) || 'unnamed',
      cloze: model.type === 1,
      fields: list(model.flds).sort(byOrd).map((f) => str(f.name)),
      templates: list(model.tmpls).sort(byOrd).map((t) => ({ name: str(t.name), front: str(t.qfmt), back: str(t.afmt) })),
    });
  }
  const deckNames = new Map<number, string>();
  for (const [id, deck] of Object.entries(JSON.parse(text(decks ?? '{}')) as Record<string, { name?: unknown } | null>)) deckNames.set(Number(id), str(deck?.name));
  return { types, decks: deckNames };
}

/** Reads the string fields of a protobuf message (Anki 2.1.50+ keeps templates this way). */
function protoStrings(bytes: Uint8Array): Map<number, string> {
  const out = new Map<number, string>();
  const reader = new BinaryReader(bytes);
  while (reader.pos < reader.len) {
    const [field, wire] = reader.tag();
    if (wire === WireType.LengthDelimited) out.set(field, reader.string());
    else reader.skip(wire, field);
  }
  return out;
}

/** The notetype's kind (field 1: 0 normal, 1 cloze). */
function protoKind(bytes: Uint8Array): number {
  const reader = new BinaryReader(bytes);
  while (reader.pos < reader.len) {
    const [field, wire] = reader.tag();
    if (field === 1 && wire === WireType.Varint) return reader.int32();
    reader.skip(wire, field);
  }
  return 0;
}

/** Schema 18 (collection.anki21b): note types, fields and templates are tables. */
function modernNoteTypes(db: Database): { types: Map<number, AnkiNoteType>; decks: Map<number, string> } {
  const types = new Map<number, AnkiNoteType>();
  for (const [id, name, config] of rows(db, 'select id, name, config from notetypes')) {
    types.set(Number(id), { name: text(name ?? ''), cloze: config instanceof Uint8Array && protoKind(config) === 1, fields: [], templates: [] });
  }
  for (const [ntid, name] of rows(db, 'select ntid, name from fields order by ntid, ord')) types.get(Number(ntid))?.fields.push(text(name ?? ''));
  for (const [ntid, name, config] of rows(db, 'select ntid, name, config from templates order by ntid, ord')) {
    const strings = config instanceof Uint8Array ? protoStrings(config) : new Map<number, string>();
    types.get(Number(ntid))?.templates.push({ name: text(name ?? ''), front: strings.get(1) ?? '', back: strings.get(2) ?? '' });
  }
  // Deck names separate their levels with \x1f where older versions wrote "::".
  const decks = new Map<number, string>(rows(db, 'select id, name from decks').map(([id, name]) => [Number(id), text(name ?? '').replaceAll('\u001f', '::')]));
  return { types, decks };
}

function readCollection(db: Database, format: string): AnkiCollection {
  const tables = new Set(rows(db, "select name from sqlite_master where type = 'table'").map(([name]) => text(name ?? '')));
  if (!tables.has('notes') || !tables.has('cards')) throw new Error('it has no notes or cards table');
  const { types, decks } = tables.has('notetypes') ? modernNoteTypes(db) : legacyNoteTypes(db);
  const notes: AnkiNote[] = rows(db, 'select id, guid, mid, tags, flds from notes order by id').map(([id, guid, mid, tags, flds]) => ({
    id: Number(id),
    guid: text(guid ?? ''),
    typeId: Number(mid),
    tags: text(tags ?? '').split(/\s+/).filter(Boolean),
    fields: text(flds ?? '').split('\u001f'),
  }));
  const cards = new Map<number, number[]>();
  const deckUse = new Map<number, number>();
  for (const [nid, ord, did] of rows(db, 'select nid, ord, did from cards order by nid, ord')) {
    const list = cards.get(Number(nid)) ?? [];
    list.push(Number(ord));
    cards.set(Number(nid), list);
    deckUse.set(Number(did), (deckUse.get(Number(did)) ?? 0) + 1);
  }
  const [topDeck] = [...deckUse.entries()].sort((a, b) => b[1] - a[1]);
  const deckName = topDeck ? decks.get(topDeck[0]) : undefined;
  return { format, noteTypes: types, notes, cards, deckName: deckName && deckName !== 'Default' ? deckName.replaceAll('::', ' / ') : null };
}

export async function readAnkiPackage(file: string, data: Uint8Array, wasmPath: string): Promise<AnkiCollection> {
  const name = safeText(basename(file));
  const collection = unzipCollection(file, data);
  let bytes = collection.bytes;
  if (collection.name === 'collection.anki21b') {
    try {
      bytes = unzstd(bytes, `${name}: its ${collection.name}`);
    } catch (error) {
      if (error instanceof ImportError) throw error;
      throw new ImportError(`${name}: its ${collection.name} is damaged (zstd: ${safeText((error as Error).message)})`);
    }
  }
  const SQL = await initSqlJs({ wasmBinary: readFileSync(wasmPath) as unknown as ArrayBuffer });
  let db: Database | undefined;
  try {
    db = new SQL.Database(bytes);
    return readCollection(db, collection.name);
  } catch (error) {
    throw new ImportError(`${name}: its ${collection.name} is not a readable Anki collection (${safeText((error as Error).message)})`);
  } finally {
    db?.close();
  }
}
