export { IncidentLookup } from './IncidentLookup';
