import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, exportCsvRows, neutraliseFormula, parseCsv, restoreFormula, toCsv, type CsvRow } from './csv.js';
import { exportWorkshop } from './export.js';
import { DomainHarness, HOST } from './testing.js';

/** A small workshop through the real decide/apply path: one answer of every kind. */
function scripted() {
  const h = new DomainHarness({ title: 'CSV', template: 'heat-transition', language: 'en', groups: ['Residents', 'Municipality'], allowNames: true });
  const [A, B, C] = h.state.valueOrder as [string, string, string];
  const [, dots, rank, , scan] = h.state.activities.map((a) => a.id) as [string, string, string, string, string];
  h.must('activity:configure', { activityId: dots, valueIds: [A, B, C], dotsPerParticipant: 3 }, HOST);
  h.must('activity:configure', { activityId: rank, valueIds: [A, B, C], rankK: 2, title: '=HYPERLINK("x")' }, HOST);
  const ans = h.join(0, 'Ans; "de Vries"');
  const p2 = h.join(1);
  h.must('agenda:goto', { activityId: dots }, HOST);
  h.must('answer:submit', { activityId: dots, answerId: 'd1', answer: { kind: 'dots', dots: { [C]: 1, [A]: 2 } } }, ans);
  h.must('answer:submit', { activityId: dots, answerId: 'd2', answer: { kind: 'dots', dots: { [B]: 3 } } }, p2);
  h.now += 1000;
  h.must('answer:submit', { activityId: dots, answerId: 'd3', answer: { kind: 'dots', dots: { [B]: 1 } } }, p2);
  h.must('agenda:goto', { activityId: rank }, HOST);
  h.must('answer:submit', { activityId: rank, answerId: '-r1', answer: { kind: 'rank', order: [B, A] } }, ans);
  h.must('agenda:goto', { activityId: scan }, HOST);
  const text = 'Good talks,\nand "coffee"';
  h.must('answer:submit', { activityId: scan, answerId: 's1', answer: { kind: 'scan', scores: { m1: 4, r3: 2 }, wentWell: text, couldBeBetter: '@everyone' } }, p2);
  return { h, A, B, C, dots, rank, scan, ans, p2, text };
}

describe('CSV rows from the export', () => {
  it('writes one row per answered item, with the answer, participant and group on every row', () => {
    const { h, A, B, C, dots, rank, scan, ans, p2, text } = scripted();
    const rows = exportCsvRows(exportWorkshop(h.state, h.now));
    const [res, mun] = h.state.groups.map((g) => g.id) as [string, string];
    const pick = (r: CsvRow) => [r.activity_kind, r.round, r.participant_id, r.item_id, r.position, r.amount, r.text];
    expect(rows.map(pick)).toEqual([
      // dots: values in the activity's order, zero-dot values left out; p2's changed answer counts once.
      ['dots', '1', ans.participantId, A, '', '2', ''],
      ['dots', '1', ans.participantId, C, '', '1', ''],
      ['dots', '1', p2.participantId, B, '', '1', ''],
      // rank, K = 2: position 1 gets 2 Borda points, position 2 gets 1.
      ['rank', '1', ans.participantId, B, '1', '2', ''],
      ['rank', '1', ans.participantId, A, '2', '1', ''],
      // scan: scored statements in statement order, then the open answers.
      ['scan', '1', p2.participantId, 'm1', '', '4', ''],
      ['scan', '1', p2.participantId, 'r3', '', '2', ''],
      ['scan', '1', p2.participantId, 'wentWell', '', '', text],
      ['scan', '1', p2.participantId, 'couldBeBetter', '', '', '@everyone'],
    ]);
    expect(rows[0]).toMatchObject({
      workshop_code: 'ABCDEF',
      activity_id: dots,
      activity_index: '2',
      activity_title: '',
      group_id: res,
      group_name: 'Residents',
      participant_name: 'Ans; "de Vries"',
      answer_id: 'd1',
      revisions: '1',
      counted: 'true',
      item_title: 'Affordability',
    });
    expect(rows[2]).toMatchObject({ group_id: mun, participant_name: '', answer_id: 'd3', revisions: '2', submitted_at: new Date(h.now).toISOString() });
    expect(rows[3]).toMatchObject({ activity_id: rank, activity_index: '3', activity_title: '=HYPERLINK("x")', answer_id: '-r1' });
    expect(rows[5]).toMatchObject({ activity_id: scan, item_title: 'I know why my organisation takes part in this collaboration.' });
    expect(rows[7]?.item_title).toBe('What goes well?');
  });

  it("ends every row with the answer's channel: room in the live session, online after it", () => {
    const { h, dots, p2, ans } = scripted();
    const [A] = h.state.valueOrder as [string];
    h.must('online:open', { activityIds: [dots], until: h.now + 86_400_000 }, HOST);
    h.now += 1000;
    h.must('answer:submit', { activityId: dots, answerId: 'd4', answer: { kind: 'dots', dots: { [A]: 2 } } }, p2);
    const rows = exportCsvRows(exportWorkshop(h.state, h.now));
    expect(CSV_COLUMNS.at(-1)).toBe('channel');
    expect(rows.filter((r) => r.activity_kind === 'dots').map((r) => [r.participant_id, r.answer_id, r.channel])).toEqual([
      [ans.participantId, 'd1', 'room'],
      [ans.participantId, 'd1', 'room'],
      [p2.participantId, 'd4', 'online'],
    ]);
    expect(rows.filter((r) => r.activity_kind !== 'dots').every((r) => r.channel === 'room')).toBe(true);
  });

  it('marks the answers of a removed participant as not counted', () => {
    const { h, ans } = scripted();
    h.must('participant:remove', { participantId: ans.participantId }, HOST);
    const rows = exportCsvRows(exportWorkshop(h.state, h.now)).filter((r) => r.participant_id === ans.participantId);
    expect(rows.length).toBe(4);
    expect(rows.every((r) => r.counted === 'false')).toBe(true);
  });
});

