// A list whose items move by drag and drop or with "Lên"/"Xuống" buttons. The buttons name the
// item, focus follows the moved item, and the move is announced for screen readers.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { T } from './fields';

interface Props<I> {
  t: T;
  items: readonly I[];
  /** The item's name in the buttons and the announcement ("Tiêu chí 2 «…»"). */
  name: (item: I, index: number) => string;
  onMove: (from: number, to: number) => void;
  render: (item: I, index: number) => ComponentChildren;
  /** The list's DOM id (an issue about the list focuses it). */
  id?: string;
  label: string;
}

export function ReorderList<I>({ t, items, name, onMove, render, id, label }: Props<I>) {
  const list = useRef<HTMLOListElement>(null);
  const [said, setSaid] = useState('');
  const [focusAfter, setFocusAfter] = useState<{ index: number; dir: 'up' | 'down' } | null>(null);
  const dragged = useRef<number | null>(null);

  useEffect(() => {
    if (!focusAfter || !list.current) return;
    const item = list.current.children[focusAfter.index];
    const wanted = item?.querySelector<HTMLButtonElement>(`:scope > .qe-reorder__bar [data-dir="${focusAfter.dir}"]`);
    const other = item?.querySelector<HTMLButtonElement>(`:scope > .qe-reorder__bar [data-dir="${focusAfter.dir === 'up' ? 'down' : 'up'}"]`);
    (wanted && !wanted.disabled ? wanted : other)?.focus();
    setFocusAfter(null);
  }, [focusAfter]);

  const move = (from: number, to: number, dir: 'up' | 'down' | null) => {
    if (to < 0 || to >= items.length || from === to) return;
    const moved = name(items[from]!, from);
    onMove(from, to);
    setSaid(t('questionnaires.reorder.moved', { item: moved, position: to + 1, count: items.length }));
    if (dir) setFocusAfter({ index: to, dir });
  };

  return (
    <>
      <ol class="qe-reorder" ref={list} id={id} tabIndex={id ? -1 : undefined} aria-label={label}>
        {items.map((item, i) => (
          <li
            key={i}
            class="qe-reorder__item"
            onDragOver={(e) => e.preventDefault()}
            onDrop={(e) => {
              e.preventDefault();
              if (dragged.current !== null) move(dragged.current, i, null);
              dragged.current = null;
            }}
          >
            <div class="qe-reorder__bar">
              <span
                class="qe-reorder__handle"
                draggable
                title={t('questionnaires.reorder.drag')}
                aria-hidden="true"
                onDragStart={(e) => {
                  dragged.current = i;
                  e.dataTransfer?.setData('text/plain', String(i));
                }}
              >
                ⠿
              </span>
              <button type="button" class="qe-chip" data-dir="up" disabled={i === 0} aria-label={t('questionnaires.reorder.upNamed', { item: name(item, i) })} onClick={() => move(i, i - 1, 'up')}>
                {t('questionnaires.reorder.up')}
              </button>
              <button type="button" class="qe-chip" data-dir="down" disabled={i === items.length - 1} aria-label={t('questionnaires.reorder.downNamed', { item: name(item, i) })} onClick={() => move(i, i + 1, 'down')}>
                {t('questionnaires.reorder.down')}
              </button>
            </div>
            {render(item, i)}
          </li>
        ))}
      </ol>
      <p class="visually-hidden" aria-live="polite">{said}</p>
    </>
  );
}
