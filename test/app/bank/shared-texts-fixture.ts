/** A content/texts.md and a family that uses it, for the shared text tests (loader, cache, live reload). */

/** A shared file: one table for slots, one taken sentence by sentence. */
export const SHARED = `---
# What each slot's size means.
size_words:
  small: "a {{n_@}} KB record is small"
  large: "a {{n_@}} KB record is large"
limit_words:
  quota: "The 400 KB item size is a fixed limit of the service for every {{what_@}}, not a quota AWS raises on request."
  binary: "Binary values count toward the 400 KB by their raw bytes."
---
Not a scenario.
`;

/** The payload-home family (the choice template) with its quota why taken from limit_words. */
export function familyUsingShared(text: string): string {
  return text
    .replace(/^answer: /m, 'texts:\n  quota_why: { use: limit_words, by: quota, with: { what_@: "{{app.payload}}" } }\nanswer: ')
    .replace(/why: The 400 KB item size is a fixed limit of the service, not a quota AWS raises on request\./, 'why: {{quota_why}}');
}

/** SHARED with only the table familyUsingShared uses, so no table is unused. */
export const SHARED_USED = SHARED.replace(/size_words:[\s\S]*?limit_words:/, 'limit_words:');
