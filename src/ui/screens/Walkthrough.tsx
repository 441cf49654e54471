// The guided culture walkthrough: one section at a time, its principle in plain words first,
// then its check questions. It opens where the user left off: the first unfinished section.
import { Text } from 'ink';
import { useMemo, useState } from 'react';
import { useAppActions, useAppState } from '../app-context.js';
import { Para } from '../components/CardText.js';
import { bodyHeight, Frame } from '../components/Frame.js';
import { ScrollArea } from '../components/ScrollArea.js';
import { hint, useKeys } from '../keys.js';

export function Walkthrough() {
  const { ws, revision, height } = useAppState();
  const actions = useAppActions();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- revision changes whenever progress does
  const walk = useMemo(() => ws.walkthrough(), [ws, revision]);
  // null follows the user's place; arrows pick a section to read.
  const [picked, setPicked] = useState<number | null>(null);
  const count = walk?.sections.length ?? 0;
  const shown = picked ?? Math.min(walk?.current ?? 0, Math.max(0, count - 1));
  const section = walk?.sections[shown];
  const start = () => {
    if (!walk || !section) return;
    const items = ws.sectionQueue(walk, shown);
    if (items.length === 0) return;
    setPicked(null);
    actions.push({ name: 'review', title: `${walk.title} · ${section.name}`, items, once: true });
  };
  useKeys({
    select: start,
    previous: () => setPicked(Math.max(0, shown - 1)),
    next: () => setPicked(Math.min(count - 1, shown + 1)),
    back: actions.pop,
  });

  if (!walk || !section) {
    return (
      <Frame title="Culture walkthrough" commands={['back']} footer={hint([['Esc', 'back']])}>
        <Text>No culture deck with a walkthrough is loaded.</Text>
      </Frame>
    );
  }
  const left = section.keys.length - section.answered;
  const complete = walk.done === count;
  return (
    <Frame
      title="Culture walkthrough"
      commands={['select', 'previous', 'next', 'pageDown', 'pageUp', 'back']}
      footer={hint([...(left > 0 ? [['Enter', section.answered > 0 ? 'go on' : 'start'] as [string, string]] : []), ['←→', 'sections'], ['Esc', 'back']])}
    >
      <Text>
        <Text dimColor>{`Section ${shown + 1} of ${count}   `}</Text>
        <SectionDots done={walk.sections.map((s) => s.done)} shown={shown} />
        <Text dimColor>{`   ${walk.done} of ${count} sections done`}</Text>
      </Text>
      <Text> </Text>
      <ScrollArea height={bodyHeight(height) - 2}>
        <Para bold text={section.name} />
        <Text> </Text>
        <Para text={section.intro} />
        <Text> </Text>
        {left === 0 ? (
          <Para color="green" text={`✓ Done: its ${section.keys.length} cards are in your daily review now.`} />
        ) : (
          <Para
            color="cyan"
            text={
              section.answered > 0
                ? `${section.answered} of ${section.keys.length} questions answered. Enter goes on with the other ${left}.`
                : `Enter starts its ${left === 1 ? 'check question' : `${left} check questions`}. Once answered, ${left === 1 ? 'it joins' : 'they join'} your daily review.`
            }
          />
        )}
        {complete ? <Para dim text="Walkthrough complete: every section is done. Culture cards now come up in Today's review." /> : null}
      </ScrollArea>
    </Frame>
  );
}

/** One mark per section: done, the one shown, still to do; readable without colour. */
function SectionDots({ done, shown }: { done: boolean[]; shown: number }) {
  return (
    <>
      {done.map((d, i) => (
        <Text key={i} color={d ? 'green' : undefined} bold={i === shown} inverse={i === shown}>
          {d ? '✓' : '·'}
        </Text>
      ))}
    </>
  );
}
