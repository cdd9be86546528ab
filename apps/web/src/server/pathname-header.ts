/** Request header src/proxy.ts sets to the requested path and query (it overwrites any value a client sent). */
export const PATHNAME_HEADER = "x-sunuwai-pathname";
