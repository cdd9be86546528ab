import { createServer } from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import NextAuth from "next-auth";
import type { NextAuthOptions } from "next-auth";
import { parseCookieHeader } from "../src/session-cookie";

type PagesApiHandlerArgs = Parameters<typeof NextAuth>;

async function readForm(req: IncomingMessage): Promise<Record<string, string>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString("utf8")));
}

/** Serves next-auth at /api/auth/* the way a Next.js pages API route would, on a real HTTP port. */
export async function serveNextAuth(
  options: NextAuthOptions,
): Promise<{ origin: string; close: () => Promise<void> }> {
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const nextauth = url.pathname
      .replace(/^\/api\/auth\/?/, "")
      .split("/")
      .filter(Boolean);
    const apiReq = Object.assign(req, {
      query: { ...Object.fromEntries(url.searchParams), nextauth },
      body: req.method === "POST" ? await readForm(req) : undefined,
      cookies: Object.fromEntries(parseCookieHeader(req.headers.cookie ?? "")),
    });
    const apiRes = Object.assign(res, {
      status(code: number) {
        res.statusCode = code;
        return apiRes;
      },
      json(value: unknown) {
        res.setHeader("content-type", "application/json");
        res.end(JSON.stringify(value));
      },
      send(body: unknown) {
        if (typeof body === "string") res.end(body);
        else apiRes.json(body);
      },
    });
    await NextAuth(...([apiReq, apiRes, options] as unknown as PagesApiHandlerArgs));
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      res.statusCode = 500;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      ),
  };
}

/** A minimal browser: keeps cookies between requests and never follows redirects. */
export class CookieBrowser {
  readonly cookies = new Map<string, string>();

  constructor(private readonly origin: string) {}

  get cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  async get(path: string): Promise<Response> {
    return this.remember(
      await fetch(this.origin + path, {
        headers: { cookie: this.cookieHeader },
        redirect: "manual",
      }),
    );
  }

  async postForm(path: string, form: Record<string, string>): Promise<Response> {
    return this.remember(
      await fetch(this.origin + path, {
        method: "POST",
        headers: { cookie: this.cookieHeader, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(form).toString(),
        redirect: "manual",
      }),
    );
  }

  private remember(response: Response): Response {
    for (const setCookie of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = setCookie.split(";");
      const separator = pair.indexOf("=");
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      const expired = attributes.some(
        (attribute) =>
          /^\s*max-age=0\s*$/i.test(attribute) || /expires=Thu, 01 Jan 1970/i.test(attribute),
      );
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }
}
