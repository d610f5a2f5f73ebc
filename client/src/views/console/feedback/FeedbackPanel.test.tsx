import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { HOST } from '../../../../../shared/domain/testing.js';
import { commandSchemas, hostView } from '../../../../../shared/index.js';
import { describeIssues, issuesOf } from '../../../../../server/http/errors.js';
import { i18n } from '../../../i18n/index.js';
import { send } from '../../../net/send.js';
import { useStore } from '../../../store/index.js';
import { connectStore } from '../../../test/fixtures.js';
import { rankScenario } from '../../../test/voteFixtures.js';
import { FeedbackPanel } from './FeedbackPanel.js';

vi.mock('../../../net/send.js', () => ({ send: vi.fn() }));
const sendMock = vi.mocked(send);
/** A nanoid: the protocol's id alphabet, 21 characters. */
const CLIENT_ID = /^[A-Za-z0-9_-]{21}$/;

/**
 * The rank scenario of voteFixtures: top values Affordability 19, Sustainability 11, Social
 * fairness 10; tensions (spread of the groups' 0–100 scores) Sustainability 100 − 8, Affordability
 * 100 − 56, Social fairness 58 − 33; and the heat transition template's "weigh the options" step.
 */
function scenario() {
  const w = rankScenario();
  const optionsId = w.h.state.activities.find((a) => a.kind === 'options')!.id;
  const show = () => act(() => useStore.getState().receiveHost(hostView(w.h.state)));
  return { ...w, optionsId, show };
}

/** Sends like the server would answer: the payload through the command's own schema, the refusal worded as the server words it. */
function serverLike(apply: (payload: unknown) => void = () => {}) {
  sendMock.mockImplementation((async (name: 'feedback:set', payload: unknown) => {
    const parsed = commandSchemas[name].safeParse(payload);
    if (!parsed.success) return { ok: false, error: { code: 'BAD_REQUEST', message: describeIssues(issuesOf(parsed.error)) } };
    apply(parsed.data);
    return { ok: true, data: { entryId: parsed.data.entryId } };
  }) as never);
}

/** Types a whole text at once (a paste): long texts typed key by key are slow on a busy machine. */
async function fill(field: HTMLElement, text: string) {
  await userEvent.click(field);
  await userEvent.paste(text);
}

beforeEach(async () => {
  sendMock.mockReset();
  connectStore();
  await act(() => i18n.changeLanguage('en'));
});

