// What the candidate designs against: the prompt, requirements, scale and the plan of phases; and
// the hints revealed so far. Both wrap to the room they are given (a side panel or the body).
import { Box, Text } from 'ink';
import { formatClock, type DesignCard, type PlannedPhase } from '../../../core/mock.js';
import { Bullet, Para, Source } from '../CardText.js';

export function Brief({ card, phases, current }: { card: DesignCard; phases: readonly PlannedPhase[]; current: number }) {
  return (
    <Box flexDirection="column">
      <Para text={card.prompt} />
      {card.requirements?.length ? (
        <>
          <Text> </Text>
          <Text bold>Requirements</Text>
          {card.requirements.map((r, i) => (
            <Bullet key={i} text={r} />
          ))}
        </>
      ) : null}
      {card.scale?.length ? (
        <>
          <Text> </Text>
          <Text bold>Scale to estimate from</Text>
          {card.scale.map((s, i) => (
            <Bullet key={i} text={s} />
          ))}
        </>
      ) : null}
      <Text> </Text>
      <Text bold>Phases</Text>
      {phases.map((p, i) => (
        // The current phase is marked by the glyph and the word, not only by bold.
        <Box key={i} flexDirection="column">
          <Para bold={i === current} text={`${i === current ? '▸' : ' '} ${i + 1}. ${p.name} (${formatClock(p.ms)})${i === current ? ' · now' : i < current ? ' · done' : ''}`} />
          {p.guide ? <Para dim text={`     ${p.guide}`} /> : null}
        </Box>
      ))}
      <Source url={card.source} />
    </Box>
  );
}

export function Hints({ hints, used }: { hints: readonly string[]; used: number }) {
  if (hints.length === 0) return <Text dimColor>This prompt has no hints.</Text>;
  return (
    <Box flexDirection="column">
      {hints.slice(0, used).map((h, i) => (
        <Bullet key={i} indent={0} mark={`${i + 1}.`} text={h} />
      ))}
      {used < hints.length ? <Para dim text={`h reveals hint ${used + 1} of ${hints.length}. Using hints lowers the suggested rating.`} /> : <Para dim text="No more hints." />}
    </Box>
  );
}
