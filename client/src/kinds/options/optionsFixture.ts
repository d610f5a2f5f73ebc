import { exportWorkshop, type ActivityResults, type OpenAnswer, type PublicActivity, type PublicView } from '../../../../shared/index.js';
import type { OptionItem, OptionsResults } from '../../../../shared/kinds/options/model.js';
import type { ExportActivity } from '../../views/report/reportData.js';
import { rankScenario } from '../../test/voteFixtures.js';

export const OPTIONS_ID = 'opt1';

const option = (id: string, en: string, nl: string): OptionItem => ({ id, text: { en: { title: en, description: '' }, nl: { title: nl, description: '' } } });

/** The heat-transition template's four options. */
export const OPTIONS: OptionItem[] = [
  option('heat', 'Heat network', 'Warmtenet'),
  option('hp', 'All-electric heat pump', 'Volledig elektrische warmtepomp'),
  option('hybrid', 'Hybrid heat pump', 'Hybride warmtepomp'),
  option('gas', 'Wait for green gas', 'Wachten op groen gas'),
];

/**
 * "Weigh the options" after the rank vote of rankScenario (4 residents, 3 from the municipality,
 * 1 business — too few to show), with results built by hand the way the server sends them: the
 * views only show them, so the numbers need not come from the math, only be coherent.
 *
 *                     room   Residents  Municipality   live with (smoothed shares, geometric mean)
 *   Heat network      +0.9     +0.4        +1.5        Residents 3 of 4 → 4/6 = 0.67, Municipality 3 of 3 → 4/5 = 0.8: √(0.67·0.8) = 0.73
 *   Hybrid heat pump  +0.6     +1.2        −0.1        5/6 = 0.83, 2/5 = 0.4: 0.58
 *   Heat pump         +0.1     −0.8        +1.2        2/6 = 0.33, 0.8: 0.52
 *   Green gas         −1.1     −0.9        −1.4        1/6, 1/5: 0.18
 *
 * The room's winner and the option every group can live with is the heat network, lowest group
 * Residents (67 %); under the residents' own weights the hybrid heat pump wins, so the weights
 * flip the outcome. What splits us on the heat network: Affordability (Residents −0.5,
 * Municipality +1.3). Three "why" sentences about the heat network arrive out of order
 * (endorsements 1, 4, 1 — the two with 1 in the order given, the older first).
 */
