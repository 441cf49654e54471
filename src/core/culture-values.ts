// The eight values of the current (June 2024) culture memo, in the memo's order. The ids are the
// tags the culture deck's behavioural cards carry, so a story and a card about the same value
// share an id (a test keeps the two in step).

export interface CultureValue {
  id: string;
  name: string;
  /** Four letters, for lists where the full names do not fit. */
  short: string;
}

export const CULTURE_VALUES: readonly CultureValue[] = [
  { id: 'selflessness', name: 'Selflessness', short: 'Self' },
  { id: 'judgment', name: 'Judgment', short: 'Judg' },
  { id: 'candor', name: 'Candor', short: 'Cand' },
  { id: 'creativity', name: 'Creativity', short: 'Crea' },
  { id: 'courage', name: 'Courage', short: 'Cour' },
  { id: 'inclusion', name: 'Inclusion', short: 'Incl' },
  { id: 'curiosity', name: 'Curiosity', short: 'Curi' },
  { id: 'resilience', name: 'Resilience', short: 'Resi' },
];

export function cultureValue(id: string): CultureValue | undefined {
  return CULTURE_VALUES.find((v) => v.id === id);
}
