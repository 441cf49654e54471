import { Text } from 'ink';

export function ProgressBar({ done, total, width }: { done: number; total: number; width: number }) {
  const label = ` ${done}/${total}`;
  const barWidth = Math.max(4, width - label.length);
  const filled = total === 0 ? barWidth : Math.round((done / total) * barWidth);
  return (
    <Text>
      <Text color="green">{'█'.repeat(filled)}</Text>
      <Text dimColor>{'░'.repeat(barWidth - filled)}</Text>
      {label}
    </Text>
  );
}
