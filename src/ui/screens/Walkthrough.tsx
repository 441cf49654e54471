// The guided culture walkthrough: one section at a time, its principle in plain words first,
// then its check questions. It opens where the user left off: the first unfinished section.
import { Box, Text } from 'ink';
import { useMemo, useState, type ReactNode } from 'react';
import { useAppActions, useAppState } from '../app-context.js';
import { Para } from '../components/CardText.js';
import { fitFooter } from '../components/footer.js';
import { Frame } from '../components/Frame.js';
import { useRoom } from '../components/Layout.js';
import { ScrollArea } from '../components/ScrollArea.js';
import { hint, useKeys, type Command } from '../keys.js';

export function Walkthrough() {
  const { ws, revision, width } = useAppState();
  const actions = useAppActions();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- revision changes whenever progress does
  const walk = useMemo(() => ws.walkthrough(), [ws, revision]);
  // null follows the user's place; arrows pick a section to read.
  const [picked, setPicked] = useState<number | null>(null);
  const [overflow, setOverflow] = useState(false);
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
  const previous = () => setPicked(Math.max(0, shown - 1));
  const next = () => setPicked(Math.min(count - 1, shown + 1));
  useKeys({ select: start, previous, next, back: actions.pop });

  if (!walk || !section) {
    return (
      <Frame title="Culture walkthrough" commands={['back']} footer={hint([['Esc', 'back']])}>
        <Text>No culture deck with a walkthrough is loaded.</Text>
      </Frame>
    );
  }
  const left = section.keys.length - section.answered;
  const complete = walk.done === count;
  const commands: Command[] = [...(left > 0 ? (['select'] as const) : []), 'previous', 'next', ...(overflow ? (['pageDown', 'pageUp'] as const) : []), 'back'];
  return (
    <Frame
      title="Culture walkthrough"
      commands={commands}
      footer={fitFooter(width, [], [...(left > 0 ? [['Enter', section.answered > 0 ? 'go on' : 'start'] as const] : []), ['←→', 'sections']], [['Esc', 'back']])}
      fixed
    >
      <Sections header={<SectionLine done={walk.sections.map((s) => s.done)} shown={shown} />} onOverflow={setOverflow} scrollKey={String(shown)}>
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
      </Sections>
    </Frame>
  );
}

/** The section line stays whole at the top; the section's text scrolls in the rest of the room. */
function Sections({ header, scrollKey, onOverflow, children }: { header: ReactNode; scrollKey: string; onOverflow: (overflow: boolean) => void; children: ReactNode }) {
  const room = useRoom();
  return (
    <>
      <Box flexShrink={0}>{header}</Box>
      <Text> </Text>
      <ScrollArea key={scrollKey} height={Math.max(1, room.height - 2)} onOverflow={onOverflow}>
        {children}
      </ScrollArea>
    </>
  );
}

/**
 * "Section 2 of 10   ✓[·]········   1 of 10 sections done", shortened to the room: the count of
 * done sections first, then the marks, go when the line does not fit.
 */
function SectionLine({ done, shown }: { done: boolean[]; shown: number }) {
  const { width } = useRoom();
  const count = done.length;
  const finished = done.filter(Boolean).length;
  const where = `Section ${shown + 1} of ${count}`;
  const marks = count + 2 + 3;
  const tail = [`   ${finished} of ${count} sections done`, `   ${finished}/${count} done`, ''].find((t) => where.length + marks + t.length <= width) ?? '';
  const withMarks = where.length + marks + tail.length <= width;
  return (
    <Text wrap="truncate-end">
      <Text dimColor>{where}</Text>
      {withMarks ? (
        <>
          <Text>{'   '}</Text>
          <SectionDots done={done} shown={shown} />
        </>
      ) : null}
      <Text dimColor>{withMarks ? tail : `   ${finished}/${count} done`}</Text>
    </Text>
  );
}

/** One mark per section: done ✓, still to do ·, and the one shown in brackets, so it reads without colour. */
function SectionDots({ done, shown }: { done: boolean[]; shown: number }) {
  return (
    <>
      {done.map((d, i) => (
        <Text key={i} color={d ? 'green' : undefined} bold={i === shown}>
          {i === shown ? `[${d ? '✓' : '·'}]` : d ? '✓' : '·'}
        </Text>
      ))}
    </>
  );
}
