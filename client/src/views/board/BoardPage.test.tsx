import { act, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { HOST } from '../../../../shared/domain/testing.js';
import { useStore } from '../../store/index.js';
import { CODE, connectStore, exploreWorkshop } from '../../test/fixtures.js';
import { BoardPage } from './BoardPage.js';

vi.mock('../../net/send.js', () => ({ send: vi.fn() }));
vi.mock('../../net/socket.js', () => ({ connectWorkshop: vi.fn(() => () => {}), setParticipantToken: vi.fn(), activeSocket: () => null }));

beforeEach(() => connectStore());

describe('board', () => {
  it('waits with the join code huge, the join address, the QR and participants per group', () => {
    const w = exploreWorkshop({ open: false });
    useStore.getState().receivePublic(w.pub());
    render(<BoardPage code={CODE} />);

    expect(screen.getByRole('heading', { name: 'Starting soon' })).toBeInTheDocument();
    expect(screen.getByText('ABC DEF')).toBeInTheDocument();
    expect(screen.getByText(`Join at ${window.location.host}/join`)).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /QR code/ })).toHaveAttribute('src', `/api/workshops/${CODE}/qr.svg`);
    const groups = screen.getByRole('region', { name: 'Participants per group' });
    expect(within(groups).getByText('3 participants')).toBeInTheDocument();
    const residents = within(groups).getByText('Residents').closest('li') as HTMLElement;
    expect(residents).toHaveTextContent('Residents2');
  });

  it('shows the wall during explore: cards with story counts and the most-endorsed stories first', () => {
    const w = exploreWorkshop();
    useStore.getState().receivePublic(w.pub());
    render(<BoardPage code={CODE} />);

    expect(screen.getByRole('heading', { level: 1, name: 'Which values matter to you? Tell us why.' })).toBeInTheDocument();
    const card = screen.getByRole('article', { name: 'Affordability' });
    expect(within(card).getByText('2 stories')).toBeInTheDocument();
    const stories = within(card).getAllByRole('listitem');
    expect(stories[0]).toHaveTextContent('My energy bill doubled last winter.');
    expect(within(stories[0]!).getByLabelText('2 people recognise this')).toHaveTextContent('+2');
    expect(stories[1]).toHaveTextContent('Pensioners on our street');
    expect(within(screen.getByRole('article', { name: 'Comfort' })).getByText('No stories yet')).toBeInTheDocument();
  });

  it('never shows names unless the facilitator allowed them', () => {
    const w = exploreWorkshop({ allowNames: true });
    w.h.must('settings:update', { allowNames: false }, HOST);
    useStore.getState().receivePublic(w.pub());
    render(<BoardPage code={CODE} />);
    expect(screen.queryByText('Anna')).not.toBeInTheDocument();

    w.h.must('settings:update', { allowNames: true }, HOST);
    act(() => useStore.getState().receivePublic(w.pub()));
    expect(within(screen.getByRole('article', { name: 'Affordability' })).getByText('Anna')).toBeInTheDocument();
  });

  it('updates live and ignores a snapshot older than the one it shows', () => {
    const w = exploreWorkshop();
    const before = w.pub();
    useStore.getState().receivePublic(before);
    render(<BoardPage code={CODE} />);
    w.h.must('story:add', { valueId: w.affordability, text: 'Third story' }, w.carla);
    act(() => useStore.getState().receivePublic(w.pub()));
    expect(within(screen.getByRole('article', { name: 'Affordability' })).getByText('3 stories')).toBeInTheDocument();
    act(() => useStore.getState().receivePublic(before));
    expect(within(screen.getByRole('article', { name: 'Affordability' })).getByText('3 stories')).toBeInTheDocument();
  });

  it('explains an unknown code instead of spinning', () => {
    useStore.getState().refuse('WORKSHOP_NOT_FOUND');
    render(<BoardPage code={CODE} />);
    expect(screen.getByRole('alert')).toHaveTextContent('There is no workshop with this code.');
  });
});
