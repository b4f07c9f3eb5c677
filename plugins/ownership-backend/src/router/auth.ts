import type {
  BackstageCredentials,
  HttpAuthService,
} from '@backstage/backend-plugin-api';

/** Reads the caller's credentials; users and services only, never anonymous. */
export function requireCredentials(
  httpAuth: HttpAuthService,
  req: Parameters<HttpAuthService['credentials']>[0],
): Promise<BackstageCredentials> {
  return httpAuth.credentials(req, { allow: ['user', 'service'] });
}
