package gov.bnl.sphenix.production.source;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.EnumSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jgit.http.server.GitServlet;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.ReceivePack;

/**
 * Serves one git repository over HTTP on 127.0.0.1, as a git hosting service would: clone, fetch
 * and (anonymous, for tests only) push. {@link #stall} makes it a slow server: requests wait until
 * {@link #release}.
 */
public final class GitHttpServer implements AutoCloseable {

    private final Server server;
    private final AtomicReference<CountDownLatch> stalled = new AtomicReference<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();

    public GitHttpServer(Repository repository) throws Exception {
        GitServlet servlet = new GitServlet();
        servlet.setRepositoryResolver((request, name) -> {
            repository.incrementOpen();
            return repository;
        });
        servlet.setReceivePackFactory((request, db) -> new ReceivePack(db));
        ServletContextHandler context = new ServletContextHandler("/");
        context.addFilter(new FilterHolder(new Stall()), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(servlet), "/git/*");
        server = new Server(new InetSocketAddress("127.0.0.1", 0));
        server.setHandler(context);
        server.start();
    }

    public String url(String name) {
        int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
        return "http://127.0.0.1:" + port + "/git/" + name;
    }

    /** From now on every request waits until {@link #release}. */
    public void stall() {
        stalled.set(new CountDownLatch(1));
    }

    /** How many requests the server has had. */
    public int requests() {
        return requests.get();
    }

    /** How many requests are waiting in a stall now. */
    public int waiting() {
        return waiting.get();
    }

    /** Lets the waiting requests (and all later ones) through. */
    public void release() {
        CountDownLatch latch = stalled.getAndSet(null);
        if (latch != null) {
            latch.countDown();
        }
    }

    /** Holds a request while the server is stalled; bounded, so a forgotten release cannot hang a build. */
    private final class Stall implements Filter {
        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            requests.incrementAndGet();
            CountDownLatch latch = stalled.get();
            if (latch != null) {
                waiting.incrementAndGet();
                try {
                    latch.await(2, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    waiting.decrementAndGet();
                }
            }
            chain.doFilter(request, response);
        }
    }

    @Override
    public void close() {
        release();
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the git server", e);
        }
    }
}
