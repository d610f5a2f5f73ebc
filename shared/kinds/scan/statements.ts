/**
 * The collaboration scan's default statements, in a module of their own: the scan's rules (its
 * default config) are on the phone, the templates only on the console and the home page, and a
 * bundler places a module in one chunk as a whole.
 */
import type { ScanStatement } from '../../domain/types.js';

const statement = (id: string, factor: ScanStatement['factor'], nl: string, en: string): ScanStatement => ({
  id,
  factor,
  text: { nl, en },
});

/** The collaboration scan: three statements per factor, scored 1 (disagree) … 5 (agree). */
export const DEFAULT_SCAN_STATEMENTS: ScanStatement[] = [
  statement('m1', 'motivation', 'Ik weet waarom mijn organisatie meedoet aan deze samenwerking.', 'I know why my organisation takes part in this collaboration.'),
  statement('m2', 'motivation', 'Ik zie wat deze samenwerking mij en mijn achterban oplevert.', 'I see what this collaboration brings me and the people I represent.'),
  statement('m3', 'motivation', 'De partners willen echt hetzelfde bereiken.', 'The partners truly want to achieve the same thing.'),
  statement('o1', 'organisation', 'Rollen en verantwoordelijkheden zijn duidelijk.', 'Roles and responsibilities are clear.'),
  statement('o2', 'organisation', 'Er is genoeg tijd en geld om het samen te doen.', 'There is enough time and money to do this together.'),
  statement('o3', 'organisation', 'Afspraken worden vastgelegd en nagekomen.', 'Agreements are recorded and kept.'),
  statement('i1', 'interaction', 'Ik durf in deze groep kritische punten in te brengen.', 'I dare to raise critical points in this group.'),
  statement('i2', 'interaction', 'We luisteren naar elkaar en begrijpen elkaars belangen.', 'We listen to each other and understand each other’s interests.'),
  statement('i3', 'interaction', 'Ik vertrouw de andere partners.', 'I trust the other partners.'),
  statement('r1', 'result', 'We boeken zichtbaar vooruitgang.', 'We are making visible progress.'),
  statement('r2', 'result', 'De resultaten komen ten goede aan de buurt.', 'The results benefit the neighbourhood.'),
  statement('r3', 'result', 'Ik ben tevreden over wat we tot nu toe samen bereikt hebben.', 'I am satisfied with what we have achieved together so far.'),
];
