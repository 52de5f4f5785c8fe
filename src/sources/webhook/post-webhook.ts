/** What one POST to a webhook came to. `permanent`: retrying cannot help (the receiver refused the request). */
export type PostOutcome =
  | { readonly ok: true; readonly status: number }
  | { readonly ok: false; readonly permanent: boolean; readonly error: string };

/**
 * POSTs a JSON body to a webhook URL with a timeout. 2xx is delivered; 408, 429 and 5xx, a timeout or a network
 * error may pass on a later try; any other status is the receiver refusing this request for good.
 */
export async function postWebhook(url: string, body: string, timeoutMs: number): Promise<PostOutcome> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'kgap-webhook/1' },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.arrayBuffer().catch(() => undefined);
    if (response.ok) return { ok: true, status: response.status };
    const s = response.status;
    return { ok: false, permanent: s < 500 && s !== 408 && s !== 429, error: `HTTP ${s}` };
  } catch (error) {
    const e = error as Error & { cause?: { code?: string } };
    const detail = e.name === 'TimeoutError' ? `no answer in ${timeoutMs} ms` : (e.cause?.code ?? e.message);
    return { ok: false, permanent: false, error: detail };
  }
}
