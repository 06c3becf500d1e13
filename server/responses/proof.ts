// What proves the channel a response claims. Only proven answers count in the figures by
// default; answers through the open link are counted apart, like repeated kiosk taps.
export const PROOFS = {
  /** An enrolled kiosk's credential. */
  device: 'device',
  /** A QR invitation's token, claimed once per questionnaire. */
  invitation: 'invitation',
  /** A paper form typed in by a signed-in manager or admin of the unit. */
  staff: 'staff',
  /** Paper forms imported from a file on the server (the command line). */
  import: 'import',
  /** Synthetic demo responses. */
  seed: 'seed',
  /** The open link: anyone, limited per address and browser, never verified. */
  open: 'open',
  /** Stored before channels needed proof, claiming a channel without its proof. */
  none: 'none',
} as const;
export type Proof = (typeof PROOFS)[keyof typeof PROOFS];

const UNVERIFIED: ReadonlySet<Proof> = new Set([PROOFS.open, PROOFS.none]);

/** Whether the answer counts in the figures by default. */
export function isVerified(proof: Proof): boolean {
  return !UNVERIFIED.has(proof);
}
