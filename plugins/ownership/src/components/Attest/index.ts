export { useAttest } from './useAttest';
export { TransferDialog, type TransferAnswer } from './TransferDialog';
export { NotOursDialog, type NotOursAnswer } from './NotOursDialog';
export { RetireDialog } from './RetireDialog';
export { RecordedChange } from './RecordedChange';
export { AnswerActions } from './AnswerActions';
