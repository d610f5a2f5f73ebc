import { describe, expect, it } from 'vitest';
import { connectHost, connectPhone, createWorkshop, emitAck, joinAs, rawEmitAck, serverPool, waitFor } from './harness.js';

/**
 * The console's "joins refused" counts joins that a limit turned away, and only those: a
 * participant's or a host's socket that sends `participant:join` while over its command budget
 * is refused too, but that was never a join (its role may not join) and is not counted.
 */
describe('joins refused, as the console counts them', () => {
  const start = serverPool();

  it("counts a visitor's join refused by its command budget, not a participant's or a host's participant:join over budget", { timeout: 20_000 }, async () => {
    // Two commands per minute for every kind of sender, no burst: the third is refused.
    const two = { points: 2, seconds: 60 };
    const server = await start({ config: { limits: { participantCommands: two, hostCommands: two, visitorCommandsPerSocket: two } } });
    const w = await createWorkshop(server, { title: 'Wijk Zuid', template: 'heat-transition', language: 'en', groups: ['Residents', 'Municipality'] });
    const host = await connectHost(server, w);
    const groupId = (await waitFor(host, 'workshop:host')).groups[0]!.id;

    // A participant (its join came from its visitor socket's budget) sends participant:join five
    // times: two within its own budget (FORBIDDEN, a participant may not join again), then three
    // over it.
    const anna = await joinAs(server, w.code, groupId);
    const annaCodes: string[] = [];
    for (let i = 0; i < 5; i++) {
      const ack = await emitAck(anna.socket, 'participant:join', { groupId });
      annaCodes.push(ack.ok ? 'ok' : ack.error.code);
    }
    expect(annaCodes).toEqual(['FORBIDDEN', 'FORBIDDEN', 'RATE_LIMITED', 'RATE_LIMITED', 'RATE_LIMITED']);

    // The host: two FORBIDDEN within its budget, then two over it.
    const hostCodes: string[] = [];
    for (let i = 0; i < 4; i++) {
      const ack = await emitAck(host, 'participant:join', { groupId });
      hostCodes.push(ack.ok ? 'ok' : ack.error.code);
    }
    expect(hostCodes).toEqual(['FORBIDDEN', 'FORBIDDEN', 'RATE_LIMITED', 'RATE_LIMITED']);

    // A visitor: two malformed joins use up its budget (BAD_REQUEST), the third — a proper join — is
    // refused by the budget. That one is a refused join.
    const visitor = await connectPhone(server, w.code);
    const visitorCodes: string[] = [];
    for (const payload of [{ groupId: 7 }, {}, { groupId }]) {
      const ack = (await rawEmitAck(visitor, 'participant:join', payload)) as { ok: boolean; error?: { code: string } };
      visitorCodes.push(ack.ok ? 'ok' : (ack.error?.code ?? '?'));
    }
    expect(visitorCodes).toEqual(['BAD_REQUEST', 'BAD_REQUEST', 'RATE_LIMITED']);

    // A second phone joins: the presence after it shows two connected and one refused join
    // (the visitor's), not 1 + 3 + 2 = 6.
    await joinAs(server, w.code, groupId);
    const presence = await waitFor(host, 'workshop:presence', (p) => p.connected === 2);
    expect(presence.joinsRefused).toBe(1);
  });
});
