// Menus are ink-select-input (arrows or j/k, Enter, number keys), drawn in our style and kept
// inactive while help is open.
import { Text } from 'ink';
import SelectInput from 'ink-select-input';
import { useAppState } from '../app-context.js';

export interface MenuItem<V extends string> {
  label: string;
  value: V;
  key?: string;
}

function Indicator({ isSelected = false }: { isSelected?: boolean }) {
  return <Text color="cyan">{isSelected ? '› ' : '  '}</Text>;
}

function Item({ isSelected = false, label }: { isSelected?: boolean; label: string }) {
  return (
    <Text color={isSelected ? 'cyan' : undefined} bold={isSelected} wrap="truncate-end">
      {label}
    </Text>
  );
}

export function Menu<V extends string>({ items, onSelect, onHighlight, limit, initialIndex = 0, isActive = true }: {
  items: MenuItem<V>[];
  onSelect: (value: V) => void;
  onHighlight?: (value: V) => void;
  limit?: number;
  initialIndex?: number;
  isActive?: boolean;
}) {
  const { helpOpen } = useAppState();
  return (
    <SelectInput
      items={items}
      initialIndex={initialIndex}
      isFocused={isActive && !helpOpen}
      indicatorComponent={Indicator}
      itemComponent={Item}
      {...(limit && limit < items.length ? { limit } : {})}
      onSelect={(item) => onSelect(item.value)}
      {...(onHighlight ? { onHighlight: (item: MenuItem<V>) => onHighlight(item.value) } : {})}
    />
  );
}
