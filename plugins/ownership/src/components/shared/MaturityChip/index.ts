export { MaturityChip } from './MaturityChip';
