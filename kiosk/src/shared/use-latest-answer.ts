import { useRef } from 'preact/hooks';

/**
 * Answers may arrive in another order than their requests were sent. A page that asks again
 * (a new filter, a new search) shows the answer to its last request only: an older one that
 * arrives after it is dropped, not drawn over it.
 */
export function useLatestAnswer() {
  const last = useRef(0);
  return <T>(request: Promise<T>, shown: (value: T) => void, failed: (error: unknown) => void): void => {
    const mine = ++last.current;
    request.then(
      (value) => mine === last.current && shown(value),
      (error: unknown) => mine === last.current && failed(error),
    );
  };
}
