"use client";

import { Card, Tabs } from "@sunuwai/ui";
import type { GrievanceDetail, Role } from "@sunuwai/validators";
import { useHelpdeskText } from "../language-provider";
import { AssignForm } from "./assign-form";
import { CommentForm } from "./comment-form";
import { StatusForm } from "./status-form";

/** What an officer does with a grievance: write, move it on, hand it over. */
export function ActionsPanel({
  grievance,
  viewer,
}: {
  grievance: GrievanceDetail;
  viewer: { id: string; role: Role };
}) {
  const { t } = useHelpdeskText();
  return (
    <Card title={t.detail.actions}>
      <Tabs
        label={t.detail.actionTabs}
        tabs={[
          {
            id: "comment",
            label: `${t.comment.note} / ${t.comment.reply}`,
            content: <CommentForm grievanceId={grievance.id} />,
          },
          {
            id: "status",
            label: t.changeStatus.submit,
            content: <StatusForm grievance={grievance} />,
          },
          {
            id: "assign",
            label: t.assign.submit,
            content: <AssignForm grievance={grievance} viewer={viewer} />,
          },
        ]}
      />
    </Card>
  );
}
