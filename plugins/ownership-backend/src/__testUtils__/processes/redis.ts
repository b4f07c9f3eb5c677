import { connect } from 'node:net';

/**
 * Sends one command to Redis over its wire protocol (RESP) and returns the
 * reply: enough for the replica test to look at and clean up keys, without a
 * Redis client library.
 */
export function redisCommand(url: string, ...args: string[]): Promise<unknown> {
  const { hostname, port } = new URL(url);
  const request = `*${args.length}\r\n${args
    .map(arg => `$${Buffer.byteLength(arg)}\r\n${arg}\r\n`)
    .join('')}`;
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port || 6379), hostname || '127.0.0.1');
    let data = Buffer.alloc(0);
    socket.setTimeout(5_000, () =>
      socket.destroy(new Error(`Redis at ${url} did not answer`)),
    );
    socket.on('error', reject);
    socket.on('connect', () => socket.write(request));
    socket.on('data', (chunk: Buffer) => {
      data = Buffer.concat([data, chunk]);
      const parsed = parse(data, 0);
      if (parsed) {
        socket.end();
        if (parsed.value instanceof Error) {
          reject(parsed.value);
        } else {
          resolve(parsed.value);
        }
      }
    });
  });
}

/** One RESP value at `at`, or undefined while more bytes are needed. */
function parse(
  data: Buffer,
  at: number,
): { value: unknown; next: number } | undefined {
  const eol = data.indexOf('\r\n', at);
  if (eol < 0) {
    return undefined;
  }
  const type = String.fromCharCode(data[at]);
  const line = data.toString('utf8', at + 1, eol);
  switch (type) {
    case '+':
      return { value: line, next: eol + 2 };
    case '-':
      return { value: new Error(line), next: eol + 2 };
    case ':':
      return { value: Number(line), next: eol + 2 };
    case '$': {
      const length = Number(line);
      if (length < 0) {
        return { value: null, next: eol + 2 };
      }
      if (data.length < eol + 2 + length + 2) {
        return undefined;
      }
      return {
        value: data.toString('utf8', eol + 2, eol + 2 + length),
        next: eol + 2 + length + 2,
      };
    }
    case '*': {
      const count = Number(line);
      const items: unknown[] = [];
      let next = eol + 2;
      for (let i = 0; i < count; i++) {
        const item = parse(data, next);
        if (!item) {
          return undefined;
        }
        items.push(item.value);
        next = item.next;
      }
      return { value: count < 0 ? null : items, next };
    }
    default:
      return { value: new Error(`Unexpected Redis reply: ${line}`), next: eol };
  }
}

/** Every key matching `pattern` (SCAN, so Redis is never blocked). */
export async function redisKeys(url: string, pattern: string) {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = (await redisCommand(
      url,
      'SCAN',
      cursor,
      'MATCH',
      pattern,
      'COUNT',
      '1000',
    )) as [string, string[]];
    keys.push(...batch);
    cursor = next;
  } while (cursor !== '0');
  return keys;
}
