// The load generator's HTTP client: node:http over kept-alive connections. It shares the 2 cores with the app
// it measures, and undici's fetch costs it ~3–4 ms of CPU per request here (measured), node:http about a third.
import http from "node:http";

const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });

/** Sends a request and reads the whole answer: true for a 2xx, otherwise why it failed (status and body start). */
export function request(
  url: string,
  options: { method?: "GET" | "POST"; headers?: Record<string, string>; body?: string } = {},
): Promise<true | string> {
  return new Promise((resolve) => {
    const sent = http.request(
      url,
      {
        agent,
        method: options.method ?? "GET",
        headers: {
          ...options.headers,
          ...(options.body === undefined
            ? {}
            : { "content-length": String(Buffer.byteLength(options.body)) }),
        },
        timeout: 30_000,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          const status = response.statusCode ?? 0;
          resolve(
            status >= 200 && status < 300
              ? true
              : `HTTP ${status} ${Buffer.concat(chunks).toString("utf8").slice(0, 120)}`,
          );
        });
        response.on("error", (error) => resolve(`${error.name}: ${error.message}`));
      },
    );
    sent.on("timeout", () => sent.destroy(new Error("no answer within 30 s")));
    sent.on("error", (error) => resolve(`${error.name}: ${error.message}`));
    sent.end(options.body);
  });
}
