import { Readable } from 'node:stream';
import type {
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import type { DocumentCollatorFactory } from '@backstage/plugin-search-common';
import { OWNERSHIP_SEARCH_TYPE } from '@ownership-portal/plugin-ownership-common';
import { readSettings, type CollatorSettings } from '../config';
import { OwnershipApiReader } from './OwnershipApiReader';
import { toIndexableDocument } from './toIndexableDocument';

/**
 * What {@link OwnershipCollatorFactory} needs.
 *
 * @public
 */
export interface OwnershipCollatorFactoryOptions {
  auth: AuthService;
  discovery: DiscoveryService;
  logger: LoggerService;
}

/**
 * Collates one search document of type `ownership` per entity of the
 * latest ownership audit run, read page by page from the ownership
 * plugin's `GET /search-documents` with service credentials. Each document
 * is authorized by its entity ref against `catalog.entity.read`, so search
 * shows it only to users who may read the entity.
 *
 * @public
 */
export class OwnershipCollatorFactory implements DocumentCollatorFactory {
  /** The search document type: `ownership`. */
  readonly type = OWNERSHIP_SEARCH_TYPE;
  /** Documents are shown to users who may read their entity in the catalog. */
  readonly visibilityPermission = catalogEntityReadPermission;

  /** A factory with the settings of `search.collators.ownership`. */
  static fromConfig(
    config: Config,
    options: OwnershipCollatorFactoryOptions,
  ): OwnershipCollatorFactory {
    return new OwnershipCollatorFactory(options, readSettings(config));
  }

  private readonly reader: OwnershipApiReader;

  private constructor(
    private readonly options: OwnershipCollatorFactoryOptions,
    settings: CollatorSettings,
  ) {
    this.reader = new OwnershipApiReader({
      auth: options.auth,
      discovery: options.discovery,
      pageSize: settings.pageSize,
      retry: {
        timeoutMs: settings.timeoutMs,
        maxAttempts: settings.maxAttempts,
      },
    });
  }

  async getCollator(): Promise<Readable> {
    return Readable.from(this.documents());
  }

  private async *documents() {
    let count = 0;
    for await (const page of this.reader.pages()) {
      for (const item of page) {
        count += 1;
        yield toIndexableDocument(item);
      }
    }
    this.options.logger.info(
      count
        ? `Collated ${count} ownership search document(s)`
        : 'Collated no ownership search documents: no ownership audit run has completed yet, or none of its entities is in scope',
    );
  }
}
