import { act, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { HOST } from '../../../../../shared/domain/testing.js';
import { useStore } from '../../../store/index.js';
import { CODE, connectStore } from '../../../test/fixtures.js';
import { fullWorkshop } from '../../report/workshop.fixture.js';
import { BoardPage } from '../BoardPage.js';

vi.mock('../../../net/send.js', () => ({ send: vi.fn() }));
vi.mock('../../../net/socket.js', () => ({ connectWorkshop: vi.fn(() => () => {}), setParticipantToken: vi.fn(), activeSocket: () => null }));

beforeEach(() => connectStore());

const show = (w: ReturnType<typeof fullWorkshop>) => act(() => useStore.getState().receivePublic(w.pub()));

describe('the scan on the board', () => {
  it('before the reveal: how many filled it in, per group, and nothing of the outcome', () => {
    const w = fullWorkshop({ upTo: 'scan-open' });
    w.h.must('answer:submit', { activityId: w.ids.scan, answerId: 'x1', answer: { kind: 'scan', scores: { m1: 5 } } }, w.people[0]!);
    show(w);
    render(<BoardPage code={CODE} />);
    expect(screen.getByText('1 of 7 have filled in the scan')).toBeInTheDocument();
    expect(screen.getByText('The outcome appears when the facilitator shows it.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('after the reveal: per factor the average with its spread for everyone and per group, the small group named', () => {
    const w = fullWorkshop({ upTo: 'scan-revealed' });
    show(w);
    render(<BoardPage code={CODE} />);
    const table = screen.getByRole('table', { name: /Average and spread per factor/ });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Motivation', 'Organisation', 'Interaction', 'Result']);
    const rows = within(table).getAllByRole('row').slice(1); // after the factor names (the scale row is decoration)
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['Everyone (7)', 'Residents (3)', 'Municipality (3)']);

    const scan = w.pub().results[w.ids.scan]!.scan!;
    const motivation = scan.factors[0]!;
    const fmt = (x: number) => x.toFixed(1);
    expect(within(rows[0]!).getByLabelText(`Motivation, Everyone: average ${fmt(motivation.mean!)}, spread ± ${fmt(motivation.sd!)}`)).toBeInTheDocument();
    const residents = motivation.byGroup.find((g) => g.groupId === w.h.state.groups[0]!.id)!;
    expect(within(rows[1]!).getByLabelText(`Motivation, Residents: average ${fmt(residents.mean!)}`)).toHaveTextContent(fmt(residents.mean!));
    expect(screen.getByText('Not shown separately (fewer than 3 answers): Housing association')).toBeInTheDocument();
  });

  it('shows the open answers as a wall, most endorsed first', () => {
    const w = fullWorkshop({ upTo: 'scan-revealed' });
    show(w);
    render(<BoardPage code={CODE} />);
    const wentWell = screen.getByRole('region', { name: 'What goes well' });
    const items = within(wentWell).getAllByRole('listitem');
    expect(items.map((i) => i.querySelector('.sbw-text')?.textContent)).toEqual(['We listen to each other (2)', 'We listen to each other (0)', 'We listen to each other (4)', 'We listen to each other (6)']);
    expect(within(items[0]!).getByLabelText('2 people recognise this')).toHaveTextContent('+2');
    const better = screen.getByRole('region', { name: 'What could be better' });
    expect(within(better).getAllByRole('listitem')).toHaveLength(3);
  });

  it('keeps showing a revealed scan after it closes, and shows the timer while it runs', () => {
    const w = fullWorkshop({ upTo: 'scan-revealed' });
    w.h.must('activity:control', { activityId: w.ids.scan, action: 'close' }, HOST);
    show(w);
    const { unmount } = render(<BoardPage code={CODE} />);
    expect(screen.getByRole('table', { name: /Average and spread per factor/ })).toBeInTheDocument();
    unmount();

    connectStore(); // a fresh store: the other workshop's views have a lower seq
    const open = fullWorkshop({ upTo: 'scan-open' });
    open.h.must('activity:extend', { activityId: open.ids.scan, seconds: 120 }, HOST);
    show(open);
    render(<BoardPage code={CODE} />);
    expect(screen.getByRole('timer', { name: 'Time left' })).toBeInTheDocument();
  });
});
