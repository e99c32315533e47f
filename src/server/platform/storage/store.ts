import { randomUUID } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import type { Config } from "../../config.js";

/**
 * Where uploaded files live: the data directory's disk, or an S3 bucket. Keys are made by callers, e.g.
 * `<companyId>/<uuid>/display.jpg`; the store neither lists nor interprets them.
 */
export interface BlobStore {
  /** Stores (or replaces) the blob under `key`. */
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  /** The blob under `key`, or null when there is none. */
  get(key: string): Promise<{ bytes: Buffer; contentType: string } | null>;
  /** Removes the blob under `key`; a key that holds none is not an error. */
  delete(key: string): Promise<void>;
}

const KEY = /^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/;
const MAX_KEY_LENGTH = 1024;

/** Refuses a key that could leave the store's directory or name the same file as another key. */
function checkKey(key: string): void {
  const segments = key.split("/");
  if (
    key.length > MAX_KEY_LENGTH ||
    !KEY.test(key) ||
    key.includes("..") ||
    segments.some((segment) => segment === ".")
  )
    throw new Error(`invalid storage key ${JSON.stringify(key)}`);
}

const CONTENT_TYPE = /^[\w.+-]+\/[\w.+-]+(;[ -~]*)?$/;

function checkContentType(contentType: string): void {
  if (contentType.length > 255 || !CONTENT_TYPE.test(contentType))
    throw new Error(`invalid content type ${JSON.stringify(contentType)}`);
}

const isMissing = (err: unknown) => (err as NodeJS.ErrnoException).code === "ENOENT";

/**
 * Blobs as files under a root directory. Each file is `<key>.blob` and starts with its content type and a
 * newline, then the bytes: one file per blob, so a put is one atomic rename and no reader ever sees new bytes
 * with an old type. The suffix lets `a/b` and `a/b/c` both be keys (a directory and a file side by side).
 */
export class DiskStore implements BlobStore {
  constructor(private readonly root: string) {}

  private fileOf(key: string): string {
    checkKey(key);
    return path.join(this.root, `${key}.blob`);
  }

  async put(key: string, bytes: Buffer, contentType: string): Promise<void> {
    const file = this.fileOf(key);
    checkContentType(contentType);
    await mkdir(path.dirname(file), { recursive: true });
    const temp = `${file}.${randomUUID()}.tmp`;
    try {
      await writeFile(temp, Buffer.concat([Buffer.from(`${contentType}\n`), bytes]), { flush: true });
      await rename(temp, file);
    } catch (err) {
      await rm(temp, { force: true });
      throw err;
    }
  }

  async get(key: string): Promise<{ bytes: Buffer; contentType: string } | null> {
    let stored: Buffer;
    try {
      stored = await readFile(this.fileOf(key));
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
    const newline = stored.indexOf(0x0a);
    return { contentType: stored.subarray(0, newline).toString(), bytes: stored.subarray(newline + 1) };
  }

  async delete(key: string): Promise<void> {
    await rm(this.fileOf(key), { force: true });
  }
}

type S3Settings = Extract<Config["storage"], { kind: "s3" }>;

/** Blobs as objects of one S3 bucket (AWS, or an S3-compatible server at `endpoint`). */
export class S3Store implements BlobStore {
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(settings: S3Settings) {
    this.bucket = settings.bucket;
    this.client = new S3Client({
      endpoint: settings.endpoint,
      region: settings.region,
      credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
      // Bucket in the path, not the host name: S3-compatible servers rarely have a DNS name per bucket.
      forcePathStyle: true,
      // The SDK's default checksums (CRC32 on every request) are not understood by every S3-compatible
      // server; AWS itself needs none for these calls.
      ...(settings.endpoint
        ? { requestChecksumCalculation: "WHEN_REQUIRED", responseChecksumValidation: "WHEN_REQUIRED" }
        : {}),
    });
  }

  async put(key: string, bytes: Buffer, contentType: string): Promise<void> {
    checkKey(key);
    checkContentType(contentType);
    await this.client.send(
      new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: bytes, ContentType: contentType }),
    );
  }

  async get(key: string): Promise<{ bytes: Buffer; contentType: string } | null> {
    checkKey(key);
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      return {
        bytes: Buffer.from((await object.Body?.transformToByteArray()) ?? []),
        contentType: object.ContentType ?? "application/octet-stream",
      };
    } catch (err) {
      if (err instanceof NoSuchKey) return null;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    checkKey(key);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }
}

/** The store the configuration names (STORAGE). */
export function createStore(storage: Config["storage"]): BlobStore {
  return storage.kind === "s3" ? new S3Store(storage) : new DiskStore(storage.dir);
}
