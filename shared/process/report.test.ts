import { describe, expect, it } from 'vitest';
import { processReport } from './report.js';
import { HOST } from '../domain/testing.js';
import { startMeeting, T0, testProcess, threeMeetings } from './testing.js';

const DAY = 86_400_000;

describe('processReport (organiser)', () => {
  it("tracks each value's priority and W across three meetings", () => {
    const { process, meetings, A, B, C } = threeMeetings();
    // The ballot of meeting 3 follows the merge.
    expect(meetings[2]?.activities[2]?.config.valueIds).toEqual([A, B]);
    const r = processReport(process, meetings, { organiser: true });
    expect(r.organiser).toBe(true);
    expect(r.meetings.map((m) => [m.index, m.title, m.voteKind])).toEqual([[1, 'Voorjaar', 'rank'], [2, 'Najaar', 'rank'], [3, 'Voorjaar 2', 'rank']]);
    expect(r.meetings.map((m) => m.voteActivityId)).toEqual(meetings.map((s) => s.activities[2]?.id));

    // Meeting 1, Borda K = 2 (first 2, second 1): A 2+2+1+2 = 7, B 1+0+2+1 = 4, C 0+1+0+0 = 1 (total 12).
    //   normalizedScore = score / (4 answers × K 2): A 7/8, B 4/8, C 1/8. share = score / 12.
    //   W: ranks (unranked = 3) A 1,1,2,1 = 5; B 2,3,1,2 = 8; C 3,2,3,3 = 11; mean 8; S = 9 + 0 + 9 = 18;
    //   W = 12·18 / (4²·(3³ − 3)) = 216 / 384 = 0.5625.
    // Meeting 2: B 2+2+1 = 5, C 0+1+2 = 3, A 1+0+0 = 1 (total 9); normalizedScore = score / 6.
    //   W: A 2,3,3 = 8; B 1,1,2 = 4; C 3,2,1 = 6; mean 6; S = 4 + 4 + 0 = 8; W = 96 / (9·24) = 4/9.
    // Meeting 3 (A, B only): A 2+2+1 = 5, B 1+1+2 = 4 (total 9); normalizedScore = score / 6.
    //   W: A 1,1,2 = 4; B 2,2,1 = 5; mean 4.5; S = 0.25 + 0.25 = 0.5; W = 12·0.5 / (9·(2³ − 2)) = 6/54 = 1/9.
    const w = r.agreement.map((a) => a.kendallW);
    expect(r.agreement.map((a) => a.meeting)).toEqual([1, 2, 3]);
    expect(w[0]).toBeCloseTo(0.5625, 12);
    expect(w[1]).toBeCloseTo(4 / 9, 12);
    expect(w[2]).toBeCloseTo(1 / 9, 12);
    expect(r.meetings.map((m) => m.kendallW)).toEqual(w);

    // Values on any vote: A, B, C (first seen in meeting 1's order). Best positions A 1, B 1, C 2 → A, B, C.
    expect(r.values.map((v) => v.valueId)).toEqual([A, B, C]);
    const byId = new Map(r.values.map((v) => [v.valueId, v]));
    const expectPoints = (id: string, want: [number | null, number | null, number | null][]) => {
      const points = byId.get(id)?.points ?? [];
      expect(points.map((p) => p.meeting)).toEqual([1, 2, 3]);
      points.forEach((p, i) => {
        const [position, normalizedScore, share] = want[i]!;
        expect(p.position).toBe(position);
        expect(p.normalizedScore).toBeCloseTo(normalizedScore!, 12);
        expect(p.share).toBeCloseTo(share!, 12);
      });
    };
    expectPoints(A, [[1, 7 / 8, 7 / 12], [3, 1 / 6, 1 / 9], [1, 5 / 6, 5 / 9]]);
    expectPoints(B, [[2, 4 / 8, 4 / 12], [1, 5 / 6, 5 / 9], [2, 4 / 6, 4 / 9]]);
    // C was merged into B in meeting 2: in meeting 3 its point is B's.
    expectPoints(C, [[3, 1 / 8, 1 / 12], [2, 3 / 6, 3 / 9], [2, 4 / 6, 4 / 9]]);
    expect(byId.get(A)?.title).toBe(meetings[2]?.values[A]?.title);
    expect(byId.get(A)?.i18n?.en.title).toBe('Affordability');
  });

  it('gives per meeting who took part, the room/online split of the vote, the scan and every feedback entry', () => {
    const { process, meetings, A, B, t2, t3 } = threeMeetings();
    const r = processReport(process, meetings, { organiser: true });
    const [m1, m2, m3] = r.meetings;
    expect(r.process).toEqual({ id: 'proc1', code: 'PQRSTU', title: 'Wijk Lombok, warmteplan', area: 'Lombok', language: 'nl', createdAt: T0 });
    expect(r.groups).toEqual(process.groups);
    // Meeting 1: 2 residents (of 100 invited) and 2 municipality (of 20): turnout 0.02 and 0.1; 4 < 10 people: no warning.
    expect(m1?.representation.groups.map((g) => [g.groupId, g.tookPart, g.invited, g.turnout])).toEqual([['g-res', 2, 100, 0.02], ['g-mun', 2, 20, 0.1]]);
    expect(m1?.representation.underGroupIds).toEqual([]);
    expect(m1).toMatchObject({ workshopId: 'w-a', code: 'CODEA', createdAt: T0, heldAt: T0, liveEndedAt: null, online: null, voteAnswers: { room: 4, online: 0 } });
    // Meeting 2: h2 joined after the live session ended (t2 + 1) and answered online.
    expect(m2).toMatchObject({ heldAt: t2, liveEndedAt: t2 + 1, voteAnswers: { room: 2, online: 1 } });
    expect(m2?.representation.groups.map((g) => [g.groupId, g.room, g.online])).toEqual([['g-res', 1, 0], ['g-mun', 1, 1]]);
    expect(m3).toMatchObject({ heldAt: t3, voteAnswers: { room: 3, online: 0 } });
    // Scan factor means: meeting 1 (4 + 2) / 2 = 3 on every factor; meeting 2 none; meeting 3 (5 + 3) / 2 = 4.
    expect(m1?.scan.map((f) => [f.factor, f.mean, f.answers])).toEqual([['motivation', 3, 2], ['organisation', 3, 2], ['interaction', 3, 2], ['result', 3, 2]]);
    expect(m2?.scan).toEqual([]);
    expect(r.scan.map((s) => [s.meeting, s.factors.map((f) => f.mean)])).toEqual([[1, [3, 3, 3, 3]], [2, [null, null, null, null]], [3, [4, 4, 4, 4]]]);
    expect(r.scan[0]?.factors.map((f) => f.factor)).toEqual(['motivation', 'organisation', 'interaction', 'result']);
    // The options step of the template was never answered.
    expect(r.meetings.map((m) => m.options)).toEqual([null, null, null]);
    // Organiser: the draft with publishedAt null, the published entries, and an empty list where none.
    expect(m1?.feedback).toEqual({ publishedAt: null, entries: [expect.objectContaining({ id: 'f1', target: { kind: 'value', id: A, activityId: null } })] });
    expect(m2?.feedback).toEqual({ publishedAt: t2 + DAY, entries: [expect.objectContaining({ id: 'f2', target: { kind: 'value', id: B, activityId: null } })] });
    expect(m3?.feedback).toEqual({ publishedAt: null, entries: [] });
  });

  it('takes the meetings in the order of the process, whatever order they are given in', () => {
    const { process, meetings } = threeMeetings();
    const r = processReport(process, [meetings[2]!, meetings[0]!, meetings[1]!], { organiser: true });
    expect(r.meetings.map((m) => m.workshopId)).toEqual(['w-a', 'w-b', 'w-c']);
  });
});

