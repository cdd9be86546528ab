// Every user-facing string of the dashboard, grouped by screen, so a translation catalogue can replace it.
import { helpdeskEn } from "./helpdesk.en";
import { intelEn } from "./intel.en";

export const en = {
  app: {
    name: "Sunuwai",
    tagline: "Grievance helpdesk and ward intelligence",
  },
  roles: {
    ADMIN: "Admin",
    SUPERVISOR: "Supervisor",
    OFFICER: "Officer",
    ANALYST: "Analyst",
  },
  sections: {
    helpdesk: "Helpdesk",
    intel: "Ward intelligence",
    admin: "Admin",
  },
  login: {
    title: "Sign in",
    intro: "Staff sign-in for the helpdesk and ward intelligence dashboards.",
    email: "Email",
    password: "Password",
    submit: "Sign in",
    pending: "Signing in…",
    invalidCredentials: "Invalid email or password.",
    sessionEnded: "Your session has ended. Please sign in again.",
    unreachable: "Could not reach the server. Check your connection and try again.",
    failed: "Sign-in failed. Please try again.",
  },
  shell: {
    signedInAs: "Signed in as",
    signOut: "Sign out",
    signingOut: "Signing out…",
    mainNav: "Sections",
    skipToContent: "Skip to content",
  },
  forbidden: {
    title: "Access denied",
    body: (section: string) => `You do not have access to ${section}.`,
    signedInAs: (name: string, role: string) => `Signed in as ${name} (${role}).`,
    genericBody: "You do not have access to this page.",
    goHome: "Go to your dashboard",
  },
  notFound: {
    title: "Page not found",
    body: "The page you asked for does not exist.",
    goHome: "Go to the start page",
  },
  common: {
    loading: "Loading…",
  },
  errors: {
    title: "Something went wrong",
    body: "The page could not be loaded. Try again; if it keeps failing, tell an administrator.",
    retry: "Try again",
    loadFailed: (what: string) => `Could not load ${what}. Try again in a moment.`,
    actionFailed:
      "That did not work. Try again in a moment; if it keeps failing, tell an administrator.",
  },
  helpdesk: helpdeskEn,
  intel: intelEn,
  wards: {
    code: "Code",
    name: "Name",
    localName: "Local name",
    municipality: "Municipality / city",
    country: "Country",
  },
  admin: {
    title: "Admin",
    intro: "Staff accounts and API tokens for integrations such as the chatbot.",
    usersTitle: "Users",
    usersEmpty: "No users yet.",
    usersEmptyHelp: "Create the first accounts with `pnpm db:seed`.",
    user: {
      name: "Name",
      email: "Email",
      role: "Role",
      state: "State",
      lastLogin: "Last sign-in",
      active: "Active",
      locked: (until: string) => `Locked until ${until}`,
      disabled: "Disabled",
      never: "Never",
    },
    tokensTitle: "API tokens",
    tokensDescription:
      "Bearer tokens for the chatbot and other integrations. The secret is shown only once.",
    tokensEmpty: "No API tokens yet.",
    tokensEmptyHelp:
      "Create one below for the chatbot, then give it the secret shown after creation.",
    token: {
      name: "Name",
      prefix: "Prefix",
      scopes: "Scopes",
      lastUsed: "Last used",
      state: "State",
      active: "Active",
      revoked: (when: string) => `Revoked ${when}`,
      never: "Never",
      revoke: "Revoke",
      revoking: "Revoking…",
      confirmRevoke: (name: string) =>
        `Revoke the token “${name}”? Integrations using it stop working at once.`,
    },
    createToken: {
      title: "Create an API token",
      name: "Token name",
      nameHint: "Who or what uses it, e.g. “Chatbot (production)”.",
      scopes: "Scopes",
      scopesHint: "Grant only what the integration needs.",
      submit: "Create token",
      pending: "Creating…",
      secretTitle: "Copy this token now",
      secretBody: "It will not be shown again. Store it in the integration's secret settings.",
      copy: "Copy",
      copied: "Copied",
      done: "Done",
      nameRequired: "Give the token a name.",
      scopesRequired: "Choose at least one scope.",
    },
  },
} as const;

export type SectionName = keyof typeof en.sections;
