import {
  componentUpdateNotification,
  fakeComponent,
  fakeIncident,
  incidentNotification,
} from '../__testUtils__/fakeStatuspage';
import { ComponentEntityMapping } from '../mapping/ComponentEntityMapping';
import {
  interpretStatuspageNotification,
  parseStatuspageNotification,
} from './webhookEvents';

const mapping = ComponentEntityMapping.create({
  configured: [{ pageId: 'pg1', components: { c1: 'checkout-api' } }],
});
const context = {
  pageId: 'pg1',
  mapping,
  now: new Date('2026-12-01T00:00:00Z'),
};
const incident = fakeIncident({
  pageId: 'pg1',
  id: 'inc1',
  createdAt: '2026-11-30T10:00:00Z',
  components: [{ id: 'c1' }],
});

describe('parseStatuspageNotification', () => {
  it('reads incident and component notifications', () => {
    const parsed = parseStatuspageNotification(
      JSON.stringify(incidentNotification(incident)),
    );
    expect(parsed).toMatchObject({
      ok: true,
      notification: { type: 'incident', page: { id: 'pg1' } },
    });
    const component = parseStatuspageNotification(
      Buffer.from(
        JSON.stringify(
          componentUpdateNotification(
            fakeComponent('pg1', 'c1', 'API', 'major_outage'),
            'operational',
          ),
        ),
      ),
    );
    expect(component).toMatchObject({
      ok: true,
      notification: {
        type: 'component_update',
        componentUpdate: { component_id: 'c1', new_status: 'major_outage' },
        component: { id: 'c1', name: 'API' },
      },
    });
  });

  it.each([
    ['{', /^body is not JSON/],
    ['[]', /^body is not an object/],
    ['{"incident":{}}', /^page\.id/],
    ['{"page":{"id":"pg1"}}', /neither an "incident" nor a "component_update"/],
    [
      '{"page":{"id":"pg1"},"incident":{"id":"x","status":"resolved"}}',
      /created_at/,
    ],
    [
      '{"page":{"id":"pg1"},"incident":{"id":"x","status":"resolved","created_at":"2026-01-01T00:00:00Z","resolved_at":"soon"}}',
      /incident\.resolved_at/,
    ],
    [
      '{"page":{"id":"pg1"},"incident":{"id":"x","status":"resolved","created_at":"2026-01-01T00:00:00Z","components":{}}}',
      /incident\.components must be a list/,
    ],
    ['{"page":{"id":"pg1"},"component_update":{}}', /component_id/],
  ])('refuses %s', (body, message) => {
    const parsed = parseStatuspageNotification(body);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toMatch(message);
  });
});

describe('interpretStatuspageNotification', () => {
  it('attributes an incident to the entities of its components', () => {
    const parsed = parseStatuspageNotification(
      JSON.stringify(incidentNotification(incident)),
    );
    if (!parsed.ok) throw new Error(parsed.message);
    expect(
      interpretStatuspageNotification(parsed.notification, context),
    ).toMatchObject({
      type: 'incident',
      incidentId: 'inc1',
      signals: [
        {
          entityRef: 'component:default/checkout-api',
          externalId: 'inc1:component:default/checkout-api',
        },
      ],
      unmapped: [],
    });
  });

  it('ignores component status changes and refuses another page', () => {
    const component = parseStatuspageNotification(
      JSON.stringify(
        componentUpdateNotification(fakeComponent('pg1', 'c1'), 'major_outage'),
      ),
    );
    if (!component.ok) throw new Error(component.message);
    expect(
      interpretStatuspageNotification(component.notification, context),
    ).toMatchObject({
      type: 'ignored',
    });
    expect(
      interpretStatuspageNotification(component.notification, {
        ...context,
        pageId: 'pg2',
      }),
    ).toEqual({
      type: 'invalid',
      message: "notification of page 'pg1' on the webhook URL of page 'pg2'",
    });
  });
});
