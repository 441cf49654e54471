// Words that show an answer touching each culture value (ids from culture-values.ts), matched by
// stem like the key points. Chosen from the memo's own wording of each value and how
// behavioural answers about it are usually told; a word in two values' lists counts for both.

export const VALUE_KEYWORDS: Readonly<Record<string, readonly string[]>> = {
  selflessness: ['selfless', 'helped', 'help', 'credit', 'greater good', 'company', 'colleague', 'support', 'unblock', 'share', 'shared', 'ego', 'mentor', 'collaborate'],
  judgment: ['judgment', 'decision', 'decided', 'trade-off', 'tradeoff', 'prioritise', 'prioritize', 'priority', 'data', 'risk', 'weighed', 'option', 'long-term', 'root cause', 'context'],
  candor: ['candor', 'candid', 'feedback', 'honest', 'disagree', 'disagreed', 'told', 'directly', 'transparent', 'admitted', 'concern', 'pushed back', 'pushback'],
  creativity: ['creative', 'creativity', 'idea', 'new approach', 'prototype', 'invented', 'novel', 'simplify', 'simplified', 'experiment', 'reframe', 'innovative'],
  courage: ['courage', 'risk', 'spoke up', 'stood', 'uncomfortable', 'challenged', 'challenge', 'bet', 'admitted', 'mistake', 'bold', 'escalated', 'disagreed'],
  inclusion: ['inclusion', 'inclusive', 'diverse', 'diversity', 'perspective', 'perspectives', 'included', 'listened', 'listen', 'belong', 'bias', 'voice', 'quiet', 'everyone'],
  curiosity: ['curious', 'curiosity', 'learn', 'learned', 'learning', 'asked', 'question', 'explored', 'read', 'research', 'understand', 'dig', 'why'],
  resilience: ['resilience', 'resilient', 'setback', 'failure', 'failed', 'recovered', 'bounce', 'persisted', 'kept going', 'pressure', 'adapt', 'adapted', 'change', 'outage'],
};
