import { DomainHarness } from '../../../shared/domain/testing.js';
import { hostView, publicView, selfView, type Actor } from '../../../shared/index.js';
import { useStore } from '../store/index.js';

export const CODE = 'ABCDEF';

/**
 * A workshop built by the real domain (the same decide/apply the server runs), so the views
 * the components get are exactly what the server would send.
 */
export function exploreWorkshop(opts: { allowNames?: boolean; allowProposals?: boolean; open?: boolean } = {}) {
  const h = new DomainHarness({ title: 'Northside heat plan', language: 'en', allowNames: opts.allowNames ?? false, allowProposals: opts.allowProposals ?? true });
  const anna = h.join(0, opts.allowNames ? 'Anna' : undefined);
  const bob = h.join(1);
  const carla = h.join(0);
  if (opts.open !== false) h.openFirst('explore');
  const [affordability, fairness] = h.state.valueOrder as [string, string];
  let s1 = '';
  let s2 = '';
  if (opts.open !== false) {
    s1 = h.must('story:add', { valueId: affordability, text: 'My energy bill doubled last winter.' }, anna);
    s2 = h.must('story:add', { valueId: affordability, text: 'Pensioners on our street worry about the costs.' }, bob);
    h.must('story:endorse', { storyId: s1 }, bob);
    h.must('story:endorse', { storyId: s1 }, carla);
  }
  const self = (actor: Actor & { role: 'participant' }) => {
    const v = selfView(h.state, actor.participantId);
    if (!v) throw new Error('no self view');
    return v;
  };
  return { h, anna, bob, carla, affordability, fairness, s1, s2, pub: () => publicView(h.state), host: () => hostView(h.state), self };
}

/** Puts the store where the socket layer would after connecting and receiving snapshots. */
export function connectStore(code = CODE): void {
  useStore.getState().resetFor(code);
  useStore.getState().setStatus('online');
}
