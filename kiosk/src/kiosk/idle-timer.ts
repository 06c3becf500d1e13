const ACTIVITY = ['pointerdown', 'keydown', 'input', 'wheel'] as const;

/**
 * Calls `onIdle` once nobody has touched, typed or scrolled for `seconds()` seconds, then waits
 * for the next touch. Returns a function that stops watching.
 */
export function watchIdle(seconds: () => number, onIdle: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const restart = () => {
    clearTimeout(timer);
    timer = setTimeout(onIdle, seconds() * 1000);
  };
  for (const type of ACTIVITY) document.addEventListener(type, restart, { capture: true, passive: true });
  restart();
  return () => {
    clearTimeout(timer);
    for (const type of ACTIVITY) document.removeEventListener(type, restart, { capture: true });
  };
}
