// The key points to tick, each with what the matcher found in the typed answer: the quoted words
// that cover it, or that none were found. A tick the answer's words do not back is marked, in a
// glyph and a word, so it reads without colour too.
import { Box, Text } from 'ink';
import { useEffect, useLayoutEffect, useState } from 'react';
import type { KeyPointEvidence } from '../../../core/feedback.js';
import { quoteEvidence } from '../../../core/evidence.js';
import { Para } from '../CardText.js';
import { useRoom } from '../Layout.js';

/**
 * The matcher's verdict on `answer`, loaded only once the key points are revealed (the matcher and
 * its language data are needed nowhere else): 'checking' for the moment that takes, null when
 * there is nothing typed to check.
 */
export function useEvidence(answer: string, keyPoints: readonly string[], revealed: boolean): KeyPointEvidence[] | 'checking' | null {
  const typed = revealed && answer.trim() !== '';
  const [evidence, setEvidence] = useState<KeyPointEvidence[] | 'failed' | null>(null);
  useEffect(() => {
    if (!typed) return;
    let live = true;
    import('../../../core/feedback.js')
      .then(({ matchKeyPoints }) => matchKeyPoints(answer, keyPoints))
      // A matcher that cannot load or run leaves the ticks to the user, as before it existed.
      .then(
        (found) => live && setEvidence(found),
        () => live && setEvidence('failed'),
      );
    return () => {
      live = false;
    };
  }, [typed, answer, keyPoints]);
  if (!typed || evidence === 'failed') return null;
  return evidence ?? 'checking';
}

export function EvidenceList({ answer, keyPoints, evidence, cursor, ticked }: { answer: string; keyPoints: readonly string[]; evidence: readonly KeyPointEvidence[] | 'checking'; cursor: number; ticked: ReadonlySet<number> }) {
  const { width } = useRoom();
  return (
    <Box flexDirection="column">
      {keyPoints.map((point, i) => {
        const prefix = `${cursor === i ? '›' : ' '} ${i + 1}. ${ticked.has(i) ? '[x]' : '[ ]'} `;
        const found = evidence === 'checking' ? null : evidence[i];
        const color = cursor === i ? 'cyan' : undefined;
        return (
          <Box key={i} flexDirection="column">
            <Box>
              <Text color={color}>{prefix}</Text>
              <Para text={point} indent={prefix.length} color={color} />
            </Box>
            <Box paddingLeft={prefix.length}>
              {evidence === 'checking' ? (
                <Text dimColor>checking…</Text>
              ) : found?.covered && found.evidence ? (
                <Para color="green" text={`✓ ${quoteEvidence(answer, found.evidence, Math.max(10, width - prefix.length - 2))}`} indent={prefix.length} />
              ) : ticked.has(i) ? (
                <Para color="yellow" text="! ticked without evidence: no words found" indent={prefix.length} />
              ) : (
                <Para dim text="· no words found" indent={prefix.length} />
              )}
            </Box>
          </Box>
        );
      })}
    </Box>
  );
}

/** Ticks preset from the evidence when it arrives, unless the user has ticked already. */
export function usePresetTicks(evidence: readonly KeyPointEvidence[] | 'checking' | null, touched: boolean, preset: (ticked: ReadonlySet<number>) => void): void {
  // Before the frame is drawn where it can be: evidence shown beside unticked boxes is a wrong picture.
  useLayoutEffect(() => {
    if (evidence && evidence !== 'checking' && !touched) preset(new Set(evidence.flatMap((e, i) => (e.covered ? [i] : []))));
    // Only the evidence's arrival presets; later ticks are the user's.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [evidence]);
}
