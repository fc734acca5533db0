package org.papergraph.serve;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;

/**
 * Turns an error that happens after a response was committed into a broken connection.
 *
 * <p>A query that times out (or fails) while its results stream out has already sent status 200 and part of the
 * body. Fuseki then sets the error status, which the committed response silently ignores, and appends its message to
 * the body; Jetty ends the response normally, and a client sees a 200 whose body is a cut-off document. This filter
 * notices the late error status, drops Fuseki's message and aborts the exchange, so HTTP clients get a transfer
 * error (curl exits non-zero, Java's HttpClient throws) instead of a plausible-looking truncated answer. Errors before
 * the commit pass through untouched as normal status codes.
 */
final class AbortOnLateError extends HttpFilter {
    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        Guard guard = new Guard(resp);
        chain.doFilter(req, guard);
        if (guard.lateStatus > 0) {
            ServletContextRequest jetty = ServletContextRequest.getServletContextRequest(req);
            IOException why = new IOException("request failed with status " + guard.lateStatus
                    + " after its response was committed; aborting the response");
            if (jetty == null) throw why;
            jetty.getServletChannel().abort(why);
        }
    }

    private static final class Guard extends HttpServletResponseWrapper {
        int lateStatus;

        Guard(HttpServletResponse resp) { super(resp); }

        private boolean late(int sc) {
            if (sc >= 400 && isCommitted()) {
                lateStatus = sc;
                return true;
            }
            return false;
        }

        @Override public void setStatus(int sc) { if (!late(sc)) super.setStatus(sc); }

        @Override public void sendError(int sc) throws IOException { if (!late(sc)) super.sendError(sc); }

        @Override public void sendError(int sc, String msg) throws IOException { if (!late(sc)) super.sendError(sc, msg); }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            // After a late error the only writer left is the error message, which must not join the cut-off body.
            return lateStatus > 0 ? DISCARD : super.getOutputStream();
        }
    }

    private static final ServletOutputStream DISCARD = new ServletOutputStream() {
        @Override public boolean isReady() { return true; }
        @Override public void setWriteListener(WriteListener listener) {}
        @Override public void write(int b) {}
        @Override public void write(byte[] b, int off, int len) {}
    };
}
