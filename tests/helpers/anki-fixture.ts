// Builds small Anki packages the way Anki lays them out, so importer tests need no binary fixtures:
// schema 11 (collection.anki2 / .anki21, note types as JSON in col) and schema 18
// (collection.anki21b: zstd-compressed, note types in tables with protobuf configs).
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { BinaryWriter } from '@bufbuild/protobuf/wire';
import { zipSync } from 'fflate';
import initSqlJs from 'sql.js';

const require = createRequire(import.meta.url);
export const SQL_WASM = require.resolve('sql.js/dist/sql-wasm.wasm');

export interface FixtureNoteType {
  id: number;
  name: string;
  cloze?: boolean;
  fields: string[];
  templates: { name: string; front: string; back: string }[];
}

export interface FixtureNote {
  typeId: number;
  fields: string[];
  tags?: string[];
  /** Card ordinals; by default one per template, or one per cloze number. */
  cards?: number[];
}

export const BASIC: FixtureNoteType = {
  id: 1001,
  name: 'Basic',
  fields: ['Front', 'Back'],
  templates: [{ name: 'Card 1', front: '{{Front}}', back: '{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}' }],
};

export const BASIC_REVERSED: FixtureNoteType = {
  id: 1002,
  name: 'Basic (and reversed card)',
  fields: ['Front', 'Back'],
  templates: [
    { name: 'Card 1', front: '{{Front}}', back: '{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}' },
    { name: 'Card 2', front: '{{Back}}', back: '{{FrontSide}}\n\n<hr id=answer>\n\n{{Front}}' },
  ],
};

export const CLOZE: FixtureNoteType = {
  id: 1003,
  name: 'Cloze',
  cloze: true,
  fields: ['Text', 'Back Extra'],
  templates: [{ name: 'Cloze', front: '{{cloze:Text}}', back: '{{cloze:Text}}<br>\n{{Back Extra}}' }],
};

export const OPTIONAL_REVERSED: FixtureNoteType = {
  id: 1004,
  name: 'Basic (optional reversed card)',
  fields: ['Front', 'Back', 'Add Reverse'],
  templates: [
    { name: 'Card 1', front: '{{Front}}', back: '{{FrontSide}}<hr id=answer>{{Back}}' },
    { name: 'Card 2', front: '{{#Add Reverse}}{{Back}}{{/Add Reverse}}', back: '{{FrontSide}}<hr id=answer>{{Front}}' },
  ],
};