describe('processReport (public)', () => {
  it("shows of each meeting only what its room was shown, and feedback only once published", () => {
    const { process, meetings, A, B, C, t2 } = threeMeetings();
    const r = processReport(process, meetings, { organiser: false });
    expect(r.organiser).toBe(false);
    const [m1, m2, m3] = r.meetings;
    // Meeting 1: the rank step was revealed (W 0.5625), its scan was not.
    expect(m1?.kendallW).toBeCloseTo(0.5625, 12);
    expect(m1?.scan).toEqual([]);
    expect(m1?.feedback).toBeNull();
    // Meeting 2: the summary was sent, so all of it; its published entries.
    expect(m2?.kendallW).toBeCloseTo(4 / 9, 12);
    expect(m2?.feedback?.publishedAt).toBe(t2 + DAY);
    expect(m2?.feedback?.entries.map((e) => e.id)).toEqual(['f2']);
    // Meeting 3: nothing revealed, nothing sent: no vote, no W, no scan; who took part still shows.
    expect(m3).toMatchObject({ voteActivityId: null, voteKind: null, kendallW: null, scan: [], commonGround: [], tensions: [], voteAnswers: { room: 0, online: 0 } });
    expect(m3?.representation.tookPart).toBe(3);
    expect(r.agreement.map((a) => a.kendallW === null)).toEqual([false, false, true]);
    expect(r.values.map((v) => v.valueId)).toEqual([A, B, C]);
    expect(r.values.map((v) => v.points[2])).toEqual([
      { meeting: 3, position: null, normalizedScore: null, share: null },
      { meeting: 3, position: null, normalizedScore: null, share: null },
      { meeting: 3, position: null, normalizedScore: null, share: null },
    ]);
  });
});

