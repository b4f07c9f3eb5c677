export { StaticOnCallProvider } from './StaticOnCallProvider';
export { readRotations } from './readRotations';
export { onCallAt, shiftsBetween } from './rotationMath';
export type {
  Rotation,
  RotationEscalationStep,
  RotationOverride,
} from './types';
