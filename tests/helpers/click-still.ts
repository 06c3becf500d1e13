// Clicking a control on a page whose layout is still settling after a scroll, as a person would.
import type { Locator } from 'playwright-core';

/**
 * Scrolls to a control, waits until it has held its place for three frames in a row, then clicks.
 *
 * The staff dashboard lays out off-screen panels only once they are scrolled near
 * (content-visibility: auto, kiosk/src/staff/scores/scores.css), so a jump to the bottom of the
 * view shrinks the page by about a screen (8,249 to 7,297 px in a probe) as the panels around
 * the new view take their real height. Under load that happened between the press and the
 * release of Playwright's click, and the click went to the panel instead of the button (traced in
 * tests/e2e/themes-panel.test.ts: the click event's target was the themes section). A person's
 * hand is never that fast; a test's has to wait for the page, not for a duration.
 */
export async function clickStill(control: Locator): Promise<void> {
  await control.scrollIntoViewIfNeeded();
  await control.evaluate(
    (el) =>
      new Promise<void>((resolve) => {
        let last = '';
        let same = 0;
        const frame = () => {
          const r = el.getBoundingClientRect();
          const at = `${r.x},${r.y},${r.width},${r.height}`;
          same = at === last ? same + 1 : 0;
          last = at;
          if (same >= 3) resolve();
          else requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      }),
  );
  await control.click();
}
