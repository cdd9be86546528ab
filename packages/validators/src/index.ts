export * from "./roles";
export * from "./auth";
export * from "./wards";
export * from "./admin";
export * from "./errors";
export * from "./grievance";
export * from "./intel";
