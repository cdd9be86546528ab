export type { StaffActor, ChatbotActor, EventActor } from "./access/actor";
export {
  canSeeGrievance,
  canRevealPii,
  isSensitive,
  visibleGrievanceWhere,
  visibleGrievanceSql,
  staffMaySeeLiveEvent,
  chatbotMaySeeLiveEvent,
} from "./access/visibility";
export {
  HELPDESK_CHANNEL,
  EVENT_SUBJECT_SELECT,
  recordGrievanceEvent,
  recordGrievanceEvents,
  liveKindOf,
} from "./events";
export type { EventSubject, NewGrievanceEvent } from "./events";
export * from "./pii";
export { rotateKeys } from "./pii/rotate";
export type { RotationOptions, RotationProgress, RotationResult } from "./pii/rotate";
export {
  STATUS_TRANSITIONS,
  GRIEVANCE_STATUS_LABELS,
  OPEN_GRIEVANCE_STATUSES,
  allowedNextStatuses,
  assertTransition,
  canTransition,
  isOpenStatus,
} from "./workflow/status";
export type { GrievanceStatus, TransitionActor } from "./workflow/status";
export { NEPAL_GRM_SLA, MAX_ESCALATION_LEVEL, slaDueAt, slaPolicyFromEnv } from "./workflow/sla";
export type { SlaPolicy } from "./workflow/sla";
export { createGrievance } from "./services/create-grievance";
export { findComplainantIdsByPhone, findComplainantIdsByEmail } from "./services/complainants";
export { listQueue, countQueue, QUEUE_COUNT_CAP } from "./services/queue";
export { getGrievanceDetail, getGrievanceDetailByReference } from "./services/detail";
export {
  assignGrievance,
  changeStatus,
  bulkChangeStatus,
  addComment,
  confirmClassification,
} from "./services/staff-actions";
export { revealComplainantPii } from "./services/reveal-pii";
export { findSimilarGrievances, suggestSimilarGrievances } from "./services/similar";
export { slaReport } from "./services/sla-report";
export { listAssignees } from "./services/assignees";
export { escalateOverdueGrievances } from "./services/escalate-overdue";
export type { EscalationRun } from "./services/escalate-overdue";
export {
  getGrievanceForComplainant,
  getGrievanceFiledByChatbot,
  listGrievancesByPhone,
  addComplainantMessage,
  answerFollowUpQuestion,
  disputeGrievance,
} from "./services/chatbot";
