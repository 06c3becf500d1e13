import { useEffect } from 'preact/hooks';

/**
 * While there are unsaved changes, leaving asks first: closing or reloading the page (the
 * browser's own question) and opening another staff tab (ours, in the person's language).
 */
export function useUnsavedGuard(dirty: boolean, question: string) {
  useEffect(() => {
    if (!dirty) return;
    const unload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    const tabClick = (e: MouseEvent) => {
      const link = (e.target as Element | null)?.closest?.('a.tabs__tab');
      if (link && !confirm(question)) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    addEventListener('beforeunload', unload);
    document.addEventListener('click', tabClick, true);
    return () => {
      removeEventListener('beforeunload', unload);
      document.removeEventListener('click', tabClick, true);
    };
  }, [dirty, question]);
}
