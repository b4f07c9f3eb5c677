export interface Config {
  /** Configuration of the Ownership Portal. */
  ownership?: {
    /** What the audit covers. */
    scope?: {
      /**
       * Entity kinds to audit.
       * @default ["Component", "System", "API", "Resource"]
       */
      kinds?: string[];
      /**
       * Component types that need on-call and runbooks.
       * @default ["service", "website"]
       */
      operationalTypes?: string[];
    };
  };
}