describe('the CSV text', () => {
  it('is UTF-8 text with a BOM, CRLF line ends, a header, and RFC 4180 quoting', () => {
    const { h } = scripted();
    const rows = exportCsvRows(exportWorkshop(h.state, h.now));
    const csv = toCsv(rows, ';');
    expect(csv.startsWith('\uFEFFworkshop_code;activity_id;')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(rows.length + 2);
    // The separator inside a field and quotes are quoted; a comma is not special with `;`.
    expect(csv).toContain(';"Ans; ""de Vries""";');
    // The text is the last column but one; every answer here came in the room.
    expect(csv).toContain(';"Good talks,\nand ""coffee""";room\r\n');
    expect(toCsv(rows, ',')).toContain(',"Good talks,\nand ""coffee""",room\r\n');
  });

  it('neutralises formulas with a leading apostrophe, reversibly', () => {
    const { h } = scripted();
    const csv = toCsv(exportCsvRows(exportWorkshop(h.state, h.now)), ',');
    expect(csv).toContain(`,"'=HYPERLINK(""x"")",`);
    expect(csv).toContain(`,'-r1,`);
    expect(csv).toContain(`,'@everyone,room\r\n`);
    for (const cell of ['=1+1', '+31', '-2', '@x', '\tx', "'=x", "''+x", "'plain", 'plain', '', "it's"]) {
      expect(restoreFormula(neutraliseFormula(cell))).toBe(cell);
    }
    expect(neutraliseFormula("'plain")).toBe("'plain");
    expect(neutraliseFormula("'=x")).toBe("''=x");
  });

  it('parses back to exactly the rows, with either separator', () => {
    const { h } = scripted();
    const rows = exportCsvRows(exportWorkshop(h.state, h.now));
    for (const sep of [',', ';'] as const) {
      const [header, ...records] = parseCsv(toCsv(rows, sep), sep);
      expect(header).toEqual([...CSV_COLUMNS]);
      const back = records.map((r) => Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, restoreFormula(r[i] ?? '')])));
      expect(back).toEqual(rows);
    }
  });

  it('writes only the header when there are no answers', () => {
    const h = new DomainHarness({ title: 'x' });
    expect(toCsv(exportCsvRows(exportWorkshop(h.state, h.now)))).toBe(`\uFEFF${CSV_COLUMNS.join(',')}\r\n`);
  });

  it('parses LF line ends, empty fields and a last line without a line end; refuses an open quote', () => {
    expect(parseCsv('a,,"b\r\nc"\nd,e')).toEqual([['a', '', 'b\r\nc'], ['d', 'e']]);
    expect(() => parseCsv('a,"b')).toThrow('Unterminated');
  });
});
