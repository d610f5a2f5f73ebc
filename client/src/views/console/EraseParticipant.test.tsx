import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { send } from '../../net/send.js';
import { useStore } from '../../store/index.js';
import { connectStore, exploreWorkshop } from '../../test/fixtures.js';
import { ParticipantList } from './agenda/ParticipantList.js';

vi.mock('../../net/send.js', () => ({ send: vi.fn() }));
const sendMock = vi.mocked(send);

beforeEach(() => {
  sendMock.mockReset();
  sendMock.mockResolvedValue({ ok: true, data: {} } as never);
  connectStore();
});

describe('erasing a participant from the console', () => {
  it('names whose data goes and what stays, and erases only after the confirmation', async () => {
    const w = exploreWorkshop({ allowNames: true });
    useStore.getState().receivePublic(w.pub());
    useStore.getState().receiveHost(w.host());
    render(<ParticipantList />);
    await userEvent.click(screen.getByRole('button', { name: /Show/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Erase the data of Anna (Residents)' }));
    const step = screen.getByRole('group', { name: 'Erase the data of Anna (Residents)' });
    expect(within(step).getByText(/Erase everything of Anna \(Residents\): name, stories, answers and endorsements/)).toBeInTheDocument();
    expect(within(step).getByText(/Values they proposed stay, without a name/)).toBeInTheDocument();
    expect(sendMock).not.toHaveBeenCalled();
    await userEvent.click(within(step).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('group', { name: 'Erase the data of Anna (Residents)' })).not.toBeInTheDocument();
    expect(sendMock).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole('button', { name: 'Erase the data of Anna (Residents)' }));
    await userEvent.click(within(screen.getByRole('group', { name: 'Erase the data of Anna (Residents)' })).getByRole('button', { name: 'Erase' }));
    expect(sendMock).toHaveBeenCalledWith('participant:erase', { participantId: w.anna.participantId });
    expect(sendMock).toHaveBeenCalledTimes(1);
  });
});
