export { PendingAttestations } from './PendingAttestations';
export { usePendingAttestations } from './usePendingAttestations';
