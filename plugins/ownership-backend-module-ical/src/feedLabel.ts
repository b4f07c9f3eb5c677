import { createHash } from 'node:crypto';

/**
 * How logs and error messages name a feed: its host and a fingerprint of the
 * full URL, never the URL itself. Feed URLs often carry a secret token in
 * the path or query (Google Calendar's private address, Outlook's published
 * calendars), and messages end up in logs and in on-call answers.
 */
export function feedLabel(url: string): string {
  const fingerprint = createHash('sha256')
    .update(url)
    .digest('hex')
    .slice(0, 8);
  let host: string | undefined;
  try {
    host = new URL(url.replace(/^webcals?:\/\//i, 'https://')).host;
  } catch {
    host = undefined;
  }
  return host ? `on ${host} (#${fingerprint})` : `(#${fingerprint}, not a URL)`;
}

/**
 * The on-call target key of a feed: a digest of its URL, so that cache keys
 * (in Redis, when the backend shares its cache) never hold the URL itself.
 */
export function feedKey(url: string): string {
  return `ical:${createHash('sha256').update(url).digest('hex')}`;
}
