package org.papergraph.cli;

/** A failure the user can fix; printed without a stack trace, with the exit status given. */
public class UserException extends RuntimeException {
    private final int status;

    public UserException(String message) { this(message, 3); }
    public UserException(String message, int status) {
        super(message);
        this.status = status;
    }

    public int status() { return status; }
}
