export {
  NoRotationHint,
  OnCallBlock,
  RelativeTime,
  Until,
  escalationStepText,
  type OnCallBlockProps,
} from './OnCallBlock';
