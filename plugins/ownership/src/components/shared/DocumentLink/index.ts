export { DocumentLink } from './DocumentLink';
