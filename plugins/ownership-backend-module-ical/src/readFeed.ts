import type {
  CacheService,
  UrlReaderService,
  UrlReaderServiceReadUrlResponse,
} from '@backstage/backend-plugin-api';
import { toError } from '@backstage/errors';
import {
  BodyTooLargeError,
  RemoteHttpError,
  readResponseBody,
  type Resilience,
} from '@ownership-portal/plugin-ownership-node';
import { feedKey, feedLabel } from './feedLabel';

/**
 * How long a feed's text is kept with its ETag, to ask the host whether it
 * changed. The text is used only after the host answers 304 for that ETag.
 */
const REVALIDATE_TTL_MS = 24 * 60 * 60 * 1000;
/** Feeds longer than this (in characters) are not kept: one cache value that large would strain Redis. */
const MAX_CACHED_CHARS = 1024 * 1024;

/** A feed's text with the ETag its host sent for it. */
type CachedFeed = { etag: string; text: string };

async function cachedFeed(
  cache: CacheService | undefined,
  key: string,
): Promise<CachedFeed | undefined> {
  const value = (await cache?.get(key).catch(() => undefined)) as
    | Partial<CachedFeed>
    | undefined;
  return value &&
    typeof value.etag === 'string' &&
    typeof value.text === 'string'
    ? (value as CachedFeed)
    : undefined;
}

/**
 * A read that trying again will not help: the feed is missing, its URL is
 * refused by `backend.reading.allow`, or it is too big. Carries a 4xx status
 * so that the resilience policies neither retry it nor count it against the
 * host's circuit breaker.
 */
class FeedRefusedError extends RemoteHttpError {
  constructor(status: number, message: string) {
    super(status, message);
    this.name = 'FeedRefusedError';
  }
}

/**
 * Turns a UrlReader error into one that says which feed could not be read
 * and whether trying again may help: not found, not allowed and invalid URLs
 * are final; everything else (5xx, network errors) is retried.
 */
function readError(url: string, error: unknown): Error {
  const { name, message } = toError(error);
  // Readers quote the URL in their messages; it must not reach logs or answers.
  const text = `Cannot read iCalendar feed ${feedLabel(url)}: ${message.replace(
    /\b(?:https?|webcals?):\/\/[^\s'"<>]*[^\s'"<>.,;:)]/gi,
    '<feed URL>',
  )}`;
  switch (name) {
    case 'NotFoundError':
      return new FeedRefusedError(404, text);
    case 'NotAllowedError':
      return new FeedRefusedError(403, text);
    case 'InputError':
      return new FeedRefusedError(400, text);
    default:
      // The fetch reader refuses a redirect to a host outside the allow list
      // with a plain error.
      if (/not allowed by backend\.reading\.allow/i.test(message)) {
        return new FeedRefusedError(403, text);
      }
      return new Error(text);
  }
}

function tooBig(url: string, maxBytes: number) {
  return new FeedRefusedError(
    413,
    `iCalendar feed ${feedLabel(
      url,
    )} is bigger than the limit of ${maxBytes} bytes (ownership.oncall.ical.maxBytes)`,
  );
}

async function readBody(
  url: string,
  response: UrlReaderServiceReadUrlResponse,
  maxBytes: number,
  signal: AbortSignal,
): Promise<Buffer> {
  try {
    return await readResponseBody(response, { maxBytes, signal });
  } catch (error) {
    throw error instanceof BodyTooLargeError
      ? tooBig(url, maxBytes)
      : readError(url, error);
  }
}

/**
 * Reads a feed through the UrlReader (so `backend.reading.allow` and the
 * integrations decide which hosts may be read) under the host's resilience
 * policies, and decodes it as UTF-8. With a cache, the feed is asked with
 * the ETag of its last read, and an unchanged feed (304) is not downloaded
 * again; the cache key is a digest of the URL, never the URL.
 */
export async function readFeed(options: {
  urlReader: UrlReaderService;
  resilience: Resilience;
  url: string;
  maxBytes: number;
  cache?: CacheService;
}): Promise<string> {
  const { urlReader, resilience, url, maxBytes, cache } = options;
  const key = `${feedKey(url)}:etag`;
  const cached = await cachedFeed(cache, key);
  const read = await resilience.execute(async signal => {
    let response: UrlReaderServiceReadUrlResponse;
    try {
      response = await urlReader.readUrl(url, {
        signal,
        ...(cached && { etag: cached.etag }),
      });
    } catch (error) {
      if (cached && toError(error).name === 'NotModifiedError') {
        return undefined;
      }
      throw readError(url, error);
    }
    return {
      body: await readBody(url, response, maxBytes, signal),
      etag: response.etag,
    };
  });
  if (!read) {
    // Not modified: the ETag was sent only with a cached text.
    return cached!.text;
  }
  const text = read.body.toString('utf8');
  if (cache && read.etag && text.length <= MAX_CACHED_CHARS) {
    await cache
      .set(key, { etag: read.etag, text }, { ttl: REVALIDATE_TTL_MS })
      .catch(() => undefined);
  }
  return text;
}
