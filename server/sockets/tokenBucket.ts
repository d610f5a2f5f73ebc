/**
 * Per-socket command budget: `burst` commands at once, refilled at `perSecond`. A person
 * tapping fast stays far below it; a script flooding one socket is answered RATE_LIMITED
 * before its payloads are even parsed.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    now: number,
  ) {
    this.tokens = burst;
    this.last = now;
  }

  take(now: number): boolean {
    // max(0, …): a clock that steps back (a test clock, NTP) must not drain the bucket.
    this.tokens = Math.min(this.burst, this.tokens + (Math.max(0, now - this.last) / 1000) * this.perSecond);
    this.last = Math.max(this.last, now);
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