function defaultCards(type: FixtureNoteType, note: FixtureNote): number[] {
  if (note.cards) return note.cards;
  if (!type.cloze) return type.templates.map((_, i) => i);
  return [...new Set([...note.fields.join(' ').matchAll(/\{\{c(\d+)::/g)].map((m) => Number(m[1]) - 1))].sort((a, b) => a - b);
}

async function database(schema: 11 | 18, types: readonly FixtureNoteType[], notes: readonly FixtureNote[], deckName: string): Promise<Uint8Array> {
  const SQL = await initSqlJs({ wasmBinary: readFileSync(SQL_WASM) as unknown as ArrayBuffer });
  const db = new SQL.Database();
  db.run('create table notes (id integer primary key, guid text, mid integer, mod integer, usn integer, tags text, flds text, sfld text, csum integer, flags integer, data text)');
  db.run('create table cards (id integer primary key, nid integer, did integer, ord integer, mod integer, usn integer, type integer, queue integer, due integer, ivl integer, factor integer, reps integer, lapses integer, left integer, odue integer, odid integer, flags integer, data text)');
  if (schema === 11) {
    db.run('create table col (id integer primary key, crt integer, mod integer, scm integer, ver integer, dty integer, usn integer, ls integer, conf text, models text, decks text, dconf text, tags text)');
    const models = Object.fromEntries(
      types.map((t) => [String(t.id), { id: t.id, name: t.name, type: t.cloze ? 1 : 0, flds: t.fields.map((name, ord) => ({ name, ord })), tmpls: t.templates.map((tm, ord) => ({ name: tm.name, ord, qfmt: tm.front, afmt: tm.back })) }]),
    );
    const decks = { '1': { id: 1, name: 'Default' }, '77': { id: 77, name: deckName } };
    db.run('insert into col values (1, 0, 0, 0, 11, 0, 0, 0, ?, ?, ?, ?, ?)', ['{}', JSON.stringify(models), JSON.stringify(decks), '{}', '{}']);
  } else {
    db.run('create table col (id integer primary key, crt integer, mod integer, scm integer, ver integer, dty integer, usn integer, ls integer, conf text, models text, decks text, dconf text, tags text)');
    db.run("insert into col values (1, 0, 0, 0, 18, 0, 0, 0, '', '', '', '', '')");
    db.run('create table notetypes (id integer primary key, name text, mtime_secs integer, usn integer, config blob)');
    db.run('create table fields (ntid integer, ord integer, name text, config blob)');
    db.run('create table templates (ntid integer, ord integer, name text, mtime_secs integer, usn integer, config blob)');
    db.run('create table decks (id integer primary key, name text, mtime_secs integer, usn integer, common blob, kind blob)');
    for (const t of types) {
      const config = new BinaryWriter();
      if (t.cloze) config.tag(1, 0).int32(1);
      config.tag(3, 2).string('.card { font-family: arial; }');
      db.run('insert into notetypes values (?, ?, 0, 0, ?)', [t.id, t.name, config.finish()]);
      t.fields.forEach((name, ord) => db.run('insert into fields values (?, ?, ?, ?)', [t.id, ord, name, new Uint8Array()]));
      t.templates.forEach((tm, ord) => db.run('insert into templates values (?, ?, ?, 0, 0, ?)', [t.id, ord, tm.name, new BinaryWriter().tag(1, 2).string(tm.front).tag(2, 2).string(tm.back).finish()]));
    }
    db.run('insert into decks values (1, ?, 0, 0, ?, ?)', ['Default', new Uint8Array(), new Uint8Array()]);
    db.run('insert into decks values (77, ?, 0, 0, ?, ?)', [deckName.replaceAll('::', '\u001f'), new Uint8Array(), new Uint8Array()]);
  }
  let cardId = 1;
  notes.forEach((note, i) => {
    const id = 1_700_000_000_000 + i;
    const type = types.find((t) => t.id === note.typeId)!;
    db.run('insert into notes values (?, ?, ?, 0, 0, ?, ?, ?, 0, 0, ?)', [id, `guid${i}`, note.typeId, ` ${(note.tags ?? []).join(' ')} `, note.fields.join('\u001f'), note.fields[0] ?? '', '']);
    for (const ord of defaultCards(type, note)) db.run('insert into cards (id, nid, did, ord) values (?, ?, 77, ?)', [cardId++, id, ord]);
  });
  const bytes = db.export();
  db.close();
  return bytes;
}

/** A zstd frame of raw (stored) blocks: valid zstd that any decoder reads, without a compressor. */
export function zstdStored(data: Uint8Array): Uint8Array {
  const header = [0x28, 0xb5, 0x2f, 0xfd, 0xe0];
  const size = new Uint8Array(8);
  new DataView(size.buffer).setBigUint64(0, BigInt(data.length), true);
  const parts: number[] = [...header, ...size];
  const BLOCK = 128 * 1024;
  for (let at = 0; at < data.length || at === 0; at += BLOCK) {
    const chunk = data.subarray(at, at + BLOCK);
    const last = at + BLOCK >= data.length ? 1 : 0;
    const blockHeader = (chunk.length << 3) | last; // block type 0: raw
    parts.push(blockHeader & 0xff, (blockHeader >> 8) & 0xff, (blockHeader >> 16) & 0xff, ...chunk);
    if (data.length === 0) break;
  }
  return Uint8Array.from(parts);
}

export interface PackageOptions {
  format?: 'collection.anki2' | 'collection.anki21' | 'collection.anki21b';
  deckName?: string;
  /** Extra files in the zip, like media. */
  extra?: Record<string, Uint8Array>;
}

export async function ankiPackage(types: readonly FixtureNoteType[], notes: readonly FixtureNote[], options: PackageOptions = {}): Promise<Uint8Array> {
  const format = options.format ?? 'collection.anki2';
  const db = await database(format === 'collection.anki21b' ? 18 : 11, types, notes, options.deckName ?? 'Interview::Networking');
  const files: Record<string, Uint8Array> = { ...(options.extra ?? {}), media: new TextEncoder().encode('{}') };
  if (format === 'collection.anki21b') {
    files['collection.anki21b'] = zstdStored(db);
    // What recent Anki versions put beside it for older versions to find.
    files['collection.anki2'] = await database(11, [BASIC], [{ typeId: BASIC.id, fields: ['Please update to the latest Anki version, then import the .colpkg/.apkg file again.', ''] }], 'Default');
  } else {
    files[format] = db;
  }
  return zipSync(files);
}
