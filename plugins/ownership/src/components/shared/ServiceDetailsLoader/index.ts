export {
  AuditResultLoader,
  LoadErrorState,
  NotAuditedState,
  ServiceDetailsLoader,
  type AuditResultLoaderProps,
  type ServiceDetailsLoaderProps,
} from './ServiceDetailsLoader';
export { useServiceDetails } from './useServiceDetails';
