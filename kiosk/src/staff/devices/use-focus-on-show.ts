import { useEffect, useRef } from 'preact/hooks';

/** A ref that moves keyboard focus to its element when it appears, so the new panel is where focus is. */
export function useFocusOnShow<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}
