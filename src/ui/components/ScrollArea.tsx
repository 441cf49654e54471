// A fixed-height window onto content of any height: PgUp/PgDn scroll, and a last line says when
// there is more below, so long cards never break the layout.
import { Box, measureElement, Text, type DOMElement } from 'ink';
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { useKeys } from '../keys.js';

export interface ScrollAreaProps {
  height: number;
  children: ReactNode;
  /** Extra keys that scroll (j/k where a screen has no list). */
  lineKeys?: boolean;
  isActive?: boolean;
  /** Scrolls the help overlay: keys active while help is open. */
  overlay?: boolean;
  /** Told whether the content is taller than the area, so a screen's help can list PgUp/PgDn. */
  onOverflow?: ((overflow: boolean) => void) | undefined;
  /** A line (0-based, one row each) to keep in view: the row of a cursor moving through the content. */
  follow?: number | undefined;
}

const RemeasureContext = createContext<() => void>(() => undefined);

/**
 * Content inside a ScrollArea calls this so the area measures again after the content changes
 * on its own (an answer revealed): ink has no resize events for boxes.
 */
export function useRemeasure(): void {
  const remeasure = useContext(RemeasureContext);
  useEffect(() => remeasure());
}

export function ScrollArea({ height, children, lineKeys = false, isActive = true, overlay = false, onOverflow, follow }: ScrollAreaProps) {
  const content = useRef<DOMElement>(null);
  const [contentHeight, setContentHeight] = useState(0);
  const [offset, setOffset] = useState(0);
  const remeasure = useCallback(() => {
    if (!content.current) return;
    // A hidden area (under the help overlay, or the terminal too small) measures 0: keep what it
    // measured when shown, so its "more" line and PgUp/PgDn in the help stay true.
    const measured = measureElement(content.current).height;
    if (measured > 0) setContentHeight(measured);
  }, []);
  useEffect(remeasure);
  const overflow = contentHeight > height;
  useEffect(() => onOverflow?.(overflow), [onOverflow, overflow]);
  const view = overflow ? height - 1 : height;
  const maxOffset = Math.max(0, contentHeight - view);
  const shown = Math.min(offset, maxOffset);
  const page = Math.max(1, view - 1);
  // Scrolled to the followed line when it moves (or the view changes), during render so the
  // frame drawn already has it; PgUp/PgDn scroll freely in between.
  const [followed, setFollowed] = useState<{ line: number; view: number } | null>(null);
  if (follow !== undefined && (followed?.line !== follow || followed.view !== view)) {
    setFollowed({ line: follow, view });
    setOffset(follow < shown ? follow : follow >= shown + view ? follow - view + 1 : shown);
  }
  useKeys(
    {
      pageDown: () => setOffset(Math.min(maxOffset, shown + page)),
      pageUp: () => setOffset(Math.max(0, shown - page)),
      ...(lineKeys
        ? { down: () => setOffset(Math.min(maxOffset, shown + 1)), up: () => setOffset(Math.max(0, shown - 1)) }
        : {}),
    },
    { isActive: isActive && overflow, overlay },
  );
  return (
    <RemeasureContext.Provider value={remeasure}>
      <Box flexDirection="column" height={height}>
        <Box flexDirection="column" height={view} overflow="hidden">
          <Box ref={content} flexDirection="column" flexShrink={0} marginTop={-shown}>
            {children}
          </Box>
        </Box>
        {overflow ? (
          <Text dimColor wrap="truncate-end">
            {shown < maxOffset ? `▼ more below: PgDn${lineKeys ? ' or j' : ''} (${shown + view}/${contentHeight} lines)` : `▲ end: PgUp${lineKeys ? ' or k' : ''} to scroll back`}
          </Text>
        ) : null}
      </Box>
    </RemeasureContext.Provider>
  );
}
