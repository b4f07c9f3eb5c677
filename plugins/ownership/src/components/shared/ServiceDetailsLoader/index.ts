export {
  AuditResultLoader,
  ServiceDetailsLoader,
} from './ServiceDetailsLoader';
export { useServiceDetails } from './useServiceDetails';
