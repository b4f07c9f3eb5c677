export { SloLink } from './SloLink';
