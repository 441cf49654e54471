import type { StudyItem } from '../../../core/queue.js';
import type { DeckLibrary } from '../../../store/deck-files.js';

/** The item with its card as the library has it now (an edit reloads the deck); as it was when the card is gone. */
export function freshItem(library: DeckLibrary, item: StudyItem): StudyItem {
  const deck = library.decks.find((d) => d.deck.id === item.deckId)?.deck;
  const card = deck?.cards.find((c) => c.id === item.card.id);
  return deck && card ? (card === item.card && deck.title === item.deckTitle ? item : { ...item, card, deckTitle: deck.title }) : item;
}
