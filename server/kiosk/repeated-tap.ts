// Pure: the repeated-tap rule, kept apart from storage so it can be tested on its own.

/**
 * True when a submission at `submittedAt` lies closer than `intervalSeconds` to the latest
 * earlier submission of the same device (the kiosk sends its queue oldest first, so that is its
 * predecessor). An interval of 0 turns the check off.
 */
export function isRepeatedTap(previous: string | null, submittedAt: string, intervalSeconds: number): boolean {
  if (!previous || intervalSeconds <= 0) return false;
  return Math.abs(Date.parse(submittedAt) - Date.parse(previous)) < intervalSeconds * 1000;
}

