import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HOST } from '../../../../shared/domain/testing.js';
import { useStore } from '../../store/index.js';
import { CODE, connectStore } from '../../test/fixtures.js';
import { voteWorkshop } from '../../test/voteFixtures.js';
import { ParticipantPage } from './ParticipantPage.js';

vi.mock('../../net/send.js', () => ({ send: vi.fn(async () => ({ ok: true, data: {} })) }));
vi.mock('../../net/socket.js', () => ({ connectWorkshop: vi.fn(() => () => {}), setParticipantToken: vi.fn(), activeSocket: () => null }));

const scrolled: Element[] = [];
beforeEach(() => {
  connectStore();
  scrolled.length = 0;
  // jsdom has no scrollIntoView: record which element the page scrolls to.
  Element.prototype.scrollIntoView = function (this: Element) {
    scrolled.push(this);
  };
});
afterEach(() => {
  delete (Element.prototype as { scrollIntoView?: unknown }).scrollIntoView;
});

type W = ReturnType<typeof voteWorkshop>;
function push(w: W) {
  act(() => {
    useStore.getState().receivePublic(w.pub());
    useStore.getState().receiveSelf(w.self());
  });
}

describe('phone: focus and scroll follow the step', () => {
  it('moves focus to the new question and scrolls to it when round 2 starts', async () => {
    const w = voteWorkshop('dots');
    useStore.getState().receivePublic(w.pub());
    useStore.getState().setParticipantToken('tok');
    useStore.getState().receiveSelf(w.self());
    render(<ParticipantPage code={CODE} />);
    // The participant is down the list, on a card's button.
    const add = screen.getByRole('button', { name: 'Add a dot to Comfort' });
    await userEvent.click(add);
    expect(add).toHaveFocus();
    // No jump on an ordinary re-render.
    push(w);
    expect(add).toHaveFocus();
    expect(scrolled).toEqual([]);

    // The facilitator starts a second round: a new activity, the same kind of screen.
    w.control('close');
    const round2 = w.h.must('agenda:duplicate', { activityId: w.activityId }, HOST);
    w.h.must('activity:control', { activityId: round2, action: 'open' }, HOST);
    push(w);
    const heading = screen.getByRole('heading', { level: 1 });
    expect(heading).toHaveFocus();
    expect(heading).toHaveAttribute('tabindex', '-1');
    expect(scrolled).toEqual([heading]);
  });

  it('when a pause removes the control in use, focus goes to the heading, without scrolling', async () => {
    const w = voteWorkshop('dots');
    useStore.getState().receivePublic(w.pub());
    useStore.getState().setParticipantToken('tok');
    useStore.getState().receiveSelf(w.self());
    render(<ParticipantPage code={CODE} />);
    await userEvent.click(screen.getByRole('button', { name: 'Add a dot to Comfort' }));
    w.control('lock');
    push(w);
    // The dot buttons are gone; focus is not dropped to <body>.
    expect(screen.queryByRole('button', { name: 'Add a dot to Comfort' })).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveFocus();
    expect(scrolled).toEqual([]);
  });

  it('leaves focus alone on a pause when the user was not on a control that went', () => {
    const w = voteWorkshop('dots');
    useStore.getState().receivePublic(w.pub());
    useStore.getState().setParticipantToken('tok');
    useStore.getState().receiveSelf(w.self());
    render(<ParticipantPage code={CODE} />);
    w.control('lock');
    push(w);
    expect(document.body).toHaveFocus();
  });
});
