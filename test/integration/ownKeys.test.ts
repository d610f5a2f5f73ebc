import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { COMMAND_NAMES, commandRoles, commandSchemas, openAnswerId, type CommandName, type ExportDocument } from '../../shared/index.js';
import { BUILT_IN_NAMES } from '../../shared/domain/own.js';
import type { Logger } from '../../server/logger.js';
import { fetchExport } from './exports.js';
import { connectHost, connectVisitor, createWorkshop, joinAs, mustAck, rawEmitAck, serverPool, waitFor, type ClientSocket } from './harness.js';

/**
 * Ids are own keys: every command, with every name a plain object inherits in every id field,
 * is refused — NOT_FOUND where the id names something to find, BAD_REQUEST where the client
 * makes the id (the schema refuses a built-in name) or where an answer names values or
 * statements (an answer with a value that does not take part is BAD_REQUEST for any id) —
 * changes nothing in the export and logs nothing.
 */

interface IdField {
  /** `a.b`, `list[]` (one element), `record{key}` (one key). */
  path: string;
  /** The schema refuses built-in names: a client-made id. */
  clientMade: boolean;
  /** The open-answer id, made of three ids. */
  compound: boolean;
}

type ZodAny = z.ZodType & { _zod: { def: Record<string, unknown> & { type: string } } };

/** Every id-shaped string field in a command's schema, found by walking the zod schema. */
function idFields(schema: ZodAny, path = '', out: IdField[] = []): IdField[] {
  const def = schema._zod.def;
  const at = (key: string) => (path ? `${path}.${key}` : key);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
      return idFields(def.innerType as ZodAny, path, out);
    case 'pipe':
      return idFields(def.in as ZodAny, path, out);
    case 'array':
      return idFields(def.element as ZodAny, `${path}[]`, out);
    case 'record':
      return idFields(def.keyType as ZodAny, `${path}{key}`, out);
    case 'union':
      for (const option of def.options as ZodAny[]) idFields(option, path, out);
      return out;
    case 'object':
      for (const [key, value] of Object.entries(def.shape as Record<string, ZodAny>)) idFields(value, at(key), out);
      return out;
    case 'string': {
      const checks = (def.checks as { _zod: { def: { check: string; pattern?: RegExp } } }[] | undefined) ?? [];
      const patterns = checks.flatMap((c) => (c._zod.def.pattern ? [String(c._zod.def.pattern)] : []));
      if (!patterns.some((p) => p.includes('[A-Za-z0-9_-]'))) return out;
      if (!out.some((f) => f.path === path)) {
        out.push({ path, clientMade: checks.some((c) => c._zod.def.check === 'custom'), compound: patterns.some((p) => p.includes('wentWell')) });
      }
      return out;
    }
    default:
      return out;
  }
}

/** A copy of `base` with the field at `path` set to `name` (an array gets it as its first element, a record as its key). */
function withId(base: unknown, path: string, name: string): unknown {
  const [head, ...rest] = path.split('.');
  const key = head as string;
  const tail = rest.join('.');
  const obj = { ...(base as Record<string, unknown>) };
  if (key.endsWith('[]')) {
    const k = key.slice(0, -2);
    const list = [...(obj[k] as unknown[])];
    list[0] = tail ? withId(list[0], tail, name) : name;
    obj[k] = list;
  } else if (key.endsWith('{key}')) {
    const k = key.slice(0, -5);
    const record = obj[k] as Record<string, unknown>;
    const [first] = Object.keys(record);
    // Built with defineProperty so `__proto__` is an own key, as JSON.parse on the server makes it.
    const next: Record<string, unknown> = {};
    for (const [rk, rv] of Object.entries(record)) if (rk !== first) next[rk] = rv;
    Object.defineProperty(next, name, { value: record[first as string], enumerable: true, configurable: true, writable: true });
    obj[k] = next;
  } else {
    obj[key] = tail ? withId(obj[key], tail, name) : name;
  }
  return obj;
}

function spyLogger(): Logger & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    info: () => {},
    warn: (m) => calls.push(`warn ${m}`),
    error: (m, err) => calls.push(`error ${m} ${err instanceof Error ? err.stack : String(err ?? '')}`),
  };
}

const stable = (doc: ExportDocument) => JSON.stringify({ ...doc, exportedAt: null });

