import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { formatRemaining, TimerBar } from './TimerBar.js';

const T0 = Date.UTC(2026, 2, 1, 10, 0, 0);

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(T0);
});
afterEach(() => vi.useRealTimers());

describe('TimerBar', () => {
  it('counts down as m:ss with a bar that empties, and says when time is up', () => {
    render(<TimerBar openedAt={T0 - 55_000} endsAt={T0 + 65_000} />);
    const timer = screen.getByRole('timer', { name: 'Time left' });
    expect(timer).toHaveTextContent('1:05');
    const fill = timer.querySelector('.timer-fill') as HTMLElement;
    expect(fill.style.transform).toBe(`scaleX(${65 / 120})`);

    act(() => vi.advanceTimersByTime(5_000));
    expect(timer).toHaveTextContent('1:00');
    expect(timer).not.toHaveClass('is-ending');

    act(() => vi.advanceTimersByTime(35_000));
    expect(timer).toHaveTextContent('0:25');
    expect(timer).toHaveClass('is-ending');

    act(() => vi.advanceTimersByTime(30_000));
    expect(timer).toHaveTextContent('Time is up');
    expect(fill.style.transform).toBe('scaleX(0)');
  });

  it('follows an extension (a later endsAt) and shows nothing without a timer', () => {
    const { rerender } = render(<TimerBar openedAt={T0} endsAt={T0 + 10_000} />);
    act(() => vi.advanceTimersByTime(10_000));
    expect(screen.getByRole('timer')).toHaveTextContent('Time is up');
    rerender(<TimerBar openedAt={T0} endsAt={T0 + 70_000} />);
    expect(screen.getByRole('timer')).toHaveTextContent('1:00');
    rerender(<TimerBar openedAt={T0} endsAt={null} />);
    expect(screen.queryByRole('timer')).not.toBeInTheDocument();
  });

  it('formats hours too', () => {
    expect(formatRemaining(3_725_000)).toBe('1:02:05');
    expect(formatRemaining(59_001)).toBe('1:00');
    expect(formatRemaining(-5)).toBe('0:00');
  });
});
