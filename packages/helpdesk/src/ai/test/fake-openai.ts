import { createServer } from "node:http";
import type { IncomingMessage, Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  path: string;
  /** `response_format.json_schema.name` of a chat request (classification, summary …), or "transcription". */
  kind: string;
  body: string;
}

export type FakeReply = { status: 200; json: unknown } | { status: number; error: string };

/**
 * An OpenAI-compatible server on 127.0.0.1 for tests: answers chat completions with the structured output a
 * test sets per schema name, and audio transcriptions with a fixed text; can be switched to fail with 500s.
 */
export class FakeOpenAi {
  readonly requests: RecordedRequest[] = [];
  /** Structured answers by schema name, as the model would write them. */
  answers: Record<string, unknown> = {};
  transcript = "";
  failWith: number | null = null;
  private server: Server | undefined;

  get baseURL(): string {
    const address = this.server?.address() as AddressInfo | null;
    if (!address) throw new Error("fake OpenAI server is not started");
    return `http://127.0.0.1:${address.port}/v1`;
  }

  count(kind: string): number {
    return this.requests.filter((request) => request.kind === kind).length;
  }

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      void readBody(request).then((body) => {
        const reply = this.reply(request.url ?? "", body);
        response.writeHead(reply.status, { "content-type": "application/json" });
        response.end(
          JSON.stringify(
            "json" in reply
              ? reply.json
              : { error: { message: reply.error, type: "server_error" } },
          ),
        );
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }

  private reply(path: string, body: string): FakeReply {
    if (path.endsWith("/audio/transcriptions")) {
      this.requests.push({ path, kind: "transcription", body });
      if (this.failWith) return { status: this.failWith, error: "transcription backend down" };
      return { status: 200, json: { text: this.transcript } };
    }
    if (path.endsWith("/chat/completions")) {
      const parsed = JSON.parse(body) as {
        model: string;
        response_format?: { json_schema?: { name?: string } };
      };
      const kind = parsed.response_format?.json_schema?.name ?? "chat";
      this.requests.push({ path, kind, body });
      if (this.failWith) return { status: this.failWith, error: "model overloaded" };
      const answer = this.answers[kind];
      if (answer === undefined)
        return { status: 400, error: `the fake has no answer for "${kind}"` };
      return {
        status: 200,
        json: {
          id: `chatcmpl-${this.requests.length}`,
          object: "chat.completion",
          created: Math.floor(Date.now() / 1000),
          model: parsed.model,
          choices: [
            {
              index: 0,
              finish_reason: "stop",
              logprobs: null,
              message: { role: "assistant", content: JSON.stringify(answer), refusal: null },
            },
          ],
          usage: { prompt_tokens: 50, completion_tokens: 20, total_tokens: 70 },
        },
      };
    }
    return { status: 404, error: `no route ${path}` };
  }
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
