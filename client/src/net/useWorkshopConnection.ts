import { useEffect } from 'react';
import { connectWorkshop } from './socket.js';

/**
 * Keeps this page connected to one workshop while it is mounted. The participant token is
 * read when connecting; a token learnt later (after joining) is applied without reconnecting.
 */
export function useWorkshopConnection(code: string | null, opts: { hostToken?: string | null; participantToken?: () => string | null; view?: 'board' | 'phone' } = {}): void {
  const { hostToken, participantToken, view } = opts;
  useEffect(() => {
    if (!code) return;
    return connectWorkshop({ code, hostToken, participantToken: participantToken?.() ?? null, ...(view ? { view } : {}) });
    // participantToken is a reader, read once per connection on purpose.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [code, hostToken]);
}
