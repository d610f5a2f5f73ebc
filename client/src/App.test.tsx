import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { App } from './App.js';

// The lazily loaded pages, replaced: the console arrives, the board's code fails to download.
vi.mock('./views/console/ConsolePage.js', () => ({ ConsolePage: ({ code }: { code: string }) => <h1>Console of {code}</h1> }));
vi.mock('./views/board/BoardPage.js', () => {
  throw new TypeError('Failed to fetch dynamically imported module');
});

function renderAt(path: string) {
  const location = memoryLocation({ path });
  render(
    <Router hook={location.hook}>
      <App />
    </Router>,
  );
}

describe('App: lazily loaded pages', () => {
  it('shows a loading status while the console page loads, then the page', async () => {
    renderAt('/f/ABC234');
    expect(screen.getByRole('status')).toHaveTextContent('Loading the page…');
    expect(screen.getByRole('main')).toHaveAttribute('aria-busy', 'true');
    expect(await screen.findByRole('heading', { name: 'Console of ABC234' })).toBeInTheDocument();
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('says so, with a reload button, when a page cannot be downloaded', async () => {
    const reload = vi.fn();
    vi.stubGlobal('location', { ...window.location, reload });
    try {
      renderAt('/b/ABC234');
      expect(await screen.findByRole('alert')).toHaveTextContent('This page could not be loaded. Check the connection and try again.');
      await userEvent.click(screen.getByRole('button', { name: 'Reload' }));
      expect(reload).toHaveBeenCalledTimes(1);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
