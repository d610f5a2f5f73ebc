import type { OptionItem } from '../kinds/options/model.js';
import type { ActivityConfig, ActivityKind, Localized, LocalizedCard, TemplateId } from './types.js';

/** Default stakeholder groups of a heat-transition neighbourhood; the facilitator edits the list when creating a workshop. */
export const DEFAULT_GROUPS: Localized[] = [
  { nl: 'Bewoners', en: 'Residents' },
  { nl: 'Gemeente', en: 'Municipality' },
  { nl: 'Woningcorporatie', en: 'Housing association' },
  { nl: 'Netbeheerder / warmtebedrijf', en: 'Grid operator / heat company' },
  { nl: 'Energiecoöperatie / bewonersinitiatief', en: "Energy cooperative / residents' initiative" },
  { nl: 'Bedrijven', en: 'Business' },
  { nl: 'Anders', en: 'Other' },
];

const card = (nlTitle: string, nlDesc: string, enTitle: string, enDesc: string): LocalizedCard => ({
  nl: { title: nlTitle, description: nlDesc },
  en: { title: enTitle, description: enDesc },
});

export const HEAT_TRANSITION_CARDS: LocalizedCard[] = [
  card('Betaalbaarheid', 'De kosten blijven te dragen voor mijn huishouden.', 'Affordability', 'The costs stay bearable for my household.'),
  card('Sociale rechtvaardigheid', 'Lasten en lusten worden eerlijk verdeeld; niemand blijft achter.', 'Social fairness', 'Burdens and benefits are shared fairly; nobody is left behind.'),
  card('Duurzaamheid', 'We verminderen de CO₂-uitstoot en gaan zuinig om met de aarde.', 'Sustainability', 'We cut CO₂ emissions and take care of the planet.'),
  card('Comfort', 'Een warm, behaaglijk huis zonder gedoe.', 'Comfort', 'A warm, pleasant home without hassle.'),
  card('Betrouwbaarheid', 'De warmte is er altijd, ook in een koude winter.', 'Reliability', 'The heat is always there, even in a cold winter.'),
  card('Zeggenschap', 'Ik heb invloed op de keuzes die mijn huis en buurt raken.', 'Say and control', 'I have a say in the choices that affect my home and neighbourhood.'),
  card('Eenvoud en ontzorging', 'Het is makkelijk te begrijpen en iemand regelt het voor me.', 'Simplicity, being taken care of', 'It is easy to understand and someone arranges it for me.'),
  card('Gemeenschap', 'We doen het samen als buurt en helpen elkaar.', 'Community', 'We do it together as a neighbourhood and help each other.'),
  card('Vertrouwen', 'Ik kan rekenen op de partijen en de informatie die ze geven.', 'Trust', 'I can rely on the parties involved and the information they give.'),
  card('Gezondheid en veiligheid', 'Schone lucht, geen risico’s in en om het huis.', 'Health and safety', 'Clean air, no risks in and around the home.'),
  card('Leefomgeving', 'De buurt blijft prettig: weinig overlast, groen en ruimte.', 'Living environment', 'The neighbourhood stays pleasant: little nuisance, green and space.'),
  card('Toekomstbestendigheid', 'De keuze van nu werkt ook over dertig jaar nog.', 'Future-proofing', 'Today’s choice still works in thirty years.'),
];

export const SOCIAL_DOMAIN_CARDS: LocalizedCard[] = [
  card('Mensgericht', 'We vertrekken vanuit wat de persoon zelf nodig heeft.', 'People-centred', 'We start from what the person needs.'),
  card('Relatiegericht', 'De relatie tussen mensen en professionals staat centraal.', 'Relationship-centred', 'The relationship between people and professionals comes first.'),
  card('Gedeelde sturing', 'Partijen sturen samen en delen verantwoordelijkheid.', 'Shared steering', 'Parties steer together and share responsibility.'),
  card('Integraal', 'We kijken naar het geheel, over domeinen en loketten heen.', 'Integral', 'We look at the whole, across domains and counters.'),
  card('Rechtmatig', 'Wat we doen is volgens de regels en rechtvaardig te verantwoorden.', 'Lawful', 'What we do follows the rules and can be justified.'),
  card('Marktconform', 'Prijzen en afspraken passen bij wat gebruikelijk is in de markt.', 'Market-conform', 'Prices and agreements match what is usual in the market.'),
  card('Efficiënt', 'We bereiken het meeste met de middelen die er zijn.', 'Efficient', 'We achieve the most with the means we have.'),
  card('Individueel', 'Ieder krijgt een aanpak op maat van de eigen situatie.', 'Individual', 'Everyone gets an approach tailored to their situation.'),
];

/** The collaboration scan's statements live with the scan (its default config); templates use them too. */
export { DEFAULT_SCAN_STATEMENTS } from '../kinds/scan/statements.js';

const option = (id: string, nlTitle: string, nlDesc: string, enTitle: string, enDesc: string): OptionItem => ({ id, text: card(nlTitle, nlDesc, enTitle, enDesc) });

