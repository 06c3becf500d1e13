// Faces carry the level at a glance; the words beside them carry it for everyone, colour or not.
export type FaceKind = 'very-sad' | 'sad' | 'neutral' | 'happy' | 'very-happy';

const MOUTHS: Record<FaceKind, string> = {
  'very-sad': 'M16 34 Q24 24 32 34',
  sad: 'M17 32 Q24 27 31 32',
  neutral: 'M17 31 L31 31',
  happy: 'M17 29 Q24 35 31 29',
  'very-happy': 'M15 27 Q24 39 33 27 Z',
};

export function Face({ kind, size = 48 }: { kind: FaceKind; size?: number }) {
  return (
    <svg class={`face face--${kind}`} width={size} height={size} viewBox="0 0 48 48" aria-hidden="true" focusable="false">
      <circle cx="24" cy="24" r="22" class="face__skin" />
      <circle cx="17" cy="19" r="3" class="face__eye" />
      <circle cx="31" cy="19" r="3" class="face__eye" />
      <path d={MOUTHS[kind]} class={kind === 'very-happy' ? 'face__mouth face__mouth--open' : 'face__mouth'} />
    </svg>
  );
}
