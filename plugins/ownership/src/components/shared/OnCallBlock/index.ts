export { OnCallBlock, byLevel, Until } from './OnCallBlock';
