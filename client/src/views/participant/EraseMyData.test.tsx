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
  connectStore();
  const w = exploreWorkshop({ allowNames: true });
  useStore.getState().receivePublic(w.pub());
  useStore.getState().setParticipantToken('tok');
  useStore.getState().receiveSelf(w.self(w.anna));
});

async function openErase() {
  render(<YouBar />);
  await userEvent.click(screen.getByRole('button', { name: 'Change' }));
  await userEvent.click(screen.getByRole('button', { name: 'Erase my data' }));
}

describe('erasing one’s own data on the phone', () => {
  it('says what goes and what stays, and erases only after the second step', async () => {
    sendMock.mockResolvedValue({ ok: true, data: {} } as never);
    await openErase();
    expect(screen.getByText(/This erases your name, your stories, your answers and your endorsements/)).toBeInTheDocument();
    expect(screen.getByText(/Values you proposed stay, without your name/)).toBeInTheDocument();
    expect(sendMock).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Yes, erase my data' }));
    expect(sendMock).toHaveBeenCalledWith('participant:eraseSelf', {});
    expect(sendMock).toHaveBeenCalledTimes(1);
  });

  it('can be called off, and shows a refusal', async () => {
    await openErase();
    await userEvent.click(screen.getAllByRole('button', { name: 'Cancel' }).at(-1)!);
    expect(screen.queryByRole('button', { name: 'Yes, erase my data' })).not.toBeInTheDocument();
    expect(sendMock).not.toHaveBeenCalled();

    sendMock.mockResolvedValue({ ok: false, error: { code: 'OFFLINE', message: 'offline' } });
    await userEvent.click(screen.getByRole('button', { name: 'Erase my data' }));
    await userEvent.click(screen.getByRole('button', { name: 'Yes, erase my data' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Your data could not be erased. No connection.');
    expect(screen.getByRole('button', { name: 'Yes, erase my data' })).toBeEnabled();
  });
});
