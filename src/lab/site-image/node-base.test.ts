import { describe, expect, it } from 'vitest';
import { nodeBaseDockerfile, nodeBaseSummary, npmVersionFor } from './node-base.ts';

describe('npmVersionFor', () => {
  it('gives the npm a Node release bundles, with or without the v', () => {
    expect(npmVersionFor('v24.21.0')).toBe('11.19.0');
    expect(npmVersionFor('24.21.0')).toBe('11.19.0');
  });

  it('refuses an unknown Node rather than guessing', () => {
    expect(() => npmVersionFor('v24.99.0')).toThrow('add the npm its release bundles to BUNDLED_NPM');
  });
});

describe('nodeBaseDockerfile', () => {
  const dockerfile = nodeBaseDockerfile('v24.21.0', { 'org.lean-containers-workshop.provenance': 'assembled' });

  it('lays Node out as the official image does: /usr/local, a node user 1000, npm and npx linked', () => {
    expect(dockerfile.split('\n')[0]).toBe('FROM debian:trixie-slim');
    expect(dockerfile).toContain('useradd --uid 1000 --gid node');
    expect(dockerfile).toContain('COPY node /usr/local/bin/node');
    expect(dockerfile).toContain('ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm');
    expect(dockerfile).toContain('ENV NODE_VERSION=24.21.0');
  });

  it('labels the stand-in as assembled', () => {
    expect(dockerfile).toContain('LABEL org.lean-containers-workshop.provenance="assembled"');
  });
});

describe('nodeBaseSummary', () => {
  it('says what the stand-in is made of and what it leaves out', () => {
    const summary = nodeBaseSummary('v24.21.0', '11.19.0');
    expect(summary).toContain('Node v24.21.0');
    expect(summary).toContain('npm 11.19.0');
    expect(summary).toContain('without corepack, yarn and headers');
  });
});
