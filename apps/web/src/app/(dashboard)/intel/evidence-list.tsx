"use client";

import { useQuery } from "@tanstack/react-query";
import { Badge } from "@sunuwai/ui";
import { QueryStatus } from "~/components/query-status";
import { en } from "~/messages/en";
import { useTRPC } from "~/trpc/react";
import { formatDay } from "./format";

const t = en.intel.evidence;

/** The articles behind a figure or an alert: headline in its own script, outlet, day, party, sentiment, topics. */
export function EvidenceList({ postIds, label }: { postIds: string[]; label: string }) {
  const trpc = useTRPC();
  const posts = useQuery({
    ...trpc.intel.posts.queryOptions({ ids: postIds }),
    enabled: postIds.length > 0,
  });
  if (postIds.length === 0) return <p className="text-sm text-slate-600">{t.none}</p>;
  if (!posts.data)
    return <QueryStatus isPending={posts.isPending} isError={posts.isError} what={label} />;
  if (posts.data.length === 0) return <p className="text-sm text-slate-600">{t.none}</p>;
  return (
    <ul
      aria-label={label}
      className="divide-y divide-slate-100 rounded-md border border-slate-200 bg-white"
    >
      {posts.data.map((post) => (
        <li key={post.id} className="px-4 py-3">
          <p lang={post.language ?? undefined} className="font-medium text-slate-900">
            {post.url ? (
              <a
                href={post.url}
                target="_blank"
                rel="noopener noreferrer"
                className="text-indigo-800 underline-offset-2 hover:underline"
              >
                {post.headline}
                <span className="sr-only"> ({t.open})</span>
              </a>
            ) : (
              post.headline
            )}
          </p>
          <p lang={post.language ?? undefined} className="mt-1 line-clamp-2 text-sm text-slate-700">
            {post.text.slice(post.headline.length).trim()}
          </p>
          <div className="mt-2 flex flex-wrap items-center gap-2 text-xs text-slate-600">
            <span className="font-medium text-slate-800">{post.source}</span>
            <span>{formatDay(post.publishedAt.toISOString().slice(0, 10))}</span>
            {post.wardCode && <span className="font-mono">{post.wardCode}</span>}
            {post.party && <Badge tone="info">{post.party}</Badge>}
            {post.sentiment !== null && (
              <Badge
                tone={
                  post.sentiment < -0.1 ? "danger" : post.sentiment > 0.1 ? "success" : "neutral"
                }
              >
                {t.sentiment(post.sentiment)}
              </Badge>
            )}
            {post.topics.map((topic) => (
              <Badge key={topic}>{topic}</Badge>
            ))}
            {post.isDuplicate && <Badge tone="warning">{t.duplicate}</Badge>}
            {post.analysedBy && (
              <span className="text-slate-500">{t.analysedBy(post.analysedBy)}</span>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
