// Types of serve.mjs, which stays plain JavaScript so the offline kit runs it on any Node.js.
import type { Server } from 'node:http';

export function fileFor(root: string, urlPath: string): string | undefined;
export function startServer(root: string, options?: { port?: number; host?: string }): Promise<{ server: Server; url: string }>;
