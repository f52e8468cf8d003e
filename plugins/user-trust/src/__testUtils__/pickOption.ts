import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

/**
 * Clicks the option of an open catalog picker once the list shows only
 * matching options: the picker first lists unfiltered entities and replaces
 * them when the search answers, and a click in between would miss.
 */
export async function pickOption(
  user: ReturnType<typeof userEvent.setup>,
  name: RegExp,
) {
  await waitFor(() => {
    const options = screen.getAllByRole('option');
    expect(options.length).toBeGreaterThan(0);
    expect(options.every(o => name.test(o.textContent ?? ''))).toBe(true);
  });
  await user.click(screen.getByRole('option', { name }));
}
