import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';

/** The heading a new step starts with: the step's h1, or the first h2 (the summary's) when it has none. */
function stepHeading(root: HTMLElement): HTMLElement | null {
  return root.querySelector<HTMLElement>('h1') ?? root.querySelector<HTMLElement>('h2');
}

function focusHeading(root: HTMLElement, scroll: boolean): void {
  const heading = stepHeading(root);
  if (!heading) return;
  // Focusable from script only: a heading is no tab stop.
  if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
  heading.focus({ preventScroll: true });
  // jsdom has no scrollIntoView; every browser does.
  if (scroll) heading.scrollIntoView?.({ block: 'start' });
}

/**
 * The phone follows the facilitator: when the step changes (`step`: a new activity, or the
 * summary replacing the last one), the new step's heading gets the focus and is scrolled to the
 * top — the phone must not keep the old scroll position, where the new question would start
 * off-screen. When only the state changes (`phase`: paused, closed), focus moves to the heading
 * only if the control the user was on is gone (its form was replaced), so a user reading the
 * page is not pulled away. Not on the first render: a page load starts at the top anyway.
 */
export function useStepFocus(root: RefObject<HTMLElement | null>, step: string, phase: string): void {
  const lastFocused = useRef<Element | null>(null);
  const seen = useRef<{ step: string; phase: string } | null>(null);

  useEffect(() => {
    const el = root.current;
    if (!el) return;
    const onFocusIn = (e: FocusEvent) => {
      lastFocused.current = e.target instanceof Element ? e.target : null;
    };
    el.addEventListener('focusin', onFocusIn);
    return () => el.removeEventListener('focusin', onFocusIn);
  }, [root]);

  useLayoutEffect(() => {
    const el = root.current;
    const before = seen.current;
    seen.current = { step, phase };
    if (!el || before === null) return;
    if (before.step !== step) {
      focusHeading(el, true);
      return;
    }
    if (before.phase !== phase) {
      const was = lastFocused.current;
      const active = document.activeElement;
      if (was && !was.isConnected && (active === null || active === document.body)) focusHeading(el, false);
    }
  }, [root, step, phase]);
}
