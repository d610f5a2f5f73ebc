import type { ActivityKind } from '../../../../../shared/index.js';

/**
 * A small pictogram per kind of step, drawn in SVG (no emoji font needed). Decoration only:
 * the kind's name is always next to it.
 */
export function KindIcon({ kind }: { kind: ActivityKind }) {
  const common = { width: 22, height: 22, viewBox: '0 0 24 24', fill: 'none', stroke: 'currentColor', strokeWidth: 2, strokeLinecap: 'round' as const, strokeLinejoin: 'round' as const, 'aria-hidden': true, focusable: false };
  switch (kind) {
    case 'explore':
      return (
        <svg {...common}>
          <path d="M4 5h16v10H9l-5 4z" />
          <path d="M8 9h8M8 12h5" />
        </svg>
      );
    case 'dots':
      return (
        <svg {...common}>
          <circle cx="6" cy="12" r="2.5" fill="currentColor" />
          <circle cx="12" cy="12" r="2.5" fill="currentColor" />
          <circle cx="18" cy="12" r="2.5" />
        </svg>
      );
    case 'rank':
      return (
        <svg {...common}>
          <path d="M4 6h16M4 12h11M4 18h6" />
        </svg>
      );
    case 'points':
      return (
        <svg {...common}>
          <circle cx="12" cy="12" r="8" />
          <path d="M12 4v8l6 4" />
        </svg>
      );
    case 'scan':
      return (
        <svg {...common}>
          <path d="M4 7l2 2 3-3M4 15l2 2 3-3" />
          <path d="M12 8h8M12 16h8" />
        </svg>
      );
  }
}
