export {
  NoRotationHint,
  OnCallBlock,
  byLevel,
  RelativeTime,
  Until,
  escalationStepText,
  type OnCallBlockProps,
} from './OnCallBlock';
