import type { Card } from '../../src/core/deck.js';

/** The question a card asks: what near-duplicate checks compare. */
export function promptOf(card: Card): string {
  return card.type === 'flashcard' ? card.front : card.prompt;
}

/** Every piece of text a card shows, question and answer. */
export function cardText(card: Card): string {
  switch (card.type) {
    case 'flashcard':
      return `${card.front}\n${card.back}`;
    case 'choice':
    case 'multi':
      return [card.prompt, ...card.choices, card.explanation].join('\n');
    case 'open':
      return [card.prompt, ...card.keyPoints, card.sample ?? ''].join('\n');
    case 'design':
      return [card.prompt, ...(card.requirements ?? []), ...(card.hints ?? []), ...(card.keyPoints ?? [])].join('\n');
    case 'sql':
      return [card.title ?? '', card.prompt, ...(card.hints ?? []), card.explanation ?? ''].join('\n');
    case 'code':
      return [card.title ?? '', card.prompt, ...(card.hints ?? []), card.explanation ?? ''].join('\n');
  }
}
