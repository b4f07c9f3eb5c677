import type { UrlReaderServiceReadUrlResponse } from '@backstage/backend-plugin-api';

/**
 * Thrown by {@link readResponseBody} for a body over its limit. `size` is
 * known when the reader handed over the whole body at once; a stream is
 * dropped as soon as it passes the limit.
 *
 * @public
 */
export class BodyTooLargeError extends Error {
  constructor(readonly maxBytes: number, readonly size?: number) {
    super(
      size === undefined
        ? `The body is larger than ${maxBytes} bytes`
        : `The body is ${size} bytes, more than ${maxBytes}`,
    );
    this.name = 'BodyTooLargeError';
  }
}

/**
 * Reads the body of a UrlReader response, streaming when the reader can, so
 * that an oversized body is dropped without being held in memory. Aborting
 * `signal` stops the stream. Throws {@link BodyTooLargeError} past
 * `maxBytes`, and the reader's own error when reading fails.
 *
 * @public
 */
export async function readResponseBody(
  response: UrlReaderServiceReadUrlResponse,
  options: { maxBytes: number; signal: AbortSignal },
): Promise<Buffer> {
  const { maxBytes, signal } = options;
  if (!response.stream) {
    const buffer = await response.buffer();
    if (buffer.length > maxBytes) {
      throw new BodyTooLargeError(maxBytes, buffer.length);
    }
    return buffer;
  }
  const stream = response.stream();
  const onAbort = () => stream.destroy(new Error('aborted'));
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of stream) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
      size += buffer.length;
      if (size > maxBytes) {
        stream.destroy();
        throw new BodyTooLargeError(maxBytes);
      }
      chunks.push(buffer);
    }
    return Buffer.concat(chunks);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}
