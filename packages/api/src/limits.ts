/** Most calls one HTTP request may batch; a client link must not exceed it either. */
export const MAX_BATCH_SIZE = 10;
