import { apply } from './apply.js';
import { createWorkshop, createWorkshopSchema, type CreateWorkshopInput } from './create.js';
import { decide, type Actor, type DecideContext } from './decide.js';
import type { Command } from '../protocol/commands.js';
import { commandSchemas } from '../protocol/commands.js';
import type { ErrorBody } from '../protocol/errors.js';
import type { WorkshopState } from './types.js';

/**
 * A tiny deterministic harness for domain tests: a fixed clock, counting ids, and helpers that
 * run a command through the same schema → decide → apply path the server uses.
 */
export class DomainHarness {
  state: WorkshopState;
  now = 1_700_000_000_000;
  private counter = 0;

  constructor(input: CreateWorkshopInput = { title: 'Test' }) {
    const body = createWorkshopSchema.parse(input);
    this.state = createWorkshop(body, { id: 'w1', code: 'ABCDEF', hostTokenHash: 'host-hash', now: this.now, newId: () => this.nextId() });
  }

  nextId(): string {
    this.counter += 1;
    return `id${this.counter}`;
  }

  ctx(extra: Partial<DecideContext> = {}): DecideContext {
    return { now: this.now, newId: () => this.nextId(), ...extra };
  }

  /** Validates like the server, decides, applies. Returns the error if refused (state unchanged). */
  run<K extends Command['type']>(type: K, payload: unknown, actor: Actor, extra: Partial<DecideContext> = {}): { ok: true; ids: string[] } | { ok: false; error: ErrorBody } {
    const parsed = commandSchemas[type].safeParse(payload);
    if (!parsed.success) return { ok: false, error: { code: 'BAD_REQUEST', message: parsed.error.message } };
    const before = this.state;
    const result = decide(this.state, { type, payload: parsed.data } as Command, actor, this.ctx(extra));
    if (!result.ok) {
      if (this.state !== before) throw new Error('decide changed the state');
      return result;
    }
    const ids: string[] = [];
    for (const e of result.value) {
      this.state = apply(this.state, e);
      if (e.type === 'value:added') ids.push(e.value.id);
      if (e.type === 'story:added') ids.push(e.story.id);
      if (e.type === 'participant:joined') ids.push(e.participant.id);
      if (e.type === 'agenda:added') ids.push(e.activity.id);
    }
    return { ok: true, ids };
  }

  /** Runs a command that must succeed and returns the id it created, if any. */
  must(type: Command['type'], payload: unknown, actor: Actor, extra: Partial<DecideContext> = {}): string {
    const r = this.run(type, payload, actor, extra);
    if (!r.ok) throw new Error(`${type} refused: ${r.error.code} ${r.error.message}`);
    return r.ids[0] ?? '';
  }

  join(groupIndex = 0, name?: string): Actor & { role: 'participant' } {
    const groupId = this.state.groups[groupIndex]?.id;
    const participantId = this.must('participant:join', { groupId, name }, { role: 'visitor' }, { tokenHash: `tok-${this.counter}` });
    return { role: 'participant', participantId };
  }

  openFirst(kind: string): string {
    const a = this.state.activities.find((x) => x.kind === kind);
    if (!a) throw new Error(`no ${kind} activity`);
    this.must('activity:control', { activityId: a.id, action: 'open' }, HOST);
    return a.id;
  }
}

export const HOST: Actor = { role: 'host' };
export const VISITOR: Actor = { role: 'visitor' };
