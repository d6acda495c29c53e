/** Checks a `?src=` value: only same-origin http(s) URLs are fetched, so /replay/ cannot be pointed elsewhere. */
export function sameOriginUrl(src: string, pageUrl: string): URL | undefined {
  try {
    const url = new URL(src, pageUrl);
    const page = new URL(pageUrl);
    return url.origin === page.origin && (url.protocol === 'http:' || url.protocol === 'https:') ? url : undefined;
  } catch {
    return undefined;
  }
}
