// The first screen (Home, or the role picker on a first run) has put the notices in front of the
// user: from then on those about the data directory no longer wait on disk for the next start.
import { useEffect } from 'react';
import { useAppActions, useAppState } from '../app-context.js';

export function useNoticesShown(): void {
  const { notices, tooSmall } = useAppState();
  const { noticesShown } = useAppActions();
  useEffect(() => {
    if (!tooSmall && notices.length > 0) noticesShown();
  }, [tooSmall, notices, noticesShown]);
}
