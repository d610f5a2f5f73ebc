import type { ReactNode } from 'react';

/**
 * The frame every kind's pictogram is drawn in: 22 px, 24-unit grid, the text's colour.
 * Decoration only (hidden from assistive technology): the kind's name is always next to it.
 */
export function KindSvg({ children }: { children: ReactNode }) {
  return (
    <svg width={22} height={22} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" aria-hidden={true} focusable={false}>
      {children}
    </svg>
  );
}
