/** Custom mime type for palette drags: the canvas accepts only these, never stray text or files. */
export const PALETTE_MIME = "application/x-eventloom-node-type";
