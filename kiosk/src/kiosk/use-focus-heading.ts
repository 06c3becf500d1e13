import { useEffect, useRef } from 'preact/hooks';

/**
 * A ref for a screen's heading (give it tabIndex={-1}) that takes focus when the screen appears,
 * so screen-reader, keyboard and switch users start the new screen at its top.
 */
export function useFocusHeading() {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}