describe('processReport: options', () => {
  it("names the options step's winner and the option every group can live with, in both languages, ties joined", () => {
    const process = testProcess();
    const h = startMeeting(process, null, { title: 'Opties' }, 'a', T0);
    const [A, B] = h.state.valueOrder as [string, string];
    const options = h.state.activities[5]!.id;
    h.must('settings:update', { minGroupSize: 1 }, HOST);
    h.must('activity:configure', { activityId: options, valueIds: [A, B], weights: { mode: 'equal', voteActivityId: null } }, HOST);
    h.must('agenda:goto', { activityId: options }, HOST);
    // Both rate the heat network and the heat pump +2 on both values: equal fits (2) and equal
    // live-with scores, so both are the winner and both can be lived with; the other two options are unrated.
    const both = { 'heat-network': { [A]: 2, [B]: 2 }, 'heat-pump': { [A]: 2, [B]: 2 } };
    [h.join(0), h.join(0)].forEach((p, i) => h.must('answer:submit', { activityId: options, answerId: `o${i}`, answer: { kind: 'options', ratings: both, why: {} } }, p));
    const r = processReport({ ...process, meetingIds: [h.state.id] }, [h.state], { organiser: true });
    const joined = { nl: 'Warmtenet / Elektrische warmtepomp (met isolatie)', en: 'Heat network / All-electric heat pump (with insulation)' };
    expect(r.meetings[0]?.options).toEqual({ winner: joined, liveWith: joined });
    // Feedback about an option carries that option's title, so the process page can name it.
    h.must('feedback:set', { entryId: 'fb-option-1', target: { kind: 'option', id: 'heat-pump', activityId: options }, decision: 'Subsidy for heat pumps.' }, HOST);
    h.must('feedback:set', { entryId: 'fb-general-1', target: { kind: 'general', id: null, activityId: null }, decision: 'A second evening.' }, HOST);
    const withFeedback = processReport({ ...process, meetingIds: [h.state.id] }, [h.state], { organiser: true });
    expect(withFeedback.meetings[0]?.feedbackOptions).toEqual({ [`${options}:heat-pump`]: { nl: 'Elektrische warmtepomp (met isolatie)', en: 'All-electric heat pump (with insulation)' } });
    // The public page does not see the draft, nor its option.
    expect(processReport({ ...process, meetingIds: [h.state.id] }, [h.state], { organiser: false }).meetings[0]?.feedbackOptions).toEqual({});
    // No vote in this meeting: no series, W null.
    expect(r.values).toEqual([]);
    expect(r.agreement).toEqual([{ meeting: 1, kendallW: null }]);
  });
});
