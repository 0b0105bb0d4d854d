import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Empty, ErrorNotice, Loading } from '../src/state-views.js';

afterEach(cleanup);

describe('state views', () => {
  it('render loading, empty and error with retry in the user language', () => {
    const retry = vi.fn();
    render(
      <div>
        <Loading lang="ru" />
        <Empty>Nothing here</Empty>
        <ErrorNotice error={{ code: 'QUERY_LIMIT_EXCEEDED' }} lang="ru" onRetry={retry} />
      </div>,
    );
    expect(screen.getByRole('status').textContent).toBe('Загрузка…');
    expect(screen.getByText('Nothing here')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('QUERY_LIMIT_EXCEEDED — слишком много запросов');
    fireEvent.click(screen.getByRole('button', { name: 'Повторить' }));
    expect(retry).toHaveBeenCalledOnce();
  });
});
