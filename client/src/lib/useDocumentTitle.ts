import { useEffect } from 'react';

/** "Raakvlak — <what>": tabs and windows (the board on the projector) are told apart by title. */
export function useDocumentTitle(what: string | null | undefined): void {
  useEffect(() => {
    document.title = what ? `${what} — Raakvlak` : 'Raakvlak';
  }, [what]);
}
