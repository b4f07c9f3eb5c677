export {
  NoRotationHint,
  OnCallBlock,
  RelativeTime,
  escalationStepText,
  type OnCallBlockProps,
} from './OnCallBlock';