/**
 * The four alternatives to natural gas a Dutch neighbourhood usually weighs, for the heat
 * transition's "Weigh the options" step. Each says what it is and its main gain and cost in
 * plain words, without taking sides; the facilitator edits them to the neighbourhood's own.
 */
export const HEAT_TRANSITION_OPTIONS: OptionItem[] = [
  option(
    'heat-network',
    'Warmtenet',
    'Een gezamenlijk net brengt warm water naar elk huis, uit restwarmte, aardwarmte of een grote warmtepomp. Geen eigen ketel meer en weinig verbouwing in huis, maar je bent aangesloten op één warmteleverancier.',
    'Heat network',
    'A shared network brings hot water to every home, from waste heat, geothermal heat or a large heat pump. No boiler of your own and little building work inside, but you are tied to one heat supplier.',
  ),
  option(
    'heat-pump',
    'Elektrische warmtepomp (met isolatie)',
    'Elk huis wordt goed geïsoleerd en krijgt een eigen warmtepomp. Geen gas meer en een lage energierekening, maar een flinke investering vooraf, werk in huis en meer vraag naar het stroomnet.',
    'All-electric heat pump (with insulation)',
    'Each home is well insulated and gets its own heat pump. No more gas and a low energy bill, but a large investment up front, work inside the home and more demand on the power grid.',
  ),
  option(
    'hybrid',
    'Hybride warmtepomp',
    'Een kleine warmtepomp naast de cv-ketel doet het meeste werk; op koude dagen springt de ketel bij. Nu veel minder gas en een kleinere stap, maar de gasaansluiting blijft en later volgt nog een keuze.',
    'Hybrid heat pump',
    'A small heat pump next to the gas boiler does most of the work; the boiler helps on cold days. Much less gas now and a smaller step, but the gas connection stays and another choice follows later.',
  ),
  option(
    'wait',
    'Wachten op groen gas / later kiezen',
    'We houden de cv-ketel, isoleren waar het kan en kiezen later, bijvoorbeeld voor groen gas via het bestaande gasnet. Nu weinig kosten en gedoe, maar onzeker of er genoeg groen gas komt en wat het dan kost.',
    'Wait for green gas / decide later',
    'We keep the gas boiler, insulate where we can and decide later, for example on green gas through the existing gas grid. Little cost and hassle now, but uncertain whether enough green gas will come and at what price.',
  ),
];

/** A step of a built-in template: a kind, or a kind with settings of its own. */
export type TemplateAgendaItem = ActivityKind | { kind: ActivityKind; config: Partial<ActivityConfig> };

export interface TemplateDefinition {
  id: TemplateId;
  name: Localized;
  description: Localized;
  cards: LocalizedCard[];
  agenda: TemplateAgendaItem[];
}

/** A template's agenda as activities to create: each step's kind, the default question and its own settings. */
export function templateAgenda(t: Pick<TemplateDefinition, 'agenda'>): { kind: ActivityKind; title: null; config: Partial<ActivityConfig> }[] {
  return t.agenda.map((item) => (typeof item === 'string' ? { kind: item, title: null, config: {} } : { kind: item.kind, title: null, config: item.config }));
}

export const TEMPLATES: Record<TemplateId, TemplateDefinition> = {
  'heat-transition': {
    id: 'heat-transition',
    name: { nl: 'Waardengericht werken in de warmtetransitie', en: 'Values-based working in the heat transition' },
    description: {
      nl: 'Verkennen → stippen → rangschikken → gesprek → opnieuw rangschikken → samenwerkingsscan → opties wegen',
      en: 'Explore → dots → rank → discussion → rank again → collaboration scan → weigh the options',
    },
    cards: HEAT_TRANSITION_CARDS,
    agenda: ['explore', 'dots', 'rank', 'rank', 'scan', { kind: 'options', config: { options: HEAT_TRANSITION_OPTIONS } }],
  },
  'social-domain': {
    id: 'social-domain',
    name: { nl: 'Waardengericht werken in het sociaal domein', en: 'Values-based working in the social domain' },
    description: { nl: 'Verkennen → 100 punten verdelen → samenwerkingsscan', en: 'Explore → spread 100 points → collaboration scan' },
    cards: SOCIAL_DOMAIN_CARDS,
    agenda: ['explore', 'points', 'scan'],
  },
  'collaboration-checkup': {
    id: 'collaboration-checkup',
    name: { nl: 'Samenwerkingscheck', en: 'Collaboration check-up' },
    description: { nl: 'Alleen de samenwerkingsscan', en: 'Just the collaboration scan' },
    cards: [],
    agenda: ['scan'],
  },
  empty: {
    id: 'empty',
    name: { nl: 'Leeg beginnen', en: 'Start empty' },
    description: { nl: 'Geen kaarten; deelnemers dragen waarden aan', en: 'No cards; participants propose values' },
    cards: [],
    agenda: ['explore'],
  },
};
