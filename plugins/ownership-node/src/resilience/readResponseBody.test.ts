import type { UrlReaderServiceReadUrlResponse } from '@backstage/backend-plugin-api';
import { Readable } from 'node:stream';
import { BodyTooLargeError, readResponseBody } from './readResponseBody';

function buffered(text: string): UrlReaderServiceReadUrlResponse {
  return { buffer: async () => Buffer.from(text) };
}

function streamed(chunks: string[]) {
  let stream: Readable | undefined;
  const response: UrlReaderServiceReadUrlResponse = {
    buffer: async () => {
      throw new Error('buffer() should not be called when a stream exists');
    },
    stream: () => {
      stream = Readable.from(chunks.map(c => Buffer.from(c)));
      return stream;
    },
  };
  return { response, destroyed: () => stream?.destroyed };
}

const signal = () => new AbortController().signal;

describe('readResponseBody', () => {
  it('reads a whole body handed over at once', async () => {
    await expect(
      readResponseBody(buffered('BEGIN:VCALENDAR'), {
        maxBytes: 100,
        signal: signal(),
      }),
    ).resolves.toEqual(Buffer.from('BEGIN:VCALENDAR'));
  });

  it('refuses a body handed over at once that is over the limit, with its size', async () => {
    const error = await readResponseBody(buffered('0123456789'), {
      maxBytes: 4,
      signal: signal(),
    }).catch(e => e);

    expect(error).toBeInstanceOf(BodyTooLargeError);
    expect(error).toMatchObject({ maxBytes: 4, size: 10 });
  });

  it('streams a body when it can, and drops it as soon as it passes the limit', async () => {
    const small = streamed(['ab', 'cd']);
    await expect(
      readResponseBody(small.response, { maxBytes: 4, signal: signal() }),
    ).resolves.toEqual(Buffer.from('abcd'));

    const large = streamed(['ab', 'cd', 'ef', 'gh']);
    const error = await readResponseBody(large.response, {
      maxBytes: 4,
      signal: signal(),
    }).catch(e => e);
    expect(error).toBeInstanceOf(BodyTooLargeError);
    expect(error.size).toBeUndefined();
    expect(large.destroyed()).toBe(true);
  });

  it('stops reading when the signal aborts', async () => {
    const controller = new AbortController();
    const response: UrlReaderServiceReadUrlResponse = {
      buffer: async () => Buffer.alloc(0),
      stream: () =>
        new Readable({
          read() {
            // Never ends by itself.
          },
        }),
    };

    const reading = readResponseBody(response, {
      maxBytes: 100,
      signal: controller.signal,
    });
    controller.abort();

    await expect(reading).rejects.toThrow('aborted');
  });
});
