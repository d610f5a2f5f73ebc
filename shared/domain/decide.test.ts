import { describe, expect, it } from 'vitest';
import { DomainHarness, HOST, VISITOR } from './testing.js';
import { publicView, selfView, hostView } from './views.js';
import { TEMPLATES } from './templates.js';

describe('creating a workshop', () => {
  it('takes the cards, groups and agenda of the template in the chosen language', () => {
    const h = new DomainHarness({ title: 'Wijk Noord', template: 'heat-transition', language: 'en' });
    const s = h.state;
    expect(s.valueOrder).toHaveLength(12);
    expect(s.values[s.valueOrder[0] as string]?.title).toBe('Affordability');
    expect(s.values[s.valueOrder[0] as string]?.i18n?.nl.title).toBe('Betaalbaarheid');
    expect(s.groups.map((g) => g.name)).toEqual(['Residents', 'Municipality', 'Housing association', 'Grid operator / heat company', "Energy cooperative / residents' initiative", 'Business', 'Other']);
    expect(s.activities.map((a) => a.kind)).toEqual(['explore', 'dots', 'rank', 'rank', 'scan', 'options']);
    expect(s.activities.every((a) => a.status === 'pending')).toBe(true);
    expect(s.currentActivityId).toBeNull();
  });

  it('keeps both languages for a group typed with a default name, and plain names otherwise', () => {
    const h = new DomainHarness({ title: 'x', groups: ['Bewoners', 'Wijkraad'] });
    expect(h.state.groups[0]?.i18n).toEqual({ nl: 'Bewoners', en: 'Residents' });
    expect(h.state.groups[1]?.i18n).toBeUndefined();
  });

  it('starts empty with only an explore step', () => {
    const h = new DomainHarness({ title: 'x', template: 'empty' });
    expect(h.state.valueOrder).toEqual([]);
    expect(h.state.activities.map((a) => a.kind)).toEqual(['explore']);
    expect(TEMPLATES['collaboration-checkup'].agenda).toEqual(['scan']);
  });
});

