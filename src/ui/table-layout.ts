// Columns sized to their content: each as wide as its widest cell (capped), optional columns
// added in order of use while they fit, the first column cut down only when the others need it.
// Pure, so a table's fit at a width is tested without a terminal.

export interface Column {
  header: string;
  cells: readonly string[];
  align?: 'left' | 'right';
  /** The widest the column gets; longer cells are cut with "…". */
  cap?: number;
  /** The narrowest the first column may be cut to when the columns always shown need the room. */
  min?: number;
  /** Shown only when it fits at its full width; lower numbers are added first. Absent: always shown. */
  optional?: number;
}

export interface TableLayout {
  header: string;
  rows: string[];
  /** Headers of the columns shown, in order. */
  shown: string[];
}

const GAP = 2;

function cutEnd(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, Math.max(0, width - 1))}…` : text;
}

export function layoutTable(columns: readonly Column[], width: number): TableLayout {
  const natural = columns.map((c) => Math.min(c.cap ?? Infinity, Math.max(c.header.length, ...c.cells.map((s) => s.length))));
  const total = (picked: readonly number[]) => picked.reduce((n, i) => n + natural[i]!, 0) + GAP * Math.max(0, picked.length - 1);
  let picked = columns.flatMap((c, i) => (c.optional === undefined ? [i] : []));
  const optional = columns.flatMap((c, i) => (c.optional !== undefined ? [{ i, order: c.optional }] : [])).sort((a, b) => a.order - b.order);
  for (const { i } of optional) {
    const next = [...picked, i].sort((a, b) => a - b);
    if (total(next) <= width) picked = next;
  }
  const widths = picked.map((i) => natural[i]!);
  const over = total(picked) - width;
  if (over > 0 && picked[0] === 0) widths[0] = Math.max(columns[0]!.min ?? 1, natural[0]! - over);
  const line = (cell: (i: number) => string) =>
    picked
      .map((i, k) => {
        const c = columns[i]!;
        const text = cutEnd(cell(i), widths[k]!);
        // The last column is not padded: a line never ends in blanks.
        if (k === picked.length - 1 && c.align !== 'right') return text;
        return c.align === 'right' ? text.padStart(widths[k]!) : text.padEnd(widths[k]!);
      })
      .join(' '.repeat(GAP));
  const rows = (columns[0]?.cells ?? []).map((_, r) => line((i) => columns[i]!.cells[r] ?? ''));
  return { header: line((i) => columns[i]!.header), rows, shown: picked.map((i) => columns[i]!.header) };
}
