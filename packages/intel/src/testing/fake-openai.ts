import { createServer } from "node:http";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeArticle {
  index: number;
  title: string;
  body: string;
  language: string | null;
  country: string | null;
}
export interface FakeAnswer {
  index: number;
  sentiment: number;
  topics: string[];
  party: string | null;
}

/**
 * An OpenAI-compatible chat server on 127.0.0.1 for tests of the OpenAI analyser: reads the articles out of each request
 * and answers with what `answer` says about them, or fails with `failWith`.
 */
export class FakeOpenAi {
  requests = 0;
  models: string[] = [];
  failWith: number | null = null;
  answer: (articles: FakeArticle[]) => FakeAnswer[] = (articles) => articles.map((a) => ({ index: a.index, sentiment: 0, topics: [], party: null }));
  private server: Server | undefined;

  get baseURL(): string {
    const address = this.server?.address() as AddressInfo | null;
    if (!address) throw new Error("fake OpenAI server is not started");
    return `http://127.0.0.1:${address.port}/v1`;
  }

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        this.requests++;
        const reply = this.reply(request.url ?? "", Buffer.concat(chunks).toString("utf8"));
        response.writeHead(reply.status, { "content-type": "application/json" });
        response.end(JSON.stringify(reply.json));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private reply(url: string, body: string): { status: number; json: unknown } {
    if (!url.endsWith("/chat/completions")) return { status: 404, json: { error: { message: `no route ${url}` } } };
    if (this.failWith) return { status: this.failWith, json: { error: { message: "model overloaded", type: "server_error" } } };
    const request = JSON.parse(body) as { model: string; messages: { role: string; content: string }[] };
    this.models.push(request.model);
    const user = request.messages.find((m) => m.role === "user")?.content ?? "";
    const articles = JSON.parse(user.replace(/^<articles>\n/u, "").replace(/\n<\/articles>$/u, "")) as FakeArticle[];
    return {
      status: 200,
      json: {
        id: `chatcmpl-${this.requests}`,
        object: "chat.completion",
        created: Math.floor(Date.now() / 1000),
        model: request.model,
        choices: [{ index: 0, finish_reason: "stop", logprobs: null, message: { role: "assistant", content: JSON.stringify({ articles: this.answer(articles) }), refusal: null } }],
        usage: { prompt_tokens: 50, completion_tokens: 20, total_tokens: 70 },
      },
    };
  }
}
