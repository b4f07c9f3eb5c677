export { IncidentLookup, type IncidentLookupProps } from './IncidentLookup';
