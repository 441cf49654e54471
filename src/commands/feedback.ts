// `feedback DECK/CARD FILE`: the matcher's evidence for each key point of a card, and insights on
// how the answer is told, for an answer written in a file (scripts, editors). The matcher is
// imported here, not at the top of the command line, so no other command loads it.
import type { Card, Deck } from '../core/deck.js';
import { safeJson, safeText } from '../core/safe-text.js';

export class FeedbackError extends Error {}

function didYouMean(near: readonly string[]): string {
  const quoted = near.map((id) => `"${safeText(id)}"`);
  if (quoted.length === 0) return '';
  return ` (did you mean ${quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}` : quoted[0]}?)`;
}

function keyPointsOf(card: Card): readonly string[] {
  return 'keyPoints' in card && card.keyPoints ? card.keyPoints : [];
}

/** The deck and card a key names, or an error line that suggests near ids. */
export async function findCard(decks: readonly Deck[], key: string): Promise<{ deck: Deck; card: Card }> {
  const { nearbyIds } = await import('../core/search.js');
  const slash = key.indexOf('/');
  const withPoints = decks.flatMap((d) => d.cards.filter((c) => keyPointsOf(c).length > 0).map((c) => `${d.id}/${c.id}`));
  if (slash < 0) throw new FeedbackError(`"${safeText(key)}" is not a card key; give it as deck-id/card-id${didYouMean(nearbyIds(key, withPoints))}`);
  const deckId = key.slice(0, slash);
  const cardId = key.slice(slash + 1);
  const deck = decks.find((d) => d.id === deckId);
  if (!deck) throw new FeedbackError(`no deck has the id "${safeText(deckId)}"${didYouMean(nearbyIds(deckId, decks.map((d) => d.id)))}; \`keeper-prep decks\` lists them`);
  const card = deck.cards.find((c) => c.id === cardId);
  if (!card) {
    const ids = deck.cards.filter((c) => keyPointsOf(c).length > 0).map((c) => c.id);
    throw new FeedbackError(`deck "${safeText(deckId)}" has no card "${safeText(cardId)}"${didYouMean(nearbyIds(cardId, ids))}; \`keeper-prep search deck:${safeText(deckId)}\` lists its cards`);
  }
  if (keyPointsOf(card).length === 0) throw new FeedbackError(`${safeText(key)} is a ${card.type} card without key points; feedback needs a card with key points (open questions, behavioural prompts, design prompts)`);
  return { deck, card };
}

function minutes(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return m > 0 ? `${m} min ${String(s).padStart(2, '0')} s` : `${s} s`;
}

export async function feedbackCommand(decks: readonly Deck[], key: string, answer: string, json: boolean): Promise<string> {
  const { deck, card } = await findCard(decks, key);
  const { matchKeyPoints, answerInsights } = await import('../core/feedback.js');
  const corpus = deck.cards.flatMap(keyPointsOf);
  const keyPoints = matchKeyPoints(answer, keyPointsOf(card), { corpus }).map(({ text, covered, evidence }) => ({ text, covered, evidence }));
  const insights = answerInsights(answer);
  const cardKey = `${deck.id}/${card.id}`;
  if (json) return safeJson({ key: cardKey, keyPoints, insights });

  const covered = keyPoints.filter((k) => k.covered).length;
  const one = (s: string) => safeText(s.replace(/\s+/g, ' '));
  const lines = [`${safeText(cardKey)}: ${covered} of ${keyPoints.length} key points covered`, ''];
  for (const k of keyPoints) {
    lines.push(`${k.covered ? '✓' : '✗'} ${one(k.text)}`);
    lines.push(k.evidence ? `    "${one(k.evidence)}"` : '    no words found for this point');
  }
  const star = insights.star.map((s) => `${s.part} ${s.sentence ? '✓' : '✗'}`).join(', ');
  lines.push('', 'Insights', `  STAR: ${star}`);
  for (const s of insights.star) if (s.sentence) lines.push(`    ${s.part}: "${one(s.sentence)}"`);
  lines.push(`  I ${insights.i}, we ${insights.we}${insights.we > insights.i ? ' (more "we" than "I": say what you did)' : ''}`);
  lines.push(`  Fillers: ${insights.fillers.length ? insights.fillers.map((f) => `${one(f.word)} ×${f.count}`).join(', ') : 'none'}`);
  if (insights.repeated.length) lines.push(`  Repeated: ${insights.repeated.map((r) => `${one(r.word)} ×${r.count}`).join(', ')}`);
  lines.push(`  ${insights.words} words, about ${minutes(insights.speakingSeconds)} spoken (interviewers expect about 2 to 3 minutes)`);
  lines.push(`  Values: ${insights.values.length ? insights.values.join(', ') : 'none found'}`);
  return lines.join('\n');
}
