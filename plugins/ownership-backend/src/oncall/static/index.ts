export { StaticOnCallProvider } from './StaticOnCallProvider';
export { readRotations, type ReadRotationsResult } from './readRotations';
export {
  onCallAt,
  shiftsBetween,
  type RotationOnCall,
  type RotationSegment,
} from './rotationMath';
export type {
  Rotation,
  RotationEscalationStep,
  RotationOverride,
} from './types';
