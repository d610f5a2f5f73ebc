import { act, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { HOST } from '../../../../shared/domain/testing.js';
import { phoneView } from '../../../../shared/index.js';
import { i18n } from '../../i18n/index.js';
import { send } from '../../net/send.js';
import { useStore } from '../../store/index.js';
import { CODE, connectStore, exploreWorkshop } from '../../test/fixtures.js';
import { ParticipantPage } from './ParticipantPage.js';

vi.mock('../../net/send.js', () => ({ send: vi.fn() }));
vi.mock('../../net/socket.js', () => ({ connectWorkshop: vi.fn(() => () => {}), setParticipantToken: vi.fn(), activeSocket: () => null }));

const TITLE = 'What was done with what you said';

/**
 * The explore workshop of fixtures.ts (Anna and Bob told a story on Affordability, Carla
 * nothing) with three entries, in this order: general, the tension on Social fairness,
 * Affordability. Anna spoke for Affordability only, so that entry is about her.
 */
function withFeedback(opts: { publish: boolean }) {
  const w = exploreWorkshop();
  const set = (entryId: string, payload: object) => w.h.must('feedback:set', { entryId, ...payload }, HOST);
  set('entry-general', { target: { kind: 'general', id: null, activityId: null }, decision: 'The minutes are at the library. <b>Not bold</b>' });
  set('entry-fairness', { target: { kind: 'tension', id: w.fairness, activityId: null }, decision: 'A second evening with the housing corporation.', when: 'Spring 2027' });
  set('entry-afford', {
    target: { kind: 'value', id: w.affordability, activityId: null },
    decision: 'The connection fee is capped at €1,000.',
    reason: 'Most stories were about the costs.',
    link: 'https://example.org/raad/2027-03',
  });
  if (opts.publish) w.h.must('feedback:publish', { published: true }, HOST);
  return w;
}

function showPhone(w: ReturnType<typeof exploreWorkshop>, who: 'anna' | 'carla' | null) {
  act(() => {
    useStore.getState().receivePhone(phoneView(w.h.state));
    if (who) {
      const p = w[who];
      useStore.getState().becomeParticipant('tok', { id: p.participantId, name: null, groupId: w.h.state.participants[p.participantId]!.groupId });
      useStore.getState().receiveSelf(w.self(p));
    }
  });
  return render(<ParticipantPage code={CODE} />);
}

/** The entries, once the list's own chunk (a lazy import) has arrived. */
const entries = async () => within(await screen.findByRole('region', { name: TITLE })).getAllByRole('listitem');

beforeEach(async () => {
  vi.mocked(send).mockReset();
  connectStore();
  await act(() => i18n.changeLanguage('en'));
});

describe('"what was done with what you said" on the phone', () => {
  it('shows nothing before it is published: not to a phone that took part, not on the join page', async () => {
    const w = withFeedback({ publish: false });
    expect(phoneView(w.h.state).feedback).toBeNull();
    const { unmount } = showPhone(w, 'anna');
    await act(async () => {});
    expect(screen.queryByRole('region', { name: TITLE })).not.toBeInTheDocument();
    unmount();
    connectStore();
    showPhone(w, null);
    await act(async () => {});
    expect(screen.getByRole('button', { name: 'Join' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: TITLE })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Read what was done with what was said' })).not.toBeInTheDocument();
    // Published, the same screen shows them (so their absence above was the rule, not a slow load).
    w.h.must('feedback:publish', { published: true }, HOST);
    act(() => useStore.getState().receivePhone(phoneView(w.h.state)));
    expect(await entries()).toHaveLength(3);
  });

  it('puts the entries about what this participant said first, marked, then the rest in the order written', async () => {
    const w = withFeedback({ publish: true });
    expect(w.self(w.anna).feedbackAboutYou).toEqual(['entry-afford']);
    showPhone(w, 'anna');
    const items = await entries();
    expect(items).toHaveLength(3);
    expect(within(items[0]!).getByText('You said this mattered')).toBeInTheDocument();
    expect(within(items[0]!).getByRole('heading', { level: 3 })).toHaveTextContent('Put high by the roomAffordability');
    expect(items[0]).toHaveTextContent('What was doneThe connection fee is capped at €1,000.WhyMost stories were about the costs.Read morehttps://example.org/raad/2027-03');
    const link = within(items[0]!).getByRole('link', { name: 'https://example.org/raad/2027-03' });
    expect(link).toHaveAttribute('href', 'https://example.org/raad/2027-03');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    expect(link).toHaveAttribute('target', '_blank');
    expect(within(items[1]!).getByRole('heading', { level: 3 })).toHaveTextContent('About the meeting');
    // Text stays text: the organiser's "<b>" is shown, not made bold.
    expect(within(items[1]!).getByText('The minutes are at the library. <b>Not bold</b>')).toBeInTheDocument();
    expect(items[1]!.querySelector('b')).toBeNull();
    expect(within(items[2]!).getByRole('heading', { level: 3 })).toHaveTextContent('Groups saw this differentlySocial fairness');
    expect(items[2]).toHaveTextContent('WhenSpring 2027');
    expect(screen.getAllByText('You said this mattered')).toHaveLength(1);
    // The publication date: the harness clock, 14 November 2023.
    expect(screen.getByText('Published on 14 November 2023')).toBeInTheDocument();
  });

  it('marks nothing for a participant who said none of it, and keeps the order written', async () => {
    const w = withFeedback({ publish: true });
    expect(w.self(w.carla).feedbackAboutYou).toEqual([]);
    showPhone(w, 'carla');
    expect((await entries()).map((li) => li.querySelector('h3')?.textContent)).toEqual(['About the meeting', 'Groups saw this differentlySocial fairness', 'Put high by the roomAffordability']);
    expect(screen.queryByText('You said this mattered')).not.toBeInTheDocument();
  });

  it('a phone opening the link later sees the published entries under the join form, and a link down to them', async () => {
    const w = withFeedback({ publish: true });
    showPhone(w, null);
    expect(screen.getByRole('heading', { level: 1, name: 'Join in' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Read what was done with what was said' })).toHaveAttribute('href', '#feedback');
    expect(await entries()).toHaveLength(3);
    expect(screen.getByRole('region', { name: TITLE })).toHaveAttribute('id', 'feedback');
    expect(screen.queryByText('You said this mattered')).not.toBeInTheDocument();
  });

  it('shows them on the "joining is closed" screen too, and takes them away when the organiser takes them back', async () => {
    const w = withFeedback({ publish: true });
    w.h.must('settings:update', { joiningOpen: false }, HOST);
    showPhone(w, null);
    expect(screen.getByRole('heading', { level: 1, name: 'Joining is closed' })).toBeInTheDocument();
    expect(await entries()).toHaveLength(3);

    w.h.must('feedback:publish', { published: false }, HOST);
    act(() => useStore.getState().receivePhone(phoneView(w.h.state)));
    expect(screen.queryByRole('region', { name: TITLE })).not.toBeInTheDocument();
  });
});
