import { useStore } from '../../store/index.js';
import { JoinPanel } from '../board/JoinPanel.js';
import { PublishedSummary } from './PublishedSummary.js';

/** The projector while the summary is sent: "what we found together", big, with the join code in the corner. */
export function BoardSummary({ code }: { code: string }) {
  const title = useStore((s) => s.pub?.title ?? '');
  return (
    <main className="board-summary">
      <header className="board-summary-top">
        <p className="board-workshop">{title}</p>
        <JoinPanel code={code} variant="compact" />
      </header>
      <PublishedSummary variant="board" />
    </main>
  );
}
