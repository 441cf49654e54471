// Ink re-subscribes input handlers in effects; only act() makes a key press see the new handler.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
