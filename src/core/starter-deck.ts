// The deck `new-deck` writes: one card of each kind, each showing the keys its kind takes, so an
// author can copy the one they need. The content is real advice, so a first study run is useful.
export function starterDeck(id: string, title: string, schema: string): Record<string, unknown> {
  return {
    $schema: schema,
    id,
    title,
    description: 'My own questions for the interview loop.',
    area: 'custom',
    version: 1,
    cards: [
      {
        id: 'star-parts',
        type: 'flashcard',
        front: 'What are the four parts of a STAR answer?',
        back: 'Situation (the context), Task (what you owned), Action (what you did, in the first person) and Result (what changed, with a number if you have one).',
        tags: ['behavioural'],
      },
      {
        id: 'star-longest-part',
        type: 'choice',
        prompt: 'Which part of a STAR answer should usually take the most time?',
        choices: ['Situation', 'Task', 'Action', 'Result'],
        answer: 2,
        explanation: 'The interviewer is judging what you did and how you decided; set the scene quickly and spend the time on your actions.',
        tags: ['behavioural'],
      },
      {
        id: 'measurable-requirements',
        type: 'multi',
        prompt: 'Which of these are non-functional requirements you could measure? Select all that apply.',
        choices: ['p99 start-up time under 2 seconds', 'Members can resume on another device', '99.95% of requests succeed each month', 'The home page shows a row of new releases'],
        answers: [0, 2],
        explanation: 'Latency and availability targets are non-functional and measurable; the other two describe what the product does, which makes them functional requirements.',
        tags: ['system-design'],
      },
      {
        id: 'disagree-and-commit',
        type: 'open',
        prompt: 'Tell me about a time you disagreed with a decision and what you did next.',
        keyPoints: ['Said so openly, with reasons, to the people deciding', 'Listened and could state the other view fairly', 'Once it was decided, supported it fully', 'What happened, and what you learned'],
        sample: 'Write your own answer here: a real story you can tell in two minutes.',
        tags: ['behavioural'],
      },
      {
        id: 'design-watch-history',
        type: 'design',
        title: 'Watch history',
        prompt: 'Design the service that records what each member watched and where they stopped, so any device can resume playback.',
        minutes: 45,
        requirements: ['Resume position available on every device within seconds', 'Survives the loss of a region'],
        scale: ['Assume 100M daily active members and one position update every 30 seconds while watching'],
        phases: [
          { name: 'Clarify', minutes: 5, guide: 'Ask about scale, consistency and what "resume" must guarantee.' },
          { name: 'High-level design', minutes: 15, guide: 'Clients, write path, storage, read path.' },
          { name: 'Deep dive', minutes: 20, guide: 'Pick the hardest part: write volume, or cross-region consistency.' },
          { name: 'Wrap-up', minutes: 5, guide: 'Trade-offs, failure modes, what you would build next.' },
        ],
        hints: ['Work out the writes per second first.', 'Does the last write win, and who decides which is last?'],
        rubric: [
          { dimension: 'Requirements', levels: ['Jumped to a design', 'Listed features only', 'Set scale and latency targets', 'Targets drove every later choice'] },
          { dimension: 'Trade-offs', levels: ['None named', 'Named without weighing', 'Weighed the main ones', 'Weighed them against the targets, with a fallback'] },
        ],
        followUps: ['What happens when two devices play at once?'],
        keyPoints: ['Estimate writes per second before choosing storage', 'Key by member and title', 'Last-writer-wins with a server timestamp'],
      },
    ],
  };
}
