// `keeper-prep feedback DECK/CARD FILE [--json]`: the command in process on the built-in decks,
// the answer file's reader on files that are not answers, a fuzz of any file content, and the
// built command line once end to end (needs `npm run build`).
import { spawnSync } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FeedbackError, feedbackCommand } from '../../src/commands/feedback.js';
import type { Deck } from '../../src/core/deck.js';
import { AnswerFileError, MAX_ANSWER_BYTES, readAnswerFile } from '../../src/store/answer-file.js';
import { openWorkspace } from '../../src/store/workspace.js';
import { CONTROL, mutate, mutations } from '../helpers/mutate.js';
import { BUILTIN_DECKS, REPO, tempDir } from '../helpers/temp.js';

const T0 = Date.UTC(2026, 10, 20, 9);
const KEY = 'culture/star-candor-feedback';
const ANSWER = 'A peer kept merging code without review. I told him directly, one on one, the same afternoon, instead of complaining to our manager. Um, I was specific about the behaviour and its impact: two broken builds. He started asking for reviews, and as a result our build breaks dropped to almost none.';

async function decks(): Promise<Deck[]> {
  const ws = await openWorkspace({ dataDir: tempDir(), env: {}, builtinDir: BUILTIN_DECKS, now: T0 });
  const all = ws.library.decks.map((d) => d.deck);
  ws.close();
  return all;
}