export function optionsScenario(opts: { reveal?: boolean } = {}) {
  const w = rankScenario();
  const [residents, municipality, business] = [w.h.state.groups[0]!.id, w.h.state.groups[1]!.id, w.h.state.groups[5]!.id];
  const { affordability: A, fairness: F, sustainability: S } = w;
  const vals = (means: [number | null, number | null, number | null]) =>
    [A, F, S].map((valueId, i) => ({ valueId, n: means[i] === null ? 0 : 3, dontKnow: means[i] === null ? 3 : 0, mean: means[i] ?? null, sd: means[i] === null ? null : 0.5, agreement: means[i] === null ? null : 0.7 }));
  const group = (groupId: string, answers: number, fit: number | null, canLiveWith: number, means: [number | null, number | null, number | null]) => ({
    groupId,
    answers,
    fit,
    ownWeights: true,
    canLiveWith,
    withFit: answers,
    share: (canLiveWith + 1) / (answers + 2),
    values: vals(means),
  });
  const results: OptionsResults = {
    answers: 8,
    answersByGroup: { [residents]: 4, [municipality]: 3, [business]: 1 },
    valueIds: [A, F, S],
    weights: {
      mode: 'group',
      voteActivityId: w.activityId,
      room: { [A]: 0.5, [F]: 0.3, [S]: 0.2 },
      byGroup: { [residents]: { [A]: 0.6, [F]: 0.3, [S]: 0.1 }, [municipality]: { [A]: 0.3, [F]: 0.2, [S]: 0.5 } },
    },
    options: [
      {
        optionId: 'heat',
        position: 1,
        fit: 0.9,
        values: vals([0.3, 1, 1.5]),
        groups: [group(residents, 4, 0.4, 3, [-0.5, 1, 1.2]), group(municipality, 3, 1.5, 3, [1.3, 1, 1.8])],
        liveWith: { score: Math.sqrt((4 / 6) * (4 / 5)), lowestGroupId: residents, lowestShare: 4 / 6 },
        split: { valueId: A, spread: 1.8, highGroupId: municipality, lowGroupId: residents },
      },
      {
        optionId: 'hybrid',
        position: 2,
        fit: 0.6,
        values: vals([0.5, 0.5, 0.6]),
        groups: [group(residents, 4, 1.2, 4, [1.2, 1, 1.5]), group(municipality, 3, -0.1, 1, [-0.2, 0, -0.7])],
        liveWith: { score: Math.sqrt((5 / 6) * (2 / 5)), lowestGroupId: municipality, lowestShare: 2 / 5 },
        split: { valueId: S, spread: 2.2, highGroupId: residents, lowGroupId: municipality },
      },
      {
        optionId: 'hp',
        position: 3,
        fit: 0.1,
        values: vals([-0.6, 0.2, 1.6]),
        groups: [group(residents, 4, -0.8, 1, [-1.2, -0.2, 1.4]), group(municipality, 3, 1.2, 3, [0.4, 0.8, 1.9])],
        liveWith: { score: Math.sqrt((2 / 6) * (4 / 5)), lowestGroupId: residents, lowestShare: 2 / 6 },
        split: { valueId: A, spread: 1.6, highGroupId: municipality, lowGroupId: residents },
      },
      {
        optionId: 'gas',
        position: 4,
        fit: -1.1,
        values: vals([-0.4, -1.2, null]),
        groups: [group(residents, 4, -0.9, 0, [-0.2, -1.5, null]), group(municipality, 3, -1.4, 0, [-0.7, -1, null])],
        liveWith: { score: Math.sqrt((1 / 6) * (1 / 5)), lowestGroupId: residents, lowestShare: 1 / 6 },
        split: null,
      },
    ],
    winnerIds: ['heat'],
    liveWithIds: ['heat'],
    whoseValues: [
      { groupId: residents, winnerIds: ['hybrid'], differs: true, fits: [] },
      { groupId: municipality, winnerIds: ['heat'], differs: false, fits: [] },
    ],
    flips: true,
    includedGroupIds: [residents, municipality],
    excludedGroups: [{ groupId: business, answers: 1 }],
  };
  const why = (n: number, optionId: string, text: string, endorsements: number): OpenAnswer => ({ id: `${OPTIONS_ID}:p${n}:a${n}:why.${optionId}`, field: 'why', optionId, text, endorsements, at: 1_700_000_100_000 + n });
  const openAnswers: OpenAnswer[] = [
    why(1, 'heat', 'One pipe for the whole street, no machine in every house.', 1),
    why(2, 'heat', 'If the rent stays the same, the tenants gain.', 4),
    why(3, 'hybrid', 'We can start this winter without digging up the street.', 2),
    why(4, 'heat', 'The connection fee worries me.', 1),
  ];
  const activityResults: ActivityResults = { activityId: OPTIONS_ID, kind: 'options', vote: null, previousRound: null, scan: null, options: results, openAnswers, answers: { counted: 8, fromLateJoiners: 2 } };

  const rank = w.pub().activities.find((a) => a.id === w.activityId)!;
  const activity: PublicActivity = {
    ...rank,
    id: OPTIONS_ID,
    kind: 'options',
    title: null,
    status: 'locked',
    revealed: opts.reveal !== false,
    round: 1,
    config: { ...rank.config, valueIds: [A, F, S], options: OPTIONS, weights: { mode: 'group', voteActivityId: w.activityId } },
  };
  /** The room's view with the options step current; its results only once revealed (as the server sends them). */
  const pub = (): PublicView => {
    const v = w.pub();
    return {
      ...v,
      activities: [...v.activities, activity],
      currentActivityId: OPTIONS_ID,
      answerCounts: { ...v.answerCounts, [OPTIONS_ID]: { total: 8, byGroup: { [residents]: 4, [municipality]: 3, [business]: 1 } } },
      results: activity.revealed ? { ...v.results, [OPTIONS_ID]: activityResults } : v.results,
    };
  };
  /** The activity as the export document has it, for the report. */
  const exportActivity = (): ExportActivity => {
    const doc = exportWorkshop(w.h.state, w.h.now);
    const r = doc.activities.find((a) => a.id === w.activityId)!;
    return { ...r, id: OPTIONS_ID, kind: 'options', title: null, config: activity.config, answers: [], results: activityResults };
  };
  return { ...w, groups: { residents, municipality, business }, activity, results, activityResults, openAnswers, pub, exportActivity };
}
