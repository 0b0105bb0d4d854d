/**
 * Links a message shares: plain URLs and `[URL=…]` BB codes in its text, and rich-link / link blocks
 * of its attachments (`params.ATTACH[].BLOCKS[].RICH_LINK|LINK`). Only http(s) URLs are kept, so a
 * `javascript:` link can never reach the page.
 */
import { asArray, asRecord, readString } from '@imkit/app-kit';

const urlInText = /\bhttps?:\/\/[^\s"'<>[\]]+/gi;
const trailingPunctuation = /[.,;:!?)]+$/;

/** The URL if it is a well-formed http(s) URL, else null. */
export function safeHttpUrl(candidate: string): string | null {
  try {
    const url = new URL(candidate);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}

function linksInText(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(urlInText)) found.push(match[0].replace(trailingPunctuation, ''));
  return found;
}

function linksInAttach(params: unknown): string[] {
  const found: string[] = [];
  for (const attach of asArray(asRecord(params)?.ATTACH)) {
    for (const block of asArray(asRecord(attach)?.BLOCKS)) {
      const record = asRecord(block);
      for (const key of ['RICH_LINK', 'LINK']) {
        const entries = asRecord(record?.[key]) ? [record?.[key]] : asArray(record?.[key]);
        for (const entry of entries) found.push(readString(asRecord(entry), 'LINK'));
      }
    }
  }
  return found;
}

/** Unique http(s) links of one message, in order of appearance. */
export function extractLinks(text: string, params: unknown): string[] {
  const unique = new Set<string>();
  for (const candidate of [...linksInText(text), ...linksInAttach(params)]) {
    const url = safeHttpUrl(candidate);
    if (url) unique.add(url);
  }
  return [...unique];
}
