import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BlobStore, createStore } from "./store.js";

type Backend = { store: BlobStore; close: () => Promise<void> };

const temp = (prefix: string) => mkdtempSync(path.join(tmpdir(), prefix));

async function disk(): Promise<Backend> {
  const root = temp("chungcu-disk-store-");
  return {
    store: createStore({ kind: "disk", dir: root }),
    close: async () => rmSync(root, { recursive: true }),
  };
}

/**
 * A real S3-compatible server (s3rver, its bucket created, its data in a temp directory), behind a front that
 * refuses the AWS SDK's optional checksum headers as Cloudflare R2 and Ceph do: the store must work with such
 * servers too.
 */
async function s3(): Promise<Backend> {
  const directory = temp("chungcu-s3rver-");
  const server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: "chungcu-test", configs: [] }],
  });
  const { port: s3Port } = await server.run();
  const front = createServer((req, res) => {
    if (Object.keys(req.headers).some((name) => name.startsWith("x-amz-checksum-"))) {
      res.writeHead(501).end("NotImplemented: x-amz-checksum headers");
      return;
    }
    const upstream = request(
      { host: "127.0.0.1", port: s3Port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => front.listen(0, "127.0.0.1", resolve));
  const store = createStore({
    kind: "s3",
    // A host name: given an IP address the SDK would put the bucket in the path even without forcePathStyle.
    endpoint: `http://localhost:${(front.address() as AddressInfo).port}`,
    region: "ap-southeast-1",
    bucket: "chungcu-test",
    // s3rver's fixed credentials: it checks every request's signature against them.
    accessKeyId: "S3RVER",
    secretAccessKey: "S3RVER",
  });
  return {
    store,
    close: async () => {
      front.closeAllConnections();
      await new Promise((resolve) => front.close(resolve));
      await server.close();
      rmSync(directory, { recursive: true });
    },
  };
}

describe.each([
  { name: "DiskStore", open: disk },
  { name: "S3Store", open: s3 },
])("$name", ({ open }) => {
  let backend: Backend;
  let store: BlobStore;
  beforeAll(async () => {
    backend = await open();
    store = backend.store;
  });
  afterAll(() => backend.close());

  const company = "0a6f1c6e-5a7e-4a43-9d1f-6a1b0b3f9c11";

  it("gives back what was put, with its content type", async () => {
    const key = `${company}/photo-1/display.jpg`;
    await store.put(key, Buffer.from("jpeg bytes"), "image/jpeg");
    expect(await store.get(key)).toEqual({ bytes: Buffer.from("jpeg bytes"), contentType: "image/jpeg" });
    await store.put(`${company}/doc-1/minutes.pdf`, Buffer.from("%PDF-1.7"), "application/pdf");
    expect((await store.get(`${company}/doc-1/minutes.pdf`))?.contentType).toBe("application/pdf");
    await store.put(`${company}/note.txt`, Buffer.from("xin chào"), "text/plain; charset=utf-8");
    expect((await store.get(`${company}/note.txt`))?.contentType).toBe("text/plain; charset=utf-8");
  });

  it("keeps every byte value, newlines included, and a large blob, unchanged", async () => {
    const everyByte = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    const large = randomBytes(3 * 1024 * 1024);
    await store.put(`${company}/bytes.bin`, everyByte, "application/octet-stream");
    await store.put(`${company}/large.bin`, large, "application/octet-stream");
    await store.put(`${company}/empty.bin`, Buffer.alloc(0), "application/octet-stream");
    expect((await store.get(`${company}/bytes.bin`))?.bytes.equals(everyByte)).toBe(true);
    expect((await store.get(`${company}/large.bin`))?.bytes.equals(large)).toBe(true);
    expect((await store.get(`${company}/empty.bin`))?.bytes.length).toBe(0);
  });

  it("replaces a blob put again under the same key, content type included", async () => {
    const key = `${company}/photo-2/display.jpg`;
    await store.put(key, Buffer.from("first"), "image/png");
    await store.put(key, Buffer.from("second"), "image/jpeg");
    expect(await store.get(key)).toEqual({ bytes: Buffer.from("second"), contentType: "image/jpeg" });
  });

  it("holds a key and keys below it side by side", async () => {
    await store.put(`${company}/a`, Buffer.from("outer"), "text/plain");
    await store.put(`${company}/a/b`, Buffer.from("inner"), "text/plain");
    expect((await store.get(`${company}/a`))?.bytes.toString()).toBe("outer");
    expect((await store.get(`${company}/a/b`))?.bytes.toString()).toBe("inner");
  });

  it("answers null for a missing key, deletes, and takes the delete of a missing key", async () => {
    const key = `${company}/photo-3/thumb.jpg`;
    expect(await store.get(key)).toBeNull();
    await store.put(key, Buffer.from("thumb"), "image/jpeg");
    await store.delete(key);
    expect(await store.get(key)).toBeNull();
    await expect(store.delete(key)).resolves.toBeUndefined();
    await expect(store.delete(`${company}/never/was.jpg`)).resolves.toBeUndefined();
  });

  it.each([
    "",
    "/etc/passwd",
    "../outside",
    `${company}/../../outside`,
    `${company}/./x`,
    `${company}//x`,
    `${company}/`,
    "a\\b",
    "tên tệp.jpg",
    "a b",
    "a?b",
    "x".repeat(1025),
  ])("refuses the key %j on put, get and delete", async (key) => {
    await expect(store.put(key, Buffer.from("x"), "text/plain")).rejects.toThrow(/invalid storage key/);
    await expect(store.get(key)).rejects.toThrow(/invalid storage key/);
    await expect(store.delete(key)).rejects.toThrow(/invalid storage key/);
  });

  it.each(["", "jpeg", "text/plain\r\nx-amz-acl: public-read", "image/jpeg\nforged"])(
    "refuses the content type %j",
    async (contentType) => {
      await expect(store.put(`${company}/typed`, Buffer.from("x"), contentType)).rejects.toThrow(
        /invalid content type/,
      );
      expect(await store.get(`${company}/typed`)).toBeNull();
    },
  );
});

describe("DiskStore on disk", () => {
  const root = temp("chungcu-disk-layout-");
  afterAll(() => rmSync(root, { recursive: true }));

  it("writes under its root only, leaving no temporary file behind", async () => {
    const store = createStore({ kind: "disk", dir: path.join(root, "files") });
    await store.put("c1/p1/display.jpg", Buffer.from("x"), "image/jpeg");
    await expect(store.put("../escaped", Buffer.from("x"), "text/plain")).rejects.toThrow();
    expect(readdirSync(root)).toEqual(["files"]);
    expect(readdirSync(path.join(root, "files", "c1", "p1"))).toEqual(["display.jpg.blob"]);
    expect(existsSync(path.join(root, "escaped.blob"))).toBe(false);
  });
});
