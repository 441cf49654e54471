// Words of the interview domain that mean the same point, so "we reverted" covers "roll back".
// Each group is matched by stem, so one form of a word stands for all its inflections. Kept
// small and literal: a group that is too wide makes the matcher claim evidence it does not have,
// and precision matters more than recall (the user trusts a quote it shows).

export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['rollback', 'revert', 'undo'],
  ['metric', 'measure', 'measurement', 'kpi'],
  ['latency', 'slow', 'slowness', 'lag', 'delay'],
  ['stakeholder', 'partner'],
  ['customer', 'user', 'member', 'subscriber'],
  ['experiment', 'a/b'],
  ['outage', 'incident'],
  ['deploy', 'release', 'ship', 'launch', 'rollout'],
  ['feedback', 'criticism'],
  ['candid', 'honest', 'frank'],
  ['manager', 'boss'],
  ['team', 'squad'],
  ['mistake', 'error', 'failure', 'fail'],
  ['decision', 'decide', 'call'],
  ['disagree', 'disagreement', 'pushback', 'dissent'],
  ['risk', 'danger'],
  ['cost', 'expense', 'spend'],
  ['data', 'evidence', 'numbers'],
  ['learn', 'lesson'],
  ['improve', 'improvement', 'better'],
  ['reduce', 'cut', 'lower', 'decrease'],
  ['increase', 'raise', 'grow', 'boost'],
  ['quick', 'fast', 'rapid'],
  ['cache', 'caching'],
  ['scale', 'scalability'],
  ['monitor', 'alert', 'dashboard'],
  ['example', 'instance'],
  ['specific', 'concrete'],
  ['own', 'ownership', 'responsibility', 'accountable'],
  ['trade-off', 'tradeoff', 'compromise'],
  ['context', 'background'],
  ['ask', 'question'],
  ['fire', 'dismiss'],
  ['weigh', 'weight'],
  ['iterate', 'loop'],
  // British and American spellings stem apart.
  ['behaviour', 'behavior'],
  ['prioritise', 'prioritize'],
  ['randomise', 'randomize', 'randomisation', 'randomization'],
  ['optimise', 'optimize'],
  ['analyse', 'analyze'],
  ['sceptical', 'skeptical', 'scepticism', 'skepticism'],
  ['organisation', 'organization'],
];

/** Two-word phrases read as one word before stemming, so "rolled back" meets "rollback". */
export const PHRASES: readonly (readonly [string, string, string])[] = [
  ['roll', 'back', 'rollback'],
  ['trade', 'off', 'tradeoff'],
  ['push', 'back', 'pushback'],
  ['let', 'go', 'fire'],
  ['a', 'b', 'experiment'],
];
