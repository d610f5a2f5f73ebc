import type { CreateMeetingResponse, CreateProcessResponse, HostView, Lang, ScanFactor } from '../../shared/index.js';
import { Peer } from './screens.js';

/**
 * A process of the heat plan with its meetings, run as people run them, for the participation
 * record's browser test and its screenshots: made over HTTP (POST /api/processes, POST
 * /api/processes/:code/meetings with the organiser token), then each meeting driven through
 * sockets — the organiser's console (the organiser token opens every meeting) and phones in
 * three groups that tell stories, vote and fill in the scan — and at the end of each meeting
 * the organiser writes and publishes "you said, we did". Imports nothing from vitest.
 *
 * Per meeting 11 phones take part: 3 residents of 40 invited, 6 municipality of 8, 2 of the
 * housing association of 6. Residents are 3/11 = 27 % of those who took part against 40/54 =
 * 74 % of those invited: under-represented (below half).
 */
export const RECORD_GROUPS: Record<Lang, { name: string; invited: number }[]> = {
  nl: [
    { name: 'Bewoners', invited: 40 },
    { name: 'Gemeente', invited: 8 },
    { name: 'Woningcorporatie', invited: 6 },
  ],
  en: [
    { name: 'Residents', invited: 40 },
    { name: 'Municipality', invited: 8 },
    { name: 'Housing association', invited: 6 },
  ],
};
/** How each meeting's scan leans per factor: organisation and result weak at first, better later. */
const FACTOR_SHIFT: Record<ScanFactor, number>[] = [
  { motivation: 1, organisation: -1, interaction: 0, result: -1 },
  { motivation: 1, organisation: 0, interaction: 1, result: 0 },
];
/** Group index of each phone. */
const PHONES = [0, 0, 0, 1, 1, 1, 1, 1, 1, 2, 2];

export const RECORD_TEXT = {
  nl: {
    title: 'Warmteplan Noordwijk',
    area: 'Noordwijk, wijkuitvoeringsplan warmte',
    meetings: ['Voorjaarsbijeenkomst', 'Najaarsbijeenkomst'],
    stories: ['Onze energierekening verdubbelde vorige winter.', 'Huurders mogen niet betalen voor de keuzes van de verhuurder.'],
    decision: 'De aansluitkosten worden per huishouden gemaximeerd op € 2.500.',
    reason: 'Betaalbaarheid stond in elke groep bovenaan.',
    when: 'Raadsbesluit 12 maart 2027',
    general: 'De wijk krijgt vóór de zomer een eigen spreekuur.',
  },
  en: {
    title: 'Heat plan Northside',
    area: 'Northside, neighbourhood heat plan',
    meetings: ['Spring meeting', 'Autumn meeting'],
    stories: ['Our energy bill doubled last winter.', 'Renters should not pay for the landlord’s choices.'],
    decision: 'The connection cost is capped at €2,500 per household.',
    reason: 'Affordability came first in every group.',
    when: 'Council decision 12 March 2027',
    general: 'The neighbourhood gets its own consultation hour before the summer.',
  },
} as const;
export const RECORD_LINK = 'https://example.org/raad/2027-03-12/warmteplan';

export interface RecordProcess {
  process: CreateProcessResponse;
  meetings: (CreateMeetingResponse & { topValueTitle: string })[];
}

