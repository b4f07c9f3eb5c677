export { DocumentLink, type DocumentLinkProps } from './DocumentLink';
