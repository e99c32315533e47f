import type { Client } from "./client.js";

/** Uploads a file as the web app does (`POST /files`, its bytes as the body), for a purpose and a name. */
export const uploadFile = (client: Client, purpose: string, name: string, bytes: Buffer) =>
  client.request("POST", `/api/v1/files?purpose=${purpose}&name=${encodeURIComponent(name)}`, bytes, {
    "content-type": "application/octet-stream",
  });
