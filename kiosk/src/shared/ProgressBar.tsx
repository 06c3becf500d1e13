export function ProgressBar({ current, total, label }: { current: number; total: number; label: string }) {
  return (
    <div class="progress">
      <p class="progress__label">{label}</p>
      <progress class="progress__bar" value={current} max={total} aria-label={label} />
    </div>
  );
}
