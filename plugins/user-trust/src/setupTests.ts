import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// The entity tab renders charts and a data table: give slow, shared CI
// machines more than the default second to show them.
configure({ asyncUtilTimeout: 5_000 });
jest.setTimeout(30_000);

// jsdom has no layout and no ResizeObserver: report a fixed size so that
// recharts' ResponsiveContainer renders its chart in tests.
class FixedSizeResizeObserver {
  constructor(private readonly callback: ResizeObserverCallback) {}
  observe(target: Element) {
    this.callback(
      [
        {
          target,
          contentRect: { width: 640, height: 220 } as DOMRectReadOnly,
        } as ResizeObserverEntry,
      ],
      this as unknown as ResizeObserver,
    );
  }
  unobserve() {}
  disconnect() {}
}

if (typeof window !== 'undefined' && !('ResizeObserver' in window)) {
  (window as any).ResizeObserver = FixedSizeResizeObserver;
  (globalThis as any).ResizeObserver = FixedSizeResizeObserver;
}
