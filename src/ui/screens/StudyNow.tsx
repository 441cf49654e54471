// Study now: any set of cards, today, off the daily plan. First which cards (every deck of the
// role, a deck, a skill, a tag, or the search results it was opened with), then how: the due
// ones, N more new ones, or all of them weakest first as practice. A choice that would start an
// empty session says why instead.
import { Box, Text } from 'ink';
import { useMemo, useState } from 'react';
import { DEFAULT_EXTRA_NEW, type StudyMode, type StudyScope } from '../../core/custom-study.js';
import { useAppActions, useAppState } from '../app-context.js';
import { fitFooter, type KeyHint } from '../components/footer.js';
import { Frame } from '../components/Frame.js';
import { useRoom } from '../components/Layout.js';
import { Menu, type MenuItem } from '../components/Menu.js';
import { deckChoices, figuresOf, nameWidth, rowLabel, shortFigures, skillChoices, tagChoices, type Choice } from '../components/study-now/choices.js';
import { FilterList } from '../components/study-now/FilterList.js';
import { ModePicker } from '../components/study-now/ModePicker.js';
import type { ModeKind } from '../components/study-now/modes.js';
import { useKeys, type Command } from '../keys.js';
import { wrapLines } from '../wrap-lines.js';

type Step = 'kinds' | 'deck' | 'skill' | 'tag' | 'mode';
type Kind = 'all' | 'deck' | 'skill' | 'tag' | 'given';

/** Kept by the app, so the count chosen is still there when a session returns here. */
const NEW_MEMORY = 'study-now-new';