async function failure(run: () => unknown): Promise<string> {
  try {
    await run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a failure');
}

describe('feedback command', () => {
  it('prints JSON with one entry per key point in the card\'s order, evidence quoted as typed, and insights', async () => {
    const all = await decks();
    const out = JSON.parse(await feedbackCommand(all, KEY, ANSWER, true)) as { key: string; keyPoints: { text: string; covered: boolean; evidence: string | null }[]; insights: { words: number; star: unknown[]; fillers: { word: string }[] } };
    const card = all.find((d) => d.id === 'culture')!.cards.find((c) => c.id === 'star-candor-feedback')!;
    expect(out.key).toBe(KEY);
    expect(out.keyPoints.map((k) => k.text)).toEqual('keyPoints' in card ? card.keyPoints : []);
    expect(out.keyPoints[0]).toMatchObject({ covered: true });
    for (const k of out.keyPoints) {
      expect(Object.keys(k)).toEqual(['text', 'covered', 'evidence']);
      if (k.covered) expect(ANSWER).toContain(k.evidence);
      else expect(k.evidence).toBeNull();
    }
    expect(out.insights.star).toHaveLength(4);
    expect(out.insights.fillers.map((f) => f.word)).toContain('um');
  });

  it('prints ✓/✗ per key point with the quoted evidence, then the insights', async () => {
    const text = await feedbackCommand(await decks(), KEY, ANSWER, false);
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^culture\/star-candor-feedback: \d of 4 key points covered$/);
    expect(lines[2]).toBe('✓ Told the person directly, rather than others about them');
    expect(lines[3]).toBe('    "I told him directly, one on one, the same afternoon, instead of complaining to our manager."');
    expect(text).toContain('    no words found for this point');
    expect(text).toMatch(/\n {2}STAR: situation [✓✗], task [✓✗], action [✓✗], result ✓\n/);
    expect(text).toMatch(/\n {2}Fillers: um ×1\n/);
    expect(text).toMatch(/\n {2}\d+ words, about \d+ s spoken/);
  });

  it('an unknown deck or card is one line suggesting near ids; a card without key points says so', async () => {
    const all = await decks();
    expect(await failure(() => feedbackCommand(all, 'cultur/star-candor-feedback', ANSWER, false))).toBe('no deck has the id "cultur" (did you mean "culture"?); `keeper-prep decks` lists them');
    expect(await failure(() => feedbackCommand(all, 'culture/star-candor-feedbak', ANSWER, false))).toMatch(/^deck "culture" has no card "star-candor-feedbak" \(did you mean "star-candor-feedback"/);
    expect(await failure(() => feedbackCommand(all, 'star-candor-feedback', ANSWER, false))).toMatch(/^"star-candor-feedback" is not a card key; give it as deck-id\/card-id \(did you mean "culture\/star-candor-feedback"/);
    const flashcard = all.flatMap((d) => d.cards.filter((c) => c.type === 'flashcard').map((c) => `${d.id}/${c.id}`))[0]!;
    expect(await failure(() => feedbackCommand(all, flashcard, ANSWER, false))).toBe(`${flashcard} is a flashcard card without key points; feedback needs a card with key points (open questions, behavioural prompts, design prompts)`);
    await expect(feedbackCommand(all, 'x/y', ANSWER, false)).rejects.toBeInstanceOf(FeedbackError);
  });
});

describe('the answer file', () => {
  it('refuses what is not an answer, in one line each, without hanging on a FIFO or filling memory from /dev/zero', () => {
    const dir = tempDir();
    execFileSync('mkfifo', [join(dir, 'pipe.txt')]);
    symlinkSync('/dev/zero', join(dir, 'zero.txt'));
    mkdirSync(join(dir, 'folder'));
    writeFileSync(join(dir, 'empty.txt'), ' \n');
    writeFileSync(join(dir, 'big.txt'), 'word '.repeat(MAX_ANSWER_BYTES));
    writeFileSync(join(dir, 'bom.txt'), '\uFEFFI rolled back.');
    const reason = (name: string) => {
      try {
        readAnswerFile(join(dir, name));
        return 'read';
      } catch (error) {
        expect(error).toBeInstanceOf(AnswerFileError);
        return (error as Error).message.replace(dir, 'D');
      }
    };
    const start = performance.now();
    expect(reason('pipe.txt')).toBe('D/pipe.txt is not a regular file (a pipe, socket or device); save the answer to a file');
    expect(reason('zero.txt')).toBe('D/zero.txt is not a regular file (a pipe, socket or device); save the answer to a file');
    expect(reason('folder')).toBe('D/folder is a directory; give the file the answer is written in');
    expect(reason('empty.txt')).toBe('D/empty.txt is empty; write the answer in it first');
    expect(reason('big.txt')).toBe('D/big.txt is over 64 KB; an answer file is limited to 64 KB');
    expect(reason('missing.txt')).toBe('D/missing.txt: file not found');
    expect(performance.now() - start).toBeLessThan(1000);
    expect(readAnswerFile(join(dir, 'bom.txt'))).toBe('I rolled back.');
  });

  it('fuzz: any content gives output or one refusal line, never a control byte, in bounded time', async () => {
    const all = await decks();
    const dir = tempDir();
    const file = join(dir, 'answer.txt');
    const content = fc.oneof(
      mutations.map((m) => mutate(ANSWER, m)),
      fc.string({ unit: 'binary', maxLength: 2000 }),
      fc.uint8Array({ maxLength: 2000 }).map((b) => Buffer.from(b).toString('latin1')),
      // Long runs up to the size limit: one endless word once took the stemmer minutes.
      fc.tuple(fc.string({ minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 6000 })).map(([unit, n]) => unit.repeat(n).slice(0, MAX_ANSWER_BYTES / 2)),
    );
    await fc.assert(
      fc.asyncProperty(content, fc.boolean(), async (text, json) => {
        writeFileSync(file, text);
        const start = performance.now();
        let out: string;
        try {
          out = await feedbackCommand(all, KEY, readAnswerFile(file), json);
        } catch (error) {
          expect(error).toBeInstanceOf(AnswerFileError);
          out = (error as Error).message;
          expect(out).not.toContain('\n');
        }
        expect(out).not.toMatch(CONTROL);
        expect(performance.now() - start).toBeLessThan(1500);
      }),
      { numRuns: 300, interruptAfterTimeLimit: 6000, markInterruptAsFailure: false },
    );
  });
});

describe('the built command line', () => {
  it('feedback exits 0 with JSON, and 1 with one line for an unknown card or a missing file', () => {
    const home = tempDir();
    const file = join(home, 'answer.txt');
    writeFileSync(file, ANSWER);
    const run = (...args: string[]) => spawnSync(process.execPath, [join(REPO, 'bin/keeper-prep.js'), 'feedback', ...args], { env: { ...process.env, KEEPER_PREP_HOME: home }, encoding: 'utf8', input: '' });
    const ok = run(KEY, file, '--json');
    expect(ok.status).toBe(0);
    expect((JSON.parse(ok.stdout) as { keyPoints: unknown[] }).keyPoints).toHaveLength(4);
    const unknown = run('culture/nope-nope', file);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
    const missing = run(KEY, join(home, 'none.txt'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toBe(`keeper-prep: ${join(home, 'none.txt')}: file not found\n`);
  });
});
