export interface Config {
  permission?: {
    /**
     * The permission policy the backend runs:
     *
     * - `allow-all`: everyone may do everything; for local development
     *   (`app-config.yaml`, `npm start`).
     * - `example` (the default): the example policy of
     *   `app-config.production.yaml`. Catalog reads and all other
     *   permissions as `allow-all`; `ownership.summary.read` for every
     *   signed-in user; `ownership.run.create` and
     *   `ownership.campaign.manage` for members of
     *   `permission.examplePolicy.adminGroups` only;
     *   `ownership.attestation.create` for the entity's owners (the
     *   catalog's `isEntityOwner`).
     */
    policy?: 'allow-all' | 'example';
    /** Settings of the `example` policy. */
    examplePolicy?: {
      /**
       * Groups whose members may start an audit run by hand
       * (`ownership.run.create`) and create, edit and close audit campaigns
       * (`ownership.campaign.manage`), as refs (`group:default/platform-leads`)
       * or names. Without any, nobody may.
       */
      adminGroups?: string[];
    };
  };
}
