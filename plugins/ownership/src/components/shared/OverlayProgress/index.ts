export { OverlayProgress } from './OverlayProgress';
