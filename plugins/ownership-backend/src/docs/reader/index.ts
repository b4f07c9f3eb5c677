export { DocumentReaderService } from './DocumentReaderService';
export {
  DEFAULT_DOCS_CONFIG,
  type DocsConfig,
  readDocsConfig,
} from './readDocsConfig';
