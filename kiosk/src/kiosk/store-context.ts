import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { KioskStore } from './kiosk-store';

export const StoreContext = createContext<KioskStore | null>(null);

export function useKiosk(): KioskStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useKiosk outside <StoreContext.Provider>');
  return store;
}
