import type {
  BackstageCredentials,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import type { Request } from 'express';

/** Reads the caller's credentials; users and services only, never anonymous. */
export function requireCredentials(
  httpAuth: HttpAuthService,
  req: Request,
): Promise<BackstageCredentials> {
  return httpAuth.credentials(req, { allow: ['user', 'service'] });
}