export function StudyNow({ scope: given, mode: initialMode }: { scope?: StudyScope | undefined; mode?: ModeKind | undefined }) {
  const { ws, clock, width, revision, menuMemory } = useAppState();
  const actions = useAppActions();
  // The steps taken, each mode step with the cards it was picked for; Esc goes back one.
  const [trail, setTrail] = useState<{ step: Step; scope?: StudyScope }[]>([]);
  const step: Step = trail.at(-1)?.step ?? (given ? 'mode' : 'kinds');
  const scope = [...trail].reverse().find((t) => t.scope)?.scope ?? given ?? null;
  const [notice, setNotice] = useState<string | null>(null);
  const newCount = Number(menuMemory[NEW_MEMORY] ?? DEFAULT_EXTRA_NEW);
  const now = clock();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- revision changes whenever progress does
  const figures = useMemo(() => (scope ? figuresOf(ws, scope, now) : null), [ws, scope, revision]);

  const go = (next: Step, picked?: StudyScope) => setTrail((t) => [...t, picked ? { step: next, scope: picked } : { step: next }]);
  const back = () => {
    setNotice(null);
    if (trail.length === 0) actions.pop();
    else setTrail((t) => t.slice(0, -1));
  };
  const pick = (chosen: StudyScope) => go('mode', chosen);
  const start = (kind: ModeKind) => {
    if (!scope) return;
    const mode: StudyMode = kind === 'new' ? { kind, count: Math.min(newCount, figures?.unseen ?? newCount) } : { kind };
    const session = ws.customStudy(scope, mode, clock());
    const practice = session.practice;
    // Back from the session comes to these cards' choices, whichever way they were picked.
    if (!given || scope !== given) {
      actions.pop();
      actions.push({ name: 'study-now', scope, mode: kind });
    }
    actions.push({ name: 'review', title: session.title, items: session.items, once: practice, cram: practice ? 'practice' : undefined, askConfidence: practice && ws.settings.get().askConfidence, scope });
  };

  useKeys({ back, ...(step === 'mode' ? { otherCards: () => go('kinds') } : {}) }, { isActive: step !== 'tag' });

  // Only the list on screen is worked out, once per step (the tag filter re-renders on every key).
  const lists = useMemo(
    () => ({ deck: step === 'deck' ? deckChoices(ws, now) : [], skill: step === 'skill' ? skillChoices(ws, now) : [], tag: step === 'tag' ? tagChoices(ws, now) : [] }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- revision changes whenever progress does
    [ws, step, revision],
  );
  const title = step === 'mode' && scope ? `Study now · ${ws.scopeTitle(scope)}` : 'Study now';
  const choose: KeyHint[] = [['Enter', 'choose'], ['↑↓', 'move']];
  const footer =
    step === 'mode'
      ? fitFooter(width, [], [['Enter', 'start'], ['←→', 'how many new'], ['Tab', 'other cards'], ['↑↓', 'move']], [['Esc', 'back']])
      : step === 'tag'
        ? fitFooter(width, ['type to filter'], choose, [['Esc', 'back']], 'Esc then ? help')
        : fitFooter(width, [], choose, [['Esc', 'back']]);
  const commands: Command[] = step === 'mode' ? ['up', 'down', 'select', 'fewerNew', 'moreNew', 'otherCards', 'back'] : ['up', 'down', 'select', 'back'];
  return (
    <Frame title={title} commands={commands} footer={footer} fixed>
      {step === 'kinds' ? <Kinds given={given} onPick={(kind) => (kind === 'all' ? pick({ kind: 'all' }) : kind === 'given' ? pick(given!) : go(kind))} /> : null}
      {step === 'deck' ? <Choices heading="Which deck?" choices={lists.deck} onPick={(c) => pick(c.scope)} /> : null}
      {step === 'skill' ? <Choices heading="Which skill?" choices={lists.skill} onPick={(c) => pick(c.scope)} /> : null}
      {step === 'tag' ? <FilterList choices={lists.tag} noun="tag" onPick={(c) => pick(c.scope)} onBack={back} /> : null}
      {step === 'mode' && figures ? (
        <ModePicker
          key={JSON.stringify(scope)}
          figures={figures}
          now={now}
          initial={initialMode ?? (figures.due > 0 ? 'due' : figures.unseen > 0 ? 'new' : 'practice')}
          newCount={newCount}
          onNewCount={(n) => actions.rememberMenu(NEW_MEMORY, String(n))}
          onStart={start}
          notice={notice}
          onNotice={setNotice}
        />
      ) : null}
    </Frame>
  );
}

function Kinds({ given, onPick }: { given: StudyScope | undefined; onPick: (kind: Kind) => void }) {
  const { ws, clock, revision } = useAppState();
  const room = useRoom();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- revision changes whenever progress does
  const all = useMemo(() => figuresOf(ws, { kind: 'all' }, clock()), [ws, revision]);
  const searched = given?.kind === 'search' ? given : null;
  // Counted as studied: design prompts among the results are not cards to study here.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- revision changes whenever progress does
  const results = useMemo(() => (searched ? figuresOf(ws, searched, clock()) : null), [ws, searched, revision]);
  const items: MenuItem<Kind>[] = [
    ...(searched ? [{ label: `These search results: "${searched.query}" (${shortFigures(results!)})`, value: 'given' as const }] : []),
    { label: `All your decks (${shortFigures(all)})`, value: 'all' },
    { label: 'A deck…', value: 'deck' },
    { label: 'A skill…', value: 'skill' },
    { label: 'A tag or topic…', value: 'tag' },
  ];
  const intro = wrapLines('Pick the cards, then how to study them: the due ones, more new ones, or all of them as practice.', room.width);
  return (
    <>
      <Box flexDirection="column" flexShrink={0}>
        <Text bold>What do you want to study?</Text>
        {intro.map((line, i) => (
          <Text key={i} dimColor wrap="truncate-end">
            {line}
          </Text>
        ))}
        <Text> </Text>
      </Box>
      <Menu items={items} rows={Math.max(2, room.height - intro.length - 2)} onSelect={onPick} />
    </>
  );
}

function Choices({ heading, choices, onPick }: { heading: string; choices: readonly Choice[]; onPick: (choice: Choice) => void }) {
  const room = useRoom();
  const figures = choices.map((c) => shortFigures(c.figures));
  const column = nameWidth(choices.map((c) => c.name), figures, room.width);
  return (
    <>
      <Box flexDirection="column" flexShrink={0}>
        <Text bold wrap="truncate-end">{heading}</Text>
        <Text> </Text>
      </Box>
      <Menu
        items={choices.map((c, i) => ({ label: rowLabel(c.name, figures[i]!, column), value: c.id }))}
        rows={Math.max(2, room.height - 2)}
        onSelect={(id) => onPick(choices.find((c) => c.id === id)!)}
      />
      {choices.length === 0 ? <Text dimColor>None loaded.</Text> : null}
    </>
  );
}
