import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { PhoneStore } from './phone-store';

export const PhoneContext = createContext<PhoneStore | null>(null);

export function usePhone(): PhoneStore {
  const store = useContext(PhoneContext);
  if (!store) throw new Error('usePhone outside <PhoneContext.Provider>');
  return store;
}
