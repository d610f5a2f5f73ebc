import { act, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { HOST } from '../../../../shared/domain/testing.js';
import { i18n } from '../../i18n/index.js';
import { useStore } from '../../store/index.js';
import { CODE, connectStore } from '../../test/fixtures.js';
import { BoardPage } from '../board/BoardPage.js';
import { ParticipantPage } from '../participant/ParticipantPage.js';
import { fullWorkshop } from '../report/workshop.fixture.js';
import type { Summary } from '../../../../shared/index.js';
import { SummaryContent } from './SummaryContent.js';

vi.mock('../../net/send.js', () => ({ send: vi.fn() }));
vi.mock('../../net/socket.js', () => ({ connectWorkshop: vi.fn(() => () => {}), setParticipantToken: vi.fn(), activeSocket: () => null }));

beforeEach(() => connectStore());

function phone(w: ReturnType<typeof fullWorkshop>) {
  act(() => {
    useStore.getState().receivePublic(w.pub());
    useStore.getState().setParticipantToken('tok');
    useStore.getState().receiveSelf(w.self(w.people[0]!));
  });
}

describe('"what we found together"', () => {
  it('is not on the phone until the facilitator sends it', () => {
    const w = fullWorkshop({ upTo: 'scan-revealed' });
    phone(w);
    render(<ParticipantPage code={CODE} />);
    expect(screen.queryByRole('region', { name: 'What we found together' })).not.toBeInTheDocument();
  });

  it('shows the top values, common ground, tensions and the scan headline on the phone, in its language', async () => {
    const w = fullWorkshop();
    phone(w);
    await act(() => i18n.changeLanguage('nl'));
    render(<ParticipantPage code={CODE} />);
    const summary = screen.getByRole('region', { name: 'Wat we samen vonden' });
    expect(within(summary).getByText('Met 7 deelnemers')).toBeInTheDocument();
    const top = within(summary).getByText('Wat het zwaarst weegt').nextElementSibling as HTMLElement;
    // The template cards have both languages: the phone reads them in Dutch.
    expect(within(top).getAllByRole('listitem')[0]).toHaveTextContent(/^1Betaalbaarheid\d+%$/);
    expect(within(summary).getByText(/^Overeenstemming in de zaal: /)).toBeInTheDocument();
    expect(within(summary).getByText('Gedeelde grond: minstens de helft van elke groep steunt deze')).toBeInTheDocument();
    expect(within(summary).getByText('Spanning: hier verschillen de groepen')).toBeInTheDocument();
    // Each participant scores base − 1, base, base + 1 over each factor's three statements, so every
    // factor's mean is the same: no strongest or weakest is named, the summary says they are equal.
    const s = w.pub().summary!;
    expect([s.strongestFactor, s.weakestFactor, s.factorsEqual]).toEqual([null, null, true]);
    expect(within(summary).getByText('De factoren scoren gelijk: geen ervan springt eruit als sterkst of zwakst.')).toBeInTheDocument();
    expect(within(summary).queryByText(/^Het sterkst/)).not.toBeInTheDocument();
    // At the end the summary replaces "wait for the next step".
    expect(screen.queryByText('Deze stap is afgesloten. Wacht op de volgende.')).not.toBeInTheDocument();
  });

  it('is on the board too, and goes away when taken back', () => {
    const w = fullWorkshop();
    act(() => useStore.getState().receivePublic(w.pub()));
    render(<BoardPage code={CODE} />);
    expect(screen.getByRole('heading', { level: 1, name: 'What we found together' })).toBeInTheDocument();
    w.h.must('summary:publish', { published: false }, HOST);
    act(() => useStore.getState().receivePublic(w.pub()));
    expect(screen.queryByRole('heading', { name: 'What we found together' })).not.toBeInTheDocument();
  });
});

describe('the scan headline', () => {
  const base: Summary = {
    voteActivityId: null,
    topValues: [],
    commonGround: [],
    tensions: [],
    kendallW: null,
    scanActivityId: 's1',
    scan: [
      { factor: 'motivation', mean: 4.2 },
      { factor: 'organisation', mean: 2.9 },
      { factor: 'interaction', mean: 3.5 },
      { factor: 'result', mean: 3.1 },
    ],
    strongestFactor: 'motivation',
    weakestFactor: 'organisation',
    factorsEqual: false,
    participants: 5,
  };
  const names = { value: (id: string) => id, group: (id: string) => id };

  it('names the strongest and the weakest factor when they differ', async () => {
    await act(() => i18n.changeLanguage('en'));
    render(<SummaryContent summary={base} names={names} variant="phone" />);
    expect(screen.getByText('Strongest: Motivation. Most to gain: Organisation.')).toBeInTheDocument();
  });

  it('says the factors are equal instead of naming one', async () => {
    await act(() => i18n.changeLanguage('en'));
    render(<SummaryContent summary={{ ...base, strongestFactor: null, weakestFactor: null, factorsEqual: true }} names={names} variant="phone" />);
    expect(screen.getByText('The factors score alike: none stands out as strongest or weakest.')).toBeInTheDocument();
    expect(screen.queryByText(/^Strongest/)).not.toBeInTheDocument();
  });
});
