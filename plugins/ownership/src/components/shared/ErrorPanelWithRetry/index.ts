export { ErrorPanelWithRetry } from './ErrorPanelWithRetry';