describe('ids are own keys, through a real server', () => {
  const start = serverPool();

  it('every command with every built-in name in every id field is refused, changes nothing and logs nothing', async () => {
    const logger = spyLogger();
    // The probes come faster than a phone would send; the rate limit is not what is tested here.
    const server = await start({ config: { logger, limits: { participantCommands: { points: 100_000, seconds: 1 }, hostCommands: { points: 100_000, seconds: 1 }, visitorCommandsPerSocket: { points: 100_000, seconds: 1 } } } });
    const w = await createWorkshop(server, { title: 'Eigen sleutels', template: 'heat-transition', language: 'en', groups: ['A', 'B'] });
    const host = await connectHost(server, w);
    const board = await connectVisitor(server, w.code);
    const view = await waitFor(host, 'workshop:host');
    const [groupA, groupB] = view.groups.map((g) => g.id) as [string, string];
    const ids = (kind: string) => view.activities.filter((a) => a.kind === kind).map((a) => a.id);
    const [explore] = ids('explore') as [string];
    const [dots] = ids('dots') as [string];
    const [rank] = ids('rank') as [string];
    const [scan] = ids('scan') as [string];
    const [options] = ids('options') as [string];
    const { activityId: points } = await mustAck(host, 'agenda:add', { kind: 'points' });
    const a = await joinAs(server, w.code, groupA);
    const b = await joinAs(server, w.code, groupB);
    const [v1, v2, v3] = view.allValues.map((v) => v.id) as [string, string, string];

    // A scan answer with an open text, so the open-answer id has something real next to it.
    await mustAck(host, 'agenda:goto', { activityId: scan });
    await mustAck(a.socket, 'answer:submit', { activityId: scan, answerId: 'scanA', answer: { kind: 'scan', scores: { m1: 4 }, wentWell: 'We listen' } });
    await mustAck(host, 'activity:control', { activityId: explore, action: 'open' });
    const { storyId } = await mustAck(a.socket, 'story:add', { valueId: v1, text: 'Why it matters' });

    const statement = { id: 'st1', factor: 'result', text: { nl: 'Doelen', en: 'Goals' } };
    const openAnswer = openAnswerId(scan, a.participantId, 'scanA', 'wentWell');
    const answers = {
      dots: { activityId: dots, answer: { kind: 'dots', dots: { [v1]: 1 } } },
      rank: { activityId: rank, answer: { kind: 'rank', order: [v1, v2, v3] } },
      points: { activityId: points, answer: { kind: 'points', points: { [v1]: 100 } } },
      scan: { activityId: scan, answer: { kind: 'scan', scores: { m1: 3 } } },
      options: { activityId: options, answer: { kind: 'options', ratings: { 'heat-network': { [v1]: 1 } } } },
    } as const;
    // The "why" probe needs an answer with only a why: a dropped option key must leave it empty.
    const optionsWhy = { activityId: options, answer: { kind: 'options', why: { 'heat-network': 'Warm' } } } as const;
    const option = (id: string) => ({ id, text: { nl: { title: id, description: '' }, en: { title: id, description: '' } } });
    /** A valid payload for each command; each id field in turn gets a built-in name. */
    const base: Record<CommandName, unknown> = {
      'participant:join': { groupId: groupA },
      'participant:update': { groupId: groupB },
      'participant:remove': { participantId: b.participantId },
      'participant:removeMany': { participantIds: [b.participantId] },
      'participant:erase': { participantId: b.participantId },
      'participant:eraseSelf': {},
      'value:propose': { title: 'Rust', valueId: 'v_console_made_0001' },
      'value:add': { title: 'Rust', valueId: 'v_console_made_0002' },
      'value:edit': { valueId: v1, title: 'Nieuw' },
      'value:hide': { valueId: v1, hidden: true },
      'value:merge': { sourceId: v1, targetId: v2 },
      'story:add': { valueId: v1, text: 'Omdat', storyId: 's_phone_made_id_0001' },
      'story:endorse': { storyId },
      'story:hide': { storyId, hidden: true },
      'settings:update': { allowNames: true },
      'activity:control': { activityId: dots, action: 'open' },
      'activity:configure': { activityId: options, valueIds: [v1], statements: [statement], options: [option('o1'), option('o2')], weights: { mode: 'room', voteActivityId: dots } },
      'agenda:add': { kind: 'dots', afterActivityId: dots },
      'agenda:move': { activityId: dots, toIndex: 3 },
      'agenda:remove': { activityId: dots },
      'agenda:duplicate': { activityId: dots },
      'agenda:goto': { activityId: dots },
      'activity:extend': { activityId: dots, seconds: 60 },
      'summary:publish': { published: true },
      'open-answer:endorse': { openAnswerId: openAnswer },
      'answer:submit': { answerId: 'ans1', ...answers.dots },
      'feedback:set': { entryId: 'f_console_made_0001', target: { kind: 'option', id: 'heat-network', activityId: options }, decision: 'Gedaan' },
      'feedback:remove': { entryId: 'f_console_made_0001' },
      'feedback:publish': { published: true },
      'online:open': { activityIds: [dots], until: Date.now() + 2 * 3_600_000 },
      'online:close': {},
      'groups:invited': { invited: [{ groupId: groupA, invited: 40 }] },
    };
    const senders: Record<'host' | 'participant' | 'visitor', ClientSocket> = { host, participant: b.socket, visitor: board };

    const fields = Object.fromEntries(COMMAND_NAMES.map((name) => [name, idFields(commandSchemas[name] as unknown as ZodAny)])) as Record<CommandName, IdField[]>;
    // The walk finds the id fields (a regression guard for the walk itself).
    expect(fields['value:merge'].map((f) => f.path)).toEqual(['sourceId', 'targetId']);
    expect(fields['activity:configure'].map((f) => [f.path, f.clientMade])).toEqual([
      ['activityId', false],
      ['valueIds[]', false],
      ['statements[].id', true],
      ['options[].id', true],
      ['weights.voteActivityId', false],
    ]);
    expect(fields['answer:submit'].map((f) => f.path)).toEqual(['activityId', 'answerId', 'answer.dots{key}', 'answer.order[]', 'answer.points{key}', 'answer.scores{key}', 'answer.ratings{key}', 'answer.why{key}']);
    expect(fields['open-answer:endorse']).toEqual([{ path: 'openAnswerId', clientMade: false, compound: true }]);
    expect(fields['settings:update']).toEqual([]);
    expect(fields['summary:publish']).toEqual([]);
    expect(fields['feedback:set'].map((f) => [f.path, f.clientMade])).toEqual([
      ['entryId', true],
      ['target.id', false],
      ['target.activityId', false],
    ]);
    expect(fields['groups:invited'].map((f) => f.path)).toEqual(['invited[].groupId']);

    interface Probe {
      command: CommandName;
      payload: unknown;
      /** OK: accepted with nothing stored (removing an entry that is not there: what the command asks for holds). */
      expected: 'NOT_FOUND' | 'BAD_REQUEST' | 'OK';
      label: string;
    }
    const probes: Probe[] = [];
    for (const command of COMMAND_NAMES) {
      for (const field of fields[command]) {
        for (const name of BUILT_IN_NAMES) {
          if (field.compound) {
            // Each of the three ids in turn.
            const parts = [scan, a.participantId, 'scanA'];
            for (let i = 0; i < parts.length; i++) {
              const p = [...parts];
              p[i] = name;
              probes.push({ command, payload: { openAnswerId: openAnswerId(p[0]!, p[1]!, p[2]!, 'wentWell') }, expected: 'NOT_FOUND', label: `${command} part ${i} = ${name}` });
            }
            continue;
          }
          const kind = /^answer\.(\w+)/.exec(field.path)?.[1];
          const answerBase =
            command === 'answer:submit' && kind
              ? { answerId: 'ans1', ...(kind === 'why' ? optionsWhy : answers[(kind === 'order' ? 'rank' : kind === 'scores' ? 'scan' : kind === 'ratings' ? 'options' : kind) as keyof typeof answers]) }
              : base[command];
          // An answer naming a value or statement that does not take part is BAD_REQUEST, for any id.
          const expected = field.clientMade || field.path.startsWith('answer.') ? 'BAD_REQUEST' : command === 'feedback:remove' ? 'OK' : 'NOT_FOUND';
          probes.push({ command, payload: withId(answerBase, field.path, name), expected, label: `${command} ${field.path} = ${name}` });
        }
      }
    }
    // 13 names × (1 participant:join + 1 update + 1 remove + 1 removeMany + 1 erase + 1 propose + 1 add + 1 edit + 1 hide + 2 merge + 2 story:add + 1 endorse
    // + 1 story:hide + 1 control + 5 configure + 1 agenda:add + 4 agenda + 1 extend + 3 open-answer + 8 answer:submit
    // + 3 feedback:set + 1 feedback:remove + 1 online:open + 1 groups:invited)
    expect(probes).toHaveLength(13 * 44);

    // Answers go to the open activity of their kind; the rest are sent while explore is open.
    const answerKind = (p: Probe) => {
      const payload = p.payload as { answer?: { kind: string } };
      return p.command === 'answer:submit' && payload.answer ? payload.answer.kind : null;
    };
    const phases: { open: string | null; probes: Probe[] }[] = [
      { open: null, probes: probes.filter((p) => answerKind(p) === null) },
      ...(['dots', 'rank', 'points', 'scan', 'options'] as const).map((kind) => ({ open: answers[kind].activityId, probes: probes.filter((p) => answerKind(p) === kind) })),
    ];
    const wrong: string[] = [];
    for (const phase of phases) {
      if (phase.open) await mustAck(host, 'activity:control', { activityId: phase.open, action: 'open' });
      const before = stable(await fetchExport(server, w));
      for (const probe of phase.probes) {
        const ack = (await rawEmitAck(senders[commandRoles[probe.command]], probe.command, probe.payload)) as { ok: boolean; error?: { code: string } };
        const right = probe.expected === 'OK' ? ack.ok : !ack.ok && ack.error?.code === probe.expected;
        if (!right) wrong.push(`${probe.label}: ${JSON.stringify(ack)}`);
      }
      expect(stable(await fetchExport(server, w))).toBe(before);
    }
    expect(wrong).toEqual([]);
    expect(logger.calls).toEqual([]);
  });
});
