import type { ReactNode } from "react";

/**
 * A box that scrolls sideways on a phone (a wide table) without making the page scroll. It takes
 * the keyboard focus so a keyboard user can scroll it with the arrow keys too (WCAG 2.1.1; axe's
 * scrollable-region-focusable), and is a named region so a screen reader says what got the focus.
 */
export function ScrollBox({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable to be scrolled from the keyboard
    <section className="scroll-x" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
