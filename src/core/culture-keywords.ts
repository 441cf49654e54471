// Words that show an answer touching each culture value (ids from culture-values.ts), matched by
// stem like the key points. `names` are the value's own words and count alone; `signs` are how
// behavioural answers about it are usually told, and need two different ones in an answer, since
// any single one ("data", "feedback", "asked") turns up in answers about anything.

export interface ValueWords {
  names: readonly string[];
  signs: readonly string[];
}

export const VALUE_KEYWORDS: Readonly<Record<string, ValueWords>> = {
  selflessness: { names: ['selfless', 'selflessness'], signs: ['credit', 'greater good', 'unblock', 'mentor', 'ego', 'helped', 'colleague', 'company first', 'my own goal', 'support'] },
  judgment: { names: ['judgment', 'judgement'], signs: ['decision', 'decided', 'trade-off', 'tradeoff', 'prioritise', 'prioritize', 'weighed', 'long-term', 'root cause', 'data', 'risk'] },
  candor: { names: ['candor', 'candour', 'candid', 'candidly'], signs: ['feedback', 'honest', 'disagreed', 'directly', 'transparent', 'admitted', 'pushed back', 'pushback', 'told'] },
  creativity: { names: ['creative', 'creativity'], signs: ['new approach', 'prototype', 'invented', 'novel', 'unconventional', 'reframe', 'innovative', 'idea', 'experiment', 'simplified'] },
  courage: { names: ['courage', 'courageous', 'brave'], signs: ['spoke up', 'uncomfortable', 'challenged', 'bet', 'admitted', 'mistake', 'bold', 'escalated', 'risk', 'unpopular'] },
  inclusion: { names: ['inclusion', 'inclusive'], signs: ['diverse', 'diversity', 'perspective', 'perspectives', 'included', 'listened', 'belong', 'bias', 'quiet', 'background', 'culture'] },
  curiosity: { names: ['curious', 'curiosity'], signs: ['learn', 'learned', 'explored', 'research', 'dig', 'dug', 'question', 'why', 'understand', 'read up'] },
  resilience: { names: ['resilience', 'resilient'], signs: ['setback', 'recovered', 'bounce back', 'bounced back', 'persisted', 'kept going', 'pressure', 'adapted', 'failure', 'failed'] },
};
