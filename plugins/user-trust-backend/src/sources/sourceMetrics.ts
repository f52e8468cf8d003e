import { metrics } from '@opentelemetry/api';

/**
 * The Sources page's figures as OpenTelemetry metrics (Backstage's way), so
 * an SRE can alert on a connector that fell behind. Without a configured
 * SDK the meter is a no-op.
 */
export class SourceMetrics {
  private readonly meter = metrics.getMeter('user-trust');
  private readonly signals = this.meter.createCounter(
    'user_trust.source.signals',
    { description: 'Signals a connector stored (created or updated)' },
  );
  private readonly webhooks = this.meter.createCounter(
    'user_trust.source.webhooks',
    { description: 'Webhook deliveries, by result (accepted or refused)' },
  );
  private readonly lastSuccess = new Map<string, number>();

  constructor(now: () => number = Date.now) {
    this.meter
      .createObservableGauge('user_trust.source.sync_lag', {
        description: 'Seconds since the last successful sync of a connector',
        unit: 's',
      })
      .addCallback(result => {
        for (const [source, at] of this.lastSuccess) {
          result.observe((now() - at) / 1000, { source });
        }
      });
  }

  signalsStored(source: string, count: number) {
    if (count > 0) this.signals.add(count, { source });
  }

  webhook(source: string, accepted: boolean) {
    this.webhooks.add(1, {
      source,
      result: accepted ? 'accepted' : 'refused',
    });
  }

  syncSucceeded(source: string, at: number) {
    this.lastSuccess.set(source, at);
  }
}