describe('"You said, we did" in the console', { timeout: 20_000 }, () => {
  it('lists the top values, the tensions and the options from the host view, each with its own button', () => {
    const w = scenario();
    w.show();
    render(<FeedbackPanel />);
    const panel = screen.getByRole('region', { name: 'You said, we did' });
    const group = (name: string) => within(panel).getByRole('heading', { level: 3, name: new RegExp(`^${name}`) }).closest('.fb-group') as HTMLElement;
    const titles = (name: string) => within(group(name)).getAllByRole('heading', { level: 4 }).map((h) => h.textContent);
    expect(titles('Top values')).toEqual(['Affordability', 'Sustainability', 'Social fairness']);
    expect(titles('Tensions')).toEqual(['Sustainability', 'Affordability', 'Social fairness']);
    expect(titles('Options')).toEqual(['Heat network', 'All-electric heat pump (with insulation)', 'Hybrid heat pump', 'Wait for green gas / decide later']);
    expect(within(group('Tensions')).getByRole('button', { name: 'Write what was done with the tension on Affordability' })).toBeEnabled();
    expect(within(group('Top values')).getByRole('button', { name: 'Write what was done with Affordability' })).toBeEnabled();
    expect(within(panel).getByRole('button', { name: 'Add general feedback' })).toBeEnabled();
    expect(within(panel).getByRole('status')).toHaveTextContent('Not published yet: only you see this. 0 entries written');
  });

  it('saves with one entryId made when the draft opened: a retry after a lost answer sends the same id, and the domain stores it once', async () => {
    const w = scenario();
    w.show();
    render(<FeedbackPanel />);
    await userEvent.click(screen.getByRole('button', { name: 'Write what was done with Affordability' }));
    const form = screen.getByRole('form', { name: 'Feedback on Affordability' });
    await fill(within(form).getByLabelText('What was decided or done'), 'The council caps the connection fee at €1,000.');
    await fill(within(form).getByLabelText('When'), 'March 2027');
    await fill(within(form).getByLabelText('Link'), 'https://example.org/raad/2027-03');

    // The first answer is lost (the server stored it, the ack never came).
    let stored = 0;
    sendMock.mockImplementationOnce((async (_name: 'feedback:set', payload: unknown) => {
      w.h.must('feedback:set', payload, HOST);
      stored += 1;
      return { ok: false, error: { code: 'TIMEOUT', message: 'timeout' } };
    }) as never);
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('Not saved: No answer from the server.');
    expect(within(form).getByLabelText('What was decided or done')).toHaveValue('The council caps the connection fee at €1,000.');

    serverLike((payload) => {
      w.h.must('feedback:set', payload, HOST);
      stored += 1;
    });
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }));
    expect(sendMock).toHaveBeenCalledTimes(2);
    const [first, second] = sendMock.mock.calls.map((c) => c[1] as { entryId: string });
    expect(first!.entryId).toMatch(CLIENT_ID);
    expect(second).toEqual(first);
    expect(second).toEqual({
      entryId: first!.entryId,
      target: { kind: 'value', id: w.affordability, activityId: null },
      decision: 'The council caps the connection fee at €1,000.',
      reason: '',
      when: 'March 2027',
      link: 'https://example.org/raad/2027-03',
    });
    // Two sends, one entry: the same id and text again stores nothing.
    expect(stored).toBe(2);
    expect(w.h.state.feedback).toHaveLength(1);
    expect(w.h.state.feedback![0]!.id).toBe(first!.entryId);

    w.show();
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
    const topValues = screen.getByRole('heading', { level: 3, name: 'Top values' }).closest('.fb-group') as HTMLElement;
    const top = within(topValues).getByRole('heading', { level: 4, name: 'Affordability' }).closest('li') as HTMLElement;
    expect(within(top).getByText('The council caps the connection fee at €1,000.')).toBeInTheDocument();
    const link = within(top).getByRole('link', { name: 'https://example.org/raad/2027-03' });
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    expect(screen.getAllByRole('status')[0]).toHaveTextContent('1 entry written');

    // Editing keeps the entry's own id.
    await userEvent.click(within(top).getByRole('button', { name: 'Edit the feedback on Affordability' }));
    const edit = screen.getByRole('form', { name: 'Feedback on Affordability' });
    await fill(within(edit).getByLabelText('Why'), 'Half the residents named the costs.');
    await userEvent.click(within(edit).getByRole('button', { name: 'Save' }));
    expect(sendMock).toHaveBeenLastCalledWith('feedback:set', expect.objectContaining({ entryId: first!.entryId, reason: 'Half the residents named the costs.' }));
    expect(w.h.state.feedback).toHaveLength(1);
    expect(w.h.state.feedback![0]!.reason).toBe('Half the residents named the costs.');
  });

  it('refuses a javascript: link with the message at the link field, and keeps what was written', async () => {
    const w = scenario();
    w.show();
    serverLike((payload) => w.h.must('feedback:set', payload, HOST));
    render(<FeedbackPanel />);
    await userEvent.click(screen.getByRole('button', { name: 'Write what was done with Heat network' }));
    const form = screen.getByRole('form', { name: 'Feedback on Heat network' });
    await fill(within(form).getByLabelText('What was decided or done'), 'A heat network study starts in the spring.');
    await fill(within(form).getByLabelText('Link'), 'javascript:alert(1)');
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }));

    expect(sendMock).toHaveBeenCalledWith('feedback:set', expect.objectContaining({ target: { kind: 'option', id: 'heat-network', activityId: w.optionsId }, link: 'javascript:alert(1)' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('This link was not saved: a link must be an address starting with http:// or https://.');
    expect(within(form).getByLabelText('Link')).toHaveValue('javascript:alert(1)');
    expect(w.h.state.feedback ?? []).toHaveLength(0);

    // Corrected, it saves (same id) and the form closes.
    await userEvent.clear(within(form).getByLabelText('Link'));
    await fill(within(form).getByLabelText('Link'), 'http://example.org/warmte');
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }));
    expect(w.h.state.feedback).toHaveLength(1);
    expect(w.h.state.feedback![0]!.link).toBe('http://example.org/warmte');
    const ids = sendMock.mock.calls.map((c) => (c[1] as { entryId: string }).entryId);
    expect(new Set(ids).size).toBe(1);
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
  });

  it('publishes at the join link and takes it back with one button, and says which it is', async () => {
    const w = scenario();
    w.h.must('feedback:set', { entryId: 'entry-general-1', target: { kind: 'general', id: null, activityId: null }, decision: 'The minutes are online.' }, HOST);
    w.show();
    sendMock.mockImplementation((async (name: 'feedback:publish', payload: unknown) => {
      w.h.must(name, payload, HOST);
      return { ok: true, data: {} };
    }) as never);
    render(<FeedbackPanel />);
    await userEvent.click(screen.getByRole('button', { name: 'Publish at the join link' }));
    expect(sendMock).toHaveBeenLastCalledWith('feedback:publish', { published: true });
    w.show();
    // The harness clock: 1_700_000_000_000 = 14 November 2023, 22:13 UTC.
    expect(screen.getAllByRole('status')[0]).toHaveTextContent(/^✓ Published on 14 November 2023 at \d\d:13: anyone opening the join link or the QR code sees this\. 1 entry written$/);
    await userEvent.click(screen.getByRole('button', { name: 'Take back' }));
    expect(sendMock).toHaveBeenLastCalledWith('feedback:publish', { published: false });
    w.show();
    expect(screen.getAllByRole('status')[0]).toHaveTextContent('Not published yet: only you see this.');
    expect(screen.getByRole('button', { name: 'Publish at the join link' })).toBeInTheDocument();
  });

  it('removes an entry only after the confirmation, and previews what phones see', async () => {
    const w = scenario();
    w.h.must('feedback:set', { entryId: 'entry-tension-1', target: { kind: 'tension', id: w.sustainability, activityId: null }, decision: 'A second evening on sustainability.', link: 'https://example.org/a' }, HOST);
    w.show();
    sendMock.mockResolvedValue({ ok: true, data: {} } as never);
    render(<FeedbackPanel />);

    const preview = screen.getByText('What phones see').closest('details') as HTMLElement;
    const phone = within(preview).getByRole('region', { name: 'What was done with what you said' });
    expect(within(phone).getByRole('heading', { level: 5 })).toHaveTextContent('Groups saw this differentlySustainability');
    expect(within(phone).getByText('A second evening on sustainability.')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Remove the feedback on the tension on Sustainability' }));
    expect(sendMock).not.toHaveBeenCalled();
    const confirm = screen.getByRole('group', { name: 'Remove the feedback on the tension on Sustainability' });
    await userEvent.click(within(confirm).getByRole('button', { name: 'Yes, remove' }));
    expect(sendMock).toHaveBeenCalledWith('feedback:remove', { entryId: 'entry-tension-1' });
    expect(sendMock).toHaveBeenCalledTimes(1);
  });
});
