package org.scokg.store;

/** A store operation that failed; the message is one line for the user. Nothing was written. */
public class StoreException extends Exception {
    private static final long serialVersionUID = 1L;

    public StoreException(String message) { super(message); }

    public StoreException(String message, Throwable cause) { super(message, cause); }
}
