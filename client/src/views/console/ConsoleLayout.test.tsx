import { act, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { HOST } from '../../../../shared/domain/testing.js';
import { rememberWorkshop } from '../../lib/myWorkshops.js';
import { useStore } from '../../store/index.js';
import { CODE, connectStore, exploreWorkshop } from '../../test/fixtures.js';
import { ConsolePage } from './ConsolePage.js';

vi.mock('../../net/send.js', () => ({ send: vi.fn(async () => ({ ok: true, data: {} })) }));
vi.mock('../../net/socket.js', () => ({ connectWorkshop: vi.fn(() => () => {}), setParticipantToken: vi.fn(), activeSocket: () => null }));

beforeEach(() => {
  rememberWorkshop({ code: CODE, title: 'Northside heat plan', hostToken: 'host-secret', createdAt: 1 });
  connectStore();
});

function load(w: ReturnType<typeof exploreWorkshop>) {
  act(() => {
    useStore.getState().receivePublic(w.pub());
    useStore.getState().receiveHost(w.host());
  });
}

const region = (name: string) => screen.getByRole('region', { name });
const before = (a: HTMLElement, b: HTMLElement) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;

describe('console: landmarks and the order of the panels', () => {
  it('starts with a skip link to the main landmark', () => {
    const w = exploreWorkshop();
    render(<ConsolePage code={CODE} />);
    load(w);
    const skip = screen.getByRole('link', { name: 'Skip to main content' });
    const main = screen.getByRole('main');
    expect(skip).toHaveAttribute('href', `#${main.id}`);
    expect(main).toHaveAttribute('tabindex', '-1');
    // The first link in the page: before the header's and the side panels' controls.
    expect(document.querySelector('a, button, input')).toBe(skip);
  });

  it('while exploring, the wall comes before the next vote’s settings; during a vote, its results come first', () => {
    const w = exploreWorkshop();
    w.h.must('agenda:add', { kind: 'dots' }, HOST);
    render(<ConsolePage code={CODE} />);
    load(w);
    const votes = region('Votes');
    expect(before(region('Values'), votes)).toBe(true);

    const dots = w.h.state.activities.find((a) => a.kind === 'dots')!.id;
    w.h.must('activity:control', { activityId: dots, action: 'open' }, HOST);
    load(w);
    expect(before(region('Votes'), region('Values'))).toBe(true);
  });
});
