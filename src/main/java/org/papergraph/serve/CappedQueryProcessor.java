package org.papergraph.serve;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecResult;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.web.HttpSC;

/**
 * Fuseki's SPARQL query processor with a cap on the size of an answer: a SELECT that would return more than
 * {@code maxResults} rows, or a CONSTRUCT or DESCRIBE that would return more than {@code maxResults} triples, is
 * answered with an error instead of being cut short silently.
 *
 * <p>A SELECT runs with its LIMIT lowered to {@code maxResults + 1}, so the engine never works past the cap. The first
 * {@value #LOOKAHEAD} rows are read before anything is sent, so an answer whose excess shows within them is refused
 * with HTTP 413 and a message naming the cap. Beyond that, rows stream out as usual and the row after the last
 * allowed one raises the same error after the 200 was committed; {@link AbortOnLateError} then breaks the
 * connection, so the client sees a failed transfer, never a complete-looking answer. CONSTRUCT and DESCRIBE results are built in
 * memory by Fuseki before they are written and are refused with 413 before any byte is sent.
 *
 * <p>A query stopped by the timeout while its rows are read is answered the same way: HTTP 503 when nothing was sent
 * yet, a broken transfer otherwise. Fuseki's text table writer would otherwise catch the cancellation itself, print
 * the rows it had with an "incomplete results" banner and end with status 200.
 *
 * <p>At most {@code concurrent} queries run at once; the others wait their turn (first come, first served) for up to
 * {@code maxWait}, and a request that waited longer is answered 503 with {@code Retry-After}. Without this, every
 * request shares the cores at once under a burst: a query that needs two seconds of CPU alone needs thirty when
 * fifteen others run beside it, and times out, although the server has enough throughput for all of them. The query
 * timeout counts from the start of execution, not from arrival. Thread-safe.
 */
final class CappedQueryProcessor extends SPARQL_QueryDataset {
    /** Rows read ahead before the response starts; small enough to hold in memory for every concurrent request. */
    static final int LOOKAHEAD = 256;
    private final long maxResults;
    private final Semaphore running;
    private final int concurrent;
    private final long maxWaitMillis;

    CappedQueryProcessor(long maxResults, int concurrent, long maxWaitMillis) {
        if (maxResults < 1) throw new IllegalArgumentException("maxResults must be positive: " + maxResults);
        if (concurrent < 1) throw new IllegalArgumentException("concurrent must be positive: " + concurrent);
        this.maxResults = maxResults;
        this.concurrent = concurrent;
        this.running = new Semaphore(concurrent, true);
        this.maxWaitMillis = maxWaitMillis;
    }

    @Override
    protected void execute(String queryString, HttpAction action) {
        boolean admitted;
        try {
            admitted = running.tryAcquire(maxWaitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            action.getResponse().setHeader("Retry-After", "10");
            ServletOps.error(HttpSC.SERVICE_UNAVAILABLE_503, "server busy: " + concurrent
                    + " queries are running and this one waited " + maxWaitMillis / 1000 + " s for its turn; try again later");
            return;
        }
        try {
            super.execute(queryString, action);
        } finally {
            running.release();
        }
    }

    @Override
    protected QueryExec createQueryExec(HttpAction action, Query query, DatasetGraph dataset) {
        Query q = query;
        if (q.isSelectType() && (!q.hasLimit() || q.getLimit() > maxResults)) {
            q = q.cloneQuery();
            q.setLimit(maxResults + 1);
        }
        return super.createQueryExec(action, q, dataset);
    }

    @Override
    protected QueryExecResult executeQuery(HttpAction action, QueryExec exec, Query query, String queryStringLog) {
        QueryExecResult r = super.executeQuery(action, exec, query, queryStringLog);
        if (r.isRowSet()) return new QueryExecResult(new Capped(r.rowSet(), maxResults));
        if (r.isGraph() && r.graph().size() > maxResults) tooLarge(r.graph().size() + " triples");
        if (r.isDataset()) {
            long n = r.dataset().stream().limit(maxResults + 1).count();
            if (n > maxResults) tooLarge("more than " + maxResults + " triples");
        }
        return r;
    }

    private void tooLarge(String what) {
        ServletOps.error(HttpSC.PAYLOAD_TOO_LARGE_413, "result exceeds the server's cap of " + maxResults
                + " results (" + what + "); narrow the query or page through it with LIMIT and OFFSET");
    }

    private static RuntimeException timedOut() {
        ServletOps.error(HttpSC.SERVICE_UNAVAILABLE_503, "Query timed out");
        return new IllegalStateException("unreachable: ServletOps.error throws");
    }

    /** Passes rows through and fails when one more than the cap is present; reads ahead on creation. */
    private final class Capped implements RowSet {
        private final RowSet rows;
        private final long cap;
        private final Deque<Binding> ahead = new ArrayDeque<>();
        private long served;

        Capped(RowSet rows, long cap) {
            this.rows = rows;
            this.cap = cap;
            while (ahead.size() < LOOKAHEAD && ahead.size() <= cap && more()) ahead.add(pull());
            if (ahead.size() > cap) {
                rows.close();
                tooLarge("more than " + cap + " rows");
            }
        }

        @Override
        public boolean hasNext() {
            if (!ahead.isEmpty()) return true;
            boolean more = more();
            if (more && served >= cap) tooLarge("more than " + cap + " rows");
            return more;
        }

        @Override
        public Binding next() {
            if (!ahead.isEmpty()) {
                served++;
                return ahead.poll();
            }
            if (served >= cap && more()) tooLarge("more than " + cap + " rows");
            served++;
            return pull();
        }

        // The timeout surfaces as a cancellation from the rows; it becomes Fuseki's own error for a timeout, which no
        // result writer swallows.
        private boolean more() {
            try {
                return rows.hasNext();
            } catch (QueryCancelledException e) {
                throw timedOut();
            }
        }

        private Binding pull() {
            try {
                return rows.next();
            } catch (QueryCancelledException e) {
                throw timedOut();
            }
        }

        @Override public List<Var> getResultVars() { return rows.getResultVars(); }

        @Override public long getRowNumber() { return served; }

        @Override public void close() { rows.close(); }
    }
}
