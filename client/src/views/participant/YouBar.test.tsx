import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { send } from '../../net/send.js';
import { useStore } from '../../store/index.js';
import { connectStore, exploreWorkshop } from '../../test/fixtures.js';
import { YouBar } from './YouBar.js';

vi.mock('../../net/send.js', () => ({ send: vi.fn() }));
const sendMock = vi.mocked(send);

beforeEach(() => {
  sendMock.mockReset();
  sendMock.mockResolvedValue({ ok: true, data: {} } as never);
  connectStore();
});

function as(w: ReturnType<typeof exploreWorkshop>, who: 'anna' | 'bob') {
  useStore.getState().receivePublic(w.pub());
  useStore.getState().setParticipantToken('tok');
  useStore.getState().receiveSelf(w.self(w[who]));
}

describe('the you bar', () => {
  it('shows the group and lets a participant who picked the wrong one change it', async () => {
    const w = exploreWorkshop();
    as(w, 'anna');
    render(<YouBar />);
    expect(screen.getByText('Group: Residents')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Change' }));
    // No name field: names are not allowed in this workshop.
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('radio', { name: 'Municipality' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(sendMock).toHaveBeenCalledWith('participant:update', { groupId: w.h.state.groups[1]?.id });
    expect(screen.queryByRole('form', { name: 'Your name and group' })).not.toBeInTheDocument();
  });

  it('changes the name too when names are allowed, and shows a refusal', async () => {
    const w = exploreWorkshop({ allowNames: true });
    as(w, 'anna');
    sendMock.mockResolvedValue({ ok: false, error: { code: 'NOT_ALLOWED', message: 'Names are not allowed' } });
    render(<YouBar />);
    expect(screen.getByText('Anna')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Change' }));
    const name = screen.getByRole('textbox', { name: /Your name/ });
    await userEvent.clear(name);
    await userEvent.type(name, 'Anna B.');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(sendMock).toHaveBeenCalledWith('participant:update', { groupId: w.h.state.groups[0]?.id, name: 'Anna B.' });
    expect(await screen.findByRole('alert')).toHaveTextContent("That isn't possible right now.");
  });
});
