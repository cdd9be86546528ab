import { TRPCClientError } from "@trpc/client";
import { en } from "~/messages/en";

/** True for a tRPC call the server refused as a bad request (4xx): retrying it cannot succeed. */
export function isRequestError(error: unknown): boolean {
  if (!(error instanceof TRPCClientError)) return false;
  const status = (error.data as { httpStatus?: number } | undefined)?.httpStatus;
  return status !== undefined && status >= 400 && status < 500;
}

/**
 * The text to show for a failed call: the server's message for request errors (the API's error formatter
 * writes those for users), a fixed message for server and network failures.
 */
export function userFacingError(error: unknown): string {
  if (isRequestError(error) && error instanceof Error && error.message) return error.message;
  return en.errors.actionFailed;
}
