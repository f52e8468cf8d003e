import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import App from './App';

describe('App', () => {
  const originalEnv = process.env;

  beforeEach(() => {
    process.env = {
      ...originalEnv,
      NODE_ENV: 'test',
      APP_CONFIG: [
        {
          data: {
            app: { title: 'Test portal', baseUrl: 'http://localhost:3000' },
            backend: { baseUrl: 'http://localhost:7007' },
          },
          context: 'test',
        },
      ] as any,
    };
  });

  afterEach(() => {
    process.env = originalEnv;
    jest.restoreAllMocks();
  });

  it('puts the User Trust pages into the sidebar', async () => {
    // No backend: the guest sign-in falls back, after asking, to the legacy
    // guest identity.
    jest
      .spyOn(globalThis, 'fetch')
      .mockRejectedValue(new TypeError('fetch failed'));
    jest.spyOn(window, 'confirm').mockReturnValue(true);
    render(App.createRoot());

    await userEvent.click(
      await screen.findByRole('button', { name: 'Enter' }, { timeout: 15_000 }),
    );

    // The sidebar of the nav module lists the pages that plugins contribute
    // (pages with a title and an icon): without the User Trust plugin among
    // the app's features there are no such links.
    const nav = await screen.findByRole('navigation', {}, { timeout: 15_000 });
    const userTrust = await within(nav).findByRole(
      'link',
      { name: /^User trust$/ },
      { timeout: 15_000 },
    );
    expect(userTrust).toHaveAttribute('href', '/user-trust');
    expect(
      within(nav).getByRole('link', { name: /^Field roles$/ }),
    ).toHaveAttribute('href', '/user-trust/field-roles');
  }, 30_000);
});
