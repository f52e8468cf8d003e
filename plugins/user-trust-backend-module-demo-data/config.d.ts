export interface Config {
  userTrust?: {
    /**
     * Demo signal history for the example catalog. Meant for development and
     * demos only: never enable it where real signals are ingested.
     */
    demoData?: {
      /** Fill 90 days of generated signals for every component. Default false. */
      enabled?: boolean;
      /** Days of history to keep filled. Default 90. */
      days?: number;
    };
  };
}
