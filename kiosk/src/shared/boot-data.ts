// What the server embedded in the page for its first screen (server/pages/boot-data.ts), read
// once. Absent pieces (an older cached page, the Vite dev server) are fetched as before.
import type { CitizenBoot } from '../../../server/pages/boot-data';

export type { CitizenBoot, EmbeddedAnswer } from '../../../server/pages/boot-data';

export function readBootData(): Partial<CitizenBoot> {
  const text = document.getElementById('sipas-boot')?.textContent;
  try {
    return text ? (JSON.parse(text) as Partial<CitizenBoot>) : {};
  } catch {
    return {};
  }
}
