import { describe, expect, it } from 'vitest';
import { FEEDBACK_LIMITS } from './feedbackModel.js';
import { LiveViews } from './liveViews.js';
import { DomainHarness, HOST } from './testing.js';
import { hostView, phoneView, publicView, selfView } from './views.js';

const valueTarget = (id: string) => ({ kind: 'value', id, activityId: null });

function workshop() {
  const h = new DomainHarness({ title: 'Wijk Noord', template: 'heat-transition', language: 'en' });
  const [v1, v2, v3] = h.state.valueOrder as [string, string, string];
  const options = h.state.activities.find((a) => a.kind === 'options')?.id as string;
  return { h, v1, v2, v3, options };
}

describe('feedback:set', () => {
  it('adds an entry with the defaults, and replaces it whole under the same id (createdAt kept)', () => {
    const { h, v1 } = workshop();
    const t0 = h.now;
    h.must('feedback:set', { entryId: 'f1', target: valueTarget(v1), decision: 'We lowered the rent' }, HOST);
    expect(h.state.feedback).toEqual([
      { id: 'f1', target: { kind: 'value', id: v1, activityId: null }, decision: 'We lowered the rent', reason: '', when: '', link: null, createdAt: t0, updatedAt: t0 },
    ]);
    h.now += 60_000;
    h.must('feedback:set', { entryId: 'f1', target: { kind: 'general', id: null }, decision: 'Council meets in March', when: 'March 2027', link: 'https://example.org/raad' }, HOST);
    expect(h.state.feedback).toEqual([
      {
        id: 'f1',
        target: { kind: 'general', id: null, activityId: null },
        decision: 'Council meets in March',
        reason: '',
        when: 'March 2027',
        link: 'https://example.org/raad',
        createdAt: t0,
        updatedAt: t0 + 60_000,
      },
    ]);
  });

  it('stores nothing for the same content again (a retried send)', () => {
    const { h, v1 } = workshop();
    const payload = { entryId: 'f1', target: valueTarget(v1), decision: 'Done', reason: 'Because' };
    h.must('feedback:set', payload, HOST);
    const seq = h.state.seq;
    h.now += 5_000;
    expect(h.run('feedback:set', payload, HOST)).toEqual({ ok: true, ids: [] });
    expect(h.state.seq).toBe(seq);
    expect(h.state.feedback?.[0]?.updatedAt).toBe(h.now - 5_000);
  });

  it('stores a merged card as the card it was merged into, and refuses an unknown value', () => {
    const { h, v1, v2 } = workshop();
    h.must('value:merge', { sourceId: v1, targetId: v2 }, HOST);
    h.must('feedback:set', { entryId: 'f1', target: { kind: 'tension', id: v1, activityId: null }, decision: 'Talked it through' }, HOST);
    expect(h.state.feedback?.[0]?.target).toEqual({ kind: 'tension', id: v2, activityId: null });
    expect(h.run('feedback:set', { entryId: 'f2', target: valueTarget('nope'), decision: 'x' }, HOST)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(h.run('feedback:set', { entryId: 'f2', target: { kind: 'value', id: null, activityId: null }, decision: 'x' }, HOST)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('takes an option of an options activity, and refuses another activity, an unknown option or a missing activity', () => {
    const { h, options } = workshop();
    const dots = h.state.activities.find((a) => a.kind === 'dots')?.id as string;
    h.must('feedback:set', { entryId: 'f1', target: { kind: 'option', id: 'heat-network', activityId: options }, decision: 'Study started' }, HOST);
    expect(h.state.feedback?.[0]?.target).toEqual({ kind: 'option', id: 'heat-network', activityId: options });
    const refused = (target: unknown) => h.run('feedback:set', { entryId: 'f2', target, decision: 'x' }, HOST);
    expect(refused({ kind: 'option', id: 'heat-network', activityId: dots })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'No such options activity' } });
    expect(refused({ kind: 'option', id: 'solar-roof', activityId: options })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'No such option' } });
    expect(refused({ kind: 'option', id: 'heat-network', activityId: null })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(refused({ kind: 'general', id: 'heat-network', activityId: null })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(refused({ kind: 'value', id: h.state.valueOrder[0], activityId: options })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(h.state.feedback).toHaveLength(1);
  });

  it(`holds at most ${FEEDBACK_LIMITS.entries} entries; replacing one of them is still allowed`, () => {
    const { h } = workshop();
    for (let i = 0; i < FEEDBACK_LIMITS.entries; i++) h.must('feedback:set', { entryId: `f${i}`, target: { kind: 'general', id: null }, decision: `Entry ${i}` }, HOST);
    expect(h.run('feedback:set', { entryId: 'f40', target: { kind: 'general', id: null }, decision: 'One more' }, HOST)).toMatchObject({
      ok: false,
      error: { code: 'NOT_ALLOWED', message: 'This workshop holds 40 feedback entries, the most it can hold' },
    });
    h.must('feedback:set', { entryId: 'f7', target: { kind: 'general', id: null }, decision: 'Changed' }, HOST);
    expect(h.state.feedback).toHaveLength(40);
    expect(h.state.feedback?.[7]?.decision).toBe('Changed');
  });

  it('is for the host only', () => {
    const { h } = workshop();
    const p = h.join();
    expect(h.run('feedback:set', { entryId: 'f1', target: { kind: 'general', id: null }, decision: 'x' }, p)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(h.run('feedback:publish', { published: true }, p)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('feedback:remove and feedback:publish', () => {
  it('removes an entry; an unknown or removed id is accepted with nothing stored', () => {
    const { h } = workshop();
    h.must('feedback:set', { entryId: 'f1', target: { kind: 'general', id: null }, decision: 'a' }, HOST);
    h.must('feedback:set', { entryId: 'f2', target: { kind: 'general', id: null }, decision: 'b' }, HOST);
    h.must('feedback:remove', { entryId: 'f1' }, HOST);
    expect(h.state.feedback?.map((e) => e.id)).toEqual(['f2']);
    const seq = h.state.seq;
    expect(h.run('feedback:remove', { entryId: 'f1' }, HOST)).toEqual({ ok: true, ids: [] });
    expect(h.run('feedback:remove', { entryId: 'never' }, HOST)).toEqual({ ok: true, ids: [] });
    expect(h.state.seq).toBe(seq);
  });

  it('publishes and takes back like the summary; asking for what holds stores nothing', () => {
    const { h } = workshop();
    const seq = h.state.seq;
    h.must('feedback:publish', { published: false }, HOST);
    expect(h.state.seq).toBe(seq);
    h.now += 1000;
    h.must('feedback:publish', { published: true }, HOST);
    expect(h.state.feedbackPublishedAt).toBe(h.now);
    h.must('feedback:publish', { published: true }, HOST);
    expect(h.state.seq).toBe(seq + 1);
    h.must('feedback:publish', { published: false }, HOST);
    expect(h.state.feedbackPublishedAt).toBeNull();
  });
});

describe('feedback in the views', () => {
  it('the room sees entries once published; the host always, publishedAt null while a draft', () => {
    const { h, v1 } = workshop();
    expect(publicView(h.state).feedback).toBeNull();
    expect(hostView(h.state).feedback).toEqual({ publishedAt: null, entries: [] });
    h.must('feedback:set', { entryId: 'f1', target: valueTarget(v1), decision: 'Done' }, HOST);
    expect(publicView(h.state).feedback).toBeNull();
    expect(phoneView(h.state).feedback).toBeNull();
    expect(hostView(h.state).feedback).toEqual({ publishedAt: null, entries: h.state.feedback });
    h.now += 1000;
    h.must('feedback:publish', { published: true }, HOST);
    const published = { publishedAt: h.now, entries: h.state.feedback };
    expect(publicView(h.state).feedback).toEqual(published);
    expect(phoneView(h.state).feedback).toEqual(published);
    expect(hostView(h.state).feedback).toEqual(published);
  });

  it('a workshop stored before feedback existed reads as none', () => {
    const { h } = workshop();
    const { feedback: _f, feedbackPublishedAt: _p, ...old } = h.state;
    expect(hostView(old).feedback).toEqual({ publishedAt: null, entries: [] });
    expect(publicView(old).feedback).toBeNull();
  });

  it('feedbackAboutYou names the published entries about what this participant said', () => {
    const { h, v1, v2, v3, options } = workshop();
    const explore = h.openFirst('explore');
    const proposer = h.join(0);
    const teller = h.join(1);
    const voter = h.join(2);
    const weigher = h.join(3);
    const quiet = h.join(4);
    const proposed = h.must('value:propose', { title: 'Green streets', description: '' }, proposer);
    h.must('story:add', { valueId: v2, text: 'My street floods' }, teller);
    void explore;
    const dots = h.openFirst('dots');
    // Dots on v3 only: a value with 0 dots is not something the voter said.
    h.must('answer:submit', { activityId: dots, answerId: 'a1', answer: { kind: 'dots', dots: { [v3]: 2, [v1]: 0 } } }, voter);
    h.must('activity:control', { activityId: options, action: 'open' }, HOST);
    h.must('answer:submit', { activityId: options, answerId: 'a2', answer: { kind: 'options', ratings: { 'heat-network': { [v1]: 1 } } } }, weigher);
    // Merging the proposed card into v1 afterwards: an entry on v1 is about what the proposer said.
    h.must('value:merge', { sourceId: proposed, targetId: v1 }, HOST);
    h.must('feedback:set', { entryId: 'on-v1', target: valueTarget(v1), decision: 'a' }, HOST);
    h.must('feedback:set', { entryId: 'on-v2', target: { kind: 'tension', id: v2, activityId: null }, decision: 'b' }, HOST);
    h.must('feedback:set', { entryId: 'on-v3', target: valueTarget(v3), decision: 'c' }, HOST);
    h.must('feedback:set', { entryId: 'on-option', target: { kind: 'option', id: 'hybrid', activityId: options }, decision: 'd' }, HOST);
    h.must('feedback:set', { entryId: 'general', target: { kind: 'general', id: null }, decision: 'e' }, HOST);
    const about = (p: { participantId: string }) => selfView(h.state, p.participantId)?.feedbackAboutYou;
    // Not published yet: nothing.
    expect(about(proposer)).toEqual([]);
    h.must('feedback:publish', { published: true }, HOST);
    expect(about(proposer)).toEqual(['on-v1']);
    expect(about(teller)).toEqual(['on-v2']);
    expect(about(voter)).toEqual(['on-v3']);
    // An option entry is about every option of an activity the participant answered.
    expect(about(weigher)).toEqual(['on-option']);
    expect(about(quiet)).toEqual([]);
    // The live views' index says the same.
    const live = new LiveViews(() => h.state);
    for (const p of [proposer, teller, voter, weigher, quiet]) expect(live.self(p.participantId)).toEqual(selfView(h.state, p.participantId));
  });
});
