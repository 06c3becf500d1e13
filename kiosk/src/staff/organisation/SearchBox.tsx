import type { StaffStore } from '../staff-store';

/** At most this many rows are listed at once; a search narrows the rest down. */
export const SHOWN = 100;

/** Whether every word of the query is in one of the texts (case and accents ignored). */
export function matches(query: string, texts: string[]): boolean {
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLocaleLowerCase('vi');
  const words = fold(query).split(/\s+/).filter(Boolean);
  const haystack = fold(texts.join(' '));
  return words.every((w) => haystack.includes(w));
}

interface Props {
  store: StaffStore;
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  found: number;
  total: number;
}

/** A search field with the count of what it finds, announced as it changes. */
export function SearchBox({ store, id, label, value, onInput, found, total }: Props) {
  const { t } = store;
  return (
    <div class="org-search">
      <label class="field">
        <span>{label}</span>
        <input id={id} type="search" value={value} onInput={(e) => onInput(e.currentTarget.value)} autoComplete="off" />
      </label>
      <p class="hint" role="status">
        {found > SHOWN ? t('organisation.foundSome', { shown: SHOWN, found, total }) : t('organisation.found', { found, total })}
      </p>
    </div>
  );
}
