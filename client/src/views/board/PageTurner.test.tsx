import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PageTurner } from './PageTurner.js';
import { usePaging } from './usePaging.js';

/** 14 items at most 12 a page: two pages of 7, turned every 15 s. */
function Wall() {
  const paging = usePaging(14, 12, 15_000);
  return (
    <div>
      <p data-testid="slice">
        {paging.start}–{paging.end}
      </p>
      <PageTurner paging={paging} className="board-page" />
    </div>
  );
}

describe('board pages that turn by themselves', () => {
  afterEach(() => vi.useRealTimers());

  it('turn every 15 s until the room holds the page, and turn again when asked', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    render(<Wall />);
    expect(screen.getByText('Page 1 of 2')).toBeInTheDocument();
    expect(screen.getByTestId('slice')).toHaveTextContent('0–7');

    act(() => vi.advanceTimersByTime(15_000));
    expect(screen.getByText('Page 2 of 2')).toBeInTheDocument();
    expect(screen.getByTestId('slice')).toHaveTextContent('7–14');

    const hold = screen.getByRole('button', { name: 'Hold this page' });
    expect(hold).toHaveAttribute('aria-pressed', 'false');
    await user.click(hold);
    act(() => vi.advanceTimersByTime(60_000));
    expect(screen.getByText('Page 2 of 2')).toBeInTheDocument();

    const turn = screen.getByRole('button', { name: 'Turn pages' });
    expect(turn).toHaveAttribute('aria-pressed', 'true');
    await user.click(turn);
    act(() => vi.advanceTimersByTime(15_000));
    expect(screen.getByText('Page 1 of 2')).toBeInTheDocument();
  });

  it('shows nothing when everything fits on one page', () => {
    function Short() {
      return <PageTurner paging={usePaging(5, 12, 15_000)} className="board-page" />;
    }
    const { container } = render(<Short />);
    expect(container).toBeEmptyDOMElement();
  });
});
