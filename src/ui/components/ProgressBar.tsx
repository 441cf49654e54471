import { Text } from 'ink';
import type { SessionProgress } from '../../core/session.js';

/** "12 done · 35 left": what is queued now, not a total that grows with every learning step. */
export function progressLabel(progress: Pick<SessionProgress, 'done' | 'left'>): string {
  return `${progress.done} done · ${progress.left} left`;
}

export function ProgressBar({ progress, width }: { progress: SessionProgress; width: number }) {
  const label = ` ${progressLabel(progress)}`;
  const barWidth = Math.max(4, width - label.length);
  const filled = Math.min(barWidth, Math.round(progress.share * barWidth));
  return (
    <Text wrap="truncate-end">
      <Text color="green">{'█'.repeat(filled)}</Text>
      <Text dimColor>{'░'.repeat(barWidth - filled)}</Text>
      {label}
    </Text>
  );
}
