export interface Config {
  /** Configuration of the Ownership Portal. */
  ownership?: {
    /** On-call providers. */
    oncall?: {
      /** The iCalendar (`ownership-portal/oncall-ical`) provider. */
      ical?: {
        /**
         * How long one attempt to read a feed may take, in milliseconds.
         * A read is tried up to three times.
         * @default 10000
         */
        timeoutMs?: number;
        /**
         * Largest feed accepted, in bytes; bigger feeds are refused.
         * @default 5242880
         */
        maxBytes?: number;
      };
    };
  };
}