async function post<T>(url: string, body: unknown, token?: string): Promise<T> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
  if (res.status !== 201 && res.status !== 200) throw new Error(`POST ${url} failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

const rid = (s: string) => `${s}-${Math.random().toString(36).slice(2)}-request`.slice(0, 64).padEnd(16, 'x');

/** Creates the process and runs `count` meetings in it (the second starts from the first's values). */
export async function runRecordProcess(url: string, lang: Lang, count = 1): Promise<RecordProcess> {
  const T = RECORD_TEXT[lang];
  const process = await post<CreateProcessResponse>(`${url}/api/processes`, { title: T.title, area: T.area, language: lang, groups: RECORD_GROUPS[lang] });
  const meetings: RecordProcess['meetings'] = [];
  for (let m = 0; m < count; m++) {
    const meeting = await post<CreateMeetingResponse>(`${url}/api/processes/${process.code}/meetings`, { requestId: rid(`meeting${m}`), title: T.meetings[m] ?? `${T.title} ${m + 1}`, template: 'heat-transition', agenda: m === 0 ? 'heat-transition' : 'previous' }, process.organiserToken);
    meetings.push({ ...meeting, topValueTitle: await runMeeting(url, meeting.code, process.organiserToken, lang, m) });
  }
  return { process, meetings };
}

/** One meeting: stories, dots, a ranking (revealed), the scan, then "you said, we did" published. Returns the top value's title. */
async function runMeeting(url: string, code: string, organiserToken: string, lang: Lang, round: number): Promise<string> {
  const T = RECORD_TEXT[lang];
  const peers: Peer[] = [];
  try {
    const host = await Peer.open(url, { code, hostToken: organiserToken });
    peers.push(host);
    const first = await host.host();
    const byKind = (kind: string) => first.activities.filter((a) => a.kind === kind);
    const explore = byKind('explore')[0]!;
    const dots = byKind('dots')[0]!;
    const rank = byKind('rank')[0]!;
    const scan = byKind('scan')[0]!;
    const values = first.values.map((v) => v.id);
    const phones: Peer[] = [];
    for (const g of PHONES) {
      const p = await Peer.open(url, { code, view: 'phone' });
      peers.push(p);
      await p.ack('participant:join', { groupId: first.groups[g]!.id });
      phones.push(p);
    }
    const goto = (activityId: string) => host.ack('agenda:goto', { activityId });

    await goto(explore.id);
    const { storyId } = await phones[0]!.ack('story:add', { valueId: values[0]!, text: T.stories[0] });
    await phones[3]!.ack('story:add', { valueId: values[1]!, text: T.stories[1] });
    await phones[4]!.ack('story:endorse', { storyId });
    await phones[9]!.ack('story:endorse', { storyId });

    await goto(dots.id);
    for (const [i, p] of phones.entries()) await p.ack('answer:submit', { activityId: dots.id, answerId: `d${round}-${i}`, answer: { kind: 'dots', dots: i % 2 === 0 ? { [values[0]!]: 3, [values[1]!]: 2 } : { [values[0]!]: 2, [values[2]!]: 3 } } });

    await goto(rank.id);
    const five = values.slice(0, 5);
    for (const [i, p] of phones.entries()) {
      // Affordability first for most; at the second meeting the residents put sustainability first.
      const order = round > 0 && PHONES[i] === 0 ? [five[2]!, five[0]!, five[1]!, five[4]!, five[3]!] : i % 4 === 3 ? [five[1]!, five[0]!, ...five.slice(2)] : five;
      await p.ack('answer:submit', { activityId: rank.id, answerId: `r${round}-${i}`, answer: { kind: 'rank', order } });
    }
    await host.ack('activity:control', { activityId: rank.id, action: 'reveal' });

    await goto(scan.id);
    for (const [i, p] of phones.entries()) {
      const scores = Object.fromEntries(scan.config.statements.map((s, k) => [s.id, Math.min(5, Math.max(1, 3 + (FACTOR_SHIFT[round]?.[s.factor] ?? 0) + ((k + i) % 3) - 1))]));
      await p.ack('answer:submit', { activityId: scan.id, answerId: `s${round}-${i}`, answer: { kind: 'scan', scores, wentWell: '', couldBeBetter: '' } });
    }
    await host.ack('activity:control', { activityId: scan.id, action: 'close' });

    const done: HostView = await host.host((v) => (v.summary?.topValues.length ?? 0) > 0);
    const top = done.summary!.topValues[0]!.valueId;
    await host.ack('feedback:set', { entryId: `fb-top-${round}`, target: { kind: 'value', id: top, activityId: null }, decision: T.decision, reason: T.reason, when: T.when, link: RECORD_LINK });
    await host.ack('feedback:set', { entryId: `fb-general-${round}`, target: { kind: 'general', id: null, activityId: null }, decision: T.general, reason: '', when: '', link: null });
    await host.ack('feedback:publish', { published: true });
    return done.values.find((v) => v.id === top)?.title ?? '';
  } finally {
    for (const p of peers) p.close();
  }
}
