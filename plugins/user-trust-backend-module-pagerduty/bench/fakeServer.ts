/*
 * The fake PagerDuty server of the backfill benchmark, in its own process so
 * that its incidents do not count in the backend's memory. Started by
 * webhooks.ts with IPC: it is sent `{ incidents, services, days }`, fills
 * itself and answers `{ baseUrl, token }`.
 */
import {
  FakePagerDuty,
  fakeIncident,
} from '../src/__testUtils__/fakePagerDuty';

const DAY_MS = 24 * 60 * 60 * 1000;

process.on(
  'message',
  async (message: { incidents: number; services: number; days: number }) => {
    const fake = await FakePagerDuty.start();
    const until = Date.now() - 60_000;
    const since = until - message.days * DAY_MS;
    const step = (until - since) / message.incidents;
    const batch = [];
    for (let i = 0; i < message.incidents; i += 1) {
      const created = since + i * step;
      // As in a real history: nearly everything older than a day is resolved.
      const resolved = until - created > DAY_MS && i % 50 !== 0;
      batch.push(
        fakeIncident({
          id: `PB${i.toString(36).toUpperCase()}`,
          number: i + 1,
          createdAt: new Date(created).toISOString(),
          serviceId: `PSVC${i % message.services}`,
          serviceName: `Service ${i % message.services}`,
          urgency: i % 3 === 0 ? 'low' : 'high',
          priority: ['P1', 'P2', 'P3', null][i % 4],
          ...(resolved && {
            acknowledgedAt: new Date(created + 120_000).toISOString(),
            resolvedAt: new Date(created + 1_800_000).toISOString(),
          }),
        }),
      );
      if (batch.length === 10_000) fake.addIncidents(...batch.splice(0));
    }
    fake.addIncidents(...batch);
    process.send!({ baseUrl: fake.baseUrl, token: fake.token });
  },
);
