package org.papergraph.serve;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.apache.jena.atlas.data.BagFactory;
import org.apache.jena.atlas.data.DataBag;
import org.apache.jena.atlas.data.ThresholdPolicyFactory;
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
import org.apache.jena.sparql.system.SerializationFactoryFinder;
import org.apache.jena.web.HttpSC;

/**
 * Fuseki's SPARQL query processor with a cap on the size of an answer: a SELECT that would return more than
 * {@code maxResults} rows, or a CONSTRUCT or DESCRIBE that would return more than {@code maxResults} triples, is
 * answered with an error instead of being cut short silently.
 *
 * <p>A SELECT runs with its LIMIT lowered to {@code maxResults + 1}, so the engine never works past the cap, and its
 * rows are all read before the response starts (held in memory up to {@value #IN_MEMORY_ROWS}, in a temporary file
 * beyond): an answer with more rows than the cap is refused with HTTP 413 and a message naming the cap before any
 * byte is sent, and a 200 answer is always complete. The price is that the first row of a big answer leaves only when
 * the last one is known. CONSTRUCT and DESCRIBE results are built in memory by Fuseki before they are written and
 * are refused with 413 the same way; ASK has one answer.
 *
 * <p>A query stopped by the timeout while its rows are read is answered HTTP 503. Fuseki's text table writer would
 * otherwise catch the cancellation itself, print the rows it had with an "incomplete results" banner and end with
 * status 200. (Should an error still come after the response started, {@link AbortOnLateError} breaks the
 * connection, so a client never takes a cut-off answer for a whole one.)
 *
 * <p>At most {@code concurrent} queries run at once; the others wait their turn (first come, first served) for up to
 * {@code maxWait}, and a request that waited longer is answered 503 with {@code Retry-After}. Without this, every
 * request shares the cores at once under a burst: a query that needs two seconds of CPU alone needs thirty when
 * fifteen others run beside it, and times out, although the server has enough throughput for all of them. The query
 * timeout counts from the start of execution, not from arrival. Thread-safe.
 */
final class CappedQueryProcessor extends SPARQL_QueryDataset {
    /** Rows of an answer held in memory while it is read ahead; the rest wait in a temporary file. */
    static final int IN_MEMORY_ROWS = 10_000;
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

    /**
     * Every row of the answer, read before the response starts: up to {@link #IN_MEMORY_ROWS} in memory, the rest in a
     * temporary file (Jena's {@link DataBag}, deleted on close). An answer with more rows than the cap is refused
     * here, before anything is sent; a timeout while the rows are read is answered 503, also before anything is sent.
     * The engine stops at the cap plus one row (the query's LIMIT is lowered to that), so the file holds at most the
     * cap's worth.
     */
    private final class Capped implements RowSet {
        private final List<Var> vars;
        private DataBag<Binding> bag;
        private final java.util.Iterator<Binding> it;
        private long served;

        Capped(RowSet rows, long cap) {
            this.vars = rows.getResultVars();
            // The first rows in a list of ours; a bag (and its file) only for an answer with more. Jena's bag fails to
            // read back an answer of exactly its threshold's size (IndexOutOfBoundsException: it is marked spilled
            // with no file yet), and every bag here holds more rows than its threshold.
            List<Binding> memory = new ArrayList<>();
            long n = 0;
            try {
                while (more(rows)) {
                    Binding b = pull(rows);
                    if (++n > cap) tooLarge("more than " + cap + " rows");
                    if (bag == null && memory.size() < IN_MEMORY_ROWS) {
                        memory.add(b);
                        continue;
                    }
                    if (bag == null) {
                        bag = BagFactory.newDefaultBag(ThresholdPolicyFactory.count(IN_MEMORY_ROWS),
                                SerializationFactoryFinder.bindingSerializationFactory());
                        for (Binding m : memory) bag.add(m);
                        memory = null;
                    }
                    bag.add(b);
                }
            } catch (RuntimeException | Error e) {
                if (bag != null) bag.close();
                throw e;
            } finally {
                rows.close();
            }
            this.it = bag != null ? bag.iterator() : memory.iterator();
        }

        @Override
        public boolean hasNext() {
            if (it.hasNext()) return true;
            if (bag != null) bag.close(); // the temporary file goes as soon as the last row is out
            return false;
        }

        @Override
        public Binding next() {
            served++;
            return it.next();
        }

        // The timeout surfaces as a cancellation from the rows; it becomes Fuseki's own error for a timeout, which no
        // result writer swallows.
        private boolean more(RowSet rows) {
            try {
                return rows.hasNext();
            } catch (QueryCancelledException e) {
                throw timedOut();
            }
        }

        private Binding pull(RowSet rows) {
            try {
                return rows.next();
            } catch (QueryCancelledException e) {
                throw timedOut();
            }
        }

        @Override public List<Var> getResultVars() { return vars; }

        @Override public long getRowNumber() { return served; }

        @Override public void close() { if (bag != null) bag.close(); }
    }
}
