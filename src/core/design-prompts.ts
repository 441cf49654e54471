// The order of the design prompt list and the lengths a mock can be run at. The same order
// serves the app's list and `design --list`, so both say the same thing.

/** A prompt suits the role when its card is tagged with the role's id. */
export function suitsRole(tags: readonly string[] | undefined, role: string | null | undefined): boolean {
  return !!role && (tags ?? []).includes(role);
}

/** The role's prompts first, then due ones, then the rest; file order within each. */
export function orderPrompts<P extends { forRole: boolean; due: boolean }>(prompts: readonly P[]): P[] {
  // The role's due prompts lead their group too: they are what to practise today.
  const rank = (p: P) => (p.forRole ? 0 : 2) + (p.due ? 0 : 1);
  return prompts
    .map((p, i) => ({ p, i }))
    .sort((a, b) => rank(a.p) - rank(b.p) || a.i - b.i)
    .map(({ p }) => p);
}

/** The lengths offered before a mock: the prompt's own (full), or a shorter practice run. */
export const MOCK_LENGTHS = ['full', '30', '20', '10'] as const;
export type MockLength = (typeof MOCK_LENGTHS)[number];

export function readMockLength(value: string | undefined): MockLength {
  return MOCK_LENGTHS.find((l) => l === value) ?? 'full';
}

export function nextMockLength(length: MockLength): MockLength {
  return MOCK_LENGTHS[(MOCK_LENGTHS.indexOf(length) + 1) % MOCK_LENGTHS.length]!;
}

/**
 * The minutes to run a prompt at, for the Mock screen's `minutes`: undefined for its full length,
 * also when the chosen length is not shorter than the prompt (a mock is never stretched).
 */
export function mockMinutes(length: MockLength, promptMinutes: number): number | undefined {
  if (length === 'full') return undefined;
  const minutes = Number(length);
  return minutes < promptMinutes ? minutes : undefined;
}
