// The tRPC handler on a real HTTP port, as Next.js serves /api/trpc: request bodies in, responses (SSE included)
// streamed out chunk by chunk.
import { createServer } from "node:http";
import type { IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";

function toRequest(req: IncomingMessage, origin: string, signal: AbortSignal): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  const method = req.method ?? "GET";
  const body = method === "GET" || method === "HEAD" ? undefined : Readable.toWeb(req);
  return new Request(new URL(req.url ?? "/", origin), {
    method,
    headers,
    body: body as ReadableStream<Uint8Array> | undefined,
    signal,
    duplex: "half",
  } as RequestInit);
}

export async function serveHandler(
  handler: (req: Request) => Promise<Response>,
): Promise<{ origin: string; close: () => Promise<void> }> {
  let origin = "";
  const server = createServer((req, res) => {
    const disconnected = new AbortController();
    res.on("close", () => disconnected.abort());
    handler(toRequest(req, origin, disconnected.signal))
      .then((response) => {
        res.statusCode = response.status;
        response.headers.forEach((value, name) => res.setHeader(name, value));
        if (!response.body) return void res.end();
        res.flushHeaders();
        const body = Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>);
        body.on("error", () => res.destroy());
        res.on("close", () => body.destroy());
        body.pipe(res);
      })
      .catch(() => {
        res.statusCode = 500;
        res.end();
      });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
