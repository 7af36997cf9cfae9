import { useEffect, useRef } from 'react';

/** What a key does on the questions screen. */
export type QueueAction =
  | { type: 'next' }
  | { type: 'previous' }
  | { type: 'skip' }
  | { type: 'focus-answer' }
  | { type: 'send' }
  | { type: 'template'; index: number };

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  isComposing?: boolean;
}

/** True when the key goes into a field the person is typing in (then only the send shortcut applies). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
}

/**
 * j / ↓ next, k / ↑ previous, s skip, a / r write the answer, 1–9 insert template N, Ctrl+Enter / ⌘+Enter send.
 * Only the send shortcut works while typing.
 */
export function shortcutFor(event: KeyLike, typing: boolean): QueueAction | null {
  if (event.isComposing) return null;
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.altKey) return { type: 'send' };
  if (typing || event.ctrlKey || event.metaKey || event.altKey) return null;
  switch (event.key) {
    case 'j':
    case 'ArrowDown':
      return { type: 'next' };
    case 'k':
    case 'ArrowUp':
      return { type: 'previous' };
    case 's':
      return { type: 'skip' };
    case 'a':
    case 'r':
      return { type: 'focus-answer' };
  }
  if (/^[1-9]$/.test(event.key)) return { type: 'template', index: Number(event.key) - 1 };
  return null;
}

/** Listens on the window while the questions screen is open; the latest handler is always the one called. */
export function useQueueShortcuts(onAction: (action: QueueAction) => void): void {
  const handler = useRef(onAction);
  handler.current = onAction;
  useEffect(() => {
    const listener = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const action = shortcutFor(event, isTypingTarget(event.target));
      if (!action) return;
      // Keeps the letter out of the answer box that `a` focuses, and ↑/↓ from scrolling the page.
      event.preventDefault();
      handler.current(action);
    };
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}

/** The legend shown on screen, in the order above (Esc is the answer box's own: it gives the keys back to the queue). */
export const SHORTCUT_LEGEND = [
  { keys: ['j', '↓'], action: 'next' },
  { keys: ['k', '↑'], action: 'previous' },
  { keys: ['s'], action: 'skip' },
  { keys: ['a', 'r'], action: 'focus' },
  { keys: ['Ctrl+Enter', '⌘+Enter'], action: 'send' },
  { keys: ['1–9'], action: 'template' },
  { keys: ['Esc'], action: 'leave' },
] as const;
