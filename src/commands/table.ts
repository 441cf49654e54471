// Plain aligned columns for command output; numbers right-aligned. Cells often hold deck or
// progress text, so each is made safe before the widths are measured.
import { safeText } from '../core/safe-text.js';

export function table(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cells = [header, ...rows].map((row) => row.map((cell) => safeText(String(cell))));
  const widths = header.map((_, i) => Math.max(...cells.map((row) => row[i]?.length ?? 0)));
  return cells
    .map((row, r) =>
      row
        .map((cell, i) => (r > 0 && typeof rows[r - 1]?.[i] === 'number' ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
