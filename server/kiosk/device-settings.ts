// What a manager may set per kiosk, with the ranges a tablet at a counter can sensibly use.
import { z } from 'zod';

export const DEFAULT_DEVICE_SETTINGS = { thanksSeconds: 8, idleSeconds: 60, repeatSeconds: 15 } as const;

export const deviceSettingsShape = {
  /** How long the thank-you screen stays. */
  thanksSeconds: z.number().int().min(3).max(120),
  /** How long without a touch before the kiosk starts over; long enough to read one screen slowly. */
  idleSeconds: z.number().int().min(15).max(900),
  /** Two submissions closer together than this are flagged as repeated taps; 0 turns the check off. */
  repeatSeconds: z.number().int().min(0).max(3600),
};

export type DeviceSettings = { thanksSeconds: number; idleSeconds: number; repeatSeconds: number };
