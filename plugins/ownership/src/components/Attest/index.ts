export { useAttest } from './useAttest';
export { RecordedChange } from './RecordedChange';
export { AnswerActions } from './AnswerActions';