describe('joining', () => {
  it('adds a participant in the chosen group, without a name unless names are allowed', () => {
    const h = new DomainHarness({ title: 'x' });
    const p = h.join(1);
    expect(h.state.participants[p.participantId]).toMatchObject({ groupId: h.state.groups[1]?.id, name: null, removed: false });
    const r = h.run('participant:join', { groupId: h.state.groups[0]?.id, name: 'Ans' }, VISITOR, { tokenHash: 't' });
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
  });

  it('keeps a name when names are allowed, and refuses an unknown group', () => {
    const h = new DomainHarness({ title: 'x', allowNames: true });
    const p = h.join(0, '  Ans  ');
    expect(h.state.participants[p.participantId]?.name).toBe('Ans');
    expect(h.run('participant:join', { groupId: 'nope' }, VISITOR, { tokenHash: 't' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('only a visitor can join', () => {
    const h = new DomainHarness({ title: 'x' });
    const p = h.join();
    expect(h.run('participant:join', { groupId: h.state.groups[0]?.id }, p, { tokenHash: 't' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(h.run('participant:join', { groupId: h.state.groups[0]?.id }, HOST, { tokenHash: 't' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('lets a participant change group, and the facilitator remove them', () => {
    const h = new DomainHarness({ title: 'x' });
    const p = h.join(0);
    h.must('participant:update', { groupId: h.state.groups[2]?.id }, p);
    expect(h.state.participants[p.participantId]?.groupId).toBe(h.state.groups[2]?.id);
    expect(h.run('participant:remove', { participantId: p.participantId }, p)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    h.must('participant:remove', { participantId: p.participantId }, HOST);
    expect(h.state.participants[p.participantId]?.removed).toBe(true);
    expect(h.run('participant:update', { groupId: h.state.groups[1]?.id }, p)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    // Removed already: acknowledged, nothing stored.
    const seq = h.state.seq;
    expect(h.run('participant:remove', { participantId: p.participantId }, HOST)).toEqual({ ok: true, ids: [] });
    expect(h.state.seq).toBe(seq);
    expect(h.run('participant:remove', { participantId: 'nope' }, HOST)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(publicView(h.state).participation.total).toBe(0);
  });
});

describe('explore', () => {
  function explore(opts: { allowProposals?: boolean } = {}) {
    const h = new DomainHarness({ title: 'x', ...opts });
    const a = h.join(0);
    const b = h.join(1);
    const activityId = h.openFirst('explore');
    return { h, a, b, activityId };
  }

  it('refuses proposals and stories before the explore activity is open', () => {
    const h = new DomainHarness({ title: 'x' });
    const p = h.join();
    expect(h.run('value:propose', { title: 'Rust' }, p)).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    expect(h.run('story:add', { valueId: h.state.valueOrder[0], text: 'Omdat' }, p)).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
  });

  it('accepts a proposal with its proposer and group recorded', () => {
    const { h, a } = explore();
    const id = h.must('value:propose', { title: ' Rust in de wijk ', description: 'Geen bouwoverlast' }, a);
    expect(h.state.values[id]).toMatchObject({ title: 'Rust in de wijk', description: 'Geen bouwoverlast', origin: 'participant', proposedBy: a.participantId, groupId: h.state.groups[0]?.id });
    expect(h.state.valueOrder.at(-1)).toBe(id);
    expect(selfView(h.state, a.participantId)?.proposedValueIds).toEqual([id]);
  });

  it('refuses proposals that are too long, empty, or when proposals are closed', () => {
    const { h, a } = explore();
    expect(h.run('value:propose', { title: 'x'.repeat(61) }, a)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(h.run('value:propose', { title: '   ' }, a)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(h.run('value:propose', { title: 'ok', description: 'd'.repeat(281) }, a)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(h.run('value:propose', { title: 'a\u0007b' }, a)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    h.must('settings:update', { allowProposals: false }, HOST);
    expect(h.run('value:propose', { title: 'Rust' }, a)).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    expect(h.run('value:propose', { title: 'Rust' }, HOST)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(h.run('value:propose', { title: 'Rust' }, VISITOR)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('adds stories up to 500 characters to visible values only', () => {
    const { h, a } = explore();
    const valueId = h.state.valueOrder[0] as string;
    const storyId = h.must('story:add', { valueId, text: 'x'.repeat(500) }, a);
    expect(h.state.stories[storyId]).toMatchObject({ valueId, originalValueId: valueId, participantId: a.participantId, endorsements: [] });
    expect(h.run('story:add', { valueId, text: 'x'.repeat(501) }, a)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(h.run('story:add', { valueId: 'nope', text: 'hi' }, a)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    h.must('value:hide', { valueId, hidden: true }, HOST);
    expect(h.run('story:add', { valueId, text: 'hi' }, a)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('counts an endorsement once per participant and never for one’s own story', () => {
    const { h, a, b } = explore();
    const storyId = h.must('story:add', { valueId: h.state.valueOrder[0], text: 'Mijn energierekening' }, a);
    expect(h.run('story:endorse', { storyId }, a)).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    h.must('story:endorse', { storyId }, b);
    // Again (a retry): acknowledged, counted once.
    expect(h.run('story:endorse', { storyId }, b)).toEqual({ ok: true, ids: [] });
    expect(h.state.stories[storyId]?.endorsements).toEqual([b.participantId]);
    expect(selfView(h.state, b.participantId)?.endorsedStoryIds).toEqual([storyId]);
    h.must('story:hide', { storyId, hidden: true }, HOST);
    const c = h.join(2);
    expect(h.run('story:endorse', { storyId }, c)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('orders stories by endorsements, then age, and hides hidden stories from the room but not the host', () => {
    const { h, a, b } = explore();
    const valueId = h.state.valueOrder[0] as string;
    const first = h.must('story:add', { valueId, text: 'first' }, a);
    h.now += 1000;
    const second = h.must('story:add', { valueId, text: 'second' }, a);
    h.must('story:endorse', { storyId: second }, b);
    expect(publicView(h.state).values[0]?.stories.map((s) => s.id)).toEqual([second, first]);
    h.must('story:hide', { storyId: second, hidden: true }, HOST);
    expect(publicView(h.state).values[0]?.stories.map((s) => s.id)).toEqual([first]);
    expect(publicView(h.state).values[0]?.storyCount).toBe(1);
    expect(hostView(h.state).allStories.map((s) => [s.id, s.hidden])).toEqual([[first, false], [second, true]]);
  });

  it('lets the facilitator edit a card, which drops its template translations', () => {
    const { h, a } = explore();
    const valueId = h.state.valueOrder[0] as string;
    h.must('value:edit', { valueId, title: 'Lage kosten', description: 'Niet duurder dan nu' }, HOST);
    expect(h.state.values[valueId]).toMatchObject({ title: 'Lage kosten', description: 'Niet duurder dan nu' });
    expect(h.state.values[valueId]?.i18n).toBeUndefined();
    expect(h.run('value:edit', { valueId, title: 'x', description: '' }, a)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(h.run('value:edit', { valueId: 'nope', title: 'x' }, HOST)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const added = h.must('value:add', { title: 'Eerlijk delen' }, HOST);
    expect(h.state.values[added]).toMatchObject({ origin: 'facilitator', proposedBy: null });
  });
});

describe('merging values', () => {
  it('moves stories and endorsements to the target and records provenance', () => {
    const h = new DomainHarness({ title: 'x' });
    const a = h.join(0);
    const b = h.join(1);
    h.openFirst('explore');
    const target = h.state.valueOrder[0] as string; // Betaalbaarheid (template)
    const dup = h.must('value:propose', { title: 'Betaalbaar' }, a);
    const story = h.must('story:add', { valueId: dup, text: 'Ik heb een klein pensioen' }, a);
    h.must('story:endorse', { storyId: story }, b);

    h.must('value:merge', { sourceId: dup, targetId: target }, HOST);

    expect(h.state.values[dup]?.mergedInto).toBe(target);
    expect(h.state.values[target]?.mergedFrom).toEqual([dup]);
    expect(h.state.stories[story]).toMatchObject({ valueId: target, originalValueId: dup, endorsements: [b.participantId] });
    const view = publicView(h.state);
    expect(view.values.map((v) => v.id)).not.toContain(dup);
    const merged = view.values.find((v) => v.id === target);
    expect(merged?.storyCount).toBe(1);
    expect(merged?.provenance).toEqual([
      { valueId: target, title: 'Betaalbaarheid', origin: 'template', groupId: null },
      { valueId: dup, title: 'Betaalbaar', origin: 'participant', groupId: h.state.groups[0]?.id },
    ]);
  });

  it('carries earlier merges along (transitive provenance)', () => {
    const h = new DomainHarness({ title: 'x', template: 'empty' });
    const a = h.join(0);
    h.openFirst('explore');
    const x = h.must('value:propose', { title: 'X' }, a);
    const y = h.must('value:propose', { title: 'Y' }, a);
    const z = h.must('value:propose', { title: 'Z' }, a);
    h.must('value:merge', { sourceId: x, targetId: y }, HOST);
    h.must('value:merge', { sourceId: y, targetId: z }, HOST);
    expect(h.state.values[z]?.mergedFrom).toEqual([y, x]);
  });

  it('refuses merging into itself, into or from a merged value, or unknown values', () => {
    const h = new DomainHarness({ title: 'x' });
    const [v1, v2, v3] = h.state.valueOrder as [string, string, string];
    expect(h.run('value:merge', { sourceId: v1, targetId: v1 }, HOST)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    h.must('value:merge', { sourceId: v1, targetId: v2 }, HOST);
    expect(h.run('value:merge', { sourceId: v1, targetId: v3 }, HOST)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(h.run('value:merge', { sourceId: v3, targetId: v1 }, HOST)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(h.run('value:merge', { sourceId: 'nope', targetId: v3 }, HOST)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(h.run('value:edit', { valueId: v1, title: 'x' }, HOST)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});

describe('activities', () => {
  it('opens, locks, unlocks, reveals and closes; an invalid transition is refused, one that holds already records nothing', () => {
    const h = new DomainHarness({ title: 'x' });
    const id = h.state.activities[1]?.id as string;
    const ctl = (action: string) => h.run('activity:control', { activityId: id, action }, HOST);
    expect(ctl('lock')).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    expect(ctl('open').ok).toBe(true);
    expect(h.state.currentActivityId).toBe(id);
    expect(h.state.activities[1]).toMatchObject({ status: 'open', openedAt: h.now });
    expect(ctl('open')).toEqual({ ok: true, ids: [] });
    expect(ctl('unlock')).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    expect(ctl('lock').ok).toBe(true);
    expect(ctl('unlock').ok).toBe(true);
    expect(ctl('hide')).toEqual({ ok: true, ids: [] });
    expect(ctl('reveal').ok).toBe(true);
    expect(h.state.activities[1]?.revealed).toBe(true);
    expect(ctl('reveal')).toEqual({ ok: true, ids: [] });
    expect(ctl('close').ok).toBe(true);
    expect(ctl('close')).toEqual({ ok: true, ids: [] });
    expect(h.run('activity:control', { activityId: 'nope', action: 'open' }, HOST)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(h.run('activity:control', { activityId: id, action: 'explode' }, HOST)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('numbers repeated activities as rounds', () => {
    const h = new DomainHarness({ title: 'x' });
    expect(publicView(h.state).activities.map((a) => `${a.kind}${a.round}`)).toEqual(['explore1', 'dots1', 'rank1', 'rank2', 'scan1', 'options1']);
  });

  it('stops stories when the explore activity is locked', () => {
    const h = new DomainHarness({ title: 'x' });
    const p = h.join();
    const id = h.openFirst('explore');
    h.must('activity:control', { activityId: id, action: 'lock' }, HOST);
    expect(h.run('story:add', { valueId: h.state.valueOrder[0], text: 'hi' }, p)).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
  });
});

describe('settings', () => {
  it('changes only what is given and refuses an empty change or a participant', () => {
    const h = new DomainHarness({ title: 'x' });
    h.must('settings:update', { allowNames: true }, HOST);
    expect(h.state.settings).toEqual({ allowNames: true, allowProposals: true, minGroupSize: 3, joiningOpen: true });
    expect(h.run('settings:update', {}, HOST)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(h.run('settings:update', { minGroupSize: 0 }, HOST)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(h.run('settings:update', { allowNames: false }, h.join())).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('views keep private things private', () => {
  it('never puts tokens in any view, and names in the public view only when allowed', () => {
    const h = new DomainHarness({ title: 'x', allowNames: true });
    const p = h.join(0, 'Ans');
    h.openFirst('explore');
    h.must('story:add', { valueId: h.state.valueOrder[0], text: 'Omdat' }, p);
    h.must('settings:update', { allowNames: false }, HOST);
    const pub = JSON.stringify(publicView(h.state));
    expect(pub).not.toContain('Ans');
    expect(pub).not.toContain('tok-');
    expect(pub).not.toContain('host-hash');
    expect(JSON.stringify(hostView(h.state))).not.toContain('tok-');
    expect(hostView(h.state).participants[0]?.name).toBe('Ans');
    h.must('settings:update', { allowNames: true }, HOST);
    expect(publicView(h.state).values[0]?.stories[0]?.author).toBe('Ans');
  });

  it('suggests duplicates among visible values to the host', () => {
    const h = new DomainHarness({ title: 'x' });
    const p = h.join();
    h.openFirst('explore');
    const dup = h.must('value:propose', { title: 'betaalbaarheid!' }, p);
    expect(hostView(h.state).duplicates).toEqual([[h.state.valueOrder[0], dup]]);
  });
});

describe('retried sends', () => {
  it('store a proposal or story made with a phone-made id once, and refuse another’s id', () => {
    const h = new DomainHarness({ title: 'x' });
    const a = h.join(0);
    const b = h.join(1);
    h.openFirst('explore');
    const valueId = 'v_phone_made_id_0001';
    expect(h.must('value:propose', { title: 'Rust', valueId }, a)).toBe(valueId);
    const seq = h.state.seq;
    expect(h.run('value:propose', { title: 'Rust', valueId }, a)).toEqual({ ok: true, ids: [] });
    expect(h.state.seq).toBe(seq);
    expect(h.run('value:propose', { title: 'Rust', valueId }, b)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const storyId = 's_phone_made_id_0001';
    expect(h.must('story:add', { valueId, text: 'Omdat', storyId }, a)).toBe(storyId);
    expect(h.run('story:add', { valueId, text: 'Omdat', storyId }, a)).toEqual({ ok: true, ids: [] });
    expect(h.run('story:add', { valueId, text: 'Omdat', storyId }, b)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(h.run('story:add', { valueId, text: 'Omdat', storyId: 'short' }, a)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(Object.keys(h.state.stories)).toEqual([storyId]);
  });
});
