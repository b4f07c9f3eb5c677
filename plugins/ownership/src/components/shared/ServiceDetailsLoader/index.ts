export {
  LoadErrorState,
  NotAuditedState,
  ServiceDetailsLoader,
  type ServiceDetailsLoaderProps,
} from './ServiceDetailsLoader';
export { useServiceDetails } from './useServiceDetails';
