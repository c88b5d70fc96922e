package org.scokg.serve;

/**
 * A canned-query answer as it is sent, and as the {@link ResultCache} keeps it.
 *
 * @param body        the serialized results
 * @param contentType the {@code Content-Type} header
 * @param limitHeader the {@code Scokg-Result-Limit} header, or null when no rows were cut off
 * @param next        the offset of the next page when this is a page that the answer goes on
 *                    after, or -1
 */
record Answer(byte[] body, String contentType, String limitHeader, long next) {
    /** Bytes held, for the cache's bound. */
    long weight() { return body.length + 256L; }
}
