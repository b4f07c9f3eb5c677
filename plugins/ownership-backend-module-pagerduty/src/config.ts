import type { Config } from '@backstage/config';
import type { ResilienceOptions } from '@ownership-portal/plugin-ownership-node';

/** The US service region's REST API. */
export const DEFAULT_BASE_URL = 'https://api.pagerduty.com';

/** `ownership.oncall.pagerduty`, read and checked. */
interface PagerDutyConfig {
  token: string;
  baseUrl: string;
  webUrl?: string;
  resilience: Omit<ResilienceOptions, 'name' | 'logger'>;
}

function checkUrl(value: string, key: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${key} must be an absolute URL, got "${value}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`${key} must be an http(s) URL, got "${value}"`);
  }
  return value.replace(/\/+$/, '');
}

function positive(config: Config, key: string, path: string) {
  const value = config.getOptionalNumber(key);
  if (value !== undefined && !(value > 0)) {
    throw new Error(`${path}.${key} must be a positive number, got ${value}`);
  }
  return value;
}

/**
 * Reads `ownership.oncall.pagerduty`; undefined when no token is configured.
 */
export function readPagerDutyConfig(root: Config): PagerDutyConfig | undefined {
  const path = 'ownership.oncall.pagerduty';
  const config = root.getOptionalConfig(path);
  const token = config?.getOptionalString('token')?.trim();
  if (!config || !token) {
    return undefined;
  }
  const webUrl = config.getOptionalString('webUrl');
  return {
    token,
    baseUrl: checkUrl(
      config.getOptionalString('baseUrl') ?? DEFAULT_BASE_URL,
      `${path}.baseUrl`,
    ),
    ...(webUrl && { webUrl: checkUrl(webUrl, `${path}.webUrl`) }),
    resilience: {
      timeoutMs: positive(config, 'timeoutMs', path),
      maxAttempts: positive(config, 'maxAttempts', path),
      breakerThreshold: positive(config, 'breakerThreshold', path),
      halfOpenAfterMs: positive(config, 'halfOpenAfterMs', path),
      concurrency: positive(config, 'concurrency', path),
    },
  };
}
