// Clients for the files tests: staff signed in through next-auth's real credentials flow, tRPC for filing
// grievances as the chatbot, multipart bodies built by hand (so field order and streaming are under test control).
import { randomBytes } from "node:crypto";
import { request as httpRequest } from "node:http";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import superjson from "superjson";
import type { AppRouter } from "@sunuwai/api";

/** Signs in with the seed password and returns the session cookie, as a browser would hold it. */
export async function signIn(origin: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${origin}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
  const response = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const session = response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0] ?? "")
    .find((cookie) => cookie.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`sign-in of ${email} failed (${response.status})`);
  return session;
}

export function chatbotClient(origin: string, token: string) {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${origin}/api/trpc`,
        transformer: superjson,
        headers: { authorization: `Bearer ${token}` },
      }),
    ],
  });
}

export interface Part {
  name: string;
  value: string | Buffer;
  filename?: string;
}

/** A multipart/form-data body with its parts in the given order. */
export function multipart(parts: Part[]): { body: Buffer; contentType: string } {
  const boundary = `----sunuwai${randomBytes(8).toString("hex")}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = part.filename
      ? `form-data; name="${part.name}"; filename="${part.filename}"`
      : `form-data; name="${part.name}"`;
    const type = part.filename ? "Content-Type: application/octet-stream\r\n" : "";
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${type}\r\n`));
    chunks.push(Buffer.isBuffer(part.value) ? part.value : Buffer.from(part.value));
    chunks.push(Buffer.from("\r\n"));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

export interface StreamedUpload {
  status: number;
  body: string;
  /** Bytes the client had written when the response arrived. */
  sentWhenAnswered: number;
  total: number;
}

/**
 * Sends `head`, then `total` bytes of filler, then `tail`, one chunk at a time as the socket accepts them
 * (chunked, unless `declareLength`), and stops sending as soon as the response arrives.
 */
export function streamUpload(
  url: string,
  options: {
    headers: Record<string, string>;
    head: Buffer;
    tail: Buffer;
    fillerBytes: number;
    declareLength: boolean;
  },
): Promise<StreamedUpload> {
  const total = options.head.length + options.fillerBytes + options.tail.length;
  const chunk = Buffer.alloc(64 * 1024);
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = httpRequest(url, {
      method: "POST",
      headers: {
        ...options.headers,
        ...(options.declareLength ? { "content-length": String(total) } : {}),
      },
    });
    req.on("response", (res) => {
      answered = true;
      const sentWhenAnswered = sent;
      const chunks: Buffer[] = [];
      res.on("data", (data: Buffer) => chunks.push(data));
      res.on("end", () => {
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString("utf8"),
          sentWhenAnswered,
          total,
        });
        req.destroy();
      });
    });
    // The server may close the connection once it has answered; writes after that fail, which is expected.
    req.on("error", (error) => {
      if (!answered) reject(error);
    });
    const write = (data: Buffer) => {
      sent += data.length;
      return req.write(data);
    };
    write(options.head);
    let filler = options.fillerBytes;
    const pump = () => {
      while (!answered && filler > 0) {
        const piece = filler >= chunk.length ? chunk : chunk.subarray(0, filler);
        filler -= piece.length;
        if (!write(piece)) {
          req.once("drain", pump);
          return;
        }
      }
      if (!answered) req.end(options.tail);
    };
    pump();
  });
}
