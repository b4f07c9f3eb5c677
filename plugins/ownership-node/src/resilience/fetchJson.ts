import { RemoteHttpError, retryAfterMs } from './errors';
import type { Resilience } from './createResilience';

/**
 * GETs JSON from a remote system through its {@link Resilience} policies.
 * An error status becomes a {@link RemoteHttpError} that carries
 * `Retry-After`, so that the retries wait as long as the server asks.
 *
 * @public
 */
export async function fetchJson<T>(
  resilience: Resilience,
  url: string,
  init: RequestInit = {},
): Promise<T> {
  return resilience.execute(async signal => {
    const response = await fetch(url, { ...init, signal });
    if (!response.ok) {
      const body = await response.text().catch(() => '');
      throw new RemoteHttpError(
        response.status,
        `${init.method ?? 'GET'} ${new URL(url).pathname} answered ${
          response.status
        } ${response.statusText}${body ? `: ${body.slice(0, 200)}` : ''}`,
        retryAfterMs(response.headers),
      );
    }
    return (await response.json()) as T;
  });
}
