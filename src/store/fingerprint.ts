// What a cache must have been written by to be used: fixed when the tool is built (bin/build.js
// hashes the version, the pure core and the dependency versions), so records checked by any other
// build are checked again. Running from source (the in-process tests) uses a fixed name.
declare const __MENTOR_COORD_FINGERPRINT__: string | undefined;

export function buildFingerprint(): string {
  return typeof __MENTOR_COORD_FINGERPRINT__ === 'string' ? __MENTOR_COORD_FINGERPRINT__ : 'from-source';
}
